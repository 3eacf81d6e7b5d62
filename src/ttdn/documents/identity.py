"""Who a document is: (issuer, year or Party term, number and symbol).

Numbers restart every year for state documents (Nghị định 30/2020/NĐ-CP) and every Party term
for Party documents (Hướng dẫn 36-HD/VPTW), so "281/KH-UBND" alone names a different plan in
each year and each province. This module knows nothing of the database.
"""

from __future__ import annotations

import datetime as dt
import re

from ttdn.docparse import is_party_symbol
from ttdn.text import search_fold

# Legal norms carry their year in the symbol: "72/2015/NĐ-CP", "22/2016/TT-BTTTT".
_YEAR_IN_KEY = re.compile(r"^\d+/((?:19|20)\d\d)/")

# Party terms begin at the congresses. Central bodies (symbols ending in /TW) follow the national
# congresses; provincial Party committees hold theirs in the autumn of the year before, so a
# local term is taken to begin on 1 October (close enough to tell 2020-2025 from 2025-2030).
_CENTRAL_TERM_STARTS = [
    (dt.date(2011, 1, 12), "XI"),
    (dt.date(2016, 1, 21), "XII"),
    (dt.date(2021, 1, 25), "XIII"),
    (dt.date(2026, 1, 19), "XIV"),
]

# Words that documents abbreviate in issuer names; expanded so that "UBND tỉnh" and
# "Ủy ban nhân dân tỉnh Đồng Nai" can be compared.
_ISSUER_ABBREVIATIONS = {
    "ubnd": "uy ban nhan dan",
    "hdnd": "hoi dong nhan dan",
    "tu": "tinh uy",
    "btg": "ban tuyen giao",
    "tt&tt": "thong tin va truyen thong",
    "tttt": "thong tin va truyen thong",
    "vh,tt&dl": "van hoa, the thao va du lich",
}


def key_year(key: str) -> int | None:
    match = _YEAR_IN_KEY.match(key)
    return int(match.group(1)) if match else None


def document_year(key: str, issued_at: dt.date | None) -> int | None:
    if issued_at is not None:
        return issued_at.year
    return key_year(key)


def party_term(key: str, issued_at: dt.date | None) -> str:
    """Return the Party term label for a Party document, or "" for a state document."""
    if not key or not is_party_symbol(key) or issued_at is None:
        return ""
    if key.upper().endswith("/TW"):
        label = ""
        for start, name in _CENTRAL_TERM_STARTS:
            if issued_at >= start:
                label = name
        return label or str(issued_at.year)
    start_year = issued_at.year if issued_at.month >= 10 else issued_at.year - 1
    # Local terms run 2015-2020, 2020-2025, 2025-2030: five years from a year ending in 0 or 5.
    start_year -= start_year % 5
    return f"{start_year}-{start_year + 5}"


def fold_issuer(issuer: str | None) -> str:
    if not issuer:
        return ""
    words = search_fold(issuer).split()
    return " ".join(_ISSUER_ABBREVIATIONS.get(word, word) for word in words)


# Symbols that every province or district uses alike: "281/KH-UBND" exists in each province, so
# the issuer tells them apart. Other symbols name one body nationwide ("NQ-CP", "QĐ-TTg",
# "KL/TW": Bộ Chính trị, Ban Bí thư and the Central Committee share the /TW numbering), and the
# issuer as a citation writes it ("của Bộ Chính trị") must not split one document in two.
_LOCAL_SYMBOL = re.compile(r"^(?:UBND|HĐND|[A-ZĐ]*TU|[A-ZĐ]*HU|[A-ZĐ]*ĐU|S[A-ZĐa-z&]+)$")


def issuer_matters(key: str) -> bool:
    """Tell whether documents with this symbol need the issuer to be told apart."""
    parts = [part for part in re.split(r"[-/]", key) if part and not part.isdigit()]
    return any(_LOCAL_SYMBOL.match(part) for part in parts)


def issuers_compatible(a: str, b: str) -> bool:
    """Tell whether two folded issuer names may denote the same body ("" is unknown)."""
    return not a or not b or a in b or b in a


def document_identity(*, key: str, issued_at: dt.date | None, issuer_fold: str) -> str:
    term = party_term(key, issued_at)
    year = document_year(key, issued_at)
    when = term or (str(year) if year else "?")
    who = (issuer_fold or "?") if issuer_matters(key) else "*"
    return f"{key}|{when}|{who}"
