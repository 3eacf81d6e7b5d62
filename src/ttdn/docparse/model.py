"""The parser's results: frozen dataclasses that map onto the JSON contract of DESIGN.md."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal

Kind = Literal["administrative", "news", "unknown"]


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
class ParsedDocument:
    """Everything the parser found in one document."""

    source: str | None
    kind: Kind
    text: str
    metadata: Metadata
    citations: tuple[Citation, ...] = ()
    sections: tuple[Section, ...] = ()
    quantities: tuple[Any, ...] = ()
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
            "quantities": list(self.quantities),
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
