"""The Government's four-way deadline status of a task, derived (pure: no Django).

A unit's part of a task is *done on time*, *done late*, *not done but within the deadline* or
*not done and overdue* (plus *cancelled*). The deadline day itself is still within the deadline:
a task due 15/12 and finished on 15/12 is on time; unfinished on 16/12 it is overdue.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from enum import StrEnum


class DeadlineStatus(StrEnum):
    DONE_ON_TIME = "done_on_time"
    DONE_LATE = "done_late"
    PENDING = "pending"  # not done, within the deadline (or no deadline)
    OVERDUE = "overdue"
    CANCELLED = "cancelled"


def deadline_status(
    *, status: str, due: dt.date | None, completed_on: dt.date | None, on: dt.date
) -> DeadlineStatus:
    """Return the deadline status of one unit's part of a task, as it stood on ``on``.

    ``status`` is the unit's own status ("not_started", "in_progress", "done", "cancelled");
    a completion recorded after ``on`` did not exist yet on that day.
    """
    if status == "cancelled":
        return DeadlineStatus.CANCELLED
    if status == "done" and (completed_on is None or completed_on <= on):
        if due is None or completed_on is None or completed_on <= due:
            return DeadlineStatus.DONE_ON_TIME
        return DeadlineStatus.DONE_LATE
    if due is not None and on > due:
        return DeadlineStatus.OVERDUE
    return DeadlineStatus.PENDING


# The worst part decides a task shared by several lead units (every commune must do it).
_SEVERITY = [
    DeadlineStatus.OVERDUE,
    DeadlineStatus.PENDING,
    DeadlineStatus.DONE_LATE,
    DeadlineStatus.DONE_ON_TIME,
]


def combined_status(parts: Iterable[DeadlineStatus]) -> DeadlineStatus:
    """Return the status of a task from its lead units' statuses: the worst one that counts."""
    counted = [part for part in parts if part != DeadlineStatus.CANCELLED]
    if not counted:
        return DeadlineStatus.CANCELLED
    return min(counted, key=_SEVERITY.index)
