from __future__ import annotations

import datetime as dt

import pytest

from ttdn.docparse import canonical_key, is_party_symbol, parse


def only_citation(text: str):
    citations = parse(text).citations
    assert len(citations) == 1, citations
    return citations[0]


@pytest.mark.parametrize(
    ("text", "key", "doc_type", "issued_at", "issuer"),
    [
        (
            "Thực hiện Kết luận số 57-KL/TW ngày 15 tháng 6 năm 2023 của Bộ Chính trị về tiếp tục",
            "57-KL/TW",
            "Kết luận",
            dt.date(2023, 6, 15),
            "Bộ Chính trị",
        ),
        (
            "theo Kết luận số 57- KL/TW của Bộ Chính trị.",
            "57-KL/TW",
            "Kết luận",
            None,
            "Bộ Chính trị",
        ),
        ("triển khai Kế hoạch 277/KH-UBND về quảng bá", "277/KH-UBND", "Kế hoạch", None, None),
        (
            "Thực hiện văn bản số 2608/CV/BTGTU ngày 10/6/2024 của Ban Tuyên giáo Tỉnh ủy về việc",
            "2608-CV/BTGTU",
            "Công văn",
            dt.date(2024, 6, 10),
            "Ban Tuyên giáo Tỉnh ủy",
        ),
        ("theo 2608-CV/BTGTU đã gửi", "2608-CV/BTGTU", "Công văn", None, None),
        (
            "Công văn số 3089/BTTTT-TTĐN ngày 31/7/2023 của Bộ Thông tin và Truyền thông về việc",
            "3089/BTTTT-TTĐN",
            "Công văn",
            dt.date(2023, 7, 31),
            "Bộ Thông tin và Truyền thông",
        ),
        (
            "quy định tại Thông tư 22/2016/TT-BTTTT về quy chế",
            "22/2016/TT-BTTTT",
            "Thông tư",
            None,
            None,
        ),
        ("theo Nghị định số 72/NĐ-CP về quản lý", "72/NĐ-CP", "Nghị định", None, None),
        (
            "Kế hoạch số 29/KH – UBND ngày 05/02/2024",
            "29/KH-UBND",
            "Kế hoạch",
            dt.date(2024, 2, 5),
            None,
        ),
        (
            "và Quyết định số 1486/QĐ-TTg ngày 06/11/2018ban hành “Kế hoạch thông tin”",
            "1486/QĐ-TTg",
            "Quyết định",
            dt.date(2018, 11, 6),
            None,
        ),
        (
            "phê duyệt tại Quyết định số 368/QĐ-TTg của Thủ tướng Chính phủ",
            "368/QĐ-TTg",
            "Quyết định",
            None,
            "Thủ tướng Chính phủ",
        ),
        (
            "Ngày 28/02/2013, Thủ tướng Chính phủ đã ban hành Quyết định số 368/QĐ-TTg phê duyệt",
            "368/QĐ-TTg",
            "Quyết định",
            dt.date(2013, 2, 28),
            "Thủ tướng Chính phủ",
        ),
        (
            "TRIỂN KHAI NGHỊ QUYẾT SỐ 47/NQ-CP NGÀY 15/4/2024 CỦA CHÍNH PHỦ VỀ CHƯƠNG TRÌNH",
            "47/NQ-CP",
            "Nghị quyết",
            dt.date(2024, 4, 15),
            "Chính phủ",
        ),
        (
            "Chương trình số 10/CTr-UBND ngày 11/12/2023 của UBND tỉnh Đồng Nai về",
            "10/CTr-UBND",
            "Chương trình",
            dt.date(2023, 12, 11),
            "UBND tỉnh Đồng Nai",
        ),
        (
            "Hướng dẫn số 16-HD/BTGTU ngày 29/01/2019 của Ban Tuyên giáo",
            "16-HD/BTGTU",
            "Hướng dẫn",
            dt.date(2019, 1, 29),
            "Ban Tuyên giáo",
        ),
        (
            "theo Văn bản số 5921/UBND-KGVX ngày 24/5/2024",
            "5921/UBND-KGVX",
            "Công văn",
            dt.date(2024, 5, 24),
            None,
        ),
        (
            (
                "của Bộ Văn hóa: Công văn 12/BVHTTDL-HTQT ngày 3/1/2025 của Bộ Văn hóa, Thể thao và "
                "Du lịch về"
            ),
            "12/BVHTTDL-HTQT",
            "Công văn",
            dt.date(2025, 1, 3),
            "Bộ Văn hóa, Thể thao và Du lịch",
        ),
    ],
)
def test_citation_variants(text, key, doc_type, issued_at, issuer):
    citation = only_citation(text)

    assert citation.key == key
    assert citation.doc_type == doc_type
    assert citation.issued_at == issued_at
    assert citation.issuer == issuer


@pytest.mark.parametrize(
    "text",
    [
        "ngày 15/4/2024 và 06/11/2018",  # dates are not numbers of documents
        "03 - Tuyên truyền về biển đảo",  # a numbered list item
        "Điện thoại 0251 3822 - Email: ubnd@dongnai.gov.vn - Fax 24841 - Fax",
        "giai đoạn 2018 - 2020 và năm 2024-2025",
        "hơn 5.000 lượt CBCC-VC tham dự",
    ],
)
def test_not_citations(text):
    assert parse(text).citations == ()


def test_citation_span_runs_from_type_to_issuer():
    text = "Căn cứ Nghị quyết số 47/NQ-CP ngày 15/4/2024 của Chính phủ về Chương trình hành động;"
    citation = only_citation(text)
    assert citation.text == "Nghị quyết số 47/NQ-CP ngày 15/4/2024 của Chính phủ"
    assert text[citation.start : citation.end] == citation.text


def test_own_number_is_not_a_citation():
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH ĐỒNG NAI\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 12/KH-UBND\n"
        "Đồng Nai, ngày 2 tháng 1 năm 2025\nKẾ HOẠCH\nThông tin đối ngoại năm 2025\n"
        "Kế hoạch 12/KH-UBND này thay thế Kế hoạch số 262/KH-UBND ngày 08/11/2023.\n"
    )
    assert [c.key for c in parse(text).citations] == ["262/KH-UBND"]


@pytest.mark.parametrize(
    ("written", "key"),
    [
        ("29/KH – UBND", "29/KH-UBND"),
        ("57- KL/TW", "57-KL/TW"),
        ("368/qđ-ttg", "368/QĐ-TTg"),
        ("2608/CV/BTGTU", "2608-CV/BTGTU"),
        ("72/2015/nđ-cp", "72/2015/NĐ-CP"),
        ("10/ctr-ubnd", "10/CTr-UBND"),
    ],
)
def test_canonical_key(written, key):
    assert canonical_key(written) == key


def test_party_symbols():
    assert is_party_symbol("57-KL/TW")
    assert is_party_symbol("2608-CV/BTGTU")
    assert is_party_symbol("335-KH/TU")
    assert not is_party_symbol("281/KH-UBND")
    assert not is_party_symbol("3089/BTTTT-TTĐN")


def test_issuer_stops_before_the_term_and_the_place():
    text = (
        "theo Kết luận số 16-KL/TW ngày 14/02/2012 của Bộ Chính trị khóa XI; Nghị quyết số "
        "47/NQ-CP ngày 15/4/2024 của Chính phủ trên địa bàn tỉnh"
    )
    assert [c.issuer for c in parse(text).citations] == ["Bộ Chính trị", "Chính phủ"]
