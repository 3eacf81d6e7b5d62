from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.builders import docx_bytes, official_text
from ttdn.documents.models import Document, DocumentVersion
from ttdn.documents.services import ingest_document

pytestmark = pytest.mark.django_db


def upload(client, data: bytes, name: str):
    return client.post(
        reverse("documents:upload"), {"file": SimpleUploadedFile(name, data)}, follow=True
    )


def test_pages_require_sign_in(client):
    document = ingest_document(data=official_text().encode(), filename="kh.txt").document
    for url in (
        reverse("home"),
        reverse("documents:list"),
        reverse("documents:upload"),
        reverse("documents:detail", args=[document.pk]),
        reverse("documents:file", args=[document.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))


def test_list_searches_without_diacritics(officer_client):
    ingest_document(data=official_text().encode(), filename="kh.txt")

    response = officer_client.get(reverse("documents:list"), {"q": "ke hoach 281"})

    assert response.status_code == 200
    assert "281/KH-UBND" in response.content.decode()


def test_list_htmx_request_renders_only_the_results(officer_client):
    ingest_document(data=official_text().encode(), filename="kh.txt")

    response = officer_client.get(
        reverse("documents:list"),
        {"q": "dong nai"},
        headers={"HX-Request": "true", "HX-Target": "document-results"},
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="document-results"' in html
    assert "<html" not in html
    assert "281/KH-UBND" in html


def test_invalid_filter_is_ignored_not_an_error(officer_client):
    response = officer_client.get(reverse("documents:list"), {"year": "năm ngoái"})
    assert response.status_code == 200


def test_detail_shows_metadata_highlighted_citations_and_chain(officer_client):
    plan = ingest_document(data=official_text().encode(), filename="kh.txt").document

    response = officer_client.get(reverse("documents:detail", args=[plan.pk]))

    html = response.content.decode()
    assert response.status_code == 200
    assert "281/KH-UBND" in html
    assert "Nguyễn Văn An" in html
    assert "Bộ Thông tin và Truyền thông" in html  # Nơi nhận
    resolution = Document.objects.get(key="47/NQ-CP")
    assert f'class="citation" href="{resolution.get_absolute_url()}"' in html
    assert 'id="chain"' in html


def test_detail_of_a_reference_lists_who_cites_it(officer_client):
    plan = ingest_document(data=official_text().encode(), filename="kh.txt").document
    conclusion = Document.objects.get(key="57-KL/TW")

    response = officer_client.get(reverse("documents:detail", args=[conclusion.pk]))

    html = response.content.decode()
    assert "chỉ biết qua trích dẫn" in html
    assert plan.get_absolute_url() in html


def test_missing_document_is_404(officer_client):
    assert officer_client.get(reverse("documents:detail", args=[999])).status_code == 404
    assert officer_client.get(reverse("documents:file", args=[999])).status_code == 404


def test_original_file_downloads(officer_client):
    plan = ingest_document(data=official_text().encode(), filename="kh.txt").document

    response = officer_client.get(reverse("documents:file", args=[plan.pk]))

    assert response.status_code == 200
    assert b"".join(response.streaming_content).decode() == official_text()


def test_upload_stores_document_and_shows_it(officer_client, officer):
    response = upload(officer_client, docx_bytes(official_text()), "ke-hoach-281.docx")

    html = response.content.decode()
    assert response.status_code == 200
    assert "Đã lưu văn bản vào hệ thống." in html
    version = DocumentVersion.objects.get()
    assert version.uploaded_by == officer
    assert version.document.number == "281/KH-UBND"


def test_upload_of_duplicate_says_so_and_stores_nothing_new(officer_client):
    upload(officer_client, official_text().encode(), "kh.txt")

    response = upload(officer_client, official_text().encode(), "kh-copy.txt")

    assert "Tệp này đã có trong hệ thống" in response.content.decode()
    assert DocumentVersion.objects.count() == 1


def test_upload_of_malformed_docx_shows_vietnamese_error(officer_client):
    response = upload(officer_client, b"PK\x03\x04garbage that is not a docx", "hong.docx")

    assert response.status_code == 422
    assert 'role="alert"' in response.content.decode()
    assert Document.objects.count() == 0


def test_upload_without_file_is_a_form_error(officer_client):
    response = officer_client.post(reverse("documents:upload"), {})
    assert response.status_code == 422


def test_upload_too_large_is_refused(officer_client, settings):
    settings.DOCUMENT_MAX_BYTES = 100

    response = upload(officer_client, official_text().encode(), "kh.txt")

    assert response.status_code == 422
    assert "quá lớn" in response.content.decode()
    assert Document.objects.count() == 0


def test_english_interface_is_available(officer_client):
    officer_client.post(reverse("set_language"), {"language": "en", "next": "/"})

    response = officer_client.get(reverse("documents:list"))

    html = response.content.decode()
    assert "Documents" in html
    assert "Upload" in html


def test_vietnamese_is_the_default_language(officer_client):
    html = officer_client.get(reverse("home")).content.decode()
    assert "Hệ thống quản lý thông tin đối ngoại" in html
    assert '<html lang="vi">' in html


def test_login_with_wrong_password_shows_error(client, officer):
    response = client.post(reverse("login"), {"username": "canbo", "password": "sai"})
    assert "không đúng" in response.content.decode()


def test_login_and_logout(client, officer):
    response = client.post(
        reverse("login"), {"username": "canbo", "password": "mat-khau-123"}, follow=True
    )
    assert response.status_code == 200
    assert "Lan Nguyễn" in response.content.decode()

    response = client.post(reverse("logout"), follow=True)
    assert "Đăng nhập" in response.content.decode()


def test_english_browser_still_gets_vietnamese_until_the_user_switches(officer_client):
    html = officer_client.get(reverse("home"), headers={"Accept-Language": "en-US,en"}).content
    assert '<html lang="vi">' in html.decode()
