"""Diacritic folding: the one fold function of the project (search on SQLite and PostgreSQL)."""

from __future__ import annotations

import re
import unicodedata

# đ/Đ are letters of their own, not d + a combining mark, so NFD does not strip them; SQLite's
# remove_diacritics keeps them too. Map them explicitly.
_D_MAP = str.maketrans({"đ": "d", "Đ": "D"})
_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """Return ``text`` without Vietnamese diacritics (đ→d, Đ→D), case kept, in NFC."""
    decomposed = unicodedata.normalize("NFD", text.translate(_D_MAP))
    stripped = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return unicodedata.normalize("NFC", stripped)


def search_fold(text: str) -> str:
    """Return the search key of ``text``: folded, case-folded, whitespace collapsed."""
    return _SPACES.sub(" ", fold(text).casefold()).strip()
