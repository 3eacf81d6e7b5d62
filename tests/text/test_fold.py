from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from ttdn.text import fold, search_fold


def test_fold_removes_diacritics_and_d_stroke():
    assert fold("Đồng Nai") == "Dong Nai"
    assert fold("Đắk Lắk, đường Ưu Đàm") == "Dak Lak, duong Uu Dam"


def test_fold_keeps_case():
    assert fold("ỦY BAN NHÂN DÂN tỉnh") == "UY BAN NHAN DAN tinh"


def test_search_fold_matches_any_spelling():
    assert search_fold("ĐỒNG  NAI") == search_fold("dong nai") == search_fold("Đồng Nai")
    assert search_fold("  Thông tin\n đối ngoại ") == "thong tin doi ngoai"


def test_fold_of_decomposed_text_is_the_same():
    assert fold(unicodedata.normalize("NFD", "Thông tin đối ngoại")) == "Thong tin doi ngoai"


@given(st.text(max_size=200))
def test_fold_is_nfc_and_idempotent(text):
    folded = fold(text)
    assert unicodedata.is_normalized("NFC", folded)
    assert fold(folded) == folded
    assert search_fold(search_fold(text)) == search_fold(text)
