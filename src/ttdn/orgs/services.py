"""Writes of the organisation tree and of roles; each records who made it in the audit log."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils.translation import gettext as _

from ttdn.core.audit import record_change
from ttdn.core.exceptions import DomainError
from ttdn.orgs.models import CoordinatorTerm, Membership, OrgUnit, OrgUnitAlias, OrgUnitEvent
from ttdn.orgs.naming import name_key

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser

    Actor = AbstractBaseUser | None


class LineageError(DomainError):
    """A lineage event that contradicts the units' dates or its own kind."""


def unit_snapshot(unit: OrgUnit) -> dict[str, object]:
    return {
        "code": unit.code,
        "name": unit.name,
        "short_name": unit.short_name,
        "kind": unit.kind,
        "parent": unit.parent.code if unit.parent else None,
        "admin_code": unit.admin_code,
        "valid_from": unit.valid_from.isoformat() if unit.valid_from else None,
        "valid_to": unit.valid_to.isoformat() if unit.valid_to else None,
    }


def _sync_aliases(unit: OrgUnit, aliases: Sequence[str]) -> None:
    """Make the unit's aliases its name, its short name and ``aliases`` (as documents write it)."""
    wanted: dict[str, str] = {}
    for alias in (unit.name, unit.short_name, *aliases):
        key = name_key(alias) if alias else ""
        if key and key not in wanted:
            wanted[key] = alias.strip()
    unit.aliases.exclude(name_key__in=list(wanted)).delete()
    existing = set(unit.aliases.values_list("name_key", flat=True))
    OrgUnitAlias.objects.bulk_create(
        OrgUnitAlias(unit=unit, name=name, name_key=key)
        for key, name in wanted.items()
        if key not in existing
    )


@transaction.atomic
def save_unit(
    *,
    code: str,
    name: str,
    kind: str,
    actor: Actor,
    short_name: str = "",
    parent: OrgUnit | None = None,
    admin_code: str = "",
    valid_from: dt.date | None = None,
    valid_to: dt.date | None = None,
    aliases: Sequence[str] = (),
) -> OrgUnit:
    """Create the unit with this code, or update it; keep its aliases in step."""
    if valid_from and valid_to and valid_to < valid_from:
        raise DomainError(_("Ngày kết thúc hiệu lực phải sau ngày bắt đầu."))
    if parent is not None and parent.code == code:
        raise DomainError(_("Một đơn vị không thể là cấp trên của chính nó."))
    unit = OrgUnit.objects.select_for_update().filter(code=code).first()
    before = unit_snapshot(unit) if unit else None
    if unit is None:
        unit = OrgUnit(code=code)
    unit.name, unit.short_name, unit.kind = name.strip(), short_name.strip(), kind
    unit.parent, unit.admin_code = parent, admin_code.strip()
    unit.valid_from, unit.valid_to = valid_from, valid_to
    unit.full_clean(exclude=["parent"], validate_unique=False)
    unit.save()
    _sync_aliases(unit, aliases)
    after = unit_snapshot(unit)
    if before != after:
        record_change(
            actor=actor,
            obj=unit,
            action="create_unit" if before is None else "update_unit",
            changes={"before": before, "after": after},
        )
    return unit


_EVENT_SHAPES = {
    # kind: (at least / exactly predecessors, successors)
    OrgUnitEvent.Kind.MERGE: ((2, None), (1, 1)),
    OrgUnitEvent.Kind.SPLIT: ((1, 1), (2, None)),
    OrgUnitEvent.Kind.RENAME: ((1, 1), (1, 1)),
    OrgUnitEvent.Kind.TRANSFER: ((1, 1), (1, 1)),
}


def _count_ok(count: int, shape: tuple[int, int | None]) -> bool:
    low, high = shape
    return count >= low and (high is None or count <= high)


@transaction.atomic
def record_lineage_event(
    *,
    kind: str,
    effective_on: dt.date,
    predecessors: Sequence[OrgUnit],
    successors: Sequence[OrgUnit],
    actor: Actor,
    note: str = "",
) -> OrgUnitEvent:
    """Record a merge, split, rename or transfer taking effect on ``effective_on``.

    The units before end the day before (their end date is set if still open); the units after
    must exist on that day. Dates already set must agree: history is recorded, never rewritten.
    """
    pred_shape, succ_shape = _EVENT_SHAPES[OrgUnitEvent.Kind(kind)]
    if not (_count_ok(len(predecessors), pred_shape) and _count_ok(len(successors), succ_shape)):
        raise LineageError(_("Số đơn vị trước và sau không phù hợp với loại sự kiện."))
    if {u.pk for u in predecessors} & {u.pk for u in successors}:
        raise LineageError(_("Một đơn vị không thể vừa ở trước vừa ở sau sự kiện."))
    last_day = effective_on - dt.timedelta(days=1)
    for unit in predecessors:
        if unit.valid_to not in (None, last_day):
            raise LineageError(
                _("%(unit)s đã kết thúc ngày %(day)s, không khớp ngày hiệu lực của sự kiện.")
                % {"unit": unit, "day": unit.valid_to.strftime("%d/%m/%Y")}
            )
        if unit.valid_from and unit.valid_from > last_day:
            raise LineageError(_("%(unit)s chưa tồn tại trước ngày hiệu lực.") % {"unit": unit})
        if unit.valid_to is None:
            unit.valid_to = last_day
            unit.save(update_fields=["valid_to", "updated_at"])
    for unit in successors:
        # A successor may be new (begins that day) or an existing unit that absorbs others
        # (Bộ Khoa học và Công nghệ taking in Bộ Thông tin và Truyền thông): it must exist then.
        if not unit.exists_on(effective_on):
            raise LineageError(
                _("%(unit)s không tồn tại vào ngày hiệu lực %(day)s.")
                % {"unit": unit, "day": effective_on.strftime("%d/%m/%Y")}
            )
    event = OrgUnitEvent.objects.create(kind=kind, effective_on=effective_on, note=note)
    event.predecessors.set(predecessors)
    event.successors.set(successors)
    record_change(
        actor=actor,
        obj=event,
        action="record_lineage_event",
        changes={
            "kind": kind,
            "effective_on": effective_on.isoformat(),
            "predecessors": [u.code for u in predecessors],
            "successors": [u.code for u in successors],
        },
    )
    return event


@transaction.atomic
def assign_coordinator(
    *,
    province: OrgUnit,
    unit: OrgUnit,
    valid_from: dt.date | None,
    valid_to: dt.date | None = None,
    actor: Actor,
) -> CoordinatorTerm:
    """Give ``unit`` the coordinating role of ``province`` for a period (no overlaps)."""
    overlapping = CoordinatorTerm.objects.filter(province=province)
    if valid_to is not None:
        overlapping = overlapping.exclude(valid_from__gt=valid_to)
    if valid_from is not None:
        overlapping = overlapping.exclude(valid_to__lt=valid_from)
    if overlapping.exists():
        raise DomainError(_("Thời gian giữ vai trò đầu mối bị trùng với một đơn vị khác."))
    term = CoordinatorTerm.objects.create(
        province=province, unit=unit, valid_from=valid_from, valid_to=valid_to
    )
    record_change(
        actor=actor,
        obj=term,
        action="assign_coordinator",
        changes={"province": province.code, "unit": unit.code},
    )
    return term


@transaction.atomic
def grant_role(*, user: AbstractBaseUser, unit: OrgUnit, role: str, actor: Actor) -> Membership:
    membership, created = Membership.objects.get_or_create(user=user, unit=unit, role=role)
    if created:
        record_change(
            actor=actor,
            obj=membership,
            action="grant_role",
            changes={"user": user.get_username(), "unit": unit.code, "role": role},
        )
    return membership


@transaction.atomic
def revoke_role(*, membership: Membership, actor: Actor) -> None:
    record_change(
        actor=actor,
        obj=membership,
        action="revoke_role",
        changes={
            "user": membership.user.get_username(),
            "unit": membership.unit.code,
            "role": membership.role,
        },
    )
    membership.delete()
