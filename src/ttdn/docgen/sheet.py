"""Annex workbooks (XLSX, openpyxl): ruled tables with a title, header, data and totals rows."""

from __future__ import annotations

import io
from dataclasses import dataclass
from decimal import Decimal

Cell = str | int | float | Decimal | None


@dataclass(frozen=True)
class Sheet:
    """One worksheet: a title above a table whose first column names the rows.

    Numbers stay numbers (a reader re-totals them in Excel); ``number_format`` shows them the
    Vietnamese way when the workbook is opened in a Vietnamese locale, grouped otherwise.
    """

    name: str
    header: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    title: str = ""
    totals: tuple[Cell, ...] | None = None
    notes: tuple[str, ...] = ()
    column_widths: tuple[float, ...] = ()
    number_format: str = "#,##0.##"


def render_xlsx(sheets: tuple[Sheet, ...] | list[Sheet]) -> bytes:
    """Render the sheets to XLSX bytes, in order, with frozen header rows."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter

    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    font = "Times New Roman"
    book = Workbook()
    book.remove(book.active)
    for sheet in sheets:
        # Excel refuses sheet names over 31 characters or with []:*?/\
        name = "".join(c for c in sheet.name if c not in "[]:*?/\\")[:31] or "Sheet"
        ws = book.create_sheet(title=name)
        row = 1
        if sheet.title:
            ws.cell(row=row, column=1, value=sheet.title).font = Font(name=font, bold=True, size=13)
            row += 2
        header_row = row
        for column, text in enumerate(sheet.header, start=1):
            cell = ws.cell(row=row, column=column, value=text)
            cell.font = Font(name=font, bold=True, size=12)
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
            cell.border = border
        data = [*sheet.rows, *([sheet.totals] if sheet.totals else [])]
        for index, values in enumerate(data):
            row += 1
            is_total = sheet.totals is not None and index == len(data) - 1
            for column, value in enumerate(values, start=1):
                cell = ws.cell(row=row, column=column, value=value)
                cell.font = Font(name=font, size=12, bold=is_total)
                cell.border = border
                if isinstance(value, int | float | Decimal):
                    cell.number_format = sheet.number_format
                else:
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
        for note in sheet.notes:
            row += 1
            ws.cell(row=row + 1, column=1, value=note).font = Font(name=font, italic=True, size=11)
        ws.freeze_panes = ws.cell(row=header_row + 1, column=2)
        widths = sheet.column_widths or (40.0, *([14.0] * (len(sheet.header) - 1)))
        for column, width in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(column)].width = width
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
