from __future__ import annotations

import pytest

from tests.builders import official_text
from ttdn.documents.models import Document
from ttdn.documents.services import ingest_document

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(page, live_server, username="canbo", password="mat-khau-123"):
    page.goto(f"{live_server.url}/dang-nhap/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    with page.expect_navigation():
        page.click("button[type=submit]")


def test_officer_searches_without_diacritics_and_follows_a_citation(page, live_server, officer):
    ingest_document(data=official_text().encode(), filename="kh281.txt")
    sign_in(page, live_server)

    page.goto(f"{live_server.url}/van-ban/")
    page.fill("input[name=q]", "ke hoach 281")
    # htmx replaces the results as the officer types; no submit, no page reload.
    page.wait_for_function(
        "document.querySelector('#result-count').textContent.trim().startsWith('1 ')"
    )
    assert "ke+hoach+281" in page.url or "ke%20hoach%20281" in page.url
    # A second search replaces the results block instead of nesting a new one inside it.
    page.fill("input[name=q]", "khong co van ban nao")
    page.wait_for_function(
        "document.querySelector('#result-count').textContent.trim().startsWith('0 ')"
    )
    page.fill("input[name=q]", "ke hoach 281")
    page.wait_for_function(
        "document.querySelector('#result-count').textContent.trim().startsWith('1 ')"
    )
    assert page.locator("#document-results").count() == 1
    page.click("#document-results a:has-text('281/KH-UBND')")

    page.wait_for_selector("#doc-text a.citation")
    assert page.locator("#chain .node").count() == 3
    page.click("#doc-text a.citation:has-text('47/NQ-CP')")
    page.wait_for_selector("h1:has-text('47/NQ-CP')")
    assert "chỉ biết qua trích dẫn" in page.content()
    assert page.url.endswith(Document.objects.get(key="47/NQ-CP").get_absolute_url())


def test_officer_uploads_a_document_in_the_browser(page, live_server, officer, tmp_path):
    path = tmp_path / "ke-hoach-281.txt"
    path.write_text(official_text(), encoding="utf-8")
    sign_in(page, live_server)

    page.goto(f"{live_server.url}/van-ban/tai-len/")
    page.set_input_files("input[type=file]", str(path))
    with page.expect_navigation():
        page.click("button[type=submit]")

    page.wait_for_selector("text=Đã lưu văn bản vào hệ thống.")
    assert page.locator("h1").inner_text() == "Kế hoạch 281/KH-UBND"
