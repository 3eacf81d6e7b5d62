"""Stored files that must not outlive a failed write."""

from __future__ import annotations

from collections.abc import Iterable


def delete_stored_files(names: Iterable[str]) -> None:
    """Remove files written before a transaction that then failed.

    Storage is not transactional: a file saved inside ``transaction.atomic()`` stays on disk when
    the rows that name it roll back, so every service that stores files calls this on failure.
    """
    from django.core.files.storage import default_storage

    for name in names:
        default_storage.delete(name)
