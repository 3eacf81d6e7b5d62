from __future__ import annotations

import datetime as dt

import pytest

from tests.plans.builders import make_plan
from ttdn.plans import services
from ttdn.plans.selectors import PlanProgress, plan_board, plan_progress_for_window

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(org):
    a, b = org["unit_a"], org["unit_b"]
    plan = make_plan(
        org,
        [
            ("Đúng hạn", [a], dt.date(2024, 9, 30), []),
            ("Trễ hạn", [a], dt.date(2024, 9, 30), []),
            ("Quá hạn", [b], dt.date(2024, 10, 31), [a]),
            ("Trong hạn", [b], dt.date(2024, 12, 31), []),
            ("Hủy", [b], None, []),
        ],
    )
    tasks = {task.text: task for task in plan.tasks.all()}
    for text, day, status in [
        ("Đúng hạn", dt.date(2024, 9, 30), "done"),
        ("Trễ hạn", dt.date(2024, 10, 5), "done"),
        ("Hủy", dt.date(2024, 9, 1), "cancelled"),
    ]:
        services.update_assignment(
            assignment=tasks[text].lead[0], status=status, note="", actor=None, today=day
        )
    return plan


def test_progress_counts_each_task_by_its_deadline_status(plan):
    assert plan_progress_for_window(
        start=dt.date(2024, 7, 1), end=dt.date(2024, 12, 31), on=dt.date(2024, 11, 15)
    ) == [
        PlanProgress(
            plan_id=plan.pk,
            number="281/KH-UBND",
            issued_at=dt.date(2024, 8, 21),
            title="Thông tin đối ngoại năm 2024",
            total=5,
            done_on_time=1,
            done_late=1,
            pending_within_deadline=1,
            overdue=1,
            cancelled=1,
        )
    ]


def test_plans_not_in_force_in_the_window_are_left_out(plan):
    assert (
        plan_progress_for_window(
            start=dt.date(2025, 1, 1), end=dt.date(2025, 6, 30), on=dt.date(2025, 6, 30)
        )
        == []
    )


def test_board_lists_overdue_first_and_an_officer_sees_only_their_unit(org, plan):
    on = dt.date(2024, 11, 15)
    board = plan_board(plan, user=org["users"]["coordinator"], on=on)
    assert [task.text for task, _status in board.tasks][:2] == ["Quá hạn", "Trong hạn"]
    assert board.overall.percent == 50  # 2 of the 4 tasks that count
    units = {group.unit: group for group in board.units}
    assert units[org["unit_a"]].progress.done == 2
    assert units[org["unit_a"]].rows[0].assignment.task.text == "Quá hạn"

    mine = plan_board(plan, user=org["users"]["officer_b"], on=on)
    assert [group.unit for group in mine.units] == [org["unit_b"]]
