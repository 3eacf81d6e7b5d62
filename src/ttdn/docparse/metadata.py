"""The header and footer of an administrative document (Nghị định 30/2020, Phụ lục I), or the
headline and date of a news page.

Header (top left, upper case): the issuing body, often with its parent on the line above;
top right: Quốc hiệu and Tiêu ngữ (or "ĐẢNG CỘNG SẢN VIỆT NAM"); "Số: 281/KH-UBND"; the place and
date line; the type in capitals ("KẾ HOẠCH") and the title (trích yếu). Footer: "Nơi nhận:" with
"-" lines, and the signing block ("Q. CHỦ TỊCH", "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH") with the name.
Text from a DOCX header table arrives cell by cell, so the lines of the two columns interleave.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ttdn.docparse.bodies import body_name_case
from ttdn.docparse.citations import NUMBER_PATTERN
from ttdn.docparse.model import Metadata, Signer
from ttdn.docparse.numbering import canonical_key, doc_type_from_words, type_from_symbol
from ttdn.text import fold

_NATIONAL = re.compile(
    r"^(?:CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM|"
    r"ĐẢNG CỘNG SẢN VIỆT NAM|Độc lập\s*[-–—]\s*Tự do\s*[-–—]\s*Hạnh phúc)",
    re.IGNORECASE,
)
_NUMBER_LINE = re.compile(r"^\s*Số\s*:?\s*(?P<rest>.*)$", re.IGNORECASE)
_PLACE_DATE = re.compile(
    r"^\s*(?P<place>[^\W\d_][^,\n]{1,40}?)\s*,\s*ngày\s+(?P<d>\d{1,2}|\.+|…+)\s+tháng\s+"
    r"(?P<m>\d{1,2}|\.+|…+)\s+năm\s+(?P<y>\d{4})",
    re.IGNORECASE,
)
_SEPARATOR = re.compile(r"^[\s*\-–—_=.…]*$")
_BODY_START = re.compile(
    r"^(?:Thực hiện|Căn cứ|Kính gửi|Theo|Để|Nhằm|Ngày|Trong|Trên cơ sở|Qua|Sau|Hiện nay|"
    r"[IVX]+\.|\d+\.\s|[a-zđ]\)\s)",
)
_AUTHORITY = re.compile(
    r"^(?:TM\.|T/M|T\.M\.|KT\.|K/T|K\.T\.|Q\.|TL\.|T/L|TUQ\.|T/UQ|TM |KT )", re.IGNORECASE
)
_SIGNING_TITLE = re.compile(
    r"^(?:PHÓ\s+)?(?:CHỦ TỊCH|GIÁM ĐỐC|TRƯỞNG BAN|BÍ THƯ|THỦ TƯỚNG|BỘ TRƯỞNG|CHÁNH VĂN PHÒNG|"
    r"TỔNG BIÊN TẬP|VIỆN TRƯỞNG|CỤC TRƯỞNG|TRƯỞNG PHÒNG|TỔNG GIÁM ĐỐC|THỨ TRƯỞNG)\b"
)
_SIGNED_NOTE = re.compile(
    r"^\(?\s*(?:đã ký|ký|ký tên|ký,|ký và đóng dấu|đã ký và đóng dấu)", re.IGNORECASE
)
_NEWS_DATE = re.compile(
    r"Cập nhật(?:\s+lúc)?\s*:?\s*(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})"
    r"(?:\s+(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?)?",
    re.IGNORECASE,
)
_SITE_CHROME = re.compile(
    r"Trang chủ|Liên hệ|Sơ đồ trang|cỡ chữ|tương phản|Skip to main content|Liên kết website|"
    r"Đăng nhập|Tìm kiếm|Chia sẻ|In bài",
    re.IGNORECASE,
)
_VN_TZ = dt.timezone(dt.timedelta(hours=7), "ICT")


# Provinces and centrally-run cities (the 63 before 1/7/2025 and the new names after), so that
# "Số: 281/KH-UBND … Đồng Nai, ngày …" may name its issuer "Ủy ban nhân dân tỉnh Đồng Nai".
_CITIES = {"Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế"}
_PROVINCES = _CITIES | {
    "An Giang",
    "Bà Rịa - Vũng Tàu",
    "Bạc Liêu",
    "Bắc Giang",
    "Bắc Kạn",
    "Bắc Ninh",
    "Bến Tre",
    "Bình Dương",
    "Bình Định",
    "Bình Phước",
    "Bình Thuận",
    "Cà Mau",
    "Cao Bằng",
    "Đắk Lắk",
    "Đắk Nông",
    "Điện Biên",
    "Đồng Nai",
    "Đồng Tháp",
    "Gia Lai",
    "Hà Giang",
    "Hà Nam",
    "Hà Tĩnh",
    "Hải Dương",
    "Hậu Giang",
    "Hòa Bình",
    "Hưng Yên",
    "Khánh Hòa",
    "Kiên Giang",
    "Kon Tum",
    "Lai Châu",
    "Lạng Sơn",
    "Lào Cai",
    "Lâm Đồng",
    "Long An",
    "Nam Định",
    "Nghệ An",
    "Ninh Bình",
    "Ninh Thuận",
    "Phú Thọ",
    "Phú Yên",
    "Quảng Bình",
    "Quảng Nam",
    "Quảng Ngãi",
    "Quảng Ninh",
    "Quảng Trị",
    "Sóc Trăng",
    "Sơn La",
    "Tây Ninh",
    "Thái Bình",
    "Thái Nguyên",
    "Thanh Hóa",
    "Thừa Thiên Huế",
    "Tiền Giang",
    "Trà Vinh",
    "Tuyên Quang",
    "Vĩnh Long",
    "Vĩnh Phúc",
    "Yên Bái",
}
_PROVINCE_BY_FOLD = {fold(name).casefold(): name for name in _PROVINCES}


@dataclass
class _Line:
    text: str
    start: int


def _lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    position = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            lines.append(_Line(stripped, position + raw.index(stripped[0])))
        position += len(raw) + 1
    return lines


def _date(day: str, month: str, year: str) -> dt.date | None:
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None


@dataclass(frozen=True)
class HeaderFacts:
    """What the header says, plus where the document's own number is (not a citation)."""

    metadata: Metadata
    own_key: str | None
    is_administrative: bool
    is_news: bool


def read_header(text: str) -> HeaderFacts:
    """Read metadata from the header and footer of ``text`` (already normalised)."""
    lines = _lines(text)
    head = lines[:40]
    markers = 0
    number = key = place = doc_type = title = None
    issued_at: dt.date | None = None
    issuer_lines: list[str] = []
    heading_index: int | None = None
    for index, line in enumerate(head):
        if _NATIONAL.match(line.text):
            markers += 1
            continue
        number_line = _NUMBER_LINE.match(line.text)
        if number is None and number_line:
            found = NUMBER_PATTERN.search(number_line.group("rest"))
            if found and found.start() < 3:
                number = re.sub(r"\s+", "", found.group(0))
                key = canonical_key(number)
                markers += 1
                continue
        date_line = _PLACE_DATE.match(line.text)
        if issued_at is None and date_line:
            place = date_line.group("place").strip()
            if date_line.group("d").isdigit() and date_line.group("m").isdigit():
                issued_at = _date(date_line.group("d"), date_line.group("m"), date_line.group("y"))
            markers += 1
            continue
        named_type = doc_type_from_words(line.text) if line.text.isupper() else None
        if named_type and heading_index is None:
            doc_type, heading_index = named_type, index
            markers += 1
            break
        if (
            heading_index is None
            and number is None
            and issued_at is None
            and line.text.isupper()
            and not _SEPARATOR.match(line.text)
            and len(line.text) < 80
        ):
            issuer_lines.append(line.text)
    if heading_index is not None:
        title = _title_after(head, heading_index)
    elif number:
        title = next(
            (
                re.sub(r"^V/v\s*:?\s*", "", line.text, flags=re.IGNORECASE)
                for line in head
                if re.match(r"^V/v\b", line.text, re.IGNORECASE)
            ),
            None,
        )
    if doc_type is None and key:
        doc_type = type_from_symbol(key)
    # No header, no issuer: the symbol ("…-UBND") and the place line do not say which People's
    # Committee signed, and DESIGN.md forbids guessing.
    issuer = _issuer(issuer_lines) if issuer_lines else _issuer_from_symbol(key, place)
    signer = _signer(lines)
    recipients = _recipients(lines)
    if signer:
        markers += 1
    if recipients:
        markers += 1
    is_administrative = markers >= 2 and (number is not None or heading_index is not None)
    published = _published_at(text)
    chrome = sum(1 for line in lines[:30] if _SITE_CHROME.search(line.text))
    is_news = not is_administrative and (published is not None or chrome >= 1)
    if is_news:
        title = _news_title(lines, text)
    metadata = Metadata(
        doc_type=doc_type if is_administrative else None,
        number=number if is_administrative else None,
        key=key if is_administrative else None,
        issued_at=issued_at if is_administrative else None,
        place=place if is_administrative else None,
        issuer=issuer if is_administrative else None,
        title=title,
        signer=signer if is_administrative else None,
        recipients=tuple(recipients) if is_administrative else (),
        published_at=published if is_news else None,
    )
    return HeaderFacts(metadata, key if is_administrative else None, is_administrative, is_news)


def _title_after(head: list[_Line], heading_index: int) -> str | None:
    parts: list[str] = []
    for line in head[heading_index + 1 : heading_index + 6]:
        if (
            _BODY_START.match(line.text)
            or _NATIONAL.match(line.text)
            or _SEPARATOR.match(line.text)
        ):
            break
        # A title is all capitals or all sentence case; a change marks the end of it (the body
        # follows, or a Nghị quyết repeats its issuer, "CHÍNH PHỦ", before "Căn cứ").
        if parts and line.text.isupper() != parts[-1].isupper():
            break
        parts.append(line.text)
        if len(" ".join(parts)) > 400:
            break
    return " ".join(parts) or None


def _issuer(lines: list[str]) -> str | None:
    # "ỦY BAN NHÂN DÂN / TỈNH ĐỒNG NAI" is one name on two lines; "UBND TỈNH ĐỒNG NAI / SỞ …"
    # and "TỈNH ỦY ĐỒNG NAI / BAN TUYÊN GIÁO" are a parent and the issuing body.
    lines = [line.strip(" *") for line in lines if line.strip(" *")]
    # A long name wraps: "BỘ THÔNG TIN VÀ" / "TRUYỀN THÔNG" is one line of the header.
    joined: list[str] = []
    for line in lines:
        if joined and re.search(r"(\sVÀ|,|-|–)$", joined[-1]):
            joined[-1] = f"{joined[-1]} {line}"
        else:
            joined.append(line)
    lines = joined
    if not lines:
        return None
    if (
        len(lines) >= 2
        and re.match(r"^(TỈNH|THÀNH PHỐ|HUYỆN|XÃ|PHƯỜNG)\b", lines[1])
        and not (lines[1].startswith("TỈNH ỦY"))
    ):
        return body_name_case(f"{lines[0]} {lines[1]}")
    if len(lines) >= 2:
        body = lines[-1]
        parent = lines[-2]
        if re.match(r"^(BAN|VĂN PHÒNG|ỦY BAN KIỂM TRA)\b", body) and re.match(
            r"^(TỈNH ỦY|THÀNH ỦY|HUYỆN ỦY|ĐẢNG ỦY)", parent
        ):
            return body_name_case(f"{body} {parent}")
        return body_name_case(body)
    return body_name_case(lines[0])


def _is_title_line(text: str) -> bool:
    return bool(_AUTHORITY.match(text)) or (text.isupper() and bool(_SIGNING_TITLE.match(text)))


def _issuer_from_symbol(key: str | None, place: str | None) -> str | None:
    # "281/KH-UBND" dated "Đồng Nai, ngày …": the symbol names the People's Committee and the
    # place line names the province, so the issuer is stated by the document itself.
    if not key or not place or not re.search(r"[-/]UBND$", key):
        return None
    province = _PROVINCE_BY_FOLD.get(fold(place).casefold())
    if province is None:
        return None
    level = "thành phố" if province in _CITIES else "tỉnh"
    return f"Ủy ban nhân dân {level} {province}"


def _signer(lines: list[_Line]) -> Signer | None:
    # The signing block closes the document: "Q. CHỦ TỊCH", "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH",
    # "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH", "TL. …", "TUQ. …", then (after the signature) the name.
    tail = lines[-30:]
    last = next((i for i in range(len(tail) - 1, -1, -1) if _is_title_line(tail[i].text)), None)
    if last is None:
        # A block with the name only (the title lost in conversion): the last line.
        final = tail[-1].text if tail else ""
        if _is_name(final) and not final.isupper():
            return Signer(name=final, title=None)
        return None
    first = last
    while first > 0 and _is_title_line(tail[first - 1].text):
        first -= 1
    titles = [line.text for line in tail[first : last + 1]]
    name: str | None = None
    for line in tail[last + 1 : last + 8]:
        text = line.text
        if _SIGNED_NOTE.match(text):
            continue
        if _is_name(text):
            name = text
        elif name is None and text.isupper() and len(text) < 80 and not any(map(str.isdigit, text)):
            titles.append(text)  # "PHÓ CHỦ TỊCH THƯỜNG TRỰC", "GIÁM ĐỐC SỞ NỘI VỤ"
        else:
            break
    return Signer(name=name, title=" – ".join(titles))


def _is_name(text: str) -> bool:
    """Tell whether a line looks like a person's name ("Võ Tấn Đức"): 2–6 capitalised words."""
    words = text.split()
    return (
        2 <= len(words) <= 6
        and len(text) < 40
        and all(word[0].isupper() and word.isalpha() for word in words)
    )


def _recipients(lines: list[_Line]) -> list[str]:
    for index in range(len(lines) - 1, max(-1, len(lines) - 80), -1):
        folded = fold(lines[index].text).casefold()
        if folded.startswith("noi nhan"):
            found = []
            for line in lines[index + 1 : index + 40]:
                if not re.match(r"^[-+•]\s*", line.text):
                    break
                item = re.sub(r"^[-+•]\s*", "", line.text).rstrip(" ;.,")
                if item:
                    found.append(item)
            return found
    return []


def _published_at(text: str) -> dt.datetime | dt.date | None:
    match = _NEWS_DATE.search(text[:5000])
    if not match:
        return None
    day = _date(match.group("d"), match.group("m"), match.group("y"))
    if day is None:
        return None
    if match.group("H"):
        try:
            return dt.datetime(
                day.year,
                day.month,
                day.day,
                int(match.group("H")),
                int(match.group("M")),
                int(match.group("S") or 0),
                tzinfo=_VN_TZ,
            )
        except ValueError:
            return day
    return day


def _news_title(lines: list[_Line], text: str) -> str | None:
    match = _NEWS_DATE.search(text[:5000])
    if match:
        before = [line for line in lines if line.start + len(line.text) <= match.start()]
        for line in reversed(before):
            if not _SITE_CHROME.search(line.text) and len(line.text.split()) >= 3:
                return line.text
    for line in lines[:40]:
        words = line.text.split()
        if (
            5 <= len(words) <= 40
            and "|" not in line.text
            and not line.text.endswith(".")
            and not _SITE_CHROME.search(line.text)
            and line.text[:1].isupper()
        ):
            return line.text
    return None
