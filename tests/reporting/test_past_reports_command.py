"""``ttdn ingest --extract`` and ``ttdn import_past_reports``: a folder of past reports."""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command

from tests.reporting.test_prefill import past_report
from ttdn.documents.models import Document
from ttdn.reporting.models import DataValue, ReportImport, ReportRound

pytestmark = pytest.mark.django_db


def test_ingest_extract_registers_the_reports_and_makes_drafts(tmp_path, org):
    from tests.builders import make_round

    make_round(org)  # loads the catalogue
    folder = tmp_path / "bao-cao-cu"
    folder.mkdir()
    (folder / "nv-2023.docx").write_bytes(
        past_report("Kết quả công tác thông tin đối ngoại năm 2023")
    )
    (folder / "nv-2022-s1.docx").write_bytes(
        past_report("Kết quả công tác thông tin đối ngoại 6 tháng đầu năm 2022")
    )
    out = io.StringIO()

    call_command("ingest", str(folder), "--extract", "--province", "thu-nghiem", stdout=out)

    output = out.getvalue()
    assert Document.objects.count() == 2
    assert set(ReportRound.objects.values_list("period_code", flat=True)) >= {"2023", "2022S1"}
    assert ReportImport.objects.filter(origin="historical").count() == 2
    assert "bản nháp / drafts: 2" in output
    assert "Sở Nội vụ tỉnh Thử Nghiệm" in output
    assert not DataValue.objects.exists()


def test_unreadable_report_is_named_and_the_others_still_imported(tmp_path, org):
    from tests.builders import make_round

    make_round(org)
    (tmp_path / "tot.docx").write_bytes(past_report("Báo cáo công tác năm 2023"))
    (tmp_path / "hong.docx").write_bytes(b"PK\x03\x04 broken")
    out = io.StringIO()

    with pytest.raises(CommandError, match="1 tệp"):
        call_command("import_past_reports", str(tmp_path), province="thu-nghiem", stdout=out)

    assert "hong.docx" in out.getvalue()
    assert ReportImport.objects.count() == 1


def test_province_must_be_named_when_unknown(tmp_path, org):
    with pytest.raises(CommandError, match="--province"):
        call_command("import_past_reports", str(tmp_path), province="khong-co")
