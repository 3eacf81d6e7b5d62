"""Vietnamese administrative documents → metadata, citations, sections (pure Python).

``parse(text)`` never raises on any text; ``read_bytes``/``read_file`` turn files into text and
raise ``ReadError`` (with a Vietnamese message) for what cannot be read.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ttdn.docparse.assignments import find_assignments
from ttdn.docparse.citations import find_citations
from ttdn.docparse.indicators import DEFAULT_KEYWORDS, KeywordTable, keyword_table, map_indicator
from ttdn.docparse.metadata import read_header
from ttdn.docparse.model import (
    Citation,
    Kind,
    Metadata,
    ParsedDocument,
    Quantity,
    ReadError,
    ReadResult,
    Section,
    Signer,
)
from ttdn.docparse.numbering import DOC_TYPES, canonical_key, is_party_symbol, type_from_symbol
from ttdn.docparse.quantities import find_quantities
from ttdn.docparse.readers import MAX_BYTES, read_bytes, read_file
from ttdn.docparse.sections import find_sections
from ttdn.text import normalize

_NOT_RECOGNISED = "Không nhận ra văn bản hành chính hay tin bài."

__all__ = [
    "DEFAULT_KEYWORDS",
    "DOC_TYPES",
    "MAX_BYTES",
    "Citation",
    "KeywordTable",
    "Metadata",
    "ParsedDocument",
    "Quantity",
    "ReadError",
    "ReadResult",
    "Section",
    "Signer",
    "canonical_key",
    "find_quantities",
    "is_party_symbol",
    "keyword_table",
    "map_indicator",
    "parse",
    "parse_bytes",
    "parse_file",
    "read_bytes",
    "read_file",
    "type_from_symbol",
]


def parse(
    text: str,
    *,
    source: str | None = None,
    tables: tuple[tuple[tuple[str, ...], ...], ...] = (),
    keywords: KeywordTable | None = None,
) -> ParsedDocument:
    """Parse a document's text; offsets in the result refer to the normalised text.

    ``tables`` are the rows of the file's tables (``ReadResult.tables``), for task tables;
    ``keywords`` the catalogue's words for its indicators (``keyword_table``).
    """
    text = normalize(text)
    warnings: list[str] = []
    if not text.strip():
        return ParsedDocument(source, "unknown", text, Metadata(), warnings=("Văn bản rỗng.",))
    header = read_header(text)
    kind: Kind = (
        "administrative" if header.is_administrative else "news" if header.is_news else "unknown"
    )
    citations = find_citations(text, own_key=header.own_key)
    sections = find_sections(text)
    quantities = find_quantities(text, keywords=keywords)
    assignments = (
        find_assignments(text, tuple(sections), tables) if kind == "administrative" else []
    )
    if kind == "administrative":
        meta = header.metadata
        if meta.number is None:
            warnings.append("Không tìm thấy số, ký hiệu văn bản.")
        if meta.issued_at is None:
            warnings.append("Không tìm thấy ngày ban hành.")
        if meta.issuer is None:
            warnings.append("Không xác định được cơ quan ban hành.")
    elif kind == "unknown":
        warnings.append(_NOT_RECOGNISED)
    return ParsedDocument(
        source=source,
        kind=kind,
        text=text,
        metadata=header.metadata,
        citations=tuple(citations),
        sections=tuple(sections),
        quantities=tuple(quantities),
        assignments=tuple(assignment.to_dict() for assignment in assignments),
        warnings=tuple(warnings),
    )


def _with_read(
    result: ReadResult, source: str, keywords: KeywordTable | None = None
) -> ParsedDocument:
    parsed = parse(result.text, source=source, tables=result.tables, keywords=keywords)
    if result.format == "html" and parsed.kind != "administrative":
        # A saved web page is news unless its text is an administrative document; the page's
        # own <title> and date fill what the text does not say.
        meta = replace(
            parsed.metadata,
            title=parsed.metadata.title or result.title,
            published_at=parsed.metadata.published_at or result.published_at,
        )
        warnings = tuple(w for w in parsed.warnings if w != _NOT_RECOGNISED)
        parsed = replace(parsed, metadata=meta, kind="news", warnings=warnings)
    if result.warnings:
        parsed = replace(parsed, warnings=(*result.warnings, *parsed.warnings))
    return parsed


def parse_bytes(
    data: bytes, filename: str, *, keywords: KeywordTable | None = None
) -> ParsedDocument:
    """Read and parse a file's bytes (raise ``ReadError`` if unreadable)."""
    return _with_read(read_bytes(data, filename), filename, keywords)


def parse_file(path: str | Path) -> ParsedDocument:
    """Read and parse a file from disk (raise ``ReadError`` if unreadable)."""
    return _with_read(read_file(path), str(path))
