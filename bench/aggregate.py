"""Consolidated aggregation at national scale, on SQLite or PostgreSQL.

Generates 34 provinces × ~100 units, 40 indicators and 10 years of half-year rounds (about
2.7 million values, all approved), then times ``indicator_totals`` for one province-period and
for the whole country for one period, "as it was" and "as it is now", with the comparison to the
previous year. Targets (issue #4): province-period ≤ 100 ms, national period ≤ 2 s on PostgreSQL.

    python bench/aggregate.py --database sqlite
    python bench/aggregate.py --database postgres   # needs a server on 127.0.0.1:5432
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from decimal import Decimal

from benchdb import configure


def generate(provinces: int, units: int, years: int, indicators: int, seed: int) -> None:
    import datetime as dt

    from ttdn.aggregation import parse_period
    from ttdn.orgs.models import OrgUnit
    from ttdn.reporting.models import DataValue, Indicator, ReportRound, Submission

    rng = random.Random(seed)
    extra = indicators - Indicator.objects.count()
    Indicator.objects.bulk_create(
        Indicator(
            code=f"bench_{n}",
            name_vi=f"Chỉ tiêu {n}",
            name_en=f"Indicator {n}",
            unit_of_measure="lượt",
            channel="other",
            position=1000 + n,
        )
        for n in range(max(extra, 0))
    )
    catalogue = list(Indicator.objects.all()[:indicators])
    province_units = []
    for p in range(provinces):
        province = OrgUnit.objects.create(code=f"tinh-{p}", name=f"UBND tỉnh {p}", kind="province")
        children = OrgUnit.objects.bulk_create(
            OrgUnit(
                code=f"tinh-{p}-dv-{u}",
                name=f"Đơn vị {u} tỉnh {p}",
                kind="department" if u < 20 else "commune",
                parent=province,
            )
            for u in range(units - 1)
        )
        province_units.append((province, [province, *children]))
    periods = [f"{year}S{half}" for year in range(2025 - years + 1, 2026) for half in (1, 2)]
    now = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
    for code in periods:
        period = parse_period(code)
        rounds = ReportRound.objects.bulk_create(
            ReportRound(
                title=f"{code} {province.name}",
                province=province,
                period_code=code,
                window_start=period.window_start,
                window_end=period.window_end,
                deadline=period.window_end,
            )
            for province, _members in province_units
        )
        submissions = Submission.objects.bulk_create(
            Submission(
                round=report_round, unit=unit, status="approved", submitted_at=now, approved_at=now
            )
            for report_round, (_province, members) in zip(rounds, province_units, strict=True)
            for unit in members
        )
        DataValue.objects.bulk_create(
            (
                DataValue(
                    submission=submission, indicator=indicator, value=Decimal(rng.randint(0, 500))
                )
                for submission in submissions
                for indicator in catalogue
            ),
            batch_size=5000,
        )
        print(f"  generated {code}", file=sys.stderr, flush=True)


def timed(function, repeat: int) -> tuple[float, float]:
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples) * 1000, min(samples) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--provinces", type=int, default=34)
    parser.add_argument("--units", type=int, default=100)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--indicators", type=int, default=40)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    configure(args.database, "ttdn_bench")
    started = time.perf_counter()
    generate(args.provinces, args.units, args.years, args.indicators, seed=7)
    from ttdn.orgs.models import OrgUnit
    from ttdn.reporting.models import DataValue
    from ttdn.reporting.selectors import indicator_totals

    print(
        f"database: {args.database}; values: {DataValue.objects.count():,}; "
        f"generated in {time.perf_counter() - started:.0f} s"
    )
    province = OrgUnit.objects.get(code=f"tinh-{min(7, args.provinces - 1)}")
    for label, call in [
        (
            "province-period, as it was",
            lambda: indicator_totals(period_code="2024S1", province=province),
        ),
        (
            "province-period, as it is now",
            lambda: indicator_totals(period_code="2024S1", province=province, as_of="now"),
        ),
        ("national period, as it was", lambda: indicator_totals(period_code="2024S1")),
    ]:
        median, best = timed(call, args.repeat)
        print(f"{label:32s} median {median:8.1f} ms   best {best:8.1f} ms")


if __name__ == "__main__":
    main()
