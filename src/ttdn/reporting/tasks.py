"""Background work of the reporting core (django-tasks; `ttdn db_worker` runs it)."""

from __future__ import annotations

from django.utils import timezone
from django_tasks import task

from ttdn.reporting import services
from ttdn.reporting.models import ReportRound


@task()
def send_round_reminders(round_id: int) -> int:
    """Remind the units of one round that have not reported; return how many were reminded."""
    report_round = ReportRound.objects.get(pk=round_id)
    return services.send_round_reminders(report_round=report_round, today=timezone.localdate())


@task()
def import_past_report_batch(batch_id: int) -> str:
    """Read the files of a past-report batch one by one; return the batch's final status."""
    from ttdn.reporting import prefill
    from ttdn.reporting.models import PastReportBatch

    batch = PastReportBatch.objects.select_related("province", "created_by").get(pk=batch_id)
    return prefill.run_past_report_batch(batch=batch).status
