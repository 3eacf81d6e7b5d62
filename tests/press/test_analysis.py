"""Mentions, topics and tone on Vietnamese and English articles written for these tests."""

from __future__ import annotations

import pytest

from tests.press.conftest import EN_TEXT, NEGATIVE_TEXT, OTHER_TEXT, VI_TEXT
from ttdn.press import services
from ttdn.press.analysis import detect_language, normalise_url
from ttdn.press.models import Article

pytestmark = pytest.mark.django_db


def ingest(title: str, text: str, url: str) -> Article:
    source = services.save_source(code="bao", name="Báo Thử", actor=None)
    result = services.ingest_article(
        source=source,
        url=url,
        title=title,
        text=text,
        published_at=None,
        context=services.analysis_context(),
    )
    assert result.article is not None
    return result.article


def mentioned(article: Article) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for mention in article.mentions.select_related("unit"):
        found.setdefault(mention.unit.code, []).append(mention.sentence)
    return found


def topics(article: Article) -> dict[str, list[list]]:
    return {item.topic.code: item.matched for item in article.topics.select_related("topic")}


def test_vietnamese_article_mentions_province_units_and_places_with_sentences(province):
    article = ingest("Đồng Nai thu hút nhà đầu tư", VI_TEXT, "https://bao.vn/a")
    found = mentioned(article)
    assert set(found) == {"dong-nai", "so-vhttdl-dn", "bien-hoa", "tam-hiep"}
    assert found["tam-hiep"] == [
        (
            "Sở Văn hóa, Thể thao và Du lịch tỉnh Đồng Nai giới thiệu các điểm đến du lịch mới tại "
            "phường Tam Hiệp."
        )
    ]
    assert "Đồng Nai thu hút nhà đầu tư" in found["dong-nai"]  # the title counts
    assert article.mentions_province


def test_english_article_without_diacritics_matches_the_same_units(province):
    article = ingest("Dong Nai draws record investors", EN_TEXT, "https://news.example/a")
    found = mentioned(article)
    assert {"dong-nai", "bien-hoa", "so-vhttdl-dn"} <= set(found)
    assert "lam-thu" not in found


def test_generic_unit_name_alone_does_not_mention_the_province(province):
    article = ingest(
        "Culture department opens a festival",
        "The Department of Culture, Sports and Tourism opened a festival of traditional music "
        "and crafts in the capital on Sunday, with artists from twelve countries.",
        "https://news.example/b",
    )
    assert mentioned(article) == {}
    assert not article.mentions_province


def test_article_about_something_else_mentions_nothing(province):
    article = ingest("Giá cà phê biến động", OTHER_TEXT, "https://bao.vn/c")
    assert mentioned(article) == {}
    assert topics(article) == {}


def test_topics_keep_the_keywords_that_gave_them(province):
    article = ingest("Đồng Nai thu hút nhà đầu tư", VI_TEXT, "https://bao.vn/a")
    found = topics(article)
    assert {"investment", "tourism"} <= set(found)
    investment = dict(found["investment"])
    assert investment["nha dau tu"] >= 2
    assert "von fdi" in investment
    english = ingest("Dong Nai draws record investors", EN_TEXT, "https://news.example/a")
    assert {"investment", "tourism"} <= set(topics(english))


def test_one_passing_word_is_not_a_topic(province):
    article = ingest(
        "Thời tiết Nam Bộ",
        "Trời nắng nóng kéo dài ở Nam Bộ, nhiều nơi trên 36 độ. Người dân nên hạn chế ra "
        "đường buổi trưa; du khách cần mang theo nước uống.",
        "https://bao.vn/t",
    )
    assert "tourism" not in topics(article)


def test_tone_is_suggested_with_its_words_and_can_be_confirmed(province, officer):
    positive = ingest("Đồng Nai thu hút nhà đầu tư", VI_TEXT, "https://bao.vn/a")
    assert positive.tone_suggested == "positive"
    assert ["an tuong", 1] in positive.tone_why["positive"]
    negative = ingest("Ô nhiễm kéo dài ở phường Tam Hiệp", NEGATIVE_TEXT, "https://bao.vn/n")
    assert negative.tone_suggested == "negative"
    words = dict(negative.tone_why["negative"])
    assert words["o nhiem"] == 2
    assert "buc xuc" in words
    neutral = ingest("Giá cà phê", OTHER_TEXT, "https://bao.vn/c")
    assert neutral.tone_suggested == "neutral"
    confirmed = services.confirm_tone(article=negative, tone="neutral", actor=officer)
    assert confirmed.tone == "neutral"
    assert confirmed.tone_suggested == "negative"
    assert confirmed.tone_confirmed_by == officer


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (VI_TEXT, "vi"),
        (EN_TEXT, "en"),
        ("Dong Nai thu hut nha dau tu nuoc ngoai vao cac khu cong nghiep trong nam nay", "vi"),
        ("同奈省吸引外国投资者，工业园区发展迅速。", "zh"),
        ("ドンナイ省は外国からの投資を呼び込んでいます。", "ja"),
        ("동나이성은 올해 많은 외국인 투자자를 유치했습니다.", "ko"),
        ("ແຂວງດົ່ງນາຍດຶງດູດການລົງທຶນຈາກຕ່າງປະເທດ", "lo"),
        ("ខេត្តដុងណៃទាក់ទាញការវិនិយោគពីបរទេស", "km"),
    ],
)
def test_language_is_detected_offline(text, language):
    assert detect_language(text) == language


@pytest.mark.parametrize(
    ("url", "key"),
    [
        ("https://www.Bao.vn/a/b/?utm_source=x&id=3#top", "bao.vn/a/b?id=3"),
        ("http://bao.vn:80/a", "bao.vn/a"),
        ("https://bao.vn/a?b=2&a=1&fbclid=zz", "bao.vn/a?a=1&b=2"),
    ],
)
def test_urls_are_normalised(url, key):
    assert normalise_url(url) == key
