"""XLSX annexes, read back with openpyxl."""

from __future__ import annotations

import io
from decimal import Decimal

import openpyxl

from ttdn.docgen import Sheet, render_xlsx


def _sheet() -> Sheet:
    return Sheet(
        name="Chỉ tiêu theo đơn vị: 6 tháng/2024",
        title="Phụ lục 1. Số liệu theo đơn vị",
        header=("Đơn vị", "Hội nghị tập huấn", "Lượt người"),
        rows=(("Sở Văn hóa", 4, Decimal("3000")), ("UBND TP Biên Hòa", 3, None)),
        totals=("Tổng cộng", 7, Decimal("3000")),
        notes=("Số liệu từ các báo cáo đã duyệt.",),
    )


def test_workbook_keeps_numbers_as_numbers_with_title_header_and_totals():
    book = openpyxl.load_workbook(io.BytesIO(render_xlsx([_sheet()])))
    ws = book.worksheets[0]
    rows = [tuple(c for c in row) for row in ws.iter_rows(values_only=True)]
    assert rows[0][0] == "Phụ lục 1. Số liệu theo đơn vị"
    assert rows[2] == ("Đơn vị", "Hội nghị tập huấn", "Lượt người")
    assert rows[3] == ("Sở Văn hóa", 4, 3000)
    assert rows[4] == ("UBND TP Biên Hòa", 3, None)
    assert rows[5] == ("Tổng cộng", 7, 3000)
    assert ws.freeze_panes == "B4"
    assert any(row[0] == "Số liệu từ các báo cáo đã duyệt." for row in rows)


def test_sheet_names_are_cut_to_what_excel_accepts():
    book = openpyxl.load_workbook(io.BytesIO(render_xlsx([_sheet()])))
    name = book.sheetnames[0]
    assert len(name) <= 31
    assert "/" not in name
    assert ":" not in name
