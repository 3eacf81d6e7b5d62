"""Background work of the plans app (django-tasks; `ttdn db_worker` runs it)."""

from __future__ import annotations

from django.utils import timezone
from django_tasks import task

from ttdn.orgs.models import OrgUnit
from ttdn.plans import services


@task()
def send_task_reminders(unit_id: int, days_before: int) -> int:
    """Remind one unit of its tasks due soon or overdue; return how many tasks were listed."""
    unit = OrgUnit.objects.get(pk=unit_id)
    return services.send_task_reminders(
        unit=unit, today=timezone.localdate(), days_before=days_before
    )
