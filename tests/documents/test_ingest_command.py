from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command

from tests.builders import docx_bytes, official_text
from ttdn.documents.models import Document, DocumentVersion

pytestmark = pytest.mark.django_db


def run_ingest(*paths) -> str:
    out = io.StringIO()
    call_command("ingest", *map(str, paths), stdout=out)
    return out.getvalue()


def test_ingest_folder_recursively_with_summary(tmp_path):
    (tmp_path / "2024").mkdir()
    (tmp_path / "2024" / "kh281.docx").write_bytes(docx_bytes(official_text()))
    (tmp_path / "ghi-chu.odt").write_bytes(b"ignored: not a document format we read")

    output = run_ingest(tmp_path)

    assert "kh281.docx" in output
    assert "mới / ingested: 1" in output
    assert DocumentVersion.objects.count() == 1


def test_ingest_reports_duplicates(tmp_path):
    path = tmp_path / "kh281.txt"
    path.write_text(official_text(), encoding="utf-8")
    run_ingest(path)

    output = run_ingest(path)

    assert "trùng / duplicate: 1" in output
    assert DocumentVersion.objects.count() == 1


def test_ingest_fails_with_reason_but_keeps_the_good_files(tmp_path):
    good = tmp_path / "kh281.txt"
    good.write_text(official_text(), encoding="utf-8")
    bad = tmp_path / "hong.docx"
    bad.write_bytes(b"PK\x03\x04 not a zip")
    out = io.StringIO()

    with pytest.raises(CommandError, match=r"^2 "):
        call_command("ingest", str(good), str(bad), str(tmp_path / "khong-co.pdf"), stdout=out)

    output = out.getvalue()
    assert "hong.docx" in output
    assert "khong-co.pdf" in output
    assert "lỗi / failed: 2" in output
    assert Document.objects.filter(status="registered").count() == 1
