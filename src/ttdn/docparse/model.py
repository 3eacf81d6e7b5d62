"""The parser's results: frozen dataclasses that map onto the JSON contract of DESIGN.md."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal

Kind = Literal["administrative", "news", "unknown"]
Approx = Literal["exact", "at_least", "about", "at_most"]


@dataclass(frozen=True)
class Signer:
    """Who signed, and in what capacity ("Q. CHỦ TỊCH", "KT. CHỦ TỊCH – PHÓ CHỦ TỊCH")."""

    name: str | None
    title: str | None


@dataclass(frozen=True)
class Metadata:
    """What the header and footer of a document say about it."""

    doc_type: str | None = None
    number: str | None = None
    key: str | None = None
    issued_at: dt.date | None = None
    place: str | None = None
    issuer: str | None = None
    title: str | None = None
    signer: Signer | None = None
    recipients: tuple[str, ...] = ()
    published_at: dt.datetime | dt.date | None = None


@dataclass(frozen=True)
class Citation:
    """A reference to another numbered document; ``text`` is ``source_text[start:end]``."""

    doc_type: str | None
    number: str
    key: str
    issued_at: dt.date | None
    issuer: str | None
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Section:
    """A numbered heading (I., 1., a)); ``heading`` is ``source_text[start:end]``."""

    number: str
    heading: str
    start: int
    end: int
    level: int


@dataclass(frozen=True)
class Quantity:
    """A counted figure of the text: "hơn 5.000 lượt CBCC-VC"; ``text`` is ``source[start:end]``.

    ``value`` is None for a magnitude word without a number ("hàng nghìn lượt người"; ``approx``
    at_least). ``indicator`` is a default-catalogue code or None (unmapped, kept). ``per`` is the
    period of a rate ("120 ấn phẩm/1 năm" → "year"). ``category`` is the one breakdown the text
    gives ("platform:facebook", "language:en"); ``categories`` all it names. ``org_unit`` is the
    unit named as doing it in the sentence; ``sentence_start``/``sentence_end`` span the sentence
    to show as the figure's source.
    """

    value: int | float | None
    approx: Approx
    unit: str
    indicator: str | None
    text: str
    start: int
    end: int
    qualifier: str | None = None
    per: str | None = None
    category: str | None = None
    categories: tuple[str, ...] = ()
    org_unit: str | None = None
    sentence_start: int = 0
    sentence_end: int = 0

    def to_dict(self) -> dict[str, Any]:
        """Return the quantity as in the parser output contract, with the extra fields."""
        return {
            "value": self.value,
            "approx": self.approx,
            "unit": self.unit,
            "indicator": self.indicator,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "qualifier": self.qualifier,
            "per": self.per,
            "category": self.category,
            "categories": list(self.categories),
            "org_unit": self.org_unit,
            "sentence": [self.sentence_start, self.sentence_end],
        }


@dataclass(frozen=True)
class ParsedDocument:
    """Everything the parser found in one document."""

    source: str | None
    kind: Kind
    text: str
    metadata: Metadata
    citations: tuple[Citation, ...] = ()
    sections: tuple[Section, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    assignments: tuple[Any, ...] = ()
    warnings: tuple[str, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict[str, Any]:
        """Return the parser output contract (DESIGN.md) as JSON-ready data."""
        meta = self.metadata
        return {
            "source": self.source,
            "kind": self.kind,
            "metadata": {
                "doc_type": meta.doc_type,
                "number": meta.number,
                "key": meta.key,
                "issued_at": _iso(meta.issued_at),
                "place": meta.place,
                "issuer": meta.issuer,
                "title": meta.title,
                "signer": (
                    {"name": meta.signer.name, "title": meta.signer.title} if meta.signer else None
                ),
                "recipients": list(meta.recipients),
                "published_at": _iso(meta.published_at),
            },
            "citations": [
                {
                    "doc_type": c.doc_type,
                    "number": c.number,
                    "key": c.key,
                    "issued_at": _iso(c.issued_at),
                    "issuer": c.issuer,
                    "text": c.text,
                    "start": c.start,
                    "end": c.end,
                }
                for c in self.citations
            ],
            "quantities": [q.to_dict() for q in self.quantities],
            "assignments": list(self.assignments),
            "sections": [
                {"number": s.number, "heading": s.heading, "start": s.start, "end": s.end}
                for s in self.sections
            ],
            "warnings": list(self.warnings),
        }


def _iso(value: dt.date | dt.datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


@dataclass(frozen=True)
class ReadResult:
    """Text read from a file, with what the container itself told (an HTML page's title)."""

    text: str
    format: Literal["text", "docx", "pdf", "html"]
    warnings: tuple[str, ...] = ()
    title: str | None = None
    published_at: dt.datetime | dt.date | None = None
    #: The DOCX's tables as rows of cell texts (their text is in ``text`` too, cell by cell).
    tables: tuple[tuple[tuple[str, ...], ...], ...] = ()


class ReadError(ValueError):
    """The file cannot be read as a document; ``message`` says why, in Vietnamese."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
