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


def test_unit_and_period_options_serve_the_files_that_do_not_say(tmp_path, org):
    from tests.builders import docx_bytes, make_round

    make_round(org)
    tmp_path = tmp_path / "bao-cao"
    tmp_path.mkdir()
    (tmp_path / "khong-ro.docx").write_bytes(
        docx_bytes("Tình hình thông tin đối ngoại\nĐơn vị tổ chức 04 hội nghị tập huấn.\n")
    )
    (tmp_path / "nv-2023.docx").write_bytes(past_report("Báo cáo công tác năm 2023"))
    out = io.StringIO()

    call_command(
        "import_past_reports",
        str(tmp_path),
        province="thu-nghiem",
        unit="so-a",
        period="2022S1",
        stdout=out,
    )

    rounds = dict(
        ReportImport.objects.values_list("submission__round__period_code", "submission__unit__code")
    )
    assert rounds == {"2022S1": "so-a", "2023": "so-b"}  # the named file keeps its own


def test_file_that_says_nothing_fails_naming_itself_without_options(tmp_path, org):
    from tests.builders import docx_bytes, make_round

    make_round(org)
    (tmp_path / "khong-ro.docx").write_bytes(
        docx_bytes("Tình hình thông tin đối ngoại\nĐơn vị tổ chức 04 hội nghị tập huấn.\n")
    )
    out = io.StringIO()
    rounds = ReportRound.objects.count()

    with pytest.raises(CommandError):
        call_command("import_past_reports", str(tmp_path), province="thu-nghiem", stdout=out)

    assert "Không xác định được đơn vị ban hành báo cáo “khong-ro.docx”" in out.getvalue()
    assert ReportRound.objects.count() == rounds
    assert not ReportImport.objects.exists()


def test_unknown_unit_or_bad_period_option_is_refused(tmp_path, org):
    with pytest.raises(CommandError, match="--unit"):
        call_command("import_past_reports", str(tmp_path), province="thu-nghiem", unit="khong")
    with pytest.raises(CommandError, match="--period"):
        call_command("import_past_reports", str(tmp_path), province="thu-nghiem", period="abc")


def test_folder_imported_twice_reports_duplicates(tmp_path, org):
    from tests.builders import make_round

    make_round(org)
    folder = tmp_path / "bao-cao"  # beside the media folder, where the attachments go
    folder.mkdir()
    (folder / "nv-2023.docx").write_bytes(past_report("Báo cáo công tác năm 2023"))
    call_command("import_past_reports", str(folder), province="thu-nghiem", stdout=io.StringIO())
    out = io.StringIO()

    call_command("import_past_reports", str(folder), province="thu-nghiem", stdout=out)

    assert "trùng / duplicate: 1" in out.getvalue()
    assert ReportImport.objects.count() == 1
