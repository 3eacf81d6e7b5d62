"""``ttdn report ROUND --format docx|xlsx|pdf --out FILE``: generate and store a report, write it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from ttdn.core.exceptions import DomainError
from ttdn.reporting.models import ReportRound
from ttdn.reports import rendering, services
from ttdn.reports.models import ConsolidatedReport


class Command(BaseCommand):
    help = (
        "Tạo báo cáo tổng hợp của một đợt báo cáo và ghi ra tệp / "
        "Generate a round's consolidated report and write it to a file."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("round", help="mã số (id) của đợt báo cáo / the round's id")
        parser.add_argument("--format", choices=sorted(rendering.CONTENT_TYPES), default="docx")
        parser.add_argument("--out", required=True, help="tệp kết quả / output file")
        parser.add_argument(
            "--party", action="store_true", help="thể thức văn bản của Đảng (Hướng dẫn 36)"
        )
        parser.add_argument(
            "--now",
            action="store_true",
            help="tính theo tổ chức hiện nay (đơn vị kế thừa) / roll up to today's units",
        )
        parser.add_argument(
            "--report",
            type=int,
            help="tải lại một báo cáo đã lưu thay vì tạo mới / re-render a stored report",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            round_id = int(options["round"])
        except ValueError as error:
            raise CommandError("Mã đợt báo cáo phải là số / the round id is a number.") from error
        report_round = ReportRound.objects.select_related("province").filter(pk=round_id).first()
        if report_round is None:
            raise CommandError(f"Không có đợt báo cáo {round_id} / no round {round_id}.")
        if options["report"]:
            report = ConsolidatedReport.objects.filter(
                pk=options["report"], round=report_round
            ).first()
            if report is None:
                raise CommandError("Không có báo cáo đã lưu này / no such stored report.")
        else:
            try:
                report = services.request_report(
                    report_round=report_round,
                    actor=None,
                    document_format="party" if options["party"] else "state",
                    as_of="now" if options["now"] else "then",
                    background=False,
                )
            except DomainError as error:
                raise CommandError(error.message) from error
        if not report.is_ready:
            raise CommandError(f"Tạo báo cáo không thành công / failed: {report.error}")
        out = Path(options["out"])
        try:
            out.write_bytes(rendering.render(report, options["format"]))
        except OSError as error:
            raise CommandError(
                f"Không ghi được tệp / cannot write {out}: {error.strerror}"
            ) from error
        missing = [u for u in report.inputs["units"] if u["status"] != "approved"]
        self.stdout.write(
            f"{out} ({options['format']}): báo cáo tổng hợp #{report.pk}, "
            f"{report.inputs['completeness']['approved']}/{report.inputs['completeness']['expected']} "
            "đơn vị đã duyệt / units approved"
        )
        for unit in missing:
            self.stdout.write(
                f"  chưa tổng hợp / not included: {unit['name']} ({unit['state_label']})"
            )
