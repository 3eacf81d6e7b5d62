"""The demo's consolidated report: the draft of Đồng Nai's 6-month report for 2024, generated once."""

from __future__ import annotations

from ttdn.demo.reporting import TITLE
from ttdn.reporting.models import ReportRound
from ttdn.reports.services import request_report


def load_demo_reports() -> None:
    """Generate the 2024 round's draft if the demo has none yet (re-running keeps edits)."""
    report_round = ReportRound.objects.filter(title=TITLE.format(year=2024)).first()
    if report_round is None or report_round.consolidated_reports.exists():
        return
    request_report(report_round=report_round, actor=None, background=False)
