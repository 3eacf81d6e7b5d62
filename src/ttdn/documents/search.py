"""Diacritic-insensitive document search, identical on SQLite and PostgreSQL.

Both databases index the same column, ``Document.search_text``, which holds the document's words
folded by ``ttdn.text.search_fold`` (diacritics removed, đ→d, lower case). Folding in Python
rather than with SQLite's ``remove_diacritics`` (which keeps đ) or PostgreSQL's ``unaccent``
means one fold function decides what matches, so both databases return the same documents.
SQLite searches an FTS5 index of that column; PostgreSQL a GIN full-text index over it.
Every query word must match the beginning of a word of the document.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connection

from ttdn.text import search_fold

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from ttdn.documents.models import Document

_WORD = re.compile(r"[^\W_]+")


def search_words(text: str) -> list[str]:
    return _WORD.findall(search_fold(text))


def search_text_of(*parts: str) -> str:
    return " ".join(" ".join(search_words(part)) for part in parts if part)


def index_document(document: Document) -> None:
    """Bring the full-text index up to date with ``document.search_text``."""
    if connection.vendor != "sqlite":
        return  # PostgreSQL's index is an expression index over the column itself.
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM documents_fts WHERE rowid = %s", [document.pk])
        cursor.execute(
            "INSERT INTO documents_fts(rowid, search_text) VALUES (%s, %s)",
            [document.pk, document.search_text],
        )


def unindex_document(document_id: int) -> None:
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM documents_fts WHERE rowid = %s", [document_id])


def filter_by_words(queryset: QuerySet[Document], query: str) -> QuerySet[Document]:
    """Keep the documents in which every word of ``query`` begins a word."""
    words = search_words(query)
    if not words:
        return queryset
    if connection.vendor == "postgresql":
        tsquery = " & ".join(f"{word}:*" for word in words)
        return queryset.annotate(search_vector=SearchVector("search_text", config="simple")).filter(
            search_vector=SearchQuery(tsquery, search_type="raw", config="simple")
        )
    if connection.vendor == "sqlite":
        match = " ".join(f'"{word}"*' for word in words)
        with connection.cursor() as cursor:
            cursor.execute("SELECT rowid FROM documents_fts WHERE documents_fts MATCH %s", [match])
            ids = [row[0] for row in cursor.fetchall()]
        return queryset.filter(pk__in=ids)
    # Any other database: a slower scan with the same semantics.
    for word in words:
        queryset = queryset.filter(search_text__regex=rf"(^|\s){re.escape(word)}")
    return queryset
