from __future__ import annotations

from django import template

from ttdn.plans.deadlines import DeadlineStatus
from ttdn.plans.selectors import status_label as _label

register = template.Library()

# The shared stylesheet's status colours: green done, yellow late, blue open, red overdue.
_CSS = {
    DeadlineStatus.DONE_ON_TIME: "approved",
    DeadlineStatus.DONE_LATE: "late",
    DeadlineStatus.PENDING: "submitted",
    DeadlineStatus.OVERDUE: "missing",
    DeadlineStatus.CANCELLED: "",
}


@register.filter
def deadline_label(status: DeadlineStatus) -> str:
    return _label(DeadlineStatus(status))


@register.filter
def deadline_css(status: DeadlineStatus) -> str:
    return _CSS[DeadlineStatus(status)]
