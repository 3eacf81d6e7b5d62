"""The demo plans that `ttdn demo` loads: 262/KH-UBND (2024) and 281/KH-UBND, reviewed, partly done."""

from __future__ import annotations

import datetime as dt

import pytest

from ttdn.demo.management.commands.demo import load_demo_documents
from ttdn.demo.organisation import load_demo_organisation
from ttdn.demo.plans import load_demo_plans
from ttdn.demo.reporting import load_demo_reporting
from ttdn.plans.deadlines import DeadlineStatus as S
from ttdn.plans.models import Evidence, Plan
from ttdn.plans.selectors import tasks_to_reassign

pytestmark = pytest.mark.django_db


def test_demo_plan_has_done_late_and_overdue_tasks_and_districts_to_reassign():
    units = load_demo_organisation()
    load_demo_documents()
    load_demo_reporting(units)
    plan_2024, plan = load_demo_plans(units)

    assert str(plan_2024) == "Kế hoạch 262/KH-UBND"
    assert plan_2024.ends_on == dt.date(2024, 12, 31)
    assert str(plan) == "Kế hoạch 281/KH-UBND"
    assert plan.ends_on == dt.date(2030, 12, 31)  # "đến năm 2030" in the title
    on = dt.date(2026, 1, 15)
    statuses = {task.status_on(on) for task in plan.tasks.prefetch_related("assignments")}
    assert {S.DONE_ON_TIME, S.DONE_LATE, S.OVERDUE, S.PENDING} <= statuses
    assert Evidence.objects.filter(activity__isnull=False).exists()
    assert Evidence.objects.filter(document__isnull=False).exists()
    ended = {row.assignment.unit.code for row in tasks_to_reassign(province=None, on=on)}
    assert {"bien-hoa", "trang-bom", "long-khanh"} <= ended

    # The 2024 plan has ended: its districts' open tasks are not handed on.
    assert {row.assignment.task.plan for row in tasks_to_reassign(province=None, on=on)} == {plan}

    assert load_demo_plans(units) == []  # a second run leaves them alone
    assert Plan.objects.count() == 2


def test_demo_coordinator_reassigns_an_ended_districts_task_in_one_click(client):
    from django.contrib.auth import get_user_model
    from django.urls import reverse

    from ttdn.demo.management.commands.demo import ensure_demo_accounts
    from ttdn.plans.models import TaskAssignment

    units = load_demo_organisation()
    load_demo_documents()
    load_demo_reporting(units)
    load_demo_plans(units)
    ensure_demo_accounts(units)
    client.force_login(get_user_model().objects.get(username="daumoi"))

    page = client.get(reverse("plans:reassign_list")).content.decode()
    assert "Ủy ban nhân dân thành phố Biên Hòa" in page or "Biên Hòa" in page
    row = next(
        r
        for r in tasks_to_reassign(province=None, on=dt.date.today())
        if r.assignment.unit.code == "bien-hoa"
    )
    assert row.successors
    response = client.post(
        reverse("plans:assignment_reassign", args=[row.assignment.pk]),
        {"units": [unit.pk for unit in row.successors]},
    )

    assert response.status_code == 302
    row.assignment.refresh_from_db()
    assert row.assignment.status == "cancelled"
    taken = TaskAssignment.objects.filter(reassigned_from=row.assignment)
    assert {a.unit for a in taken} == set(row.successors)
