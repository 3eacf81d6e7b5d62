"""Dates as Vietnamese documents write them."""

from __future__ import annotations

import datetime as dt
import re

# "ngày 21 tháng 8 năm 2024", "ngày 15 tháng 6 năm 2023" (any case, extra spaces tolerated).
_WORDS = r"ngày\s+(?P<wd>\d{1,2})\s+tháng\s+(?P<wm>\d{1,2})\s+năm\s+(?P<wy>\d{4})"
# "21/8/2024", "06/11/2018", "21-8-2024", "21.8.2024"; the year must have four digits so that
# a document number such as "15/4/KH" is never read as a date.
_NUMERIC = (
    r"(?<![\d/])(?P<nd>\d{1,2})\s?(?P<sep>[/.-])\s?(?P<nm>\d{1,2})\s?(?P=sep)\s?"
    r"(?P<ny>\d{4})(?!\d)"
)
DATE_PATTERN = re.compile(rf"{_WORDS}|{_NUMERIC}", re.IGNORECASE)


def _make(day: str, month: str, year: str) -> dt.date | None:
    try:
        value = dt.date(int(year), int(month), int(day))
    except ValueError:
        return None
    return value if 1900 <= value.year <= 2100 else None


def _date_of(match: re.Match[str]) -> dt.date | None:
    if match.group("wd"):
        return _make(match.group("wd"), match.group("wm"), match.group("wy"))
    return _make(match.group("nd"), match.group("nm"), match.group("ny"))


def find_dates(text: str) -> list[tuple[dt.date, int, int]]:
    """Return every valid date in ``text`` with its span (start, end)."""
    found = []
    for match in DATE_PATTERN.finditer(text):
        value = _date_of(match)
        if value is not None:
            found.append((value, match.start(), match.end()))
    return found


def parse_vn_date(text: str) -> dt.date | None:
    """Return the first date written in ``text``, or None."""
    for match in DATE_PATTERN.finditer(text):
        value = _date_of(match)
        if value is not None:
            return value
    return None
