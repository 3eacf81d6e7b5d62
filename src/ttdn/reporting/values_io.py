"""Values in and out of spreadsheets: export of a round, and the per-round XLSX template.

The template has one row per expected unit and one column per indicator (whole-indicator
values). An import checks every cell first and writes nothing unless all are valid.
"""

from __future__ import annotations

import csv
import io
import zipfile
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

import openpyxl
from django.db import transaction
from django.utils.translation import gettext as _
from openpyxl.utils.exceptions import InvalidFileException

from ttdn.core.audit import record_change
from ttdn.core.exceptions import DomainError
from ttdn.reporting.models import DataValue, ReportRound, Submission
from ttdn.reporting.services import save_submission, submission_values

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser

HEADER = [
    "unit_code",
    "unit_name",
    "indicator_code",
    "indicator_name",
    "category",
    "value",
    "status",
]


class ValuesImportError(DomainError):
    status_code = 422

    def __init__(self, errors: list[str]) -> None:
        super().__init__(_("Tệp có %(count)s lỗi; chưa nhập số liệu nào.") % {"count": len(errors)})
        self.errors = errors


def export_rows(report_round: ReportRound) -> list[list[str]]:
    rows = [HEADER]
    values = (
        DataValue.objects.filter(submission__round=report_round)
        .select_related("submission__unit", "indicator", "submission")
        .order_by("submission__unit__name", "indicator__position", "category")
    )
    rows.extend(
        [
            value.submission.unit.code,
            value.submission.unit.name,
            value.indicator.code,
            value.indicator.name_vi,
            value.category,
            "" if value.value is None else f"{value.value.normalize():f}",
            value.submission.status,
        ]
        for value in values
    )
    return rows


def export_csv(report_round: ReportRound) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(export_rows(report_round))
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _workbook_bytes(rows: list[list[str]], title: str) -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = title[:31]
    for row in rows:
        sheet.append(row)
    sheet.freeze_panes = "C2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def export_xlsx(report_round: ReportRound) -> bytes:
    return _workbook_bytes(export_rows(report_round), "Số liệu")


def template_xlsx(report_round: ReportRound) -> bytes:
    """Return the round's input template, pre-filled with the values already entered."""
    indicators = list(report_round.indicators.order_by("position", "code"))
    rows = [
        ["unit_code", "unit_name", *[i.code for i in indicators]],
        ["", "", *[i.name_vi for i in indicators]],
    ]
    for submission in report_round.submissions.select_related("unit").order_by("unit__name"):
        current = submission_values(submission)
        rows.append(
            [
                submission.unit.code,
                submission.unit.name,
                *[
                    "" if (v := current.get((i.code, ""))) is None else f"{v.normalize():f}"
                    for i in indicators
                ],
            ]
        )
    return _workbook_bytes(rows, "Mẫu nhập số liệu")


def import_template(
    *, report_round: ReportRound, data: bytes, actor: AbstractBaseUser | None
) -> int:
    """Write the template's values into the round's editable submissions; all or nothing."""
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, OSError) as error:
        raise DomainError(_("Không đọc được tệp Excel: tệp hỏng hoặc sai định dạng.")) from error
    rows = list(workbook.worksheets[0].iter_rows(values_only=True))
    if not rows or not rows[0] or rows[0][0] != "unit_code":
        raise DomainError(_("Tệp không theo mẫu của đợt báo cáo (thiếu dòng tiêu đề)."))
    codes = [str(cell or "").strip() for cell in rows[0][2:]]
    indicators = {i.code: i for i in report_round.indicators.all()}
    errors = [
        _("Cột %(column)s: không có chỉ tiêu “%(code)s” trong đợt báo cáo.")
        % {"column": index + 3, "code": code}
        for index, code in enumerate(codes)
        if code and code not in indicators
    ]
    submissions = {s.unit.code: s for s in report_round.submissions.select_related("unit", "round")}
    updates: dict[str, dict[tuple[str, str], Decimal | None]] = {}
    for number, row in enumerate(rows[1:], start=2):
        unit_code = str(row[0] or "").strip() if row else ""
        if not unit_code:
            continue  # the names row, blank rows
        submission = submissions.get(unit_code)
        if submission is None:
            errors.append(
                _("Dòng %(row)s: đơn vị “%(code)s” không thuộc đợt báo cáo.")
                % {"row": number, "code": unit_code}
            )
            continue
        if not submission.editable:
            errors.append(
                _("Dòng %(row)s: báo cáo của %(unit)s đã gửi hoặc đã duyệt.")
                % {"row": number, "unit": submission.unit.name}
            )
            continue
        values = submission_values(submission)
        for index, code in enumerate(codes):
            cell = row[index + 2] if index + 2 < len(row) else None
            if not code or code not in indicators or cell in (None, ""):
                continue
            try:
                value = Decimal(str(cell).replace(" ", ""))
            except InvalidOperation:
                errors.append(
                    _("Dòng %(row)s, cột %(code)s: “%(value)s” không phải là số.")
                    % {"row": number, "code": code, "value": cell}
                )
                continue
            if value < 0:
                errors.append(
                    _("Dòng %(row)s, cột %(code)s: số liệu không được âm.")
                    % {"row": number, "code": code}
                )
                continue
            values[(code, "")] = value
        updates[unit_code] = values
    if errors:
        raise ValuesImportError(errors)
    with transaction.atomic():
        for unit_code, values in updates.items():
            submission = submissions[unit_code]
            save_submission(
                submission=submission,
                values=values,
                narrative=submission.narrative,
                version=Submission.objects.get(pk=submission.pk).version,
                actor=actor,
            )
        record_change(
            actor=actor,
            obj=report_round,
            action="import_values",
            changes={"units": sorted(updates)},
        )
    return len(updates)
