"""``ttdn poll_sources``: queue a poll of every source that is due (run every few minutes)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from ttdn.press import services
from ttdn.press.models import Source


class Command(BaseCommand):
    help = "Xếp lịch lấy tin các nguồn đến hạn / Queue polls of the sources that are due."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--now", action="store_true", help="poll here and now instead of queueing tasks"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["now"]:
            from django.utils import timezone

            for source in services.sources_due(now=timezone.now()):
                result = services.poll_source(source=Source.objects.get(pk=source.pk))
                state = "OK" if result.ok else "LỖI / ERROR"
                self.stdout.write(
                    f"{source.name}: {state} · {result.new} mới / new, {result.copies} "
                    f"đăng lại / copies, {result.duplicates} đã có / seen"
                    + (f"\n  {result.error}" if result.error else "")
                )
            return
        queued = services.queue_due_sources()
        quiet = services.check_quiet_sources()
        self.stdout.write(
            f"Đã xếp lịch lấy tin {queued} nguồn / sources queued; "
            f"{quiet} cảnh báo nguồn im lặng / quiet-source alerts."
        )
