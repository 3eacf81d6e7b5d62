from __future__ import annotations

import io

import openpyxl
import pytest

from tests.builders import make_round
from ttdn.core.exceptions import DomainError
from ttdn.reporting import values_io
from ttdn.reporting.models import DataValue

pytestmark = pytest.mark.django_db


def filled_template(report_round, edit) -> bytes:
    workbook = openpyxl.load_workbook(io.BytesIO(values_io.template_xlsx(report_round)))
    sheet = workbook.active
    edit(sheet)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_template_round_trip_writes_values_of_every_unit(org):
    report_round = make_round(org)

    def edit(sheet):
        header = [cell.value for cell in sheet[1]]
        column = header.index("training_sessions") + 1
        for row in (3, 4):
            sheet.cell(row=row, column=column, value=row)

    count = values_io.import_template(
        report_round=report_round, data=filled_template(report_round, edit), actor=None
    )

    assert count == 2
    assert sorted(DataValue.objects.values_list("value", flat=True)) == [3, 4]
    exported = values_io.export_csv(report_round).decode("utf-8-sig")
    assert "so-a" in exported
    assert "training_sessions" in exported


def test_bad_cells_are_reported_by_row_and_nothing_is_imported(org):
    report_round = make_round(org)

    def edit(sheet):
        header = [cell.value for cell in sheet[1]]
        column = header.index("training_sessions") + 1
        sheet.cell(row=3, column=column, value=5)
        sheet.cell(row=4, column=column, value="mười")
        sheet.cell(row=5, column=1, value="don-vi-la")

    with pytest.raises(values_io.ValuesImportError) as raised:
        values_io.import_template(
            report_round=report_round, data=filled_template(report_round, edit), actor=None
        )

    assert any("Dòng 4" in e and "mười" in e for e in raised.value.errors)
    assert any("Dòng 5" in e and "don-vi-la" in e for e in raised.value.errors)
    assert not DataValue.objects.exists()


def test_a_file_that_is_not_the_template_is_refused(org):
    report_round = make_round(org)
    with pytest.raises(DomainError, match="Excel"):
        values_io.import_template(report_round=report_round, data=b"PK\x03\x04junk", actor=None)
