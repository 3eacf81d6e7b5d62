"""Who may do what: the only place these rules live.

Views, forms, commands and (later) API endpoints ask these functions; templates never decide.
- administrator: everything, including the organisation tree, users and roles;
- coordinator (held for a province): reads and writes the data of every unit of the province,
  its predecessors' units included;
- unit officer (held for one unit): reads and writes only that unit's data, and that of the
  units it continues (the officer of the merged press agency corrects what its predecessors
  reported);
- viewer (a province or a unit): reads that scope, never writes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ttdn.orgs.models import Membership, OrgUnit
from ttdn.orgs.selectors import descendants_of, predecessors_of, province_scope

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

    User = AbstractBaseUser | AnonymousUser

Role = Membership.Role


def _memberships(user: User) -> list[Membership]:
    if not user.is_authenticated:
        return []
    cached: list[Membership] | None = getattr(user, "_ttdn_memberships", None)
    if cached is None:
        cached = list(Membership.objects.filter(user=user).select_related("unit"))
        user._ttdn_memberships = cached  # type: ignore[union-attr]  # per-request cache
    return cached


def roles_of(user: User) -> set[str]:
    return {membership.role for membership in _memberships(user)}


def is_administrator(user: User) -> bool:
    return bool(
        user.is_authenticated
        and (getattr(user, "is_superuser", False) or Role.ADMINISTRATOR in roles_of(user))
    )


def visible_unit_ids(user: User) -> set[int] | None:
    """Return the ids of the units whose data the user may read; None means all units."""
    if is_administrator(user):
        return None
    ids: set[int] = set()
    for membership in _memberships(user):
        if membership.role == Role.COORDINATOR or (
            membership.role == Role.VIEWER and membership.unit.kind == OrgUnit.Kind.PROVINCE
        ):
            ids |= province_scope(membership.unit)
        elif membership.role == Role.VIEWER:
            ids |= descendants_of([membership.unit])
        elif membership.role == Role.UNIT_OFFICER:
            ids |= _unit_and_predecessors(membership.unit)
    return ids


def _unit_and_predecessors(unit: OrgUnit) -> set[int]:
    return {unit.pk, *(before.pk for before in predecessors_of(unit))}


def editable_unit_ids(user: User) -> set[int] | None:
    """Return the ids of the units whose data the user may change; None means all units."""
    if is_administrator(user):
        return None
    ids: set[int] = set()
    for membership in _memberships(user):
        if membership.role == Role.COORDINATOR:
            ids |= province_scope(membership.unit)
        elif membership.role == Role.UNIT_OFFICER:
            ids |= _unit_and_predecessors(membership.unit)
    return ids


def can_view_unit_data(user: User, unit: OrgUnit) -> bool:
    ids = visible_unit_ids(user)
    return ids is None or unit.pk in ids


def can_edit_unit_data(user: User, unit: OrgUnit) -> bool:
    ids = editable_unit_ids(user)
    return ids is None or unit.pk in ids


def can_manage_organisation(user: User) -> bool:
    """Change the tree, import it, manage users and roles."""
    return is_administrator(user)


def can_export_organisation(user: User) -> bool:
    return is_administrator(user) or Role.COORDINATOR in roles_of(user)


def writes_anything(user: User) -> bool:
    """Tell whether the user holds any role that writes (cheap: no tree walk)."""
    if not user.is_authenticated:
        return False
    return is_administrator(user) or bool(roles_of(user) - {Role.VIEWER})


def can_upload_documents(user: User) -> bool:
    """Add documents to the registry: anyone signed in who is not only a viewer."""
    return writes_anything(user)


def can_log_activities(user: User) -> bool:
    """Keep an activity log: administrators, coordinators and unit officers."""
    return writes_anything(user)


def can_read_audit_log(user: User) -> bool:
    return is_administrator(user)


def can_review_unit_data(user: User, unit: OrgUnit) -> bool:
    """Approve, return or reopen a unit's report: the coordinator of its province."""
    if is_administrator(user):
        return True
    return any(
        membership.role == Role.COORDINATOR and unit.pk in province_scope(membership.unit)
        for membership in _memberships(user)
    )


def can_manage_rounds(user: User) -> bool:
    """Open reporting rounds and import values: coordinators and administrators."""
    return is_administrator(user) or Role.COORDINATOR in roles_of(user)


def provinces_coordinated(user: User) -> list[OrgUnit]:
    """Return the provinces whose rounds this user runs (all provinces for an administrator)."""
    if is_administrator(user):
        return list(OrgUnit.objects.filter(kind=OrgUnit.Kind.PROVINCE))
    return [m.unit for m in _memberships(user) if m.role == Role.COORDINATOR]


# Plans and tasks (issue #5) -------------------------------------------------------------------


def can_manage_plans(user: User) -> bool:
    """Create plans from documents and reassign tasks: coordinators and administrators."""
    return is_administrator(user) or Role.COORDINATOR in roles_of(user)


def can_manage_plan(user: User, province: OrgUnit) -> bool:
    """Edit a province's plans, review its proposals, reassign its tasks: its coordinator."""
    return can_review_unit_data(user, province)


# Consolidated reports (ttdn.reports) ---------------------------------------------------------


def can_compile_reports(user: User, province: OrgUnit) -> bool:
    """Generate, edit and store a province's consolidated report: its coordinator."""
    return can_review_unit_data(user, province)


def can_read_reports(user: User) -> bool:
    """Open the consolidated reports' pages (role check only; rounds are filtered by scope)."""
    return is_administrator(user) or bool(roles_of(user) & {Role.COORDINATOR, Role.VIEWER})


# Reports read into submissions (issue #6) -------------------------------------------------


def can_import_past_reports(user: User) -> bool:
    """Import a folder of past reports into historical rounds: coordinators and administrators."""
    return can_manage_rounds(user)


# Press monitoring (ttdn.press) ---------------------------------------------------------------


def can_read_press(user: User) -> bool:
    """Read the article stream, sources and attention charts: every signed-in role."""
    return bool(user.is_authenticated)


def can_manage_press_sources(user: User) -> bool:
    """Add sources, import saved pages and feed files: coordinators and administrators."""
    return is_administrator(user) or Role.COORDINATOR in roles_of(user)


def can_act_on_press(user: User) -> bool:
    """Flag articles, confirm their tone, open responses for one's own unit: any writing role."""
    return writes_anything(user)
