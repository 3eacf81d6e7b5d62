"""Legacy Vietnamese font encodings: TCVN3 (ABC) and VNI-Windows, recognised and converted.

Before Unicode (and in many offices long after: Nghị định 30/2020 only made Unicode mandatory for
new documents), Vietnamese was typed with 8-bit fonts. The bytes are plain Windows-1252 letters
and symbols, so a Unicode reader shows mojibake: TCVN3 "Céng hoµ x· héi chñ nghÜa ViÖt Nam",
VNI "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam". The same mojibake arrives inside DOCX files whose
runs use .VnTime or VNI-Times fonts. Both encodings are converted here with tables written for
TTĐN from the published code charts.
"""

from __future__ import annotations

import re
from typing import Literal

LegacyEncoding = Literal["TCVN3", "VNI"]

# TCVN 5712:1993 (VN3), the "ABC" fonts (.VnTime …): one byte per letter. Only the seven base
# capitals (Ă Â Ê Ô Ơ Ư Đ) have codes of their own; capitals with a tone are typed with the
# upper-case fonts (.VnTimeH), which draw the lower-case codes as capitals.
_TCVN3_PAIRS = (
    "¡Ă ¢Â £Ê ¤Ô ¥Ơ ¦Ư §Đ ¨ă ©â ªê «ô ¬ơ \xadư ®đ "
    "µà ¶ả ·ã ¸á ¹ạ »ằ ¼ẳ ½ẵ ¾ắ Æặ Çầ Èẩ Éẫ Êấ Ëậ "
    "Ìè Îẻ Ïẽ Ðé Ñẹ Òề Óể Ôễ Õế Öệ ×ì Øỉ Üĩ Ýí Þị "
    "ßò áỏ âõ ãó äọ åồ æổ çỗ èố éộ êờ ëở ìỡ íớ îợ "
    "ïù ñủ òũ óú ôụ õừ öử ÷ữ øứ ùự úỳ ûỷ üỹ ýý þỵ"
)
TCVN3_TABLE: dict[str, str] = {pair[0]: pair[1] for pair in _TCVN3_PAIRS.split(" ")}

# VNI-Windows: a base letter followed by a byte for its marks ("o" + "ä" = "ộ"), plus a few
# letters of one byte ("ñ" = "đ", "ô" = "ơ", "ö" = "ư", "æ" = "ỉ" …). Lower-case marks follow
# lower-case bases and upper-case marks upper-case bases.
_VNI_TONES = {"ù": "\u0301", "ø": "\u0300", "û": "\u0309", "õ": "\u0303", "ï": "\u0323"}
_VNI_CIRCUMFLEX = {"â": "", "á": "\u0301", "à": "\u0300", "å": "\u0309", "ã": "\u0303"}
_VNI_CIRCUMFLEX["ä"] = "\u0323"
_VNI_BREVE = {"ê": "", "é": "\u0301", "è": "\u0300", "ú": "\u0309", "ü": "\u0303", "ë": "\u0323"}
_VNI_SINGLE = {
    "ñ": "đ",
    "Ñ": "Đ",
    "ô": "ơ",
    "Ô": "Ơ",
    "ö": "ư",
    "Ö": "Ư",
    "í": "í",
    "Í": "Í",
    "ì": "ì",
    "Ì": "Ì",
    "æ": "ỉ",
    "Æ": "Ỉ",
    "ó": "ĩ",
    "Ó": "Ĩ",
    "ò": "ị",
    "Ò": "Ị",
    "î": "ỵ",
    "Î": "Ỵ",
}


def _vni_table() -> dict[str, str]:
    import unicodedata

    table: dict[str, str] = {}

    def add(base: str, mark: str, combining: str) -> None:
        for b, m in ((base, mark), (base.upper(), mark.upper())):
            table[b + m] = unicodedata.normalize("NFC", _VNI_SINGLE.get(b, b) + combining)

    for base in "aeouy":
        for mark, combining in _VNI_TONES.items():
            add(base, mark, combining)
    for base, hat in (("a", "\u0302"), ("e", "\u0302"), ("o", "\u0302")):
        for mark, combining in _VNI_CIRCUMFLEX.items():
            add(base, mark, hat + combining)
    for mark, combining in _VNI_BREVE.items():
        add("a", mark, "\u0306" + combining)
    for horn in "ôö":  # ơ and ư take the five tones
        for mark, combining in _VNI_TONES.items():
            add(horn, mark, combining)
    table.update(_VNI_SINGLE)
    return table


VNI_TABLE: dict[str, str] = _vni_table()

_TCVN3_PATTERN = re.compile("[" + re.escape("".join(TCVN3_TABLE)) + "]")
_VNI_PATTERN = re.compile(
    "|".join(re.escape(key) for key in sorted(VNI_TABLE, key=len, reverse=True))
)
# Characters that TCVN3 text is full of and real text almost never uses (Windows-1252 symbols).
_TCVN3_MARKERS = frozenset("¡¢£¤¥¦§¨©ª«¬\xad®µ¶·¸¹»¼½¾")
# A VNI vowel followed by a mark byte that is no Vietnamese letter in Unicode ("ä", "ø", "û" …).
_VNI_PAIR = re.compile("[aeouyAEOUYôöÔÖ][øûïäåëüØÛÏÄÅËÜ]")
# Letters that only real Unicode Vietnamese has (ă đ ơ ư and the Latin Extended Additional block).
_UNICODE_VIETNAMESE = re.compile("[ăĂđĐơƠưƯ\u1ea0-\u1ef9]")
_LETTER = re.compile(r"[^\W\d_]")
# Words typical of administrative text, as each encoding's mojibake shows them.
_TCVN3_WORDS = frozenset(
    [
        "céng",
        "hoµ",
        "x·",
        "héi",
        "chñ",
        "nghüa",
        "viöt",
        "§éc",
        "lëp",
        "h¹nh",
        "phóc",
        "ngµy",
        "th¸ng",
        "n¨m",
        "tønh",
        "§ång",
        "sè",
        "vµ",
        "c¸c",
        "®þnh",
        "quyõt",
        "kõ",
        "ho¹ch",
        "b¸o",
        "c¸o",
        "th«ng",
        "®èi",
        "ngo¹i",
    ]
)
_VNI_WORDS = frozenset(
    [
        "coäng",
        "hoøa",
        "xaõ",
        "hoäi",
        "chuû",
        "nghóa",
        "vieät",
        "ñoäc",
        "laäp",
        "haïnh",
        "phuùc",
        "ngaøy",
        "thaùng",
        "naêm",
        "tænh",
        "ñoàng",
        "soá",
        "vaø",
        "caùc",
        "ñònh",
        "quyeát",
        "keá",
        "hoaïch",
        "baùo",
        "caùo",
        "thoâng",
        "ñoái",
        "ngoaïi",
    ]
)
_SAMPLE = 20_000


def detect_legacy(text: str) -> LegacyEncoding | None:
    """Return "TCVN3" or "VNI" when ``text`` is legacy-font mojibake, else None."""
    sample = text[:_SAMPLE]
    letters = len(_LETTER.findall(sample))
    if letters == 0:
        return None
    # Real Unicode Vietnamese with a stray "§" or "«»" is not legacy text.
    unicode_vietnamese = len(_UNICODE_VIETNAMESE.findall(sample))
    words = {word.strip(".,;:()\"'").lower() for word in sample.split()}
    tcvn3 = [ch for ch in sample if ch in _TCVN3_MARKERS]
    if len(tcvn3) > unicode_vietnamese and (
        len(words & _TCVN3_WORDS) >= 2
        or (len(tcvn3) >= 3 and len(set(tcvn3)) >= 2 and len(tcvn3) / letters >= 0.02)
    ):
        return "TCVN3"
    # VNI shows as vowels followed by marks no language writes there ("oä", "aø", "uû"); a French
    # or German word has one such pair at most ("naïve").
    pairs = len(_VNI_PAIR.findall(sample))
    if pairs > unicode_vietnamese and (
        len(words & _VNI_WORDS) >= 2 or (pairs >= 3 and pairs / letters >= 0.02)
    ):
        return "VNI"
    return None


def _is_upper_font_line(line: str) -> bool:
    # A line typed in an upper-case font: no plain lower-case letter anywhere, and at least one
    # word of two or more plain capitals that also holds a legacy code ("HO¹CH", "CéNG"). "Sè:
    # 12/KH-UBND" (a normal-font "Số:") and "- Së TT&TT;" do not qualify.
    if re.search(r"[a-z]", line):
        return False
    for word in line.split():
        plain = re.sub(r"[^A-Z]", "", word)
        if len(plain) >= 2 and _TCVN3_PATTERN.search(word):
            return True
    return False


def _upper_font_lines(converted: str, original: str) -> str:
    # .VnTimeH headings ("CéNG HOµ X· HéI") carry lower-case codes drawn as capitals.
    lines = converted.split("\n")
    for index, line in enumerate(original.split("\n")):
        if _is_upper_font_line(line):
            lines[index] = lines[index].upper()
    return "\n".join(lines)


def convert_legacy(text: str, encoding: LegacyEncoding) -> str:
    """Convert TCVN3 or VNI mojibake (as read through Windows-1252/Latin-1) to Unicode."""
    if encoding == "TCVN3":
        converted = _TCVN3_PATTERN.sub(lambda match: TCVN3_TABLE[match.group(0)], text)
        return _upper_font_lines(converted, text)
    return _VNI_PATTERN.sub(lambda match: VNI_TABLE[match.group(0)], text)


def repair_legacy(text: str) -> tuple[str, str | None]:
    """Return ``text`` converted to Unicode if it is legacy mojibake, with a warning saying so."""
    encoding = detect_legacy(text)
    if encoding is None:
        return text, None
    label = "TCVN3 (ABC)" if encoding == "TCVN3" else "VNI-Windows"
    warning = (
        f"Văn bản được gõ bằng bảng mã cũ {label}; đã tự động chuyển sang Unicode, "
        "hãy kiểm tra lại dấu tiếng Việt."
    )
    return convert_legacy(text, encoding), warning
