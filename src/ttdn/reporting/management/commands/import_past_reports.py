"""``ttdn import_past_reports PATH... [--province CODE] [--unit CODE] [--period 2024S1]``.

Also ``ttdn ingest --extract``. ``--unit`` and ``--period`` are for the files that do not say
which unit issued them or which period they cover.

Each report becomes a draft submission of its unit in the closed round of its period, with the
figures found waiting for review on the web (nothing counts until a person confirms it).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table

from ttdn.aggregation import PeriodError, parse_period
from ttdn.core.exceptions import DomainError
from ttdn.documents.management.commands.ingest import collect_files
from ttdn.orgs.models import OrgUnit
from ttdn.orgs.selectors import province_scope
from ttdn.reporting.prefill import REPORT_SUFFIXES, import_past_report


class Command(BaseCommand):
    help = (
        "Nhập báo cáo cũ thành bản nháp để xác nhận số liệu / Import past reports as drafts "
        "whose figures await review."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", help="report files or folders (DOCX, PDF, TXT)")
        parser.add_argument(
            "--province", help="code of the province (needed when there are several)"
        )
        parser.add_argument(
            "--unit", help="code of the unit, for the files that do not name their issuer"
        )
        parser.add_argument(
            "--period", help="period code (2024S1, 2023, 2024Q3), for files whose title has none"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        is_terminal = getattr(self.stdout, "isatty", lambda: False)()
        console = Console(file=self.stdout, highlight=False, width=None if is_terminal else 200)
        province = self._province(options.get("province"))
        unit = self._unit(options.get("unit"), province)
        period = options.get("period") or None
        if period:
            try:
                period = parse_period(period).code
            except PeriodError as error:
                raise CommandError(f"--period: {error}") from error
        files, missing = collect_files(options["paths"])
        files = [path for path in files if path.suffix.lower() in REPORT_SUFFIXES]
        rows = [
            (raw, "lỗi / failed", "", "", "Không tìm thấy tệp hoặc thư mục.") for raw in missing
        ]
        with Progress(
            TextColumn("[progress.description]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            console=console,
            transient=True,
            disable=not files,
        ) as progress:
            task = progress.add_task("Đang đọc báo cáo", total=len(files))
            for path in files:
                progress.update(task, description=f"Đang đọc {path.name}")
                rows.append(self._import_one(path, province, unit, period))
                progress.advance(task)
        table = Table(title="Báo cáo cũ / Past reports")
        for column in (
            "Tệp / File",
            "Kết quả / Outcome",
            "Đơn vị / Unit",
            "Kỳ / Period",
            "Ghi chú",
        ):
            table.add_column(column)
        for row in rows:
            table.add_row(*row)
        console.print(table)
        failed = sum(1 for row in rows if row[1] == "lỗi / failed")
        duplicates = sum(1 for row in rows if row[1] == "trùng / duplicate")
        console.print(
            f"bản nháp / drafts: {len(rows) - failed - duplicates}  "
            f"trùng / duplicate: {duplicates}  lỗi / failed: {failed}"
        )
        if failed:
            raise CommandError(f"{failed} tệp không nhập được / failed")

    def _province(self, code: str | None) -> OrgUnit:
        provinces = OrgUnit.objects.filter(kind=OrgUnit.Kind.PROVINCE)
        if code:
            provinces = provinces.filter(code=code)
        found = list(provinces[:2])
        if len(found) != 1:
            raise CommandError(
                "Hãy chỉ rõ tỉnh bằng --province MÃ / Name the province with --province CODE"
            )
        return found[0]

    def _unit(self, code: str | None, province: OrgUnit) -> OrgUnit | None:
        if not code:
            return None
        unit = OrgUnit.objects.filter(code=code, pk__in=province_scope(province)).first()
        if unit is None:
            raise CommandError(
                f"Không có đơn vị mã “{code}” trong {province.name} / no such unit: --unit"
            )
        return unit

    def _import_one(
        self, path: Path, province: OrgUnit, unit: OrgUnit | None, period: str | None
    ) -> tuple[str, str, str, str, str]:
        try:
            result = import_past_report(
                province=province,
                data=path.read_bytes(),
                name=path.name,
                actor=None,
                fallback_unit=unit,
                fallback_period=period,
            )
        except DomainError as error:
            return (str(path), "lỗi / failed", "", "", error.message)
        except OSError as error:
            return (str(path), "lỗi / failed", "", "", f"Không đọc được tệp: {error.strerror}")
        figures = result.report_import.values.count()
        return (
            str(path),
            "trùng / duplicate" if result.duplicate else "bản nháp / draft",
            result.unit.name,
            result.period_code,
            f"{figures} số liệu chờ xác nhận / figures to review",
        )
