"""The official document as data: header, body blocks, signing block, recipients.

The fields follow the components Nghị định 30/2020/NĐ-CP (Điều 8, Phụ lục I) requires of an
administrative document, and Hướng dẫn 36-HD/VPTW for the Party variant. Renderers in
``ttdn.docgen.word`` and ``ttdn.docgen.pdf`` lay them out; nothing here knows a file format.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

DocumentFormat = Literal["state", "party"]

#: Quốc hiệu and Tiêu ngữ of a State document; the Party heading of Hướng dẫn 36.
NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
PARTY_TITLE = "ĐẢNG CỘNG SẢN VIỆT NAM"


@dataclass(frozen=True)
class Heading:
    """A section heading of the body; level 1 is "1. …", level 2 "a) …" (numbering in text)."""

    text: str
    level: int = 1


@dataclass(frozen=True)
class Paragraph:
    """A body paragraph, first-line indented; ``bullet`` prefixes the Vietnamese "- " dash."""

    text: str
    bullet: bool = False
    italic: bool = False
    bold: bool = False


@dataclass(frozen=True)
class Table:
    """A ruled table: a header row, data rows, an optional caption above and totals row below."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    caption: str = ""
    totals: tuple[str, ...] | None = None


Block = Heading | Paragraph | Table


@dataclass(frozen=True)
class Signature:
    """The signing block (thẩm quyền, chức vụ, họ tên of Nghị định 30 Phụ lục I §8).

    ``form`` is the prefix of the authority line: "TM." (for a collective: "TM. ỦY BAN NHÂN
    DÂN"), "KT." (a deputy for the head: "KT. CHỦ TỊCH"), "Q." (acting: "Q. CHỦ TỊCH"), "TL.",
    "TUQ.", or "" when the head signs in their own name. ``title`` is the signer's own title
    (several lines allowed, e.g. "KT. CHỦ TỊCH\\nPHÓ CHỦ TỊCH" under a TM. line).
    """

    name: str
    title: str = ""
    form: str = ""
    authority: str = ""

    @property
    def lines(self) -> tuple[str, ...]:
        """Return the capitalised lines above the signature space, in order."""
        lines: list[str] = []
        if self.form and self.authority:
            lines.append(f"{self.form} {self.authority}".upper())
        elif self.authority:
            lines.append(self.authority.upper())
        lines.extend(line.strip().upper() for line in self.title.splitlines() if line.strip())
        return tuple(lines)


@dataclass(frozen=True)
class OfficialDocument:
    """An administrative document laid out per Nghị định 30/2020 (or Hướng dẫn 36 for the Party).

    ``issuing_body`` may have several lines ("ỦY BAN NHÂN DÂN\\nTỈNH ĐỒNG NAI"); ``parent_body``
    is the body above it ("UBND TỈNH ĐỒNG NAI" above a Sở), printed regular, the issuing body
    bold. ``number`` is None while the văn thư has not given one: the line keeps a blank for it
    ("Số:      /BC-UBND"). ``issued_on`` None likewise leaves day and month blank for the signing
    day, with ``year`` printed. A công văn has no ``doc_type``: its ``subject`` ("V/v …") goes
    under the number and ``addressees`` follow "Kính gửi:".
    """

    issuing_body: str
    symbol: str
    place: str
    title: str = ""
    doc_type: str = ""
    parent_body: str = ""
    number: str | None = None
    issued_on: dt.date | None = None
    year: int | None = None
    subject: str = ""
    addressees: tuple[str, ...] = ()
    body: tuple[Block, ...] = ()
    signature: Signature | None = None
    recipients: tuple[str, ...] = ()
    format: DocumentFormat = "state"
    #: Page size and margins (mm) of Nghị định 30 Phụ lục I: A4, top/bottom 20–25, left 30–35,
    #: right 15–20.
    margins_mm: tuple[float, float, float, float] = (20, 15, 20, 30)
    #: Body font size (pt); the decree allows 13–14.
    font_size: float = 14
    metadata: dict[str, str] = field(default_factory=dict, hash=False, compare=False)

    @property
    def is_letter(self) -> bool:
        """Return True for a công văn (no document type name, a "V/v" subject instead)."""
        return not self.doc_type

    @property
    def heading_title(self) -> str:
        """Return the national (or Party) title line of the right header column."""
        return PARTY_TITLE if self.format == "party" else NATIONAL_TITLE

    @property
    def number_line(self) -> str:
        """Return "Số: 262/KH-UBND" (state) or "Số 43-CV/BCĐ" (Party), with a blank number."""
        number = self.number if self.number else " " * 8
        if self.format == "party":
            return f"Số {number}-{self.symbol}"
        return f"Số: {number}/{self.symbol}"

    @property
    def date_line(self) -> str:
        """Return "Đồng Nai, ngày 03 tháng 7 năm 2024"; blanks for a day not yet known."""
        return f"{self.place}, {format_issue_date(self.issued_on, year=self.year)}"


def format_issue_date(day: dt.date | None, *, year: int | None = None) -> str:
    """Write an issue date as the decree asks: "ngày 03 tháng 7 năm 2024".

    Days under 10 and the months 1 and 2 take a leading zero (Nghị định 30, Phụ lục I §4b).
    Without a day, leave room for the signing date: "ngày      tháng      năm 2024".
    """
    if day is None:
        blank = " " * 6
        return f"ngày{blank}tháng{blank}năm {year if year else ' ' * 6}".rstrip()
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


def short_date(day: dt.date) -> str:
    """Write a cited document's date the way reports cite it: "08/11/2023", "10/6/2024"."""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"{day.day:02d}/{month}/{day.year}"
