from __future__ import annotations

import datetime as dt

import pytest

from ttdn.core.models import AuditEntry
from ttdn.orgs.models import OrgUnit
from ttdn.orgs.services import LineageError, grant_role, record_lineage_event, save_unit

pytestmark = pytest.mark.django_db


def unit(code, **extra):
    return save_unit(
        code=code, name=extra.pop("name", code.title()), kind="department", actor=None, **extra
    )


def test_merge_ends_the_units_before_and_keeps_their_names():
    a, b = unit("a", name="Sở A"), unit("b", name="Sở B")
    merged = unit("ab", name="Sở AB", valid_from=dt.date(2025, 7, 1))

    record_lineage_event(
        kind="merge",
        effective_on=dt.date(2025, 7, 1),
        predecessors=[a, b],
        successors=[merged],
        actor=None,
    )

    a.refresh_from_db()
    assert a.valid_to == dt.date(2025, 6, 30)
    assert a.name == "Sở A"


def test_event_that_contradicts_recorded_history_is_refused():
    a = unit("a", valid_to=dt.date(2024, 12, 31))
    b = unit("b")
    after = unit("ab", valid_from=dt.date(2025, 7, 1))

    with pytest.raises(LineageError):
        record_lineage_event(
            kind="merge",
            effective_on=dt.date(2025, 7, 1),
            predecessors=[a, b],
            successors=[after],
            actor=None,
        )
    b.refresh_from_db()
    assert b.valid_to is None  # nothing half-recorded


def test_event_shape_must_fit_its_kind():
    a = unit("a")
    after = unit("a2", valid_from=dt.date(2025, 7, 1))
    with pytest.raises(LineageError):
        record_lineage_event(
            kind="merge",
            effective_on=dt.date(2025, 7, 1),
            predecessors=[a],
            successors=[after],
            actor=None,
        )


def test_changes_to_units_and_roles_are_audited(django_user_model):
    admin = django_user_model.objects.create_user("admin", password="x")
    officer = django_user_model.objects.create_user("officer", password="x")

    created = save_unit(code="a", name="Sở A", kind="department", actor=admin)
    save_unit(code="a", name="Sở A mới", kind="department", actor=admin)
    grant_role(user=officer, unit=created, role="unit_officer", actor=admin)

    entries = list(AuditEntry.objects.order_by("id").values_list("action", "actor__username"))
    assert entries == [
        ("create_unit", "admin"),
        ("update_unit", "admin"),
        ("grant_role", "admin"),
    ]
    update = AuditEntry.objects.get(action="update_unit")
    assert update.changes["before"]["name"] == "Sở A"
    assert update.changes["after"]["name"] == "Sở A mới"


def test_saving_a_unit_unchanged_is_not_audited():
    save_unit(code="a", name="Sở A", kind="department", actor=None)
    save_unit(code="a", name="Sở A", kind="department", actor=None)
    assert AuditEntry.objects.count() == 1


def test_aliases_follow_name_and_short_name():
    created = save_unit(
        code="tttt",
        name="Sở Thông tin và Truyền thông",
        short_name="Sở TT&TT",
        kind="department",
        actor=None,
        aliases=["Sở TTTT"],
    )
    # "Sở TT&TT" and "Sở TTTT" expand to the full name: one alias stands for all three.
    assert list(created.aliases.values_list("name", flat=True)) == ["Sở Thông tin và Truyền thông"]
    assert OrgUnit.objects.count() == 1
