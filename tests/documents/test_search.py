"""Search behaves the same on SQLite (FTS5) and PostgreSQL (tsvector): CI runs both."""

from __future__ import annotations

import pytest

from tests.builders import official_text
from ttdn.documents.selectors import DocumentFilters, search_documents
from ttdn.documents.services import ingest_document

pytestmark = pytest.mark.django_db

REPORT = official_text(
    number="152/BC-UBND",
    place_date="Đồng Nai, ngày 03 tháng 7 năm 2024",
    doc_type="BÁO CÁO",
    title="Kết quả triển khai công tác thông tin đối ngoại 6 tháng đầu năm 2024",
    body=(
        "Thực hiện văn bản số 2608/CV/BTGTU ngày 10/6/2024 của Ban Tuyên giáo Tỉnh ủy; "
        "thực hiện Kết luận số 57- KL/TW của Bộ Chính trị, Ủy ban nhân dân tỉnh báo cáo như sau:\n"
        "1. Kết quả\nTổ chức 07 hội nghị tập huấn cho hơn 5.000 lượt người."
    ),
)
OTHER_PROVINCE = official_text(
    issuer_lines=("ỦY BAN NHÂN DÂN", "TỈNH PHÚ YÊN"),
    number="29/KH-UBND",
    place_date="Phú Yên, ngày 15 tháng 2 năm 2024",
    title="Thông tin đối ngoại năm 2024",
    body="Căn cứ Nghị định số 72/2015/NĐ-CP ngày 07/9/2015 của Chính phủ.\n1. Mục tiêu",
)


@pytest.fixture
def registry():
    return {
        "plan": ingest_document(data=official_text().encode(), filename="kh281.txt").document,
        "report": ingest_document(data=REPORT.encode(), filename="bc152.txt").document,
        "phu_yen": ingest_document(data=OTHER_PROVINCE.encode(), filename="py.txt").document,
    }


def found(query: str, **filters) -> set[str]:
    return {
        document.number or document.key
        for document in search_documents(DocumentFilters(query=query, **filters))
    }


def test_search_without_diacritics_finds_dong_nai(registry):
    assert found("dong nai") == {"281/KH-UBND", "152/BC-UBND"}


def test_search_with_diacritics_and_capitals_is_the_same(registry):
    assert found("ĐỒNG NAI") == found("dong nai") == found("Đồng Nai")


def test_search_by_type_and_number_words(registry):
    assert found("ke hoach 281") == {"281/KH-UBND"}


def test_search_by_symbol_finds_every_document_citing_it(registry):
    # The report writes "57- KL/TW"; the plan "57-KL/TW"; the node itself is listed too.
    assert found("57-KL/TW") == {"57-KL/TW", "281/KH-UBND", "152/BC-UBND"}


def test_search_by_party_symbol_written_state_style(registry):
    assert found("2608-CV/BTGTU") == found("2608/CV/BTGTU")
    assert "152/BC-UBND" in found("2608/CV/BTGTU")


def test_search_for_words_not_present_finds_nothing(registry):
    assert found("hai quan cang bien") == set()


def test_filters_by_type_issuer_and_year(registry):
    assert found("", doc_type="Báo cáo") == {"152/BC-UBND"}
    assert found("", issuer=registry["phu_yen"].issuer) == {"29/KH-UBND"}
    assert "72/2015/NĐ-CP" in found("", year=2015)
    assert found("thong tin", doc_type="Kế hoạch", year=2024) == {"281/KH-UBND", "29/KH-UBND"}
