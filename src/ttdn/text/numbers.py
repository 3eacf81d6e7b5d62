"""Vietnamese number formats: "." groups thousands, "," marks decimals ("5.000", "1,5")."""

from __future__ import annotations

import re

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
