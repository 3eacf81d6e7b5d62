"""Bytes to clean Vietnamese text: encodings, legacy font encodings, NFC.

Real documents arrive as UTF-8, UTF-16 (Windows "Unicode" text), Windows-1258, and — from older
offices — text typed with the TCVN3 (ABC) or VNI font encodings, whose bytes show up as
"Céng hoµ x· héi" or "Coäng hoøa xaõ hoäi". Those are refused with instructions to convert, never
stored as mojibake. PDFs often give decomposed Vietnamese: everything is normalised to NFC.
"""

from __future__ import annotations

import re
import unicodedata


class TextDecodeError(ValueError):
    """The bytes are not text we can read; ``message`` tells the user why, in Vietnamese."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_INVISIBLE_SPACES = str.maketrans({"\u00a0": " ", "\u2007": " ", "\u202f": " ", "\t": "\t"})

# Words that only text typed in a legacy font encoding produces, as a Windows-1252 reader sees
# them ("Cộng hòa xã hội chủ nghĩa Việt Nam", "ngày", "tháng", "năm", "tỉnh", "Số" …).
_TCVN3_WORDS = {
    "céng",
    "hoµ",
    "x·",
    "héi",
    "chñ",
    "nghüa",
    "nghÜa",
    "viÖt",
    "§éc",
    "lËp",
    "h¹nh",
    "phóc",
    "ngµy",
    "th¸ng",
    "n¨m",
    "tØnh",
    "§ång",
    "sè",
    "vµ",
    "c¸c",
    "®Þnh",
    "®¹o",
    "quyÕt",
    "kÕ",
    "ho¹ch",
    "b¸o",
    "c¸o",
    "th«ng",
    "tin",
    "®èi",
    "ngo¹i",
}
_VNI_WORDS = {
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
}
_WORD = re.compile(r"\S+")
LEGACY_MESSAGE = (
    "Văn bản được gõ bằng bảng mã cũ {name}, không phải Unicode. Hãy chuyển mã sang Unicode "
    "(ví dụ bằng Unikey: Công cụ chuyển mã, từ {name} sang Unicode) rồi tải lên lại."
)


def normalize(text: str) -> str:
    """Return ``text`` in NFC with \\n line ends, no control characters, plain spaces."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text.translate(_INVISIBLE_SPACES))
    return unicodedata.normalize("NFC", text)


def legacy_encoding(text: str) -> str | None:
    """Return "TCVN3" or "VNI" when ``text`` looks typed in that legacy encoding, else None."""
    words = {word.strip(".,;:()\"'").lower() for word in _WORD.findall(text[:20000])}
    if len(words & {w.lower() for w in _TCVN3_WORDS}) >= 3:
        return "TCVN3 (ABC)"
    if len(words & _VNI_WORDS) >= 3:
        return "VNI"
    return None


def _looks_binary(text: str) -> bool:
    if not text:
        return False
    sample = text[:8192]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    return controls / len(sample) > 0.05


def _utf16_without_bom(data: bytes) -> str | None:
    # Windows "Unicode" text files without BOM: every other byte is NUL for Latin letters.
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even_nul = sample[0::2].count(0) / len(sample[0::2])
    odd_nul = sample[1::2].count(0) / len(sample[1::2])
    for encoding, ratio in (("utf-16-le", odd_nul), ("utf-16-be", even_nul)):
        if ratio > 0.3:
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                return None
    return None


def decode(data: bytes) -> tuple[str, list[str]]:
    """Decode file bytes into normalised text; return the text and warnings.

    Raise ``TextDecodeError`` for binary content and for legacy font encodings.
    """
    warnings: list[str] = []
    if data.startswith(b"\xef\xbb\xbf"):
        text = data[3:].decode("utf-8", errors="replace")
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16", errors="replace")
    else:
        utf16 = _utf16_without_bom(data) if b"\x00" in data[:4096] else None
        if utf16 is not None:
            text = utf16
        else:
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                legacy = legacy_encoding(data.decode("cp1252", errors="replace"))
                if legacy:
                    raise TextDecodeError(LEGACY_MESSAGE.format(name=legacy)) from None
                try:
                    text = data.decode("cp1258")
                    warnings.append("Tệp không phải UTF-8; đã đọc theo bảng mã Windows-1258.")
                except UnicodeDecodeError:
                    text = data.decode("utf-8", errors="replace")
                    warnings.append("Tệp có byte không hợp lệ; một số ký tự đã bị thay thế.")
    if "\ufffd" in text and not warnings:
        warnings.append("Tệp có byte không hợp lệ; một số ký tự đã bị thay thế.")
    if _looks_binary(text):
        raise TextDecodeError("Tệp không phải văn bản (dữ liệu nhị phân hoặc định dạng lạ).")
    legacy = legacy_encoding(text)
    if legacy:
        raise TextDecodeError(LEGACY_MESSAGE.format(name=legacy))
    return normalize(text), warnings
