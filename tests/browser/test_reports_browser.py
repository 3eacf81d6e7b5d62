from __future__ import annotations

import io

import docx
import pytest

from tests.builders import figures, make_round
from ttdn.reporting import services as reporting

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(page, live_server, username):
    page.goto(f"{live_server.url}/dang-nhap/")
    page.fill("#id_username", username)
    page.fill("#id_password", "mat-khau-123")
    with page.expect_navigation():
        page.click("button[type=submit]")


def test_coordinator_edits_a_section_then_downloads_the_docx(page, live_server, org):
    report_round = make_round(org)
    submission = report_round.submissions.get(unit=org["unit_a"])
    submission = reporting.save_submission(
        submission=submission,
        values=figures(
            training_sessions=7,
            training_attendances=5000,
            social_followers=212000,
            publications=120,
        ),
        narrative={},
        version=submission.version,
        actor=None,
    )
    submission = reporting.submit_submission(
        submission=submission, version=submission.version, actor=None
    )
    reporting.approve_submission(submission=submission, actor=None)

    sign_in(page, live_server, "coordinator")
    page.goto(f"{live_server.url}/bao-cao-tong-hop/dot/{report_round.pk}/")
    with page.expect_navigation():
        page.click("button:has-text('Tạo dự thảo')")
    page.wait_for_selector("#missing:has-text('Sở Nội vụ tỉnh Thử Nghiệm')")
    page.wait_for_selector("#section-results:has-text('07 hội nghị tập huấn')")

    # Edit one section in place (htmx swaps the form in, then the saved section back).
    page.click("#section-context button:has-text('Sửa')")
    page.fill("#id_text-context", "Tình hình thế giới diễn biến nhanh, phức tạp, khó lường.")
    page.click("#section-context button:has-text('Lưu mục này')")
    page.wait_for_selector("#section-context:has-text('Đã lưu.')")
    page.wait_for_selector("#section-context:has-text('diễn biến nhanh, phức tạp')")

    with page.expect_download() as download_info:
        page.click("#download-docx")
    path = download_info.value.path()
    paragraphs = [p.text for p in docx.Document(io.BytesIO(path.read_bytes())).paragraphs]
    assert "Tình hình thế giới diễn biến nhanh, phức tạp, khó lường." in paragraphs
    assert any("07 hội nghị tập huấn" in text for text in paragraphs)
