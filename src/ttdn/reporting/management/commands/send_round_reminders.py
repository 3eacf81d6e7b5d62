"""``ttdn send_round_reminders``: queue reminders for rounds due soon (run daily, e.g. by cron)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from ttdn.reporting import services, tasks


class Command(BaseCommand):
    help = "Nhắc các đơn vị chưa gửi báo cáo / Remind units that have not reported."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--days",
            type=int,
            default=3,
            help="remind this many days before the deadline (and after it)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        rounds = services.rounds_due_for_reminder(
            today=timezone.localdate(), days_before=options["days"]
        )
        for report_round in rounds:
            tasks.send_round_reminders.enqueue(round_id=report_round.pk)
        self.stdout.write(f"Đã xếp lịch nhắc cho {len(rounds)} đợt báo cáo / rounds queued.")
