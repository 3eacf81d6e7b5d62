"""Reporting periods and their data windows under Nghị định 09/2019/NĐ-CP.

Data for a periodic report is closed before the period's calendar end so the report can be
written in time: a month runs from the 15th of the month before to the 14th; a quarter from the
15th of the month before the quarter to the 14th of its last month; the first half from 15/12 of
the previous year to 14/6; the second half 15/6–14/12; nine months 15/12–14/9; the year
15/12–14/12. A round may override the window (its requesting document decides).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum


class PeriodKind(StrEnum):
    """How long a period is."""

    MONTH = "month"
    QUARTER = "quarter"
    HALF = "half"
    NINE_MONTHS = "nine_months"
    YEAR = "year"
    CUSTOM = "custom"


_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
_CODE = re.compile(
    r"^(?P<year>\d{4})(?:(?P<month>M(?:0[1-9]|1[0-2]))|(?P<quarter>Q[1-4])|(?P<half>S[12])"
    r"|(?P<nine>N9))?$"
)
_CUSTOM = re.compile(r"^(?P<start>\d{4}-\d{2}-\d{2})\.\.(?P<end>\d{4}-\d{2}-\d{2})$")


class PeriodError(ValueError):
    """A period code that does not name a period."""


@dataclass(frozen=True)
class Period:
    """A reporting period: its code ("2024S1"), kind, calendar bounds and data window."""

    code: str
    kind: PeriodKind
    year: int
    start: dt.date
    end: dt.date
    window_start: dt.date
    window_end: dt.date

    @property
    def label_vi(self) -> str:
        """Return the Vietnamese name of the period ("6 tháng đầu năm 2024")."""
        return _label(self, "vi")

    @property
    def label_en(self) -> str:
        """Return the English name of the period ("first half of 2024")."""
        return _label(self, "en")


def _month_end(year: int, month: int) -> dt.date:
    following = dt.date(year + (month == 12), month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


def _closing(year: int, month: int) -> dt.date:
    """Return the 14th of a month: the closing day of data under Nghị định 09."""
    return dt.date(year, month, 14)


def _opening(year: int, month: int) -> dt.date:
    """Return the 15th of the month before ``month``: the first day of the data window."""
    if month == 1:
        return dt.date(year - 1, 12, 15)
    return dt.date(year, month - 1, 15)


def parse_period(code: str) -> Period:
    """Return the period a code names: 2024M05, 2024Q2, 2024S1, 2024S2, 2024N9, 2024, or
    a custom range "2024-03-01..2024-05-31"."""
    code = code.strip().upper()
    custom = _CUSTOM.match(code)
    if custom:
        try:
            start = dt.date.fromisoformat(custom.group("start"))
            end = dt.date.fromisoformat(custom.group("end"))
        except ValueError as error:
            raise PeriodError(f"Kỳ báo cáo không hợp lệ: {code}") from error
        if end < start:
            raise PeriodError(f"Kỳ báo cáo kết thúc trước khi bắt đầu: {code}")
        return Period(code, PeriodKind.CUSTOM, start.year, start, end, start, end)
    match = _CODE.match(code)
    if not match:
        raise PeriodError(f"Mã kỳ báo cáo không hợp lệ: {code}")
    year = int(match.group("year"))
    if match.group("month"):
        month = int(match.group("month")[1:])
        return Period(
            code,
            PeriodKind.MONTH,
            year,
            dt.date(year, month, 1),
            _month_end(year, month),
            _opening(year, month),
            _closing(year, month),
        )
    if match.group("quarter"):
        quarter = int(match.group("quarter")[1:])
        first, last = 3 * quarter - 2, 3 * quarter
        return Period(
            code,
            PeriodKind.QUARTER,
            year,
            dt.date(year, first, 1),
            _month_end(year, last),
            _opening(year, first),
            _closing(year, last),
        )
    if match.group("half"):
        if match.group("half") == "S1":
            return Period(
                code,
                PeriodKind.HALF,
                year,
                dt.date(year, 1, 1),
                dt.date(year, 6, 30),
                dt.date(year - 1, 12, 15),
                dt.date(year, 6, 14),
            )
        return Period(
            code,
            PeriodKind.HALF,
            year,
            dt.date(year, 7, 1),
            dt.date(year, 12, 31),
            dt.date(year, 6, 15),
            dt.date(year, 12, 14),
        )
    if match.group("nine"):
        return Period(
            code,
            PeriodKind.NINE_MONTHS,
            year,
            dt.date(year, 1, 1),
            dt.date(year, 9, 30),
            dt.date(year - 1, 12, 15),
            dt.date(year, 9, 14),
        )
    return Period(
        code,
        PeriodKind.YEAR,
        year,
        dt.date(year, 1, 1),
        dt.date(year, 12, 31),
        dt.date(year - 1, 12, 15),
        dt.date(year, 12, 14),
    )


def same_period_previous_year(period: Period) -> Period:
    """Return the period a year earlier (2024S1 → 2023S1), for year-on-year comparison."""
    if period.kind is PeriodKind.CUSTOM:
        start = period.start.replace(year=period.start.year - 1)
        end = period.end.replace(year=period.end.year - 1)
        return parse_period(f"{start.isoformat()}..{end.isoformat()}")
    return parse_period(f"{period.year - 1}{period.code[4:]}")


def _label(period: Period, language: str) -> str:
    year, code = period.year, period.code
    vi = language == "vi"
    if period.kind is PeriodKind.MONTH:
        month = int(code[5:])
        return f"Tháng {month} năm {year}" if vi else f"{dt.date(year, month, 1):%B} {year}"
    if period.kind is PeriodKind.QUARTER:
        quarter = int(code[5])
        return f"Quý {_ROMAN[quarter]} năm {year}" if vi else f"Q{quarter} {year}"
    if period.kind is PeriodKind.HALF:
        first = code.endswith("S1")
        if vi:
            return f"6 tháng {'đầu' if first else 'cuối'} năm {year}"
        return f"{'first' if first else 'second'} half of {year}"
    if period.kind is PeriodKind.NINE_MONTHS:
        return f"9 tháng năm {year}" if vi else f"first nine months of {year}"
    if period.kind is PeriodKind.YEAR:
        return f"Năm {year}" if vi else f"year {year}"
    span = f"{period.start:%d/%m/%Y} – {period.end:%d/%m/%Y}"
    return f"Từ {span.replace(' – ', ' đến ')}" if vi else span
