"""Vietnamese text: normalisation, legacy encodings, diacritic folding, numbers and dates.

Pure Python; no Django.
"""

from ttdn.text.dates import DATE_PATTERN, find_dates, parse_vn_date
from ttdn.text.fold import fold, search_fold
from ttdn.text.normalize import TextDecodeError, decode, normalize
from ttdn.text.numbers import format_vn_number, parse_vn_number

__all__ = [
    "DATE_PATTERN",
    "TextDecodeError",
    "decode",
    "find_dates",
    "fold",
    "format_vn_number",
    "normalize",
    "parse_vn_date",
    "parse_vn_number",
    "search_fold",
]
