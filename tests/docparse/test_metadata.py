from __future__ import annotations

import datetime as dt

import pytest

from tests.docparse.samples import official_text
from ttdn.docparse import parse


def test_state_document_header_and_footer():
    parsed = parse(official_text())
    meta = parsed.metadata

    assert parsed.kind == "administrative"
    assert (meta.doc_type, meta.number, meta.issued_at) == (
        "Kế hoạch",
        "281/KH-UBND",
        dt.date(2024, 8, 21),
    )
    assert meta.issuer == "Ủy ban nhân dân tỉnh Đồng Nai"
    assert meta.title == "Triển khai công tác thông tin đối ngoại năm 2025"
    assert meta.signer.title == "KT. CHỦ TỊCH – PHÓ CHỦ TỊCH"
    assert meta.signer.name == "Nguyễn Văn An"
    assert meta.recipients == ("Bộ Thông tin và Truyền thông", "Lưu: VT, KGVX")


def test_party_document_header():
    text = (
        "TỈNH ỦY ĐỒNG NAI\nBAN TUYÊN GIÁO\n*\nĐẢNG CỘNG SẢN VIỆT NAM\nSố 2608-CV/BTGTU\n"
        "V/v báo cáo công tác thông tin đối ngoại 6 tháng đầu năm 2024\n"
        "Đồng Nai, ngày 10 tháng 6 năm 2024\nKính gửi: các sở, ban, ngành.\n"
        "Đề nghị báo cáo trước ngày 25/6/2024.\nNơi nhận:\n- Như trên;\n- Lưu Văn phòng.\n"
        "K/T TRƯỞNG BAN\nPHÓ TRƯỞNG BAN\n(đã ký)\nNguyễn Thị Hoa\n"
    )
    meta = parse(text).metadata

    assert meta.issuer == "Ban Tuyên giáo Tỉnh ủy Đồng Nai"
    assert meta.key == "2608-CV/BTGTU"
    assert meta.doc_type == "Công văn"
    assert meta.title == "báo cáo công tác thông tin đối ngoại 6 tháng đầu năm 2024"
    assert meta.signer.name == "Nguyễn Thị Hoa"
    assert meta.signer.title == "K/T TRƯỞNG BAN – PHÓ TRƯỞNG BAN"


def test_header_from_a_docx_table_interleaves_columns():
    # A DOCX header table is read row by row: left and right cells alternate.
    text = (
        "ỦY BAN NHÂN DÂN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH PHÚ YÊN\n"
        "Độc lập - Tự do - Hạnh phúc\nSố: 29/KH-UBND\nPhú Yên, ngày 15 tháng 02 năm 2024\n"
        "KẾ HOẠCH\nThông tin đối ngoại năm 2024\nI. MỤC TIÊU\n"
    )
    meta = parse(text).metadata
    assert meta.issuer == "Ủy ban nhân dân tỉnh Phú Yên"
    assert meta.issued_at == dt.date(2024, 2, 15)
    assert meta.place == "Phú Yên"


def test_blank_date_line_gives_no_date_rather_than_a_guess():
    text = official_text(place_date="Đồng Nai, ngày      tháng 7 năm 2024")
    parsed = parse(text)
    assert parsed.metadata.issued_at is None
    assert any("ngày ban hành" in warning for warning in parsed.warnings)


def test_sections_are_numbered_as_a_tree():
    text = "I. MỤC TIÊU\n1. Một\n2. Hai\na) Ý a\nb) Ý b\nII. TỔ CHỨC\n1. Sở A\n"
    parsed = parse(text)
    assert [s.number for s in parsed.sections] == [
        "I",
        "I.1",
        "I.2",
        "I.2.a",
        "I.2.b",
        "II",
        "II.1",
    ]
    assert [s.level for s in parsed.sections] == [1, 2, 2, 3, 3, 1, 2]
    for section in parsed.sections:
        assert parsed.text[section.start : section.end] == section.heading


@pytest.mark.parametrize(
    ("block", "title", "name"),
    [
        (("Q. CHỦ TỊCH", "Võ Tấn Đức"), "Q. CHỦ TỊCH", "Võ Tấn Đức"),
        (
            ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "(Đã ký)", "Nguyễn Văn An"),
            "KT. CHỦ TỊCH – PHÓ CHỦ TỊCH",
            "Nguyễn Văn An",
        ),
        (
            ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "", "Trần Thị Bình"),
            "TM. ỦY BAN NHÂN DÂN – CHỦ TỊCH",
            "Trần Thị Bình",
        ),
        (
            ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lê Văn Cường"),
            "TM. ỦY BAN NHÂN DÂN – KT. CHỦ TỊCH – PHÓ CHỦ TỊCH",
            "Lê Văn Cường",
        ),
        (
            ("TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG", "Phạm Minh Đức"),
            "TL. CHỦ TỊCH – CHÁNH VĂN PHÒNG",
            "Phạm Minh Đức",
        ),
        (
            ("TUQ. CHỦ TỊCH", "GIÁM ĐỐC SỞ NỘI VỤ", "Hoàng Thu Hà"),
            "TUQ. CHỦ TỊCH – GIÁM ĐỐC SỞ NỘI VỤ",
            "Hoàng Thu Hà",
        ),
        (("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"), "KT. CHỦ TỊCH – PHÓ CHỦ TỊCH", None),
    ],
)
def test_signing_block_forms(block, title, name):
    signer = parse(official_text(signer=block)).metadata.signer

    assert (signer.title, signer.name) == (title, name)


def test_recipients_are_the_dash_lines_after_noi_nhan():
    text = official_text(recipients=("Như trên;", "Sở Ngoại vụ;", "Lưu: VT, KGVX (Hà)."))
    assert parse(text).metadata.recipients == ("Như trên", "Sở Ngoại vụ", "Lưu: VT, KGVX (Hà)")


def test_cong_van_title_is_its_v_v_line():
    text = (
        "BỘ THÔNG TIN VÀ TRUYỀN THÔNG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\nSố: 3089/BTTTT-TTĐN\n"
        "V/v hướng dẫn xây dựng Kế hoạch thông tin đối ngoại năm 2024\n"
        "Hà Nội, ngày 31 tháng 7 năm 2023\nKính gửi: Ủy ban nhân dân các tỉnh.\n"
        "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\nNguyễn Thanh Lâm\n"
    )
    parsed = parse(text)
    meta = parsed.metadata

    assert parsed.kind == "administrative"
    assert (meta.doc_type, meta.key, meta.place) == ("Công văn", "3089/BTTTT-TTĐN", "Hà Nội")
    assert meta.issuer == "Bộ Thông tin và Truyền thông"
    assert meta.title == "hướng dẫn xây dựng Kế hoạch thông tin đối ngoại năm 2024"
    assert meta.issued_at == dt.date(2023, 7, 31)
    assert meta.signer.name == "Nguyễn Thanh Lâm"


def test_no_header_issuer_comes_from_the_ubnd_symbol_and_the_province_of_the_place_line():
    parsed = parse(official_text(issuer_lines=()))

    assert parsed.metadata.key == "281/KH-UBND"
    assert parsed.metadata.issuer == "Ủy ban nhân dân tỉnh Đồng Nai"


def test_no_header_and_no_province_gives_no_issuer_rather_than_a_guess():
    parsed = parse(official_text(issuer_lines=(), place_date="Trảng Bom, ngày 2 tháng 3 năm 2024"))

    assert parsed.metadata.place == "Trảng Bom"
    assert parsed.metadata.issuer is None
    assert any("cơ quan ban hành" in warning for warning in parsed.warnings)


def test_multi_line_upper_case_title_is_joined():
    text = official_text(
        title="TRIỂN KHAI THỰC HIỆN NGHỊ QUYẾT SỐ 47/NQ-CP\nVỀ CÔNG TÁC THÔNG TIN ĐỐI NGOẠI"
    )
    meta = parse(text).metadata
    assert meta.title == (
        "TRIỂN KHAI THỰC HIỆN NGHỊ QUYẾT SỐ 47/NQ-CP VỀ CÔNG TÁC THÔNG TIN ĐỐI NGOẠI"
    )


def test_news_page_from_text():
    text = (
        "Trang chủ | Liên hệ\nTin địa phương\n"
        "Tỉnh tổ chức hội nghị tập huấn công tác thông tin đối ngoại năm 2024\n"
        "(Cập nhật lúc: 05/03/2024 08:15:00 )\n"
        "Theo Kế hoạch số 12/KH-UBND ngày 02/01/2024 của UBND tỉnh, hội nghị đã diễn ra.\n"
    )
    parsed = parse(text)

    assert parsed.kind == "news"
    assert parsed.metadata.title == (
        "Tỉnh tổ chức hội nghị tập huấn công tác thông tin đối ngoại năm 2024"
    )
    assert parsed.metadata.published_at == dt.datetime(
        2024, 3, 5, 8, 15, tzinfo=dt.timezone(dt.timedelta(hours=7))
    )
    assert parsed.metadata.number is None
    assert [c.key for c in parsed.citations] == ["12/KH-UBND"]


def test_to_dict_is_the_contract_of_design_md():
    data = parse(official_text(), source="kh.txt").to_dict()

    assert set(data) == {
        "source",
        "kind",
        "metadata",
        "citations",
        "quantities",
        "assignments",
        "sections",
        "warnings",
    }
    assert set(data["metadata"]) >= {
        "doc_type",
        "number",
        "issued_at",
        "place",
        "issuer",
        "title",
        "signer",
        "recipients",
    }
    assert data["metadata"]["issued_at"] == "2024-08-21"
    assert data["metadata"]["signer"] == {
        "name": "Nguyễn Văn An",
        "title": "KT. CHỦ TỊCH – PHÓ CHỦ TỊCH",
    }
    assert set(data["citations"][0]) == {
        "doc_type",
        "number",
        "key",
        "issued_at",
        "issuer",
        "text",
        "start",
        "end",
    }
    assert set(data["sections"][0]) == {"number", "heading", "start", "end"}
    assert isinstance(data["quantities"], list)
    assert isinstance(data["assignments"], list)


def test_empty_text_is_unknown_with_a_warning():
    parsed = parse("   \n\t ")
    assert parsed.kind == "unknown"
    assert parsed.warnings
    assert parsed.to_dict()["metadata"]["number"] is None


def test_unknown_text_is_unknown_with_a_warning():
    parsed = parse("một đoạn văn bất kỳ không có gì đặc biệt")
    assert parsed.kind == "unknown"
    assert parsed.warnings


def test_decomposed_vietnamese_is_normalised():
    import unicodedata

    parsed = parse(unicodedata.normalize("NFD", official_text()))
    assert parsed.metadata.issuer == "Ủy ban nhân dân tỉnh Đồng Nai"
    assert unicodedata.is_normalized("NFC", parsed.text)


def test_wrapped_issuer_name_is_joined():
    text = official_text(
        issuer_lines=("BỘ THÔNG TIN VÀ", "TRUYỀN THÔNG"),
        number="3089/BTTTT-TTĐN",
        place_date="Hà Nội, ngày 31 tháng 7 năm 2023",
    )
    assert parse(text).metadata.issuer == "Bộ Thông tin và Truyền thông"


def test_title_ends_where_the_issuer_is_repeated_before_the_body():
    text = official_text(
        issuer_lines=("CHÍNH PHỦ",),
        number="47/NQ-CP",
        doc_type="NGHỊ QUYẾT",
        title="Về Chương trình hành động của Chính phủ\nCHÍNH PHỦ",
    )
    assert parse(text).metadata.title == "Về Chương trình hành động của Chính phủ"
