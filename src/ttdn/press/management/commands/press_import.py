"""``ttdn press_import PATH...``: import saved article pages (HTML) or feed files (RSS/Atom)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from ttdn.press import services


class Command(BaseCommand):
    help = "Nhập tin, bài từ tệp HTML đã lưu hoặc RSS/Atom / Import saved pages or feed files."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", help="files or folders (*.html, *.xml, *.rss…)")

    def handle(self, *args: Any, **options: Any) -> None:
        paths: list[Path] = []
        for raw in options["paths"]:
            path = Path(raw)
            if path.is_dir():
                paths += sorted(p for p in path.rglob("*") if p.is_file())
            else:
                paths.append(path)
        reports = services.import_paths(paths=paths, actor=None)
        failed = 0
        for report in reports:
            if report.error:
                failed += 1
                self.stdout.write(f"{report.name}: LỖI / ERROR: {report.error}")
            else:
                self.stdout.write(
                    f"{report.name}: {report.new} mới / new, {report.copies} đăng lại / copies, "
                    f"{report.duplicates} đã có / already there"
                )
        if failed:
            raise CommandError(f"{failed} tệp không nhập được / files failed.")
