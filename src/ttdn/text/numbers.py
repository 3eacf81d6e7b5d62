"""Vietnamese number formats: "." groups thousands, "," marks decimals ("5.000", "1,5")."""

from __future__ import annotations

import re
from decimal import Decimal

_NUMBER = re.compile(r"^\d{1,3}(?:\.\d{3})+(?:,\d+)?$|^\d+(?:,\d+)?$")


def parse_vn_number(text: str) -> int | float | None:
    """Parse "5.000" → 5000, "212.000" → 212000, "07" → 7, "1,5" → 1.5; None if not a number."""
    raw = text.strip()
    if not _NUMBER.match(raw):
        return None
    integer, _, decimals = raw.replace(".", "").partition(",")
    if decimals:
        return float(f"{integer}.{decimals}")
    return int(integer)


def format_vn_number(value: float | int | Decimal, *, leading_zero: bool = False) -> str:
    """Write a number the Vietnamese way: 212000 → "212.000", 1.5 → "1,5"; 7 → "07" if asked.

    Official reports write counts under ten with a leading zero ("07 hội nghị").
    """
    number = Decimal(str(value)).normalize()
    sign = "-" if number < 0 else ""
    integer, _, decimals = f"{abs(number):f}".partition(".")
    grouped = f"{int(integer):,}".replace(",", ".")
    if leading_zero and not decimals and int(integer) < 10:
        grouped = f"0{grouped}"
    return f"{sign}{grouped},{decimals}" if decimals else f"{sign}{grouped}"
