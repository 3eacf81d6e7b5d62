"""The audit log: every service that changes units, users or roles records who did it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ttdn.core.models import AuditEntry

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
    from django.db.models import Model


def record_change(
    *,
    actor: AbstractBaseUser | AnonymousUser | None,
    obj: Model,
    action: str,
    changes: dict[str, Any] | None = None,
) -> AuditEntry:
    """Append an entry to the audit log (call inside the service's transaction)."""
    return AuditEntry.objects.create(
        actor=actor if actor is not None and actor.is_authenticated else None,
        action=action,
        object_type=obj._meta.label_lower,
        object_id=str(obj.pk),
        object_repr=str(obj)[:255],
        changes=changes or {},
    )
