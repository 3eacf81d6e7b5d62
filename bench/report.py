"""Consolidated report of a province with 100 units: snapshot + draft, DOCX, XLSX annex, PDF.

Generates one province with 100 reporting units, the default catalogue's indicators, and the
6-month rounds of 2023 and 2024 (every submission approved, each unit with its own narrative
for every section), then times ``request_report`` (snapshot from the aggregation selectors and
the written draft) and the three renderings. Target (issue #7): DOCX + XLSX + PDF ≤ 3 s.

    python bench/report.py --database sqlite
    python bench/report.py --database postgres   # needs a server on 127.0.0.1:5432
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from decimal import Decimal

from benchdb import configure

SENTENCES = [
    "Đơn vị đã phối hợp với các cơ quan báo chí Trung ương tuyên truyền về tiềm năng du lịch.",
    "Cán bộ làm công tác thông tin đối ngoại còn kiêm nhiệm, chưa được bồi dưỡng chuyên sâu.",
    "Kinh phí cho hoạt động thông tin đối ngoại còn hạn chế so với nhiệm vụ được giao.",
    "Đề nghị tổ chức thêm lớp bồi dưỡng kỹ năng phát ngôn và cung cấp thông tin cho báo chí.",
    "Tiếp tục cập nhật tin, bài tiếng nước ngoài trên trang thông tin điện tử của đơn vị.",
    "Đơn vị đã đón tiếp đoàn phóng viên nước ngoài tìm hiểu về môi trường đầu tư.",
]


def generate(units: int, seed: int):
    import datetime as dt

    from ttdn.aggregation import parse_period
    from ttdn.orgs.models import OrgUnit
    from ttdn.reporting.catalogue import DEFAULT_SECTIONS
    from ttdn.reporting.models import DataValue, Indicator, ReportRound, Submission

    rng = random.Random(seed)
    catalogue = list(Indicator.objects.filter(active=True))
    province = OrgUnit.objects.create(
        code="tinh-bench", name="Ủy ban nhân dân tỉnh Thử Nghiệm", kind="province"
    )
    members = OrgUnit.objects.bulk_create(
        OrgUnit(
            code=f"dv-{n}",
            name=f"{'Sở' if n < 20 else 'Ủy ban nhân dân xã'} Thử Nghiệm số {n}",
            kind="department" if n < 20 else "commune",
            parent=province,
        )
        for n in range(units)
    )
    rounds = []
    for year in (2023, 2024):
        period = parse_period(f"{year}S1")
        report_round = ReportRound.objects.create(
            title=f"Báo cáo 6 tháng đầu năm {year}",
            province=province,
            period_code=period.code,
            window_start=period.window_start,
            window_end=period.window_end,
            deadline=dt.date(year, 6, 25),
            sections=DEFAULT_SECTIONS,
        )
        report_round.units.set(members)
        report_round.indicators.set(catalogue)
        sent = dt.datetime(year, 6, 20, 9, tzinfo=dt.UTC)
        submissions = Submission.objects.bulk_create(
            Submission(
                round=report_round,
                unit=unit,
                status="approved",
                submitted_at=sent,
                approved_at=sent,
                narrative={
                    section["code"]: " ".join(rng.sample(SENTENCES, 2))
                    for section in DEFAULT_SECTIONS
                },
            )
            for unit in members
        )
        DataValue.objects.bulk_create(
            (
                DataValue(submission=s, indicator=i, value=Decimal(rng.randint(0, 300)))
                for s in submissions
                for i in catalogue
            ),
            batch_size=5000,
        )
        rounds.append(report_round)
    return rounds[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--units", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    configure(args.database, "ttdn_bench_report")
    report_round = generate(args.units, seed=7)
    from ttdn.reports import rendering, services

    # WeasyPrint and python-docx load once per process; a web worker pays this at its first
    # report only, so it is measured apart.
    started = time.perf_counter()
    import docx  # noqa: F401
    import weasyprint  # noqa: F401

    print(f"libraries loaded in {1000 * (time.perf_counter() - started):.0f} ms (once per process)")
    totals: list[float] = []
    for attempt in range(args.repeat):
        steps: dict[str, float] = {}
        begin = time.perf_counter()
        report = services.request_report(report_round=report_round, actor=None, background=False)
        steps["snapshot + draft"] = time.perf_counter() - begin
        sizes = {}
        for file_format in ("docx", "xlsx", "pdf"):
            started = time.perf_counter()
            sizes[file_format] = len(rendering.render(report, file_format))
            steps[file_format] = time.perf_counter() - started
        total = time.perf_counter() - begin
        totals.append(total)
        detail = ", ".join(f"{name} {1000 * value:.0f} ms" for name, value in steps.items())
        print(f"run {attempt + 1}: total {total:.2f} s ({detail})", file=sys.stderr)
    import io

    from pypdf import PdfReader

    pages = len(PdfReader(io.BytesIO(rendering.render(report, "pdf"))).pages)
    print(
        f"database: {args.database}; units: {args.units}; indicators: "
        f"{len(report.inputs['figures'])}; PDF pages: {pages}; sizes: "
        + ", ".join(f"{k} {v // 1024} KB" for k, v in sizes.items())
    )
    print(
        f"DOCX + XLSX + PDF with snapshot: median {statistics.median(totals):.2f} s, "
        f"best {min(totals):.2f} s (target ≤ 3 s)"
    )


if __name__ == "__main__":
    main()
