"""Background generation of consolidated reports (django-tasks; `ttdn db_worker` runs it)."""

from __future__ import annotations

from django_tasks import task

from ttdn.reports import services
from ttdn.reports.models import ConsolidatedReport


@task()
def generate_report_task(report_id: int) -> str:
    """Generate a queued report; return its final status."""
    report = ConsolidatedReport.objects.select_related("round", "round__province").get(pk=report_id)
    return services.generate_report(report=report).status
