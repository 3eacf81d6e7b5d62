from __future__ import annotations

import pytest

from tests.press.conftest import NEGATIVE_TEXT, VI_TEXT
from ttdn.press import services
from ttdn.press.models import Response
from ttdn.press.taxonomy import load_default_topics

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(page, live_server, username):
    page.goto(f"{live_server.url}/dang-nhap/")
    page.fill("#id_username", username)
    page.fill("#id_password", "mat-khau-123")
    with page.expect_navigation():
        page.click("button[type=submit]")


def test_officer_finds_an_inaccurate_article_and_requests_a_correction(page, live_server, org):
    from ttdn.press.models import Topic

    load_default_topics(Topic)  # transactional tests start with empty tables
    source = services.save_source(code="bao-abc", name="Báo Điện tử ABC", actor=None)
    context = services.analysis_context()
    for url, title, text in [
        ("https://abc.vn/1", "Ô nhiễm kéo dài ở phường Tam Hiệp", NEGATIVE_TEXT),
        ("https://abc.vn/2", "Đồng Nai thu hút nhà đầu tư", VI_TEXT),
    ]:
        services.ingest_article(
            source=source, url=url, title=title, text=text, published_at=None, context=context
        )
    sign_in(page, live_server, "officer_a")
    page.click("nav.mainnav a:has-text('Báo chí')")
    page.fill("input[name=q]", "o nhiem")
    page.press("input[name=q]", "Enter")
    page.wait_for_selector("#result-count:has-text('1 tin, bài')")
    assert page.locator("#article-results").inner_text().count("Đồng Nai thu hút") == 0
    with page.expect_navigation():
        page.click("#article-results a:has-text('Ô nhiễm kéo dài')")
    # Why the labels were given is on the page.
    page.wait_for_selector("#tone:has-text('“o nhiem” ×2')")
    page.select_option("select[name=reason]", "inaccurate")
    with page.expect_navigation():
        page.click("#responses form button:has-text('Đánh dấu')")
    page.wait_for_selector("text=Đã đánh dấu tin, bài.")
    page.select_option("select[name=kind]", "correction")
    page.fill("textarea[name=note]", "cơ sở đã dừng xả thải từ tháng 1")
    with page.expect_navigation():
        page.click("button:has-text('Mở phản hồi')")
    page.wait_for_selector("#letter:has-text('V/v đề nghị cải chính thông tin')")
    with page.expect_download() as download:
        page.click("a:has-text('Tải DOCX')")
    assert download.value.suggested_filename.endswith(".docx")
    page.select_option("select[name=status]", "sent")
    with page.expect_navigation():
        page.click("button:has-text('Cập nhật')")
    page.wait_for_selector("#response-status:has-text('Đã gửi')")
    response = Response.objects.get()
    assert response.status == Response.Status.SENT
    assert response.flag is not None
    page.click("a:has-text('Phản hồi')")
    page.wait_for_selector("#period-figures")
    assert page.locator("#corrections-requested").inner_text() == "1"
