"""The demo round's consolidated report, generated and read back as a user would read it."""

from __future__ import annotations

import io
import subprocess
from decimal import Decimal

import docx
import openpyxl
import pypdf
import pytest

from ttdn.reporting import selectors as reporting
from ttdn.reporting import services as reporting_services
from ttdn.reports import rendering, services
from ttdn.reports.models import ConsolidatedReport

pytestmark = pytest.mark.django_db


def docx_lines(data: bytes) -> list[str]:
    document = docx.Document(io.BytesIO(data))
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                lines.extend(p.text for p in cell.paragraphs)
    return [line for line in lines if line.strip()]


@pytest.fixture
def report(demo, coordinator) -> ConsolidatedReport:
    return services.request_report(report_round=demo["round"], actor=coordinator)


def test_report_is_generated_from_the_demo_round(report):
    assert report.status == ConsolidatedReport.Status.READY
    assert report.progress == 100
    assert report.inputs["completeness"]["approved"] == 5


def test_docx_has_the_decree_header_and_title(report):
    document = docx.Document(io.BytesIO(rendering.render(report, "docx")))
    left, right = document.tables[0].rows[0].cells
    left_lines = [p.text for p in left.paragraphs if p.text]
    assert left_lines[:2] == ["ỦY BAN NHÂN DÂN", "TỈNH ĐỒNG NAI"]
    assert left_lines[2].startswith("Số:")
    assert left_lines[2].endswith("/BC-UBND")
    right_lines = [p.text for p in right.paragraphs if p.text]
    assert right_lines[:2] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    assert right_lines[2].startswith("Đồng Nai, ngày")
    body = [p.text for p in document.paragraphs if p.text]
    assert body[:2] == [
        "BÁO CÁO",
        "Kết quả triển khai công tác thông tin đối ngoại 6 tháng đầu năm 2024",
    ]


def test_docx_cites_the_requesting_document_and_the_plans_of_the_period(report):
    text = "\n".join(docx_lines(rendering.render(report, "docx")))
    assert "Thực hiện văn bản số 2608-CV/BTGTU ngày 10/6/2024 của Ban Tuyên giáo Tỉnh ủy" in text
    assert "- Kế hoạch số 262/KH-UBND ngày 08/11/2023 về hoạt động thông tin đối ngoại" in text
    # Kế hoạch 281/KH-UBND was issued on 21/8/2024, after the data window closed on 14/6.
    assert "281/KH-UBND" not in text


def test_docx_writes_the_approved_figures_as_prose(report, demo):
    totals = {
        row.indicator.code: row.total
        for row in reporting.indicator_totals(period_code="2024S1", province=demo["round"].province)
    }
    assert totals["training_sessions"] == 7
    text = "\n".join(docx_lines(rendering.render(report, "docx")))
    assert "tổ chức 07 hội nghị tập huấn, 12 lớp bồi dưỡng cho 5.050 lượt người tham dự" in text
    assert "120 ấn phẩm thông tin đối ngoại với 13.350 bản phát hành" in text
    # The radio-TV station's report was returned: its 180 reports are not in the figures.
    assert "180 phóng sự" not in text
    assert "So sánh với cùng kỳ năm 2023" in text
    assert "hội nghị tập huấn tăng 40% (07 so với 05)" in text


def test_docx_compiles_units_narrative_with_attribution(report):
    text = "\n".join(docx_lines(rendering.render(report, "docx")))
    assert "Sở Ngoại vụ tỉnh Đồng Nai" in text
    assert "Cán bộ làm công tác thông tin đối ngoại còn kiêm nhiệm." in text
    assert "Phương hướng, nhiệm vụ 6 tháng cuối năm 2024" in text


def test_docx_ends_with_recipients_and_the_signing_block(report):
    document = docx.Document(io.BytesIO(rendering.render(report, "docx")))
    left, right = document.tables[-1].rows[0].cells
    recipients = [p.text for p in left.paragraphs if p.text]
    assert recipients[0] == "Nơi nhận:"
    assert "- Ban Tuyên giáo Tỉnh ủy Đồng Nai;" in recipients
    assert recipients[-1] == "- Lưu: VT."
    assert [p.text for p in right.paragraphs if p.text][:3] == [
        "TM. ỦY BAN NHÂN DÂN",
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
    ]


def test_missing_and_unapproved_units_are_listed(report):
    missing = {u["name"]: u["status"] for u in report.inputs["units"] if u["status"] != "approved"}
    assert missing == {
        "Đài Phát thanh - Truyền hình Đồng Nai": "returned",
        "Ủy ban nhân dân thành phố Biên Hòa": "submitted",
        "Ủy ban nhân dân thành phố Long Khánh": "draft",
    }


def test_pdf_renders_to_pages_with_the_report_text(report, tmp_path, pdftoppm):
    data = rendering.render(report, "pdf")
    path = tmp_path / "bao-cao.pdf"
    path.write_bytes(data)
    subprocess.run([pdftoppm, "-png", "-r", "40", str(path), str(tmp_path / "trang")], check=True)
    pages = sorted(tmp_path.glob("trang*.png"))
    reader = pypdf.PdfReader(io.BytesIO(data))
    assert len(pages) == len(reader.pages) == 3
    text = "\n".join(page.extract_text() for page in reader.pages).replace("\xa0", " ")
    for expected in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "BÁO CÁO",
        "Kế hoạch số 262/KH-UBND ngày 08/11/2023",
        "07 hội nghị tập huấn",
        "Nơi nhận:",
        "TM. ỦY BAN NHÂN DÂN",
    ):
        assert expected in text
    assert "2" in [line.strip() for line in reader.pages[1].extract_text().splitlines()]


def test_xlsx_totals_equal_the_aggregation_selector(report, demo):
    book = openpyxl.load_workbook(io.BytesIO(rendering.render(report, "xlsx")))
    sheet = book["Số liệu theo đơn vị"]
    rows = list(sheet.iter_rows(values_only=True))
    header = rows[2]
    totals_row = next(row for row in rows if row[1] == "Tổng cộng")
    selector = reporting.indicator_totals(period_code="2024S1", province=demo["round"].province)
    by_name = {f"{r.indicator.name_vi} ({r.indicator.unit_of_measure})": r.total for r in selector}
    codes = list(demo["round"].indicators.order_by("position", "code"))
    # Columns follow the catalogue's order.
    assert list(header[2:]) == [f"{i.name_vi} ({i.unit_of_measure})" for i in codes]
    for column, name in enumerate(header[2:], start=2):
        assert Decimal(str(totals_row[column] or 0)) == (by_name.get(name) or 0), name
    unit_rows = [row for row in rows[3:] if isinstance(row[0], int)]
    sessions = header.index("Hội nghị tập huấn (hội nghị)")
    assert sum(row[sessions] or 0 for row in unit_rows) == totals_row[sessions] == 7


def test_xlsx_completeness_table_shows_who_reported_on_time(report):
    book = openpyxl.load_workbook(io.BytesIO(rendering.render(report, "xlsx")))
    rows = {row[1]: row for row in book["Tình hình báo cáo"].iter_rows(values_only=True) if row[1]}
    assert rows["Ủy ban nhân dân thành phố Biên Hòa"][4] == "Trễ hạn"
    assert rows["Ủy ban nhân dân thành phố Long Khánh"][4] == "Chưa gửi"
    assert rows["Báo Đồng Nai"][5] == "Có"
    assert rows["Ủy ban nhân dân thành phố Biên Hòa"][5] == "Không"


def test_stored_report_does_not_change_when_a_unit_is_approved_later(report, demo, coordinator):
    before = docx_lines(rendering.render(report, "docx"))
    late = demo["round"].submissions.get(unit__code="bien-hoa")
    reporting_services.approve_submission(submission=late, actor=coordinator)
    report.refresh_from_db()
    assert docx_lines(rendering.render(report, "docx")) == before
    again = services.request_report(report_round=demo["round"], actor=coordinator)
    assert again.inputs["completeness"]["approved"] == 6
    assert "08 hội nghị tập huấn" in "\n".join(docx_lines(rendering.render(again, "docx")))


def test_party_variant_has_the_party_header(demo, coordinator):
    report = services.request_report(
        report_round=demo["round"], actor=coordinator, document_format="party"
    )
    lines = docx_lines(rendering.render(report, "docx"))
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in lines
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" not in lines
    assert any(line.startswith("Số") and line.endswith("-BC/BCĐ") for line in lines)
    # The Party body reports the plans; it did not issue them.
    assert "Ban Chỉ đạo công tác thông tin đối ngoại đã ban hành" not in "\n".join(lines)
    assert (
        "- Kế hoạch số 262/KH-UBND ngày 08/11/2023 về hoạt động thông tin đối ngoại tỉnh Đồng Nai "
        "năm 2024." in lines
    )


def test_background_generation_runs_through_the_task_and_reaches_100(
    demo, coordinator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        report = services.request_report(
            report_round=demo["round"], actor=coordinator, background=True
        )
        assert report.status == ConsolidatedReport.Status.QUEUED
    # Enqueued only after commit; the test settings run tasks immediately.
    assert len(callbacks) == 1
    report.refresh_from_db()
    assert report.status == ConsolidatedReport.Status.READY
    assert report.progress == 100
    assert report.sections


def test_round_without_any_approved_report_still_gives_a_draft_that_says_so(demo, coordinator):
    from tests.builders import make_org_tree, make_round

    empty_round = make_round(make_org_tree())
    report = services.request_report(report_round=empty_round, actor=coordinator)
    assert report.status == ConsolidatedReport.Status.READY
    text = "\n".join(docx_lines(rendering.render(report, "docx")))
    assert "Chưa có số liệu của báo cáo nào đã được duyệt." in text
    assert "Kế hoạch số 262/KH-UBND" not in text  # another province's plans are not cited
    assert {u["status"] for u in report.inputs["units"]} == {"draft"}


def test_report_as_it_is_now_rolls_units_up_to_their_successors(demo, coordinator):
    report = services.request_report(report_round=demo["round"], actor=coordinator, as_of="now")
    selector = {
        row.indicator.code: row
        for row in reporting.indicator_totals(
            period_code="2024S1", province=demo["round"].province, as_of="now"
        )
    }
    figures = {f["code"]: f for f in report.inputs["figures"]}
    assert report.inputs["as_of"] == "now"
    assert Decimal(figures["press_articles"]["total"]) == selector["press_articles"].total
    assert set(figures["press_articles"]["by_unit"]) == {
        str(unit) for unit in selector["press_articles"].by_unit
    }
    book = openpyxl.load_workbook(io.BytesIO(rendering.render(report, "xlsx")))
    names = {row[1] for row in book["Số liệu theo đơn vị"].iter_rows(values_only=True)}
    # Units ended by the 2025 merger appear under today's successors.
    assert any("Báo và Phát thanh" in str(name) for name in names), names


def test_report_states_the_task_progress_of_the_plan_in_force(demo, coordinator):
    from ttdn.demo.plans import load_demo_plans
    from ttdn.plans.models import Plan

    load_demo_plans(demo["units"])
    report = services.request_report(report_round=demo["round"], actor=coordinator)

    plan = Plan.objects.get(document__key="262/KH-UBND")
    end = demo["round"].window_end
    done = [
        task
        for task in plan.tasks.prefetch_related("assignments")
        if all(
            a.status == "done" and a.completed_on <= end
            for a in task.assignments.all()
            if a.role == "lead"
        )
    ]
    lines = docx_lines(rendering.render(report, "docx"))
    line = next(
        line
        for line in lines
        if line.startswith("- Kế hoạch số 262/KH-UBND") and "nhiệm vụ" in line
    )
    assert "ngày 08/11/2023" in line
    assert f"{plan.tasks.count():02d} nhiệm vụ" in line
    assert f"đã hoàn thành {len(done):02d}" in line
    # 281/KH-UBND (21/8/2024) was not yet in force in the first half of 2024.
    assert not any("281/KH-UBND" in line for line in lines)
