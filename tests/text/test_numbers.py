from __future__ import annotations

import pytest

from ttdn.text import format_vn_number, parse_vn_number


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("5.000", 5000),
        ("212.000", 212000),
        ("13.350", 13350),
        ("07", 7),
        ("1,5", 1.5),
        (" 68 ", 68),
        ("1.234.567", 1234567),
        ("abc", None),
        ("5.00", None),
        ("", None),
    ],
)
def test_vietnamese_numbers(written, value):
    assert parse_vn_number(written) == value


def test_format_round_trips():
    assert format_vn_number(212000) == "212.000"
    assert format_vn_number(7, leading_zero=True) == "07"
    assert parse_vn_number(format_vn_number(1.5)) == 1.5
