"""The four-way deadline status around the deadline day (pure: no database)."""

from __future__ import annotations

import datetime as dt

import pytest

from ttdn.plans.deadlines import DeadlineStatus as S
from ttdn.plans.deadlines import combined_status, deadline_status

DUE = dt.date(2024, 12, 15)
DAY = dt.timedelta(days=1)


@pytest.mark.parametrize(
    ("status", "completed_on", "on", "expected"),
    [
        ("done", DUE - DAY, DUE + 30 * DAY, S.DONE_ON_TIME),
        ("done", DUE, DUE + DAY, S.DONE_ON_TIME),  # finished on the deadline day: on time
        ("done", DUE + DAY, DUE + DAY, S.DONE_LATE),
        ("in_progress", None, DUE, S.PENDING),  # the deadline day is still within it
        ("not_started", None, DUE - DAY, S.PENDING),
        ("in_progress", None, DUE + DAY, S.OVERDUE),
        ("not_started", None, DUE + DAY, S.OVERDUE),
        ("cancelled", None, DUE + DAY, S.CANCELLED),
    ],
)
def test_status_around_the_deadline_day(status, completed_on, on, expected):
    assert deadline_status(status=status, due=DUE, completed_on=completed_on, on=on) == expected


def test_a_completion_after_the_day_asked_about_did_not_exist_yet():
    done_late = {"status": "done", "due": DUE, "completed_on": DUE + 5 * DAY}
    assert deadline_status(**done_late, on=DUE - DAY) == S.PENDING
    assert deadline_status(**done_late, on=DUE + 2 * DAY) == S.OVERDUE
    assert deadline_status(**done_late, on=DUE + 5 * DAY) == S.DONE_LATE


def test_a_task_without_deadline_is_never_overdue():
    far = dt.date(2030, 1, 1)
    assert deadline_status(status="in_progress", due=None, completed_on=None, on=far) == S.PENDING
    assert deadline_status(status="done", due=None, completed_on=far, on=far) == S.DONE_ON_TIME


def test_the_worst_lead_unit_decides_a_shared_task():
    assert combined_status([S.DONE_ON_TIME, S.OVERDUE, S.PENDING]) == S.OVERDUE
    assert combined_status([S.DONE_ON_TIME, S.DONE_LATE]) == S.DONE_LATE
    assert combined_status([S.CANCELLED, S.DONE_ON_TIME]) == S.DONE_ON_TIME
    assert combined_status([S.CANCELLED]) == S.CANCELLED
