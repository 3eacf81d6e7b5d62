"""`ttdn report ROUND --format … --out FILE`."""

from __future__ import annotations

import io

import docx
import openpyxl
import pytest
from django.core.management import CommandError, call_command

from ttdn.reports.models import ConsolidatedReport

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("file_format", ["docx", "xlsx", "pdf"])
def test_command_writes_the_report_and_stores_it(demo, tmp_path, file_format):
    out = tmp_path / f"bao-cao.{file_format}"
    stdout = io.StringIO()
    call_command("report", str(demo["round"].pk), format=file_format, out=str(out), stdout=stdout)
    data = out.read_bytes()
    assert data.startswith(b"%PDF" if file_format == "pdf" else b"PK")
    assert ConsolidatedReport.objects.filter(round=demo["round"], status="ready").count() == 1
    assert "5/8" in stdout.getvalue()
    assert "Long Khánh" in stdout.getvalue()
    if file_format == "docx":
        assert "BÁO CÁO" in [p.text for p in docx.Document(io.BytesIO(data)).paragraphs]
    if file_format == "xlsx":
        assert openpyxl.load_workbook(io.BytesIO(data)).sheetnames == [
            "Số liệu theo đơn vị",
            "Tình hình báo cáo",
        ]


def test_command_re_renders_a_stored_report_without_a_new_one(demo, tmp_path):
    call_command(
        "report", str(demo["round"].pk), out=str(tmp_path / "a.docx"), stdout=io.StringIO()
    )
    stored = ConsolidatedReport.objects.get()
    call_command(
        "report",
        str(demo["round"].pk),
        report=stored.pk,
        out=str(tmp_path / "b.docx"),
        stdout=io.StringIO(),
    )
    assert ConsolidatedReport.objects.count() == 1


def test_command_refuses_an_unknown_round(db, tmp_path):
    with pytest.raises(CommandError, match="Không có đợt báo cáo"):
        call_command("report", "999", out=str(tmp_path / "x.docx"))
