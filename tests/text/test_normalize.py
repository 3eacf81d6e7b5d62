from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from ttdn.text import normalize


def test_normalize_gives_nfc_and_clean_lines():
    text = normalize(unicodedata.normalize("NFD", "Hà Nội\r\nĐà\u00a0Nẵng\u200b\x00"))
    assert text == "Hà Nội\nĐà Nẵng"
    assert unicodedata.is_normalized("NFC", text)


def test_normalize_keeps_tabs_and_turns_breaks_into_line_ends():
    assert normalize("a\tb\rc\x0cd\x0be\u2028f") == "a\tb\nc\nd\ne\nf"


def test_normalize_drops_soft_hyphens_and_controls():
    assert normalize("thông\u00adtin\x07 \ufeffđối\x1fngoại") == "thôngtin đốingoại"


@given(st.text(max_size=300))
def test_normalize_is_idempotent_and_clean(text):
    once = normalize(text)
    assert normalize(once) == once
    assert "\r" not in once
    assert all(ch in "\n\t" or ord(ch) >= 32 for ch in once)
