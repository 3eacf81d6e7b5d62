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
        (
            "căn cứ Luật số 41/2024/QH15 về báo chí",
            "41/2024/QH15",
            "Luật",
            None,
            None,
        ),
        (
            "tại 103/2016/QH13 nêu trên",  # a year and no type: only "a document"
            "103/2016/QH13",
            "Văn bản",
            None,
            None,
        ),
        (
            "Kế hoạch số 05/KH-BCĐ ngày 3/3/2025 của Ban Chỉ đạo công tác thông tin đối ngoại tỉnh;",
            "05/KH-BCĐ",
            "Kế hoạch",
            dt.date(2025, 3, 3),
            "Ban Chỉ đạo công tác thông tin đối ngoại tỉnh",
        ),
        (
            (
                "Bên cạnh đó, Ban Tuyên giáo Tỉnh ủy đã ban hành Hướng dẫn số 16-HD/BTGTU ngày "
                "29/01/2019 về công tác thông tin đối ngoại"
            ),
            "16-HD/BTGTU",
            "Hướng dẫn",
            dt.date(2019, 1, 29),
            "Ban Tuyên giáo Tỉnh ủy",
        ),
        (
            "theo Kế hoạch 277/KH-UBND ngày 29/11/2023 của UBND tỉnh thực hiện Chiến lược",
            "277/KH-UBND",
            "Kế hoạch",
            dt.date(2023, 11, 29),
            "UBND tỉnh",
        ),
        (
            "Chỉ thị số 21/CT-TTg ngày 06/8/2012 của Thủ tướng Chính phủ (về tăng cường)",
            "21/CT-TTg",
            "Chỉ thị",
            dt.date(2012, 8, 6),
            "Thủ tướng Chính phủ",
        ),
        (
            "Quyết định số 79/2010/QĐ–TTg ngày 30 tháng 11 năm 2010 của Thủ tướng Chính phủ.",
            "79/2010/QĐ-TTg",
            "Quyết định",
            dt.date(2010, 11, 30),
            "Thủ tướng Chính phủ",
        ),
        (
            "Công văn số 43-CV/BCĐ ngày 02/5/2025 của Ban Chỉ đạo",
            "43-CV/BCĐ",
            "Công văn",
            dt.date(2025, 5, 2),
            "Ban Chỉ đạo",
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
        "các Hội nghị như G7, ASEAN 43, APEC 2023; thông tin",
        "Chào mừng ngày truyền thống (15/10/1930 - 15/10/2019)",
        "Gọi tự động đi quốc tế00\nCông an113",
        "Điện thoại: 0251. 3827070 - 0251. 3824841 - Fax: 0251. 3827071",
        "Số: \nKế hoạch số /KH-UBND ngày    tháng   năm 2024",
    ],
)
def test_not_citations(text):
    assert parse(text).citations == ()


def test_citation_span_runs_from_type_to_issuer():
    text = "Căn cứ Nghị quyết số 47/NQ-CP ngày 15/4/2024 của Chính phủ về Chương trình hành động;"
    citation = only_citation(text)
    assert citation.text == "Nghị quyết số 47/NQ-CP ngày 15/4/2024 của Chính phủ"
    assert text[citation.start : citation.end] == citation.text


def test_each_occurrence_is_a_citation_with_its_own_span():
    text = (
        "Thực hiện Kết luận số 57-KL/TW ngày 15/6/2023 của Bộ Chính trị (sau đây viết tắt là "
        "Kết luận số 57-KL/TW). Quán triệt Kết luận số 57-KL/TW đến cán bộ."
    )
    citations = parse(text).citations

    assert [c.key for c in citations] == ["57-KL/TW"] * 3
    assert [c.issued_at for c in citations] == [dt.date(2023, 6, 15), None, None]
    assert len({c.start for c in citations}) == 3
    for citation in citations:
        assert text[citation.start : citation.end] == citation.text


def test_several_references_in_one_sentence():
    text = (
        "Quyết định số 1209/QĐ-TTg ngày 04/9/2012, Chỉ thị số 21/CT-TTg ngày 06/8/2012 và "
        "Kế hoạch số 29/KH – UBND ngày 05/02/2024 của UBND tỉnh Phú Yên."
    )
    citations = parse(text).citations

    assert [(c.key, c.issued_at) for c in citations] == [
        ("1209/QĐ-TTg", dt.date(2012, 9, 4)),
        ("21/CT-TTg", dt.date(2012, 8, 6)),
        ("29/KH-UBND", dt.date(2024, 2, 5)),
    ]
    assert citations[-1].number == "29/KH – UBND"  # as written (spaces collapsed)
    assert citations[-1].issuer == "UBND tỉnh Phú Yên"


def test_date_before_the_reference():
    text = (
        "Ngày 28/02/2013, Thủ tướng Chính phủ đã ban hành Quyết định số 368/QĐ-TTg phê duyệt "
        "Chương trình hành động."
    )
    citation = only_citation(text)

    assert (citation.issued_at, citation.issuer) == (dt.date(2013, 2, 28), "Thủ tướng Chính phủ")
    assert citation.text == "Quyết định số 368/QĐ-TTg"  # the span is the reference itself


def test_issuer_stops_at_clause_words_and_punctuation():
    cases = {
        "Kế hoạch số 1/KH-UBND của UBND tỉnh về việc tuyên truyền": "UBND tỉnh",
        "Kế hoạch số 1/KH-UBND của UBND tỉnh, các sở": "UBND tỉnh",
        "Kế hoạch số 1/KH-UBND của UBND tỉnh; Kế hoạch": "UBND tỉnh",
        "Kế hoạch số 1/KH-UBND của UBND tỉnh (bản sao)": "UBND tỉnh",
        "Kế hoạch số 1/KH-UBND của Sở Ngoại vụ.": "Sở Ngoại vụ",
    }
    for text, issuer in cases.items():
        assert parse(text).citations[0].issuer == issuer, text


def test_dates_are_not_document_numbers():
    text = "Ngày 15/4/2024 và ngày 06/11/2018ban hành; số liệu đến 14/6/2024."
    assert parse(text).citations == ()


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
        ("12/QYĐ-UBND", "12/QyĐ-UBND"),
        ("3/ttr-ubnd", "3/TTr-UBND"),
        ("43 - CV / bcđ", "43-CV/BCĐ"),
        ("281‐KH—UBND", "281-KH-UBND"),
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
    assert is_party_symbol("2608/CV/BTGTU")  # a Party công văn written State-style
    assert is_party_symbol("12/BC/HU")
    assert not is_party_symbol("47/NQ-CP")
    assert not is_party_symbol("72/2015/NĐ-CP")


def test_doc_types_cover_the_29_administrative_types_of_decree_30():
    from ttdn.docparse import DOC_TYPES
    from ttdn.docparse.numbering import ADMINISTRATIVE_TYPES, type_from_abbreviation

    assert len(ADMINISTRATIVE_TYPES) == 29
    assert set(ADMINISTRATIVE_TYPES) <= set(DOC_TYPES)
    assert DOC_TYPES["Kế hoạch"] == "KH"
    assert DOC_TYPES["Công văn"] is None
    assert {"Luật", "Nghị định", "Thông tư", "Kết luận"} <= set(DOC_TYPES)
    assert type_from_abbreviation("QyĐ") == "Quy định"
    assert type_from_abbreviation("KL") == "Kết luận"


def test_issuer_stops_before_the_term_and_the_place():
    text = (
        "theo Kết luận số 16-KL/TW ngày 14/02/2012 của Bộ Chính trị khóa XI; Nghị quyết số "
        "47/NQ-CP ngày 15/4/2024 của Chính phủ trên địa bàn tỉnh"
    )
    assert [c.issuer for c in parse(text).citations] == ["Bộ Chính trị", "Chính phủ"]
