"""A coordinator imports a folder of past reports and settles the file that named no unit."""

from __future__ import annotations

import pytest

from tests.browser.test_reporting_browser import sign_in
from tests.builders import docx_bytes, make_round
from tests.reporting.test_past_report_batches import ANONYMOUS
from tests.reporting.test_prefill import past_report, report_text
from tests.reporting.test_prefill_extras import TWO_DEPARTMENTS
from ttdn.reporting import prefill
from ttdn.reporting.models import PastReportFile, ReportRound

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_coordinator_sees_each_files_outcome_and_imports_the_unnamed_one(
    page, live_server, org, tmp_path
):
    make_round(org)
    (tmp_path / "nv-2023.docx").write_bytes(past_report("Báo cáo công tác năm 2023"))
    (tmp_path / "khong-ro.docx").write_bytes(ANONYMOUS)
    sign_in(page, live_server, "coordinator")
    page.goto(f"{live_server.url}/bao-cao/bao-cao-cu/")

    page.set_input_files(
        "input[name=files]", [str(tmp_path / "nv-2023.docx"), str(tmp_path / "khong-ro.docx")]
    )
    with page.expect_navigation():
        page.click("button:has-text('Nhập')")

    page.wait_for_selector("#batch-progress:has-text('2/2')")
    assert "Đã nhập: 1 · Trùng: 0 · Lỗi: 1" in page.inner_text("#batch-counts")
    failed = page.locator("tr.outcome-failed")
    assert "khong-ro.docx" in failed.inner_text()
    failed.locator("select").select_option(label=org["unit_a"].name)
    failed.locator("input[type=text], input:not([type])").last.fill("2022S2")
    with page.expect_navigation():
        failed.locator("button:has-text('Nhập lại')").click()

    assert page.locator("tr.outcome-failed").count() == 0
    assert PastReportFile.objects.filter(outcome="imported").count() == 2
    assert ReportRound.objects.get(period_code="2022S2").submissions.get().unit == org["unit_a"]


def test_accepting_a_figure_of_a_group_shows_the_new_total(page, live_server, org):
    submission = make_round(org).submissions.get(unit=org["unit_a"])
    report_import = prefill.import_report(
        submission=submission,
        name="bc.docx",
        data=docx_bytes(report_text(TWO_DEPARTMENTS)),
        actor=None,
    )
    sign_in(page, live_server, "officer_a")
    page.goto(f"{live_server.url}{report_import.get_absolute_url()}")
    assert "0 số đã nhận, tổng 0" in page.inner_text(".sum-note >> nth=0")

    row = page.locator("tr.proposal", has=page.locator("mark", has_text="03 hội nghị"))
    row.locator("button.accept").click()

    page.wait_for_selector(".sum-note:has-text('1 số đã nhận, tổng 3')")
    other = page.locator("tr.proposal", has=page.locator("mark", has_text="02 hội nghị"))
    assert "tổng 3" in other.locator(".sum-note").inner_text()
