"""Reads of the document registry: search, detail, citation graph."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext as _

from ttdn.core.exceptions import NotFound
from ttdn.docparse import canonical_key
from ttdn.documents import search
from ttdn.documents.models import Citation, Document

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

# A query that is a number and symbol ("57-KL/TW", "281/KH-UBND", "2608/CV/BTGTU") asks for that
# document and for every document citing it, whatever spacing or dash the texts use.
_SYMBOL_QUERY = re.compile(
    r"^\s*(?:số\s+)?\d{1,5}\s*(?:/\s*\d{4}\s*)?[-/–—]\s*[^\W\d_][\w&Đđ]*(?:\s*[-/–—]\s*[\w&Đđ]+)*\s*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class DocumentFilters:
    query: str = ""
    doc_type: str = ""
    issuer: str = ""
    year: int | None = None


def access_document(user: AbstractBaseUser | AnonymousUser, pk: int) -> Document:
    """Return the document a signed-in user asked for (all users read the registry)."""
    document = (
        Document.objects.select_related("current_version", "issuer_unit").filter(pk=pk).first()
        if user.is_authenticated
        else None
    )
    if document is None:
        raise NotFound(_("Không tìm thấy văn bản."))
    return document


def search_documents(filters: DocumentFilters) -> QuerySet[Document]:
    """Return the documents matching a search, most recent first.

    Reference-only documents are included: a search for "57-KL/TW" should show the directive even
    when only the documents citing it are in the registry.
    """
    queryset = Document.objects.all()
    query = filters.query.strip()
    if query and _SYMBOL_QUERY.match(query):
        key = canonical_key(re.sub(r"^\s*số\s+", "", query, flags=re.IGNORECASE))
        queryset = queryset.filter(Q(key=key) | Q(citations__key=key)).distinct()
    elif query:
        queryset = search.filter_by_words(queryset, query)
    if filters.doc_type:
        queryset = queryset.filter(doc_type=filters.doc_type)
    if filters.issuer:
        queryset = queryset.filter(issuer=filters.issuer)
    if filters.year:
        queryset = queryset.filter(year=filters.year)
    return queryset.annotate(
        citation_count=Count("citations", distinct=True),
        cited_by_count=Count("cited_by", distinct=True),
    ).order_by("status", "-issued_at", "-id")


@dataclass(frozen=True)
class FilterChoices:
    doc_types: list[str]
    issuers: list[str]
    years: list[int]


def filter_choices() -> FilterChoices:
    registered = Document.objects.exclude(doc_type="", issuer="", year=None)
    return FilterChoices(
        doc_types=sorted(set(registered.exclude(doc_type="").values_list("doc_type", flat=True))),
        issuers=sorted(set(registered.exclude(issuer="").values_list("issuer", flat=True))),
        years=sorted(
            set(registered.exclude(year=None).values_list("year", flat=True)), reverse=True
        ),
    )


@dataclass(frozen=True)
class TextSegment:
    text: str
    citation: Citation | None = None


def highlighted_text(document: Document) -> list[TextSegment]:
    """Split the current text into plain runs and cited spans, for highlighting and links."""
    version = document.current_version
    if version is None:
        return []
    text = version.text
    segments: list[TextSegment] = []
    position = 0
    for citation in document.citations.select_related("cited").order_by("start"):
        if citation.start < position or citation.end > len(text):
            continue  # overlapping or stale span: show the text plain rather than garbled
        if citation.start > position:
            segments.append(TextSegment(text[position : citation.start]))
        segments.append(TextSegment(text[citation.start : citation.end], citation))
        position = citation.end
    if position < len(text):
        segments.append(TextSegment(text[position:]))
    return segments


def cited_documents(document: Document) -> list[Document]:
    """Return the documents this one cites, once each, in order of first mention."""
    seen: dict[int, Document] = {}
    for citation in document.citations.select_related("cited").order_by("start"):
        seen.setdefault(citation.cited_id, citation.cited)
    return list(seen.values())


def citing_documents(document: Document) -> list[Document]:
    return list(
        Document.objects.filter(citations__cited=document).distinct().order_by("-issued_at", "id")
    )


@dataclass
class ChainNode:
    document: Document
    level: int
    x: int = 0
    y: int = 0


@dataclass
class ChainGraph:
    nodes: list[ChainNode] = field(default_factory=list)
    edges: list[tuple[ChainNode, ChainNode]] = field(default_factory=list)
    width: int = 0
    height: int = 0
    node_width: int = 180
    node_height: int = 54


CHAIN_DEPTH = 4
_NODE_WIDTH, _NODE_HEIGHT, _GAP_X, _GAP_Y = 180, 54, 60, 18


def _walk_citations(start: int, *, upwards: bool, edges: set[tuple[int, int]]) -> dict[int, int]:
    """Return each document reached from ``start`` with its longest distance (one query a step).

    Upwards follows what a document cites; downwards who cites it. Edges met are added.
    """
    levels = {start: 0}
    frontier = {start}
    for depth in range(1, CHAIN_DEPTH + 1):
        lookup = {"citing_id__in": frontier} if upwards else {"cited_id__in": frontier}
        pairs = set(Citation.objects.filter(**lookup).values_list("cited_id", "citing_id"))
        edges |= pairs
        frontier = {cited if upwards else citing for cited, citing in pairs}
        for pk in frontier:
            levels[pk] = max(levels.get(pk, 0), depth)
        if not frontier:
            break
    return levels


def implementation_chain(document: Document) -> ChainGraph:
    """Return the implementation chain around a document, laid out left (directive) to right.

    Ancestors are the documents it cites, transitively (57-KL/TW ← 47/NQ-CP ← 281/KH-UBND);
    descendants the documents citing it. Each document sits in the column of its longest path
    from the current one, so a plan citing both a resolution and the conclusion it implements
    shows the conclusion before the resolution. One query per level; depth is bounded.
    """
    edges: set[tuple[int, int]] = set()  # (cited, citing): arrows point from directive onwards
    up_level = _walk_citations(document.pk, upwards=True, edges=edges)
    down_level = _walk_citations(document.pk, upwards=False, edges=edges)
    levels = {pk: -level for pk, level in up_level.items()}
    for pk, level in down_level.items():
        if pk not in levels or pk == document.pk:
            levels[pk] = level
    documents = Document.objects.in_bulk(list(levels))
    graph = ChainGraph()
    by_pk: dict[int, ChainNode] = {}
    columns: dict[int, list[ChainNode]] = {}
    for pk, level in sorted(levels.items(), key=lambda item: (item[1], item[0])):
        if pk not in documents:
            continue
        node = ChainNode(documents[pk], level)
        by_pk[pk] = node
        columns.setdefault(level, []).append(node)
    if len(by_pk) <= 1:
        return graph
    first = min(columns)
    for level, nodes in columns.items():
        nodes.sort(
            key=lambda n: (n.document.issued_at is None, n.document.issued_at, n.document.pk)
        )
        for row, node in enumerate(nodes):
            node.x = (level - first) * (_NODE_WIDTH + _GAP_X)
            node.y = row * (_NODE_HEIGHT + _GAP_Y)
    graph.nodes = list(by_pk.values())
    graph.edges = [
        (by_pk[cited], by_pk[citing])
        for cited, citing in sorted(edges)
        if cited in by_pk and citing in by_pk and levels[cited] < levels[citing]
    ]
    graph.width = (max(columns) - first) * (_NODE_WIDTH + _GAP_X) + _NODE_WIDTH
    graph.height = max(len(nodes) for nodes in columns.values()) * (_NODE_HEIGHT + _GAP_Y)
    return graph
