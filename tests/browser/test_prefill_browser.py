"""The officer uploads the Word report, decides on each figure in place (htmx), and applies."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.browser.test_reporting_browser import sign_in
from tests.builders import docx_bytes, make_round
from tests.reporting.test_prefill import report_text
from ttdn.reporting.models import ReportImport, Submission

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_officer_accepts_corrects_and_rejects_figures_then_fills_the_draft(
    page, live_server, org, tmp_path
):
    submission = make_round(org).submissions.get(unit=org["unit_a"])
    report = tmp_path / "bao-cao-6-thang.docx"
    report.write_bytes(docx_bytes(report_text()))
    sign_in(page, live_server, "officer_a")
    page.goto(f"{live_server.url}{submission.get_absolute_url()}")

    page.set_input_files("#report-upload input[type=file]", str(report))
    with page.expect_navigation():
        page.click("#report-upload button:has-text('Đọc số liệu')")

    # Each figure is shown inside its sentence, highlighted.
    sessions = page.locator("tr.proposal", has=page.locator("mark", has_text="03 hội nghị"))
    assert "Trong kỳ, Sở đã tổ chức" in sessions.locator("td.source").inner_text()
    attendances = page.locator("tr.proposal", has=page.locator("mark", has_text="hơn 450"))
    followers = page.locator("tr.proposal", has=page.locator("mark", has_text="12.500"))

    sessions.locator("button.accept").click()
    page.wait_for_selector("tr.proposal.accepted")
    attendances.locator("input[name=corrected]").fill("1.200")
    attendances.locator("button.correct").click()
    page.wait_for_selector("tr.proposal.corrected .corrected-value")
    followers.locator("button.reject").click()
    page.wait_for_selector("tr.proposal.rejected")
    assert submission.values.count() == 0  # decisions alone write nothing into the report

    with page.expect_navigation():
        page.click("#apply-form button:has-text('Điền vào bản nháp')")
    page.wait_for_selector("text=Kiểm tra lại rồi bấm “Gửi báo cáo”.")
    assert page.input_value("#id_v__training_sessions__") == "3"
    assert page.input_value("#id_v__training_attendances__") == "1200"
    assert page.input_value("#id_v__social_followers__") == ""
    assert "Kinh phí" in page.input_value("#id_s__difficulties")

    submission.refresh_from_db()
    assert submission.status == Submission.Status.DRAFT
    assert submission.values.get(indicator__code="training_attendances").value == Decimal(1200)
    assert ReportImport.objects.get().status == ReportImport.Status.APPLIED
