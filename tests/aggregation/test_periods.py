from __future__ import annotations

import datetime as dt

import pytest

from ttdn.aggregation import PeriodError, parse_period, same_period_previous_year

D = dt.date


@pytest.mark.parametrize(
    ("code", "window", "label"),
    [
        ("2024S1", (D(2023, 12, 15), D(2024, 6, 14)), "6 tháng đầu năm 2024"),
        ("2024S2", (D(2024, 6, 15), D(2024, 12, 14)), "6 tháng cuối năm 2024"),
        ("2024N9", (D(2023, 12, 15), D(2024, 9, 14)), "9 tháng năm 2024"),
        ("2024", (D(2023, 12, 15), D(2024, 12, 14)), "Năm 2024"),
        ("2024Q2", (D(2024, 3, 15), D(2024, 6, 14)), "Quý II năm 2024"),
        ("2024Q1", (D(2023, 12, 15), D(2024, 3, 14)), "Quý I năm 2024"),
        ("2024M05", (D(2024, 4, 15), D(2024, 5, 14)), "Tháng 5 năm 2024"),
        ("2024M01", (D(2023, 12, 15), D(2024, 1, 14)), "Tháng 1 năm 2024"),
    ],
)
def test_data_windows_follow_decree_09(code, window, label):
    period = parse_period(code)
    assert (period.window_start, period.window_end) == window
    assert period.label_vi == label


def test_calendar_bounds_of_a_half_year():
    period = parse_period("2024s1")
    assert (period.start, period.end) == (D(2024, 1, 1), D(2024, 6, 30))
    assert period.label_en == "first half of 2024"


def test_custom_range():
    period = parse_period("2024-03-01..2024-05-31")
    assert (period.window_start, period.window_end) == (D(2024, 3, 1), D(2024, 5, 31))
    assert period.label_vi == "Từ 01/03/2024 đến 31/05/2024"


@pytest.mark.parametrize(
    "code", ["2024M13", "2024Q5", "2024S3", "24S1", "", "2024-05-01..2024-04-01"]
)
def test_bad_codes_are_refused_with_a_message(code):
    with pytest.raises(PeriodError, match=r"[Kk]ỳ báo cáo"):
        parse_period(code)


def test_same_period_previous_year():
    assert same_period_previous_year(parse_period("2024S1")).code == "2023S1"
    assert same_period_previous_year(parse_period("2024M02")).code == "2023M02"
