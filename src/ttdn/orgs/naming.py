"""How names of units are compared: documents write them in many ways.

"Ủy ban nhân dân tỉnh Đồng Nai", "UBND tỉnh Đồng Nai", "UBND Đồng Nai" and "uy ban nhan dan
tinh dong nai" must all meet the same key; so must "Sở TT&TT" and "Sở Thông tin và Truyền
thông". Pure functions, no database.
"""

from __future__ import annotations

import re

from ttdn.text import search_fold

# Abbreviations of Vietnamese administrative writing, folded (no diacritics, đ→d).
_ABBREVIATIONS = {
    "ubnd": "uy ban nhan dan",
    "hdnd": "hoi dong nhan dan",
    "tt&tt": "thong tin va truyen thong",
    "tttt": "thong tin va truyen thong",
    "vhttdl": "van hoa the thao va du lich",
    "vh,tt&dl": "van hoa the thao va du lich",
    "vhtt&dl": "van hoa the thao va du lich",
    "kh&cn": "khoa hoc va cong nghe",
    "khcn": "khoa hoc va cong nghe",
    "pt-th": "phat thanh truyen hinh",
    "ptth": "phat thanh truyen hinh",
    "tp": "thanh pho",
    "tp.": "thanh pho",
    "btg": "ban tuyen giao",
    "mttq": "mat tran to quoc",
}
_TOKEN = re.compile(r"[\w&.,-]+")
# "tỉnh" is often dropped ("UBND Đồng Nai"), but not in "Tỉnh ủy", which is another body.
_PROVINCE_WORD = re.compile(r"\btinh\b(?! uy\b)")


def name_key(name: str) -> str:
    """Return the comparison key of a unit name: folded, abbreviations expanded, "tỉnh" dropped."""
    folded = search_fold(name)
    words: list[str] = []
    for token in _TOKEN.findall(folded):
        expanded = _ABBREVIATIONS.get(token) or _ABBREVIATIONS.get(token.strip(".,"))
        if expanded:
            words.append(expanded)
        else:
            words.extend(part for part in re.split(r"[^\w]+", token) if part)
    key = " ".join(words)
    key = _PROVINCE_WORD.sub(" ", key)
    return " ".join(key.split())
