"""References to other numbered documents, with their type, date and issuer.

Real texts write them in many ways: "Kết luận số 57-KL/TW ngày 15 tháng 6 năm 2023 của Bộ Chính
trị", "57- KL/TW", "văn bản số 2608/CV/BTGTU", "29/KH – UBND", "Quyết định số 1486/QĐ-TTg ngày
06/11/2018ban hành" (no space after the date), or with the date before the reference ("Ngày
28/02/2013, Thủ tướng Chính phủ đã ban hành Quyết định số 368/QĐ-TTg").
"""

from __future__ import annotations

import datetime as dt
import re

from ttdn.docparse.bodies import body_name_case
from ttdn.docparse.model import Citation
from ttdn.docparse.numbering import DOC_TYPES, canonical_key, doc_type_from_words, type_from_symbol
from ttdn.text.dates import DATE_PATTERN, find_dates

# A symbol part is upper case (with digits or "&"), except the official mixed-case ones; it must
# end at a word boundary so "3 - Tuyên truyền" or "27071 - Email" are not taken for numbers.
_PART = r"(?:TTg|CTr|TTr|QyĐ|QĐi|[A-ZĐ][A-ZĐ&\d]*)(?![\w])"
_SEP = r"\s?[-–—/]\s?"
NUMBER_PATTERN = re.compile(
    rf"(?<![\w/.,])(?P<num>\d{{1,5}})(?:/(?P<year>(?:19|20)\d\d))?"
    rf"(?P<symbol>{_SEP}{_PART}(?:\s?[-–—/]\s?{_PART}){{0,3}})"
)
_TYPE_WORDS = "|".join(sorted((re.escape(name) for name in DOC_TYPES), key=len, reverse=True))
# Words before the number: "Kế hoạch số ", "NGHỊ QUYẾT SỐ ", "văn bản số ", "Công văn ".
_PREFIX = re.compile(
    rf"(?P<type>{_TYPE_WORDS}|văn bản)\s+(?:số\s*:?\s*)?$|(?P<so>\bsố\s*:?\s*)$",
    re.IGNORECASE,
)
# "ngày" is consumed here only before a numeric date; the worded form carries its own "ngày".
_NGAY = r"(?:ngày\s+(?=\d{1,2}\s?[/.-]))"
_DATE_AFTER = re.compile(
    rf"\s*,?\s*\(?\s*(?:ban hành\s+)?{_NGAY}?(?:{DATE_PATTERN.pattern})", re.IGNORECASE
)
_ISSUER_AFTER = re.compile(r"\s*,?\s*của\s+", re.IGNORECASE)
# Where an issuer's name ends: a clause word, punctuation, or the next reference.
_ISSUER_STOP = re.compile(
    r"\s+(?:về|v/v|ban hành|phê duyệt|quy định|hướng dẫn|triển khai|thực hiện|đã|nhằm|để|"
    r"tại|với|trong|trên|khóa|đến|giai đoạn|sau đây|là|được|theo|cho|gồm|và\s+(?:các|Kế hoạch|Quyết định|"
    r"Nghị quyết|Kết luận|Chỉ thị|Công văn|văn bản))\b|[;:()\n.\"“”]|,(?!\s*Thể thao)",
)
_UPPER_STOP = re.compile(r"\s+(?:VỀ|V/V|BAN HÀNH|THỰC HIỆN|TRIỂN KHAI)\b|[;:()\n.,]")
# "Ngày 28/02/2013, Thủ tướng Chính phủ đã ban hành " just before the type words.
_DATE_BEFORE = re.compile(
    rf"(?:^|[.;\n]\s*){_NGAY}?(?:{DATE_PATTERN.pattern})\s*,\s*(?P<who>[^,.;\n]{{3,80}}?)\s+"
    r"(?:đã\s+)?(?:ký\s+)?(?:ban hành|phê duyệt|có)\s+(?:[^.;\n]{0,40}?)$",
    re.IGNORECASE,
)
_MAX_ISSUER = 90
_BODY_WORDS = (
    r"Bộ|Ban|Ủy ban|UBND|HĐND|Hội đồng|Chính phủ|Thủ tướng|Quốc hội|Tỉnh ủy|Thành ủy|Huyện ủy|"
    r"Sở|Văn phòng|Cục|Tổng cục|Chủ tịch|Trung ương|Đảng ủy"
)
_ISSUER_BEFORE = re.compile(
    rf"(?:^|[,.;:\n(]\s*)(?P<who>(?:{_BODY_WORDS})\b[^,.;:\n()]{{0,70}}?)\s+(?:đã\s+)?(?:ký\s+)?"
    r"ban hành\s+$"
)


def _issuer_after(text: str, position: int) -> tuple[str | None, int]:
    match = _ISSUER_AFTER.match(text, position)
    if not match:
        return None, position
    start = match.end()
    window = text[start : start + _MAX_ISSUER + 20]
    is_upper = window[:20].isupper()
    stop = (_UPPER_STOP if is_upper else _ISSUER_STOP).search(window)
    raw = (window[: stop.start()] if stop else window[:_MAX_ISSUER]).rstrip(" ,\t")
    issuer = body_name_case(raw)
    if not issuer or len(issuer) > _MAX_ISSUER or not (issuer[0].isupper() or issuer[0].isdigit()):
        return None, position
    # The span ends where the name ends as written (body_name_case may collapse spaces).
    return issuer, start + len(raw)


def _date_before(text: str, start: int) -> tuple[dt.date | None, str | None]:
    window = text[max(0, start - 160) : start]
    match = _DATE_BEFORE.search(window)
    if not match:
        return None, None
    dates = find_dates(match.group(0))
    who = match.group("who").strip()
    return (dates[0][0] if dates else None), (who if who[:1].isupper() else None)


def _issuer_before(text: str, start: int) -> str | None:
    # "Ban Tuyên giáo Tỉnh ủy đã ban hành Hướng dẫn số 16-HD/BTGTU …": the subject of "ban
    # hành" right before the reference is its issuer, stated by the text, not guessed.
    match = _ISSUER_BEFORE.search(text, max(0, start - 120), start)
    return re.sub(r"\s+", " ", match.group("who")) if match else None


def find_citations(text: str, *, own_key: str | None = None) -> list[Citation]:
    """Return every reference in ``text`` to another numbered document, in order."""
    citations: list[Citation] = []
    for match in NUMBER_PATTERN.finditer(text):
        symbol = match.group("symbol")
        letters = sum(1 for ch in symbol if ch.isalpha())
        if letters < 2:
            continue
        number = text[match.start() : match.end()]
        key = canonical_key(number)
        if own_key and key == own_key:
            continue
        start, end = match.start(), match.end()
        doc_type: str | None = None
        prefix = _PREFIX.search(text[max(0, start - 40) : start])
        if prefix:
            if prefix.group("type"):
                start = start - (len(prefix.group(0)))
                named = doc_type_from_words(prefix.group("type"))
                doc_type = named if named and named != "Văn bản" else None
            elif prefix.group("so"):
                # "số 47/NQ-CP" with no type word: keep "số" out of the span, type from symbol.
                pass
        # "văn bản số 2608/CV/BTGTU" names no type: the symbol does ("CV" → Công văn); a bare
        # "103/2016/QH13" says only that it is a document.
        doc_type = doc_type or type_from_symbol(key) or "Văn bản"
        issued_at: dt.date | None = None
        date_match = _DATE_AFTER.match(text, end)
        if date_match:
            dates = find_dates(date_match.group(0))
            if dates:
                issued_at = dates[0][0]
                end = date_match.end()
        issuer, issuer_end = _issuer_after(text, end)
        if issuer:
            end = issuer_end
        if issued_at is None and issuer is None:
            issued_at, issuer = _date_before(text, start)
        if issuer is None:
            issuer = _issuer_before(text, start)
        citations.append(
            Citation(
                doc_type=doc_type,
                number=re.sub(r"\s+", " ", number),
                key=key,
                issued_at=issued_at,
                issuer=issuer,
                text=text[start:end],
                start=start,
                end=end,
            )
        )
    return citations
