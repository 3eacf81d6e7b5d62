"""Editing a generated draft: sections and header, stale edits refused, edits in the files."""

from __future__ import annotations

import io

import docx
import pytest

from ttdn.core.exceptions import DomainError
from ttdn.reports import rendering, services
from ttdn.reports.draft import default_header, default_sections
from ttdn.reports.services import StaleReport

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(demo, coordinator):
    return services.request_report(report_round=demo["round"], actor=coordinator)


def test_edited_section_goes_into_the_docx(report, coordinator):
    report = services.save_section(
        report=report,
        code="context",
        title="Bối cảnh, tình hình",
        text="Tình hình thế giới diễn biến nhanh, phức tạp.\n- Kinh tế của tỉnh tăng trưởng 6,5%.",
        version=report.version,
        actor=coordinator,
    )
    paragraphs = [
        p.text for p in docx.Document(io.BytesIO(rendering.render(report, "docx"))).paragraphs
    ]
    assert "Tình hình thế giới diễn biến nhanh, phức tạp." in paragraphs
    assert "- Kinh tế của tỉnh tăng trưởng 6,5%." in paragraphs


def test_edit_based_on_an_old_version_is_refused_and_changes_nothing(report, coordinator):
    first = services.save_section(
        report=report,
        code="proposals",
        title="Kiến nghị",
        text="Bổ sung biên chế.",
        version=report.version,
        actor=coordinator,
    )
    with pytest.raises(StaleReport):
        services.save_section(
            report=report,
            code="proposals",
            title="Kiến nghị",
            text="Ghi đè.",
            version=report.version,
            actor=coordinator,
        )
    first.refresh_from_db()
    assert (
        next(s for s in first.sections if s["code"] == "proposals")["text"] == "Bổ sung biên chế."
    )


def test_unknown_section_and_empty_title_are_refused(report, coordinator):
    with pytest.raises(DomainError):
        services.save_section(
            report=report,
            code="khong-co",
            title="X",
            text="",
            version=report.version,
            actor=coordinator,
        )
    with pytest.raises(DomainError):
        services.save_section(
            report=report,
            code="context",
            title="  ",
            text="",
            version=report.version,
            actor=coordinator,
        )


def test_header_edit_fills_number_signer_and_recipients(report, coordinator):
    report = services.save_header(
        report=report,
        values={
            "number": "145",
            "signature": {
                "form": "KT.",
                "authority": "Chủ tịch",
                "title": "Phó Chủ tịch",
                "name": "Nguyễn Thị Hoàng",
            },
            "recipients": ["Ban Tuyên giáo Tỉnh ủy;", "", "Lưu: VT, KGVX."],
        },
        version=report.version,
        actor=coordinator,
    )
    document = docx.Document(io.BytesIO(rendering.render(report, "docx")))
    assert "Số: 145/BC-UBND" in [p.text for p in document.tables[0].rows[0].cells[0].paragraphs]
    left, right = document.tables[-1].rows[0].cells
    assert [p.text for p in left.paragraphs if p.text] == [
        "Nơi nhận:",
        "- Ban Tuyên giáo Tỉnh ủy;",
        "- Lưu: VT, KGVX.",
    ]
    assert [p.text for p in right.paragraphs if p.text] == [
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "Nguyễn Thị Hoàng",
    ]


def test_plan_progress_section_appears_when_the_snapshot_has_plan_data(report):
    inputs = dict(report.inputs)
    inputs["plan_progress"] = [
        {
            "plan_id": 1,
            "number": "262/KH-UBND",
            "issued_at": "2023-11-08",
            "title": "Hoạt động thông tin đối ngoại năm 2024",
            "total": 10,
            "done_on_time": 6,
            "done_late": 1,
            "pending_within_deadline": 2,
            "overdue": 1,
            "cancelled": 0,
        }
    ]
    header = default_header(inputs, "state")
    sections = {s["code"]: s for s in default_sections(inputs, header)}
    assert sections["plan_progress"]["title"] == "Tiến độ thực hiện nhiệm vụ"
    assert "10 nhiệm vụ; đã hoàn thành 07 (70%" in sections["plan_progress"]["text"]
    assert "plan_progress" not in {s["code"] for s in report.sections}  # no plan in force here
