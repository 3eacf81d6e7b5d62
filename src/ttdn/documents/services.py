"""Writes of the document registry: ingesting files and linking their citations."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ttdn.core.exceptions import DomainError
from ttdn.core.files import delete_stored_files
from ttdn.docparse import ReadError, parse, read_bytes
from ttdn.documents import search
from ttdn.documents.identity import (
    document_identity,
    document_year,
    fold_issuer,
    issuer_matters,
    issuers_compatible,
    party_term,
)
from ttdn.documents.models import Citation, Document, DocumentVersion
from ttdn.orgs.selectors import province_of, resolve_unit

if TYPE_CHECKING:
    import datetime as dt

    from django.contrib.auth.models import AbstractBaseUser

    from ttdn.docparse import Citation as ParsedCitation
    from ttdn.docparse import ParsedDocument


class DocumentRejected(DomainError):
    """The file cannot be stored: unreadable, empty, too large, not a document."""

    status_code = 422


@dataclass(frozen=True)
class IngestResult:
    outcome: Literal["ingested", "new_version", "duplicate"]
    document: Document
    version: DocumentVersion


def content_hash_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def ingest_document(
    *, data: bytes, filename: str, actor: AbstractBaseUser | None = None
) -> IngestResult:
    """Store a file in the registry: parse it, find or create its document, link its citations.

    The same bytes twice give one document ("duplicate"); a changed file with the identity of a
    registered document becomes its next version, never a silent overwrite. Everything happens
    in one transaction, and the stored file is removed again if that transaction fails, so a bad
    file leaves nothing behind.
    """
    name = Path(filename).name or "document"
    if len(data) > settings.DOCUMENT_MAX_BYTES:
        raise DocumentRejected(
            _("Tệp quá lớn (%(size)s MB); giới hạn là %(limit)s MB.")
            % {
                "size": round(len(data) / 1024 / 1024, 1),
                "limit": settings.DOCUMENT_MAX_BYTES // 1024 // 1024,
            }
        )
    digest = content_hash_of(data)
    duplicate = _existing_version(digest)
    if duplicate is not None:
        return IngestResult("duplicate", duplicate.document, duplicate)
    try:
        read = read_bytes(data, name)
    except ReadError as error:
        raise DocumentRejected(error.message) from error
    parsed = parse(read.text, source=name)
    if not parsed.text.strip():
        raise DocumentRejected(_("Tệp không có nội dung văn bản."))

    stored_names: list[str] = []
    try:
        with transaction.atomic():
            result = _store(
                parsed,
                file_format=read.format,
                read_warnings=read.warnings,
                data=data,
                name=name,
                digest=digest,
                actor=actor,
                stored_names=stored_names,
            )
    except IntegrityError:
        # Another upload of the same bytes won the race on the unique content hash.
        delete_stored_files(stored_names)
        duplicate = _existing_version(digest)
        if duplicate is None:
            raise
        return IngestResult("duplicate", duplicate.document, duplicate)
    except BaseException:
        delete_stored_files(stored_names)
        raise
    return result


def _existing_version(digest: str) -> DocumentVersion | None:
    return DocumentVersion.objects.select_related("document").filter(content_hash=digest).first()


def _store(
    parsed: ParsedDocument,
    *,
    file_format: str,
    read_warnings: tuple[str, ...],
    data: bytes,
    name: str,
    digest: str,
    actor: AbstractBaseUser | None,
    stored_names: list[str],
) -> IngestResult:
    meta = parsed.metadata
    issuer_fold = fold_issuer(meta.issuer)
    if meta.key:
        identity = document_identity(
            key=meta.key, issued_at=meta.issued_at, issuer_fold=issuer_fold
        )
        document = Document.objects.select_for_update().filter(
            identity=identity
        ).first() or _find_document(meta.key, meta.issued_at, issuer_fold, for_update=True)
    else:
        document = None
        identity = f"hash:{digest}"

    outcome: Literal["ingested", "new_version"] = "ingested"
    if document is None:
        document = Document(identity=identity)
    elif document.status == Document.Status.REGISTERED:
        outcome = "new_version"
    if outcome == "ingested" and meta.key:
        document = _absorb_references(document, meta.key, meta.issued_at, issuer_fold, identity)
        document.identity = identity

    document.status = Document.Status.REGISTERED
    document.kind = parsed.kind
    document.doc_type = _clip("doc_type", meta.doc_type)
    document.number = _clip("number", meta.number)
    document.key = _clip("key", meta.key)
    document.issued_at = meta.issued_at
    document.year = document_year(document.key, meta.issued_at)
    document.party_term = party_term(document.key, meta.issued_at)
    document.issuer = _clip("issuer", meta.issuer)
    document.issuer_fold = _clip("issuer_fold", issuer_fold)
    document.place = _clip("place", meta.place)
    document.title = meta.title or ""
    document.signer_name = _clip("signer_name", meta.signer.name if meta.signer else "")
    document.signer_title = _clip("signer_title", meta.signer.title if meta.signer else "")
    document.recipients = list(meta.recipients)
    document.search_text = search.search_text_of(
        document.doc_type,
        document.number,
        document.issuer,
        document.place,
        document.title,
        parsed.text,
    )
    document.save()

    version_number = (document.versions.count() + 1) if outcome == "new_version" else 1
    version = DocumentVersion(
        document=document,
        number=version_number,
        original_name=name[:255],
        file_format=file_format,
        size=len(data),
        content_hash=digest,
        text=parsed.text,
        warnings=list(dict.fromkeys([*read_warnings, *parsed.warnings])),
        parsed=parsed.to_dict(),
        uploaded_by=actor,
    )
    version.file.save(name, ContentFile(data), save=False)
    stored_names.append(version.file.name)
    version.save()
    document.current_version = version
    _link_units(document)
    document.save(update_fields=["current_version", "issuer_unit"])
    _link_citations(document, parsed.citations)
    search.index_document(document)
    return IngestResult(outcome, document, version)


def _link_units(document: Document) -> None:
    """Link the issuer and recipients to the units that bore those names on the date of issue."""
    day = document.issued_at or timezone.localdate()
    document.issuer_unit = resolve_unit(document.issuer, on=day) if document.issuer else None
    province = province_of(document.issuer_unit)
    recipients = {
        unit.pk: unit
        for name in document.recipients
        if (unit := resolve_unit(name.rstrip(";.,"), on=day, within=province)) is not None
    }
    document.recipient_units.set(list(recipients.values()))


def _clip(field: str, value: str | None, model: type[models.Model] = Document) -> str:
    """Cut a parsed value to its column: a garbled document must not make PostgreSQL refuse."""
    max_length = model._meta.get_field(field).max_length
    return (value or "")[:max_length]


def _compatible(document: Document, year: int | None, issuer_fold: str) -> bool:
    return (document.year is None or year is None or document.year == year) and (
        not issuer_matters(document.key) or issuers_compatible(document.issuer_fold, issuer_fold)
    )


def _find_document(
    key: str, issued_at: dt.date | None, issuer_fold: str, *, for_update: bool = False
) -> Document | None:
    """Return the one document that this (key, date, issuer) can denote, if it is unambiguous."""
    queryset = Document.objects.filter(key=key)
    if for_update:
        queryset = queryset.select_for_update()
    year = document_year(key, issued_at)
    candidates = [doc for doc in queryset if _compatible(doc, year, issuer_fold)]
    if len(candidates) <= 1:
        return candidates[0] if candidates else None
    # Several fit: prefer the registered one, then the one that agrees on both year and issuer.
    exact = [doc for doc in candidates if doc.year == year and doc.issuer_fold == issuer_fold] or [
        doc for doc in candidates if doc.status == Document.Status.REGISTERED
    ]
    return exact[0] if len(exact) == 1 else None


def _absorb_references(
    document: Document, key: str, issued_at: dt.date | None, issuer_fold: str, identity: str
) -> Document:
    """Fold every reference-only node that denotes this document into it.

    A plan cited as "Kế hoạch 277/KH-UBND" (no date) and as "Kế hoạch số 277/KH-UBND ngày …"
    may have produced two reference nodes; when the plan itself arrives, both become it.
    """
    year = document_year(key, issued_at)
    nodes = [
        node
        for node in Document.objects.select_for_update().filter(
            key=key, status=Document.Status.REFERENCED
        )
        if node.pk != document.pk and _compatible(node, year, issuer_fold)
    ]
    if not nodes:
        return document
    if document.pk is None:
        # Adopt the first node as this document; its citations stay linked to it.
        document = nodes.pop(0)
    for node in nodes:
        Citation.objects.filter(cited=node).update(cited_id=document.pk)
        search.unindex_document(node.pk)
        node.delete()
    document.identity = identity
    return document


def _link_citations(document: Document, citations: tuple[ParsedCitation, ...]) -> None:
    """Replace the document's citations with those of its current text, resolving each key."""
    Citation.objects.filter(citing=document).delete()
    by_key: dict[str, list[ParsedCitation]] = defaultdict(list)
    for citation in citations:
        if citation.key:
            by_key[_clip("key", citation.key)].append(citation)
    rows: list[Citation] = []
    for key, occurrences in by_key.items():
        # The first occurrence usually carries the date and issuer ("Kết luận số 57-KL/TW ngày
        # 15 tháng 6 năm 2023 của Bộ Chính trị"); later ones repeat the bare number.
        issued_at = next((c.issued_at for c in occurrences if c.issued_at), None)
        issuer = next((c.issuer for c in occurrences if c.issuer), None)
        doc_type = next((c.doc_type for c in occurrences if c.doc_type), None)
        cited = _cited_document(key, issued_at, issuer, doc_type, occurrences[0].number)
        if cited.pk == document.pk:
            continue
        rows.extend(
            Citation(
                citing=document,
                cited=cited,
                raw_text=c.text,
                start=c.start,
                end=c.end,
                key=_clip("key", key, Citation),
                doc_type=_clip("doc_type", c.doc_type, Citation),
                number=_clip("number", c.number, Citation),
                issued_at=c.issued_at,
                issuer=_clip("issuer", c.issuer, Citation),
            )
            for c in occurrences
        )
    Citation.objects.bulk_create(rows)


def _cited_document(
    key: str,
    issued_at: dt.date | None,
    issuer: str | None,
    doc_type: str | None,
    number: str | None,
) -> Document:
    issuer_fold = fold_issuer(issuer)
    found = _find_document(key, issued_at, issuer_fold)
    if found is not None:
        if found.status == Document.Status.REFERENCED:
            _complete_reference(found, issued_at, issuer, issuer_fold, doc_type)
        return found
    identity = document_identity(key=key, issued_at=issued_at, issuer_fold=issuer_fold)
    node, created = Document.objects.get_or_create(
        identity=identity,
        defaults={
            "status": Document.Status.REFERENCED,
            "kind": Document.Kind.ADMINISTRATIVE,
            "doc_type": _clip("doc_type", doc_type),
            "number": _clip("number", number or key),
            "key": key,
            "issued_at": issued_at,
            "year": document_year(key, issued_at),
            "party_term": party_term(key, issued_at),
            "issuer": _clip("issuer", issuer),
            "issuer_fold": _clip("issuer_fold", issuer_fold),
        },
    )
    if created:
        node.search_text = search.search_text_of(node.doc_type, node.number, node.issuer)
        node.save(update_fields=["search_text"])
        search.index_document(node)
    return node


def _complete_reference(
    node: Document,
    issued_at: dt.date | None,
    issuer: str | None,
    issuer_fold: str,
    doc_type: str | None,
) -> None:
    """Fill what a later citation tells about a reference-only node (its date, its issuer)."""
    changed = False
    if node.issued_at is None and issued_at is not None:
        node.issued_at = issued_at
        node.year = document_year(node.key, issued_at)
        node.party_term = party_term(node.key, issued_at)
        changed = True
    if not node.issuer and issuer:
        node.issuer = _clip("issuer", issuer)
        node.issuer_fold = _clip("issuer_fold", issuer_fold)
        changed = True
    if not node.doc_type and doc_type:
        node.doc_type = _clip("doc_type", doc_type)
        changed = True
    if not changed:
        return
    identity = document_identity(
        key=node.key, issued_at=node.issued_at, issuer_fold=node.issuer_fold
    )
    if not Document.objects.filter(identity=identity).exclude(pk=node.pk).exists():
        node.identity = identity
    node.search_text = search.search_text_of(node.doc_type, node.number, node.issuer)
    node.save()
    search.index_document(node)
