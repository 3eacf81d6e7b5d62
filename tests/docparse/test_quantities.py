"""Counted quantities of narrative reports and the indicators they measure (issue #6)."""

from __future__ import annotations

import json

import pytest

from tests.docparse.devset import SEED_EXPECTATIONS, load_devset, score_devset, score_heldout
from tests.docparse.samples import SEEDS_DIR
from ttdn.docparse import find_quantities, map_indicator, parse, parse_file


def figures(text: str) -> list[tuple[object, str, str, str | None]]:
    return [(q.value, q.approx, q.unit, q.indicator) for q in find_quantities(text)]


def test_training_sentence_gives_each_figure_its_indicator():
    text = (
        "tỉnh đã tổ chức 07 hội nghị tập huấn, 08 buổi nói chuyện chuyên đề, 12 lớp bồi dưỡng "
        "cho hơn 5.000 lượt CBCC-VC trên địa bàn tỉnh."
    )
    assert figures(text) == [
        (7, "exact", "hội nghị tập huấn", "training_sessions"),
        (8, "exact", "buổi nói chuyện chuyên đề", "talks"),
        (12, "exact", "lớp bồi dưỡng", "courses"),
        (5000, "at_least", "lượt CBCC-VC", "training_attendances"),
    ]


def test_text_and_offsets_point_into_the_source():
    text = "Năm nay tỉnh tổ chức hơn 5.000 lượt người tham dự."
    (quantity,) = find_quantities(text)
    assert quantity.text == "hơn 5.000 lượt người"
    assert text[quantity.start : quantity.end] == quantity.text
    assert text[quantity.sentence_start : quantity.sentence_end] == text


@pytest.mark.parametrize(
    ("phrase", "value"),
    [
        ("212.000 người theo dõi", 212000),
        ("13.350 người đăng ký", 13350),
        ("1,5 triệu lượt xem", 1500000),
        ("02 ngôn ngữ", 2),
        ("hơn 25 nghìn bản", 25000),
    ],
)
def test_vietnamese_number_formats(phrase, value):
    (quantity,) = find_quantities(f"Trong kỳ có {phrase} được ghi nhận.")
    assert quantity.value == value


@pytest.mark.parametrize(
    ("qualifier", "approx"),
    [("hơn", "at_least"), ("trên", "at_least"), ("khoảng", "about"), ("gần", "at_most")],
)
def test_qualifiers(qualifier, approx):
    (quantity,) = find_quantities(f"Thu hút {qualifier} 600 lượt người dân tham dự.")
    assert (quantity.value, quantity.approx, quantity.qualifier) == (600, approx, qualifier)
    assert quantity.text.startswith(qualifier)


def test_magnitude_word_is_a_qualifier_without_value():
    (quantity,) = find_quantities("Hàng nghìn lượt du khách tham quan gian trưng bày.")
    assert (quantity.value, quantity.approx, quantity.unit) == (
        None,
        "at_least",
        "lượt du khách",
    )


def test_distributive_phrase_yields_both_figures_and_links_the_people_to_the_delegations():
    text = "Đón tiếp 10 đoàn phóng viên nước ngoài với 198 người đến tìm hiểu về tỉnh."
    assert figures(text) == [
        (10, "exact", "đoàn phóng viên nước ngoài", "foreign_press_delegations"),
        (198, "exact", "người", "foreign_press_visitors"),
    ]


def test_rate_is_one_quantity_with_its_period():
    (quantity,) = find_quantities(
        "các ấn phẩm tài liệu không kinh doanh (trung bình 120 ấn phẩm/1 năm)"
    )
    assert (quantity.value, quantity.approx, quantity.unit, quantity.per) == (
        120,
        "about",
        "ấn phẩm",
        "year",
    )
    assert quantity.text == "trung bình 120 ấn phẩm/1 năm"
    assert quantity.indicator == "publications"


@pytest.mark.parametrize(
    "text",
    [
        "Thực hiện Kế hoạch số 281/KH-UBND ngày 21/8/2024 và Kết luận số 57-KL/TW.",
        "Căn cứ Nghị định 30/2020/NĐ-CP, Kế hoạch 262 của UBND tỉnh.",
        "Đồng Nai, ngày 03 tháng 7 năm 2024",
        "giai đoạn 2023 - 2025, tầm nhìn đến năm 2030",
        "phát sóng 18h00 vào thứ tư, bản tin phát lúc 6g00 hàng ngày",
        "Cập nhật 23/05/2019 09:51",
        "1. Bối cảnh, tình hình\nII. KẾT QUẢ\n3. Kết quả thực hiện",
        "Triển lãm lần thứ 4 năm 2024; Đại hội khóa XIII; tuần thứ 3 hàng tháng",
        "các Hội nghị như G7, ASEAN 43, APEC 2023; kênh VTV4, VTC10 và VOV5",
        "Điện thoại: 0251. 3827070 - Fax: 0251. 3827071; Công an113, hotline 0905 123 456",
        "tỷ lệ đạt 95%, tăng 12% so với cùng kỳ",
        "Trong 6 tháng đầu năm, sau 3 năm triển khai, định kỳ 6 tháng/lần",
    ],
)
def test_digits_that_count_nothing_are_not_quantities(text):
    assert find_quantities(text) == []


def test_platform_breakdown_and_the_unit_the_sentence_is_about():
    text = (
        "Bên cạnh đó, Báo Đồng Nai thiết lập 03 trang mạng xã hội trên facebook, zalo, youtube; "
        "Đài Phát thanh Truyền hình Đồng Nai thiết lập 05 trang mạng xã hội (trong đó trang "
        "facebook Thời sự Đồng Nai thu hút 212.000 người theo dõi; kênh youtube Truyền hình Đồng "
        "Nai 13.350 người đăng ký)."
    )
    pages, more_pages, followers, subscribers = find_quantities(text)
    assert (pages.indicator, pages.org_unit) == ("social_pages", "Báo Đồng Nai")
    assert pages.category is None  # three platforms named: a total, not one platform
    assert pages.categories == ("platform:facebook", "platform:zalo", "platform:youtube")
    assert more_pages.org_unit == "Đài Phát thanh Truyền hình Đồng Nai"
    assert (followers.indicator, followers.category) == ("social_followers", "platform:facebook")
    assert (subscribers.indicator, subscribers.category) == ("social_followers", "platform:youtube")
    assert subscribers.org_unit == "Đài Phát thanh Truyền hình Đồng Nai"


def test_language_breakdown_follows_each_figure():
    text = "Cổng thông tin điện tử đăng 1.245 tin, bài bằng tiếng Anh và 830 tin, bài tiếng Trung."
    english, chinese = find_quantities(text)
    assert (english.indicator, english.category) == ("website_articles", "language:en")
    assert chinese.category == "language:zh"


def test_partner_named_after_voi_is_not_the_unit():
    text = "Sở Ngoại vụ phối hợp với Báo Nhân Dân thực hiện 06 phóng sự về tỉnh."
    (quantity,) = find_quantities(text)
    assert quantity.org_unit == "Sở Ngoại vụ"


def test_a_paragraph_about_one_unit_gives_its_later_figures_to_that_unit():
    text = (
        "Báo Đồng Nai duy trì chuyên trang “Hội nhập và phát triển”. Trong kỳ, báo đăng 300 tin, "
        "bài về hoạt động đối ngoại.\nCác huyện tổ chức 12 buổi nói chuyện chuyên đề."
    )
    articles, talks = find_quantities(text)
    assert articles.org_unit == "Báo Đồng Nai"
    assert talks.org_unit is None  # a new paragraph names no unit


def test_unmapped_quantity_is_kept():
    (quantity,) = find_quantities("Tỉnh lưu ý 05 nhóm nhiệm vụ và giải pháp.")
    assert (quantity.value, quantity.unit, quantity.indicator) == (5, "nhóm nhiệm vụ", None)


def test_mapping_works_on_text_typed_without_diacritics():
    assert map_indicator("hoi nghi tap huan", "to chuc 07 hoi nghi tap huan") == (
        "training_sessions"
    )


def test_pages_taken_down_are_not_the_units_own_channels():
    (quantity,) = find_quantities("Đã xử lý 12 trang mạng xã hội có nội dung xấu độc.")
    assert quantity.indicator is None


def test_parse_fills_quantities_in_the_contract():
    data = parse("Sở đã tổ chức 03 hội nghị tập huấn cho 120 đại biểu.").to_dict()
    first = data["quantities"][0]
    assert {"value", "approx", "unit", "indicator", "text", "start", "end"} <= set(first)
    assert first["value"] == 3
    assert first["indicator"] == "training_sessions"
    json.dumps(data)  # JSON-ready


def test_development_set_has_at_least_30_paragraphs():
    assert len(load_devset()) >= 30


def test_development_set_meets_the_accuracy_targets():
    score = score_devset()
    assert score.f1 >= 0.95, score.misses
    assert score.mapping_accuracy >= 0.9, score.misses


def test_held_out_paragraphs_meet_the_accuracy_targets():
    score = score_heldout()
    assert score.f1 >= 0.95, score.misses
    assert score.mapping_accuracy >= 0.9, score.misses


@pytest.mark.skipif(not SEEDS_DIR.is_dir(), reason="../shared/seeds is not beside this checkout")
@pytest.mark.parametrize("name", sorted(json.loads(SEED_EXPECTATIONS.read_text(encoding="utf-8"))))
def test_seed_quantities(name):
    expected = json.loads(SEED_EXPECTATIONS.read_text(encoding="utf-8"))[name]
    found = parse_file(SEEDS_DIR / name).quantities
    assert [(q.value, q.indicator) for q in found] == [
        (want["value"], want["indicator"]) for want in expected
    ]
    for quantity, want in zip(found, expected, strict=True):
        assert quantity.approx == want["approx"]
        if "org_unit" in want:
            assert quantity.org_unit == want["org_unit"]
        if "category" in want:
            assert quantity.category == want["category"]


def test_catalogue_keywords_map_an_indicator_the_rules_do_not_know():
    from ttdn.docparse import keyword_table

    table = keyword_table({"podcasts": ["tập podcast"], "training_sessions": ["hội nghị tập huấn"]})
    (quantity,) = find_quantities("Sở sản xuất 08 tập podcast về du lịch.", keywords=table)
    assert quantity.indicator == "podcasts"
    (plain,) = find_quantities("Sở sản xuất 08 tập podcast về du lịch.")
    assert plain.indicator is None


def test_longest_catalogue_keyword_wins_and_default_words_keep_their_rules():
    from ttdn.docparse import DEFAULT_KEYWORDS, keyword_table

    table = keyword_table(
        {
            "short_videos": ["video ngắn"],
            "social_posts": list(DEFAULT_KEYWORDS["social_posts"]),
            "website_articles": list(DEFAULT_KEYWORDS["website_articles"]),
        }
    )
    found = find_quantities(
        "Đăng 12 video ngắn trên Facebook và 30 tin, bài trên trang thông tin điện tử.",
        keywords=table,
    )
    assert [q.indicator for q in found] == ["short_videos", "website_articles"]
