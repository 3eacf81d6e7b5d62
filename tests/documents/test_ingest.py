from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.storage import default_storage

from tests.builders import docx_bytes, official_text
from ttdn.documents.models import Citation, Document, DocumentVersion
from ttdn.documents.services import DocumentRejected, ingest_document

pytestmark = pytest.mark.django_db

RESOLUTION = official_text(
    issuer_lines=("CHÍNH PHỦ",),
    number="47/NQ-CP",
    place_date="Hà Nội, ngày 15 tháng 4 năm 2024",
    doc_type="NGHỊ QUYẾT",
    title="Ban hành Chương trình hành động của Chính phủ thực hiện Kết luận số 57-KL/TW",
    body=(
        "Căn cứ Kết luận số 57-KL/TW ngày 15 tháng 6 năm 2023 của Bộ Chính trị về tiếp tục nâng "
        "cao chất lượng, hiệu quả công tác thông tin đối ngoại trong tình hình mới;\n"
        "QUYẾT NGHỊ:\n"
        "1. Ban hành kèm theo Nghị quyết này Chương trình hành động của Chính phủ."
    ),
    signer=("TM. CHÍNH PHỦ", "THỦ TƯỚNG", "", "Phạm Minh Chính"),
)


def stored_files() -> list[str]:
    found: list[str] = []

    def walk(path: str) -> None:
        folders, files = default_storage.listdir(path)
        found.extend(f"{path}/{name}" for name in files)
        for folder in folders:
            walk(f"{path}/{folder}")

    if default_storage.exists("documents"):
        walk("documents")
    return found


def test_ingest_stores_metadata_text_and_file():
    result = ingest_document(data=official_text().encode(), filename="kh281.txt")

    document = Document.objects.get(pk=result.document.pk)
    assert result.outcome == "ingested"
    assert document.status == Document.Status.REGISTERED
    assert document.number == "281/KH-UBND"
    assert document.key == "281/KH-UBND"
    assert document.doc_type == "Kế hoạch"
    assert document.issued_at == dt.date(2024, 8, 21)
    assert document.year == 2024
    assert "Đồng Nai" in document.issuer
    assert document.current_version.text.startswith("ỦY BAN NHÂN DÂN")
    assert document.current_version.file.read().decode() == official_text()


def test_cited_documents_are_known_by_reference():
    plan = ingest_document(data=official_text().encode(), filename="kh281.txt").document

    cited = {c.key: c.cited for c in Citation.objects.filter(citing=plan).select_related("cited")}
    assert set(cited) == {"47/NQ-CP", "57-KL/TW"}
    resolution = cited["47/NQ-CP"]
    assert resolution.status == Document.Status.REFERENCED
    assert resolution.issued_at == dt.date(2024, 4, 15)
    assert resolution.issuer == "Chính phủ"
    assert cited["57-KL/TW"].party_term == "XIII"


def test_ingesting_a_cited_document_later_resolves_existing_citations():
    plan = ingest_document(data=official_text().encode(), filename="kh281.txt").document
    reference = Citation.objects.get(citing=plan, key="47/NQ-CP").cited

    result = ingest_document(data=RESOLUTION.encode(), filename="nq47.txt")

    assert result.document.pk == reference.pk
    assert Document.objects.filter(key="47/NQ-CP").count() == 1
    resolution = Document.objects.get(key="47/NQ-CP")
    assert resolution.status == Document.Status.REGISTERED
    assert resolution.title.startswith("Ban hành Chương trình hành động")
    assert list(Citation.objects.filter(cited=resolution).values_list("citing", flat=True)) == [
        plan.pk
    ]
    # The resolution's own citation of 57-KL/TW goes to the node the plan already created.
    assert Document.objects.filter(key="57-KL/TW").count() == 1


def test_same_file_twice_is_one_document():
    first = ingest_document(data=official_text().encode(), filename="kh281.txt")
    second = ingest_document(data=official_text().encode(), filename="copy-of-kh281.txt")

    assert second.outcome == "duplicate"
    assert second.document.pk == first.document.pk
    assert DocumentVersion.objects.count() == 1
    assert len(stored_files()) == 1


def test_changed_file_with_same_identity_is_a_new_version():
    first = ingest_document(data=official_text().encode(), filename="kh281.txt")
    corrected = official_text(title="Triển khai công tác thông tin đối ngoại năm 2025 (sửa đổi)")

    second = ingest_document(data=corrected.encode(), filename="kh281-v2.txt")

    assert second.outcome == "new_version"
    assert second.document.pk == first.document.pk
    assert second.version.number == 2
    document = Document.objects.get(pk=first.document.pk)
    assert document.title.endswith("(sửa đổi)")
    assert document.current_version == second.version
    assert DocumentVersion.objects.filter(document=document).count() == 2


def test_same_number_in_another_year_is_another_document():
    ingest_document(data=official_text().encode(), filename="kh281-2024.txt")
    next_year = official_text(place_date="Đồng Nai, ngày 02 tháng 10 năm 2025")

    result = ingest_document(data=next_year.encode(), filename="kh281-2025.txt")

    assert result.outcome == "ingested"
    assert Document.objects.filter(key="281/KH-UBND").count() == 2


def test_same_number_from_another_province_is_another_document():
    ingest_document(data=official_text().encode(), filename="dong-nai.txt")
    other = official_text(
        issuer_lines=("ỦY BAN NHÂN DÂN", "TỈNH PHÚ YÊN"),
        place_date="Phú Yên, ngày 21 tháng 8 năm 2024",
    )

    result = ingest_document(data=other.encode(), filename="phu-yen.txt")

    assert result.outcome == "ingested"
    assert Document.objects.filter(key="281/KH-UBND", status="registered").count() == 2


def test_docx_is_read():
    result = ingest_document(data=docx_bytes(official_text()), filename="kh281.docx")

    assert result.document.number == "281/KH-UBND"
    assert result.version.file_format == "docx"


@pytest.mark.parametrize(
    ("data", "filename"),
    [
        (b"PK\x03\x04 this is not really a zip archive", "broken.docx"),
        (b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog", "truncated.pdf"),
        (b"", "empty.txt"),
        (bytes(range(256)) * 64, "junk.bin"),
    ],
)
def test_bad_file_is_rejected_and_leaves_nothing(data, filename):
    with pytest.raises(DocumentRejected) as raised:
        ingest_document(data=data, filename=filename)

    assert raised.value.message  # a Vietnamese sentence for the user
    assert Document.objects.count() == 0
    assert DocumentVersion.objects.count() == 0
    assert stored_files() == []


def test_oversized_file_is_rejected(settings):
    settings.DOCUMENT_MAX_BYTES = 1000

    with pytest.raises(DocumentRejected, match="quá lớn"):
        ingest_document(data=official_text().encode() * 10, filename="big.txt")
    assert Document.objects.count() == 0


def test_document_without_number_is_identified_by_content():
    text = "BÁO CÁO\nKết quả công tác thông tin đối ngoại quý I năm 2024\n\nNội dung báo cáo.\n"

    first = ingest_document(data=text.encode(), filename="bc.txt")
    second = ingest_document(data=(text + "Bổ sung.\n").encode(), filename="bc2.txt")

    assert first.document.pk != second.document.pk
    assert first.document.identity.startswith("hash:")


def test_party_directive_cited_as_of_the_politburo_is_the_one_in_the_registry():
    # 57-KL/TW carries the Central Committee's header but is cited "của Bộ Chính trị": one node.
    conclusion = official_text(
        issuer_lines=("BAN CHẤP HÀNH TRUNG ƯƠNG", "*"),
        number="57-KL/TW",
        place_date="Hà Nội, ngày 15 tháng 6 năm 2023",
        doc_type="KẾT LUẬN",
        title="của Bộ Chính trị về thông tin đối ngoại",
        body="I. ĐÁNH GIÁ\n1. Đã đạt nhiều kết quả.",
    )
    registered = ingest_document(data=conclusion.encode(), filename="kl57.txt").document

    plan = ingest_document(data=official_text().encode(), filename="kh281.txt").document

    assert Document.objects.filter(key="57-KL/TW").count() == 1
    assert Citation.objects.get(citing=plan, key="57-KL/TW").cited_id == registered.pk


def test_issuer_and_recipients_are_linked_to_units_of_that_date():
    from ttdn.demo.organisation import load_demo_organisation

    units = load_demo_organisation()

    plan = ingest_document(data=official_text().encode(), filename="kh281.txt").document

    assert plan.issuer_unit == units["dong-nai-2024"]  # the Đồng Nai of 2024, not today's
    assert units["bo-tttt"] in plan.recipient_units.all()
