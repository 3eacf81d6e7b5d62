from __future__ import annotations

import datetime as dt
import unicodedata

import pytest

from ttdn.text import (
    decode,
    find_dates,
    fold,
    normalize,
    parse_vn_date,
    parse_vn_number,
    search_fold,
)


def test_fold_removes_diacritics_and_d_stroke():
    assert fold("Đồng Nai") == "Dong Nai"
    assert fold("Đắk Lắk, đường Ưu Đàm") == "Dak Lak, duong Uu Dam"


def test_search_fold_matches_any_spelling():
    assert search_fold("ĐỒNG  NAI") == search_fold("dong nai") == search_fold("Đồng Nai")


def test_fold_of_decomposed_text_is_the_same():
    assert fold(unicodedata.normalize("NFD", "Thông tin đối ngoại")) == "Thong tin doi ngoai"


def test_normalize_gives_nfc_and_clean_lines():
    text = normalize(unicodedata.normalize("NFD", "Hà Nội\r\nĐà\u00a0Nẵng\u200b\x00"))
    assert text == "Hà Nội\nĐà Nẵng"
    assert unicodedata.is_normalized("NFC", text)


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("5.000", 5000),
        ("212.000", 212000),
        ("13.350", 13350),
        ("07", 7),
        ("1,5", 1.5),
        ("1.234.567", 1234567),
        ("abc", None),
        ("5.00", None),
    ],
)
def test_vietnamese_numbers(written, value):
    assert parse_vn_number(written) == value


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("Đồng Nai, ngày 21 tháng 8 năm 2024", dt.date(2024, 8, 21)),
        ("ngày 15/4/2024", dt.date(2024, 4, 15)),
        ("06/11/2018ban hành", dt.date(2018, 11, 6)),
        ("NGÀY 15 THÁNG 6 NĂM 2023", dt.date(2023, 6, 15)),
        ("ngày 31/02/2024", None),
        ("số 15/4/KH", None),
    ],
)
def test_vietnamese_dates(written, value):
    assert parse_vn_date(written) == value


def test_find_dates_gives_spans():
    text = "từ 15/12/2023 đến ngày 14 tháng 6 năm 2024"
    found = find_dates(text)
    assert [value for value, _, _ in found] == [dt.date(2023, 12, 15), dt.date(2024, 6, 14)]
    assert text[found[0][1] : found[0][2]] == "15/12/2023"


def test_decode_utf8_with_bom():
    assert decode("\ufeffĐồng Nai".encode())[0] == "Đồng Nai"


def test_decode_utf16_without_bom():
    assert decode("Đồng Nai, Việt Nam".encode("utf-16-le"))[0] == "Đồng Nai, Việt Nam"
