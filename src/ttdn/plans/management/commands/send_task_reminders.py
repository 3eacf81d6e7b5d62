"""``ttdn send_task_reminders``: queue reminders of tasks due soon or overdue (run daily)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from ttdn.plans import services, tasks


class Command(BaseCommand):
    help = "Nhắc các đơn vị về nhiệm vụ sắp đến hạn, quá hạn / Remind units of tasks due."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--days",
            type=int,
            default=7,
            help="remind this many days before the due date (and every day once overdue)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        by_unit = services.assignments_due_for_reminder(
            today=timezone.localdate(), days_before=options["days"]
        )
        for unit_id in by_unit:
            tasks.send_task_reminders.enqueue(unit_id=unit_id, days_before=options["days"])
        self.stdout.write(
            f"Đã xếp lịch nhắc cho {len(by_unit)} đơn vị / units queued for task reminders."
        )
