"""Import and export of the organisation tree as CSV or XLSX.

Columns: code, name, short_name, kind, parent_code, admin_code, valid_from, valid_to, aliases
(aliases separated by ";"). Dates as 2025-07-01 or 1/7/2025. An import checks every row first
and changes nothing unless all rows are valid; errors name the row as the spreadsheet numbers it.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import openpyxl
from django.db import transaction
from django.utils.translation import gettext as _
from openpyxl.utils.exceptions import InvalidFileException

from ttdn.core.exceptions import DomainError
from ttdn.orgs.models import OrgUnit
from ttdn.orgs.selectors import aliases_by_unit
from ttdn.orgs.services import save_unit, unit_snapshot

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser

COLUMNS = [
    "code",
    "name",
    "short_name",
    "kind",
    "parent_code",
    "admin_code",
    "valid_from",
    "valid_to",
    "aliases",
]
_CODE = re.compile(r"^[-a-zA-Z0-9_]+$")
_VN_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
MAX_ROWS = 20_000


class TreeImportError(DomainError):
    """The file has bad rows; ``errors`` lists them, and nothing was imported."""

    status_code = 422

    def __init__(self, errors: list[str]) -> None:
        super().__init__(_("Tệp có %(count)s lỗi; chưa nhập dữ liệu nào.") % {"count": len(errors)})
        self.errors = errors


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    codes: list[str] = field(default_factory=list)


def _parse_date(raw: str, row: int, column: str, errors: list[str]) -> dt.date | None:
    raw = raw.strip()
    if not raw:
        return None
    match = _VN_DATE.match(raw)
    try:
        if match:
            day, month, year = (int(part) for part in match.groups())
            return dt.date(year, month, day)
        return dt.date.fromisoformat(raw[:10])
    except ValueError:
        errors.append(
            _("Dòng %(row)s, cột %(column)s: ngày “%(value)s” không hợp lệ.")
            % {"row": row, "column": column, "value": raw}
        )
        return None


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


def read_rows(data: bytes, filename: str) -> list[tuple[int, dict[str, str]]]:
    """Return (spreadsheet row number, values by column) for each data row of the file."""
    if filename.lower().endswith(".xlsx") or data[:2] == b"PK":
        try:
            workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, OSError) as error:
            raise DomainError(
                _("Không đọc được tệp Excel: tệp hỏng hoặc sai định dạng.")
            ) from error
        sheet = workbook.worksheets[0]
        raw_rows = [[_cell(value) for value in row] for row in sheet.iter_rows(values_only=True)]
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise DomainError(
                _("Tệp CSV phải được lưu với bảng mã UTF-8 (Excel: “CSV UTF-8”).")
            ) from error
        raw_rows = [[cell.strip() for cell in row] for row in csv.reader(io.StringIO(text))]
    if not raw_rows:
        raise DomainError(_("Tệp không có dữ liệu."))
    header = [name.strip().lower() for name in raw_rows[0]]
    missing = [name for name in ("code", "name", "kind") if name not in header]
    if missing:
        raise DomainError(_("Thiếu cột bắt buộc: %(columns)s.") % {"columns": ", ".join(missing)})
    if len(raw_rows) - 1 > MAX_ROWS:
        raise DomainError(_("Tệp quá nhiều dòng (tối đa %(max)s).") % {"max": MAX_ROWS})
    rows = []
    for number, values in enumerate(raw_rows[1:], start=2):
        if not any(values):
            continue
        padded = values + [""] * (len(header) - len(values))
        rows.append((number, {name: padded[index] for index, name in enumerate(header)}))
    return rows


def import_tree(*, data: bytes, filename: str, actor: AbstractBaseUser | None) -> ImportReport:
    """Create or update units from a CSV/XLSX file; all rows or none."""
    rows = read_rows(data, filename)
    errors: list[str] = []
    kinds = set(OrgUnit.Kind.values)
    by_code: dict[str, tuple[int, dict[str, str]]] = {}
    for number, row in rows:
        code = row.get("code", "")
        if not code or not _CODE.match(code):
            errors.append(
                _("Dòng %(row)s: mã đơn vị “%(code)s” không hợp lệ.")
                % {"row": number, "code": code}
            )
            continue
        if code in by_code:
            errors.append(
                _("Dòng %(row)s: mã “%(code)s” lặp lại dòng %(first)s.")
                % {"row": number, "code": code, "first": by_code[code][0]}
            )
            continue
        if not row.get("name"):
            errors.append(_("Dòng %(row)s: thiếu tên đơn vị.") % {"row": number})
        if row.get("kind") not in kinds:
            errors.append(
                _("Dòng %(row)s: loại đơn vị “%(kind)s” không hợp lệ (%(kinds)s).")
                % {"row": number, "kind": row.get("kind", ""), "kinds": ", ".join(sorted(kinds))}
            )
        by_code[code] = (number, row)
    existing_codes = set(OrgUnit.objects.values_list("code", flat=True))
    parsed: dict[str, dict[str, object]] = {}
    for code, (number, row) in by_code.items():
        parent_code = row.get("parent_code", "")
        if parent_code and parent_code not in by_code and parent_code not in existing_codes:
            errors.append(
                _("Dòng %(row)s: không có đơn vị cấp trên mã “%(code)s”.")
                % {"row": number, "code": parent_code}
            )
        if parent_code == code:
            errors.append(
                _("Dòng %(row)s: đơn vị không thể là cấp trên của chính nó.") % {"row": number}
            )
        valid_from = _parse_date(row.get("valid_from", ""), number, "valid_from", errors)
        valid_to = _parse_date(row.get("valid_to", ""), number, "valid_to", errors)
        if valid_from and valid_to and valid_to < valid_from:
            errors.append(_("Dòng %(row)s: ngày kết thúc trước ngày bắt đầu.") % {"row": number})
        parsed[code] = {
            "name": row.get("name", ""),
            "short_name": row.get("short_name", ""),
            "kind": row.get("kind", ""),
            "parent_code": parent_code,
            "admin_code": row.get("admin_code", ""),
            "valid_from": valid_from,
            "valid_to": valid_to,
            "aliases": [a.strip() for a in row.get("aliases", "").split(";") if a.strip()],
        }
    order = _parents_first(parsed, errors, by_code)
    if errors:
        raise TreeImportError(errors)

    report = ImportReport()
    with transaction.atomic():
        units = {unit.code: unit for unit in OrgUnit.objects.all()}
        for code in order:
            values = parsed[code]
            parent_code = str(values.pop("parent_code"))
            before = units.get(code)
            snapshot = unit_snapshot(before) if before else None
            unit = save_unit(
                code=code,
                actor=actor,
                parent=units.get(parent_code) if parent_code else None,
                **values,  # type: ignore[arg-type]
            )
            units[code] = unit
            report.codes.append(code)
            if before is None:
                report.created += 1
            elif unit_snapshot(unit) != snapshot:
                report.updated += 1
            else:
                report.unchanged += 1
    return report


def _parents_first(
    parsed: dict[str, dict[str, object]],
    errors: list[str],
    by_code: dict[str, tuple[int, dict[str, str]]],
) -> list[str]:
    order: list[str] = []
    state: dict[str, str] = {}

    def visit(code: str) -> None:
        if state.get(code) == "done":
            return
        if state.get(code) == "visiting":
            errors.append(
                _("Dòng %(row)s: quan hệ cấp trên tạo thành vòng lặp.") % {"row": by_code[code][0]}
            )
            return
        state[code] = "visiting"
        parent_code = str(parsed[code]["parent_code"])
        if parent_code in parsed:
            visit(parent_code)
        state[code] = "done"
        order.append(code)

    for code in parsed:
        visit(code)
    return order


def export_rows() -> list[list[str]]:
    units = list(OrgUnit.objects.select_related("parent").order_by("valid_from", "kind", "code"))
    aliases = aliases_by_unit(units)
    rows = [COLUMNS]
    for unit in units:
        own = {unit.name, unit.short_name}
        rows.append(
            [
                unit.code,
                unit.name,
                unit.short_name,
                unit.kind,
                unit.parent.code if unit.parent else "",
                unit.admin_code,
                unit.valid_from.isoformat() if unit.valid_from else "",
                unit.valid_to.isoformat() if unit.valid_to else "",
                "; ".join(name for name in aliases.get(unit.pk, []) if name not in own),
            ]
        )
    return rows


def export_csv() -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(export_rows())
    # The BOM lets Excel open the UTF-8 file with Vietnamese intact.
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def export_xlsx() -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Đơn vị"
    for row in export_rows():
        sheet.append(row)
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
