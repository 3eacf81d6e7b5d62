"""``ttdn ingest PATH...``: store files and folders of documents in the registry."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from ttdn.core.exceptions import DomainError
from ttdn.documents.services import ingest_document

DOCUMENT_SUFFIXES = {".txt", ".docx", ".pdf", ".html", ".htm"}


def collect_files(paths: list[str]) -> tuple[list[Path], list[str]]:
    """Expand folders (recursively) into document files; report paths that do not exist."""
    files: list[Path] = []
    missing: list[str] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(
                sorted(
                    child
                    for child in path.rglob("*")
                    if child.is_file() and child.suffix.lower() in DOCUMENT_SUFFIXES
                )
            )
        elif path.is_file():
            files.append(path)
        else:
            missing.append(raw)
    return files, missing


class Command(BaseCommand):
    help = "Lưu văn bản (tệp hoặc thư mục) vào hệ thống / Ingest documents into the registry."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", help="files or folders (TXT, DOCX, PDF, HTML)")
        parser.add_argument(
            "--extract",
            action="store_true",
            help="also read the figures of past reports into draft submissions (issue #6)",
        )
        parser.add_argument("--province", help="with --extract: code of the province")
        parser.add_argument("--unit", help="with --extract: unit of files that do not name one")
        parser.add_argument("--period", help="with --extract: period (2024S1) of files without")

    def handle(self, *args: Any, **options: Any) -> None:
        # Piped into a log or a test, rich would wrap at 80 columns and cut file names.
        is_terminal = getattr(self.stdout, "isatty", lambda: False)()
        console = Console(file=self.stdout, highlight=False, width=None if is_terminal else 200)
        files, missing = collect_files(options["paths"])
        rows: list[tuple[str, str, str, str]] = [
            (raw, "lỗi / failed", "", "Không tìm thấy tệp hoặc thư mục.") for raw in missing
        ]
        with Progress(
            TextColumn("[progress.description]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            console=console,
            transient=True,
            disable=not files,
        ) as progress:
            task = progress.add_task("Đang lưu văn bản", total=len(files))
            for path in files:
                progress.update(task, description=f"Đang lưu {path.name}")
                rows.append(self._ingest_one(path))
                progress.advance(task)

        table = Table(title="Kết quả / Summary")
        for column in ("Tệp / File", "Kết quả / Outcome", "Văn bản / Document", "Lý do / Reason"):
            table.add_column(column)
        for row in rows:
            table.add_row(*row)
        console.print(table)
        counts = {
            outcome: sum(1 for row in rows if row[1] == outcome)
            for outcome in (
                "mới / ingested",
                "phiên bản mới / new version",
                "trùng / duplicate",
                "lỗi / failed",
            )
        }
        console.print("  ".join(f"{label}: {count}" for label, count in counts.items()))
        if counts["lỗi / failed"]:
            raise CommandError(f"{counts['lỗi / failed']} tệp không lưu được / failed")
        if options["extract"]:
            # By name, so that the registry does not import the reporting app.
            call_command(
                "import_past_reports",
                *options["paths"],
                province=options["province"],
                unit=options["unit"],
                period=options["period"],
                stdout=self.stdout,
            )

    def _ingest_one(self, path: Path) -> tuple[str, str, str, str]:
        labels = {
            "ingested": "mới / ingested",
            "new_version": "phiên bản mới / new version",
            "duplicate": "trùng / duplicate",
        }
        try:
            data = path.read_bytes()
            result = ingest_document(data=data, filename=path.name)
        except DomainError as error:
            return (str(path), "lỗi / failed", "", error.message)
        except OSError as error:
            return (str(path), "lỗi / failed", "", f"Không đọc được tệp: {error.strerror}")
        return (str(path), labels[result.outcome], str(result.document), "")
