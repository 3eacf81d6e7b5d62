"""Bytes to clean Vietnamese text: encodings, legacy font encodings, NFC.

Real documents arrive as UTF-8 (with or without BOM), UTF-16 (Windows "Unicode" text),
Windows-1258, and — from older offices — text typed with the TCVN3 (ABC) or VNI font encodings,
whose bytes show up as "Céng hoµ x· héi" or "Coäng hoøa xaõ hoäi". Those are converted to Unicode
(``ttdn.text.legacy``) with a warning, never stored as mojibake. PDFs often give decomposed
Vietnamese: everything is normalised to NFC.
"""

from __future__ import annotations

import re
import unicodedata

from ttdn.text.legacy import repair_legacy


class TextDecodeError(ValueError):
    """The bytes are not text we can read; ``message`` tells the user why, in Vietnamese."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


# Control characters (except \n and \t), zero-width characters, the BOM and the soft hyphen
# that Word leaves in pasted text. Removing them changes offsets, which is why every offset of
# the parser refers to the normalised text.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\u200b\u200c\u200d\u2060\ufeff\u00ad]")
# Page and paragraph breaks (PDF form feeds, Word's vertical tab for Shift+Enter) are line ends.
_LINE_BREAKS = str.maketrans(
    {"\r": "\n", "\x0b": "\n", "\x0c": "\n", "\x85": "\n", "\u2028": "\n", "\u2029": "\n"}
)
_SPACES = str.maketrans({"\u00a0": " ", "\u2007": " ", "\u202f": " "})
_BINARY = (
    "Tệp không phải văn bản: nội dung là dữ liệu nhị phân (ảnh, tệp nén hoặc định dạng chưa hỗ "
    "trợ). Hãy tải lên tệp TXT, DOCX, PDF hoặc HTML."
)
_REPLACED = "Tệp có byte không hợp lệ; một số ký tự đã bị thay thế."


def normalize(text: str) -> str:
    """Return ``text`` in NFC with \\n line ends, no control characters and plain spaces."""
    text = text.replace("\r\n", "\n").translate(_LINE_BREAKS).translate(_SPACES)
    return unicodedata.normalize("NFC", _CONTROL.sub("", text))


def _binary_ratio(data: bytes) -> float:
    sample = data[:8192]
    if not sample:
        return 0.0
    controls = sum(1 for byte in sample if byte < 32 and byte not in (9, 10, 12, 13))
    return controls / len(sample)


def _control_ratio(text: str) -> float:
    sample = text[:8192]
    if not sample:
        return 0.0
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\x0c\r")
    return controls / len(sample)


def _utf16_without_bom(data: bytes) -> str | None:
    # Windows "Unicode" text files without BOM: every other byte is NUL for Latin letters.
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even_nul = sample[0::2].count(0) / len(sample[0::2])
    odd_nul = sample[1::2].count(0) / len(sample[1::2])
    for encoding, ratio, other in (
        ("utf-16-le", odd_nul, even_nul),
        ("utf-16-be", even_nul, odd_nul),
    ):
        if ratio > 0.3 and other < 0.05:
            try:
                return data[: len(data) - len(data) % 2].decode(encoding)
            except UnicodeDecodeError:
                return None
    return None


def _decode_8bit(data: bytes, warnings: list[str]) -> str:
    # Not UTF-8. Legacy font encodings are plain Latin-1 bytes; otherwise Vietnamese Windows
    # text is Windows-1258 (base letters followed by combining tone marks, hence the NFC later).
    latin = data.decode("latin-1")
    converted, warning = repair_legacy(latin)
    if warning:
        warnings.append(warning)
        return converted
    try:
        text = data.decode("cp1258")
    except UnicodeDecodeError:
        warnings.append(_REPLACED)
        return data.decode("cp1258", errors="replace")
    warnings.append("Tệp không phải UTF-8; đã đọc theo bảng mã Windows-1258.")
    return text


def decode(data: bytes) -> tuple[str, list[str]]:
    """Decode file bytes into normalised text; return the text and warnings.

    Convert TCVN3 and VNI text to Unicode (with a warning). Raise ``TextDecodeError`` for
    binary content.
    """
    warnings: list[str] = []
    if data.startswith(b"\xef\xbb\xbf"):
        text = data[3:].decode("utf-8", errors="replace")
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        body = data[: len(data) - (len(data) % 2)]
        text = body.decode("utf-16", errors="replace")
    else:
        utf16 = _utf16_without_bom(data) if b"\x00" in data[:4096] else None
        if utf16 is not None:
            text = utf16
        else:
            if _binary_ratio(data) > 0.05:
                raise TextDecodeError(_BINARY)
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                text = _decode_8bit(data, warnings)
    if _control_ratio(text) > 0.05:
        # Bytes that passed for UTF-16 (every other byte NUL) but decode to control characters.
        raise TextDecodeError(_BINARY)
    if "\ufffd" in text and _REPLACED not in warnings:
        warnings.append(_REPLACED)
    if not warnings:
        # UTF-8 text can still be mojibake: a TCVN3 file once opened and saved as "Unicode".
        text, warning = repair_legacy(text)
        if warning:
            warnings.append(warning)
    return normalize(text), warnings
