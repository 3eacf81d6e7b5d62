from __future__ import annotations

import datetime as dt

import pytest

from ttdn.text import find_dates, parse_vn_date


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("Đồng Nai, ngày 21 tháng 8 năm 2024", dt.date(2024, 8, 21)),
        ("ngày 03 tháng 7 năm 2024", dt.date(2024, 7, 3)),
        ("ngày 15/4/2024", dt.date(2024, 4, 15)),
        ("21/8/2024", dt.date(2024, 8, 21)),
        ("06/11/2018ban hành", dt.date(2018, 11, 6)),
        ("NGÀY 15 THÁNG 6 NĂM 2023", dt.date(2023, 6, 15)),
        ("ngày 31/02/2024", None),
        ("số 15/4/KH", None),
        ("ngày    tháng 7 năm 2024", None),
        ("", None),
    ],
)
def test_vietnamese_dates(written, value):
    assert parse_vn_date(written) == value


def test_find_dates_gives_spans():
    text = "từ 15/12/2023 đến ngày 14 tháng 6 năm 2024"
    found = find_dates(text)
    assert [value for value, _, _ in found] == [dt.date(2023, 12, 15), dt.date(2024, 6, 14)]
    assert text[found[0][1] : found[0][2]] == "15/12/2023"
    assert text[found[1][1] : found[1][2]] == "ngày 14 tháng 6 năm 2024"


def test_document_numbers_are_not_dates():
    assert find_dates("Quyết định số 22/2017/QĐ-UBND và 72/2015/NĐ-CP") == []
