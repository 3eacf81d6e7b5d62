"""Reads of the organisation tree, on a date: units, lineage, name resolution."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from ttdn.core.exceptions import NotFound
from ttdn.orgs.models import CoordinatorTerm, OrgUnit, OrgUnitAlias, OrgUnitEvent
from ttdn.orgs.naming import name_key


def valid_on(day: dt.date, prefix: str = "") -> Q:
    """Return the condition "valid on ``day``" for a model with valid_from / valid_to."""
    return (Q(**{f"{prefix}valid_from__isnull": True}) | Q(**{f"{prefix}valid_from__lte": day})) & (
        Q(**{f"{prefix}valid_to__isnull": True}) | Q(**{f"{prefix}valid_to__gte": day})
    )


def units_on(day: dt.date) -> QuerySet[OrgUnit]:
    """Return the units that existed on ``day``."""
    return OrgUnit.objects.filter(valid_on(day))


def units_during(start: dt.date, end: dt.date) -> QuerySet[OrgUnit]:
    """Return the units that existed on at least one day of [start, end]."""
    return OrgUnit.objects.filter(
        (Q(valid_from__isnull=True) | Q(valid_from__lte=end))
        & (Q(valid_to__isnull=True) | Q(valid_to__gte=start))
    )


def access_unit(code: str) -> OrgUnit:
    unit = OrgUnit.objects.select_related("parent").filter(code=code).first()
    if unit is None:
        raise NotFound(_("Không tìm thấy đơn vị."))
    return unit


def successors_on(unit: OrgUnit, day: dt.date) -> list[OrgUnit]:
    """Return the unit(s) that carry ``unit`` on ``day``, following lineage events forward.

    "UBND huyện Trảng Bom" on 1/8/2025 gives the communes that replaced the district; a unit
    still in existence on ``day`` is its own successor. A unit that ended with no event has none.
    """
    result: dict[int, OrgUnit] = {}
    seen: set[int] = set()
    frontier = [unit]
    while frontier:
        current = frontier.pop()
        if current.pk in seen:
            continue
        seen.add(current.pk)
        if current.exists_on(day):
            result[current.pk] = current
            continue
        events = OrgUnitEvent.objects.filter(
            predecessors=current, effective_on__lte=day
        ).prefetch_related("successors")
        for event in events:
            frontier.extend(event.successors.all())
    return sorted(result.values(), key=lambda u: u.name)


def predecessors_of(unit: OrgUnit) -> list[OrgUnit]:
    """Return every unit that ``unit`` continues, transitively (the Đồng Nai before 2025 …)."""
    result: dict[int, OrgUnit] = {}
    frontier = [unit]
    while frontier:
        current = frontier.pop()
        for event in OrgUnitEvent.objects.filter(successors=current).prefetch_related(
            "predecessors"
        ):
            for before in event.predecessors.all():
                if before.pk not in result and before.pk != unit.pk:
                    result[before.pk] = before
                    frontier.append(before)
    return sorted(result.values(), key=lambda u: (u.valid_to or dt.date.max, u.name))


@dataclass(frozen=True)
class LineageStep:
    event: OrgUnitEvent
    direction: str  # "before" (this unit came from) or "after" (this unit went into)
    units: list[OrgUnit]


def lineage_of(unit: OrgUnit) -> list[LineageStep]:
    """Return the events that began and ended this unit record, with the units on the far side."""
    before = OrgUnitEvent.objects.filter(successors=unit).prefetch_related("predecessors")
    after = OrgUnitEvent.objects.filter(predecessors=unit).prefetch_related("successors")
    return [
        *(LineageStep(event, "before", list(event.predecessors.all())) for event in before),
        *(LineageStep(event, "after", list(event.successors.all())) for event in after),
    ]


def descendants_of(units: Iterable[OrgUnit], *, on: dt.date | None = None) -> set[int]:
    """Return the ids of the given units and everything under them (on a date, or ever)."""
    ids = {unit.pk for unit in units}
    frontier = set(ids)
    base = OrgUnit.objects.all() if on is None else units_on(on)
    while frontier:
        children = set(base.filter(parent_id__in=frontier).values_list("pk", flat=True)) - ids
        ids |= children
        frontier = children
    return ids


@dataclass
class TreeNode:
    unit: OrgUnit
    children: list[TreeNode] = field(default_factory=list)


def tree_on(day: dt.date) -> list[TreeNode]:
    """Return the organisation tree as it was on ``day`` (roots first, children by name)."""
    units = list(units_on(day).order_by("name"))
    nodes = {unit.pk: TreeNode(unit) for unit in units}
    roots: list[TreeNode] = []
    for unit in units:
        parent = nodes.get(unit.parent_id) if unit.parent_id else None
        (parent.children if parent else roots).append(nodes[unit.pk])
    kind_order = {kind: index for index, kind in enumerate(OrgUnit.Kind.values)}
    roots.sort(key=lambda node: (kind_order[node.unit.kind], node.unit.name))
    return roots


def resolve_unit(name: str, *, on: dt.date, within: OrgUnit | None = None) -> OrgUnit | None:
    """Return the unit that bore ``name`` on ``on``, or None when unknown or ambiguous.

    Any alias, any case, with or without diacritics, with "tỉnh" or without. When several units
    bore the name (every province has a "UBND tỉnh"), ``within`` (a province) decides.
    """
    key = name_key(name)
    if not key:
        return None
    candidates = list(
        units_on(on).filter(aliases__name_key=key).distinct().select_related("parent")
    )
    if len(candidates) > 1 and within is not None:
        scope = province_scope(within)
        candidates = [unit for unit in candidates if unit.pk in scope]
    return candidates[0] if len(candidates) == 1 else None


def province_scope(province: OrgUnit) -> set[int]:
    """Return the ids of a province's units, its predecessors' included (history stays visible)."""
    return descendants_of([province, *predecessors_of(province)])


def coordinator_on(province: OrgUnit, day: dt.date) -> OrgUnit | None:
    """Return the unit holding the coordinating role (cơ quan đầu mối TTĐN) on ``day``."""
    provinces = [province, *predecessors_of(province)]
    term = (
        CoordinatorTerm.objects.filter(valid_on(day), province__in=provinces)
        .select_related("unit")
        .first()
    )
    return term.unit if term else None


def aliases_by_unit(units: Iterable[OrgUnit]) -> dict[int, list[str]]:
    result: dict[int, list[str]] = {}
    for alias in OrgUnitAlias.objects.filter(unit__in=list(units)).order_by("name"):
        result.setdefault(alias.unit_id, []).append(alias.name)
    return result


def province_of(unit: OrgUnit | None) -> OrgUnit | None:
    """Return the province a unit belongs to (itself for a province), or None."""
    seen: set[int] = set()
    while unit is not None and unit.pk not in seen:
        if unit.kind == OrgUnit.Kind.PROVINCE:
            return unit
        seen.add(unit.pk)
        unit = unit.parent
    return None
