"""Document types and numbers under Nghị định 30/2020/NĐ-CP and Hướng dẫn 36-HD/VPTW.

State documents are numbered "281/KH-UBND" (number / type abbreviation - issuer), legal norms
"72/2015/NĐ-CP" (with the year), and a công văn has no type abbreviation ("3089/BTTTT-TTĐN").
Party documents join the number to the type with a hyphen ("57-KL/TW", "2608-CV/BTGTU"), though
state offices often write them state-style ("2608/CV/BTGTU"): both name one document.
"""

from __future__ import annotations

import re

from ttdn.text import fold

# Nghị định 30/2020/NĐ-CP, Phụ lục III: the 29 types of administrative document and their
# abbreviations; then the legal-norm types and the Party types (Hướng dẫn 36-HD/VPTW).
ADMINISTRATIVE_TYPES: dict[str, str | None] = {
    "Nghị quyết": "NQ",
    "Quyết định": "QĐ",
    "Chỉ thị": "CT",
    "Quy chế": "QC",
    "Quy định": "QyĐ",
    "Thông cáo": "TC",
    "Thông báo": "TB",
    "Hướng dẫn": "HD",
    "Chương trình": "CTr",
    "Kế hoạch": "KH",
    "Phương án": "PA",
    "Đề án": "ĐA",
    "Dự án": "DA",
    "Báo cáo": "BC",
    "Biên bản": "BB",
    "Tờ trình": "TTr",
    "Hợp đồng": "HĐ",
    "Công văn": None,
    "Công điện": "CĐ",
    "Bản ghi nhớ": "BGN",
    "Bản thỏa thuận": "BTT",
    "Giấy ủy quyền": "GUQ",
    "Giấy mời": "GM",
    "Giấy giới thiệu": "GGT",
    "Giấy nghỉ phép": "GNP",
    "Phiếu gửi": "PG",
    "Phiếu chuyển": "PC",
    "Phiếu báo": "PB",
    "Thư công": None,
}
LEGAL_NORM_TYPES: dict[str, str | None] = {
    "Hiến pháp": None,
    "Luật": None,
    "Bộ luật": None,
    "Pháp lệnh": "PL",
    "Nghị định": "NĐ",
    "Thông tư liên tịch": "TTLT",
    "Thông tư": "TT",
}
PARTY_TYPES: dict[str, str | None] = {
    "Kết luận": "KL",
    "Quy định": "QĐi",
    "Công văn": "CV",
    "Chỉ thị": "CT",
    "Nghị quyết": "NQ",
    "Hướng dẫn": "HD",
    "Kế hoạch": "KH",
    "Thông báo": "TB",
    "Chương trình": "CTr",
    "Báo cáo": "BC",
    "Tờ trình": "TTr",
    "Đề án": "ĐA",
    "Quyết định": "QĐ",
}
# Abbreviations of Thông tư 01/2011/TT-BNV, replaced in 2020 but still cited in older documents;
# and the copies of Phụ lục III (bản sao y, trích sao, sao lục).
FORMER_ABBREVIATIONS: dict[str, str] = {
    "SY": "Bản sao y",
    "TrS": "Bản trích sao",
    "SL": "Bản sao lục",
    "VBHN": "Văn bản hợp nhất",
}
# Every document type the parser names, with its abbreviation in a symbol (the State one where
# State and Party differ; None where the symbol carries none: Công văn, Thư công, Luật …).
DOC_TYPES: dict[str, str | None] = {
    **{name: abbreviation for name, abbreviation in PARTY_TYPES.items() if name != "Công văn"},
    **LEGAL_NORM_TYPES,
    **ADMINISTRATIVE_TYPES,
    **{name: abbreviation for abbreviation, name in FORMER_ABBREVIATIONS.items()},
    "Điều lệ": None,
    "Văn bản": None,
}
_TYPE_BY_ABBREVIATION: dict[str, str] = {
    abbreviation.upper(): name for abbreviation, name in FORMER_ABBREVIATIONS.items()
}
_TYPE_BY_ABBREVIATION.update(
    {"GN": "Bản ghi nhớ", "TTH": "Bản thỏa thuận", "UQ": "Giấy ủy quyền", "NP": "Giấy nghỉ phép"}
)
for _types in (PARTY_TYPES, LEGAL_NORM_TYPES, ADMINISTRATIVE_TYPES):
    for _name, _abbreviation in _types.items():
        if _abbreviation:
            _TYPE_BY_ABBREVIATION[_abbreviation.upper()] = _name
_TYPE_BY_ABBREVIATION["QĐI"] = "Quy định"

# Abbreviations whose official spelling mixes cases (Thủ tướng "TTg", Quy định "QyĐ", Chương
# trình "CTr", Tờ trình "TTr", trích sao "TrS", the former "TTh"; Party Quy định "QĐi"); every
# other symbol letter is upper case ("BCĐ", "UBND", "BTGTU").
MIXED_CASE = {token.upper(): token for token in ("TTg", "QyĐ", "CTr", "TTr", "QĐi", "TrS", "TTh")}

# Issuer symbols of Party bodies: the Central Committee and its boards (TW, VPTW, BTGTW, …), the
# provincial Party committees (TU) and their boards (BTGTU), district and grassroots committees.
_PARTY_ISSUER = re.compile(r"^(?:TW|[A-ZĐ]*TW|[A-ZĐ]*TU|HU|[A-ZĐ]*HU|ĐU|ĐUK|ĐUQĐTW|BCT|BBT)$")
_DASHES = re.compile(r"\s*[-–—‐‑]\s*")


def type_from_abbreviation(abbreviation: str) -> str | None:
    """Return the document type an abbreviation stands for ("KH" → "Kế hoạch"), or None."""
    return _TYPE_BY_ABBREVIATION.get(abbreviation.upper())


def _symbol_parts(key: str) -> list[str]:
    return [part for part in re.split(r"[-/]", key) if part]


def is_party_symbol(key: str) -> bool:
    """Tell whether a number and symbol is a Party document's (Hướng dẫn 36-HD/VPTW)."""
    parts = _symbol_parts(key)
    if len(parts) < 2:
        return False
    if re.match(r"^\d+-[^/]+/", key):
        return True
    # State-style spellings of Party numbers: "2608/CV/BTGTU" (a State công văn never carries
    # "CV"), or any symbol issued by a Party body (TW, TU, BTGTU, HU, ĐU, BCT, BBT …).
    if len(parts) == 3 and parts[1].upper() == "CV":
        return True
    return bool(_PARTY_ISSUER.match(parts[-1].upper()))


def canonical_key(number_and_symbol: str) -> str:
    """Return the canonical key: no spaces, one kind of dash, official letter case.

    A Party number written state-style ("2608/CV/BTGTU") gets its Party form ("2608-CV/BTGTU"),
    so both spellings name the same document.
    """
    raw = _DASHES.sub("-", number_and_symbol.strip())
    raw = re.sub(r"\s*/\s*", "/", raw)
    raw = re.sub(r"\s+", "", raw)
    tokens = re.split(r"([-/])", raw)
    key = "".join(
        part if part in {"-", "/"} else MIXED_CASE.get(part.upper(), part.upper())
        for part in tokens
    )
    if is_party_symbol(key):
        match = re.match(r"^(\d+)/([^/\d-][^/-]*)/(.+)$", key)
        if match and type_from_abbreviation(match.group(2)):
            key = f"{match.group(1)}-{match.group(2)}/{match.group(3)}"
    return key


def type_from_symbol(key: str) -> str | None:
    """Infer the document type from a canonical key ("47/NQ-CP" → "Nghị quyết")."""
    parts = _symbol_parts(key)
    if len(parts) < 2:
        return None
    symbol = parts[2:] if len(parts) > 2 and parts[1].isdigit() else parts[1:]
    if not symbol:
        return None
    found = type_from_abbreviation(symbol[0])
    if found:
        return found
    # A state công văn carries the issuer and its unit but no type ("3089/BTTTT-TTĐN",
    # "5921/UBND-KGVX"); a symbol with a year but no type is a law or a Quốc hội resolution
    # ("103/2016/QH13"), whose type only the words before it can tell.
    if len(parts) == 3 and not parts[1].isdigit():
        return "Công văn"
    return None


def doc_type_from_words(words: str) -> str | None:
    """Return the document type named by ``words`` in any case ("KẾ HOẠCH" → "Kế hoạch")."""
    folded = fold(words).strip().casefold()
    return _TYPE_BY_FOLDED.get(folded)


_TYPE_BY_FOLDED = {fold(name).casefold(): name for name in DOC_TYPES}
