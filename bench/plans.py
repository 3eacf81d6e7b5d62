"""Plan pages and the plan progress selector at provincial scale, on SQLite or PostgreSQL.

Generates one province with 120 units (20 of them ended districts), 30 plans of 40 tasks each
(one lead and two supporting units per task, a third of the parts done, some late), then times
the plan page's board, a unit's task board, ``plan_progress_for_window`` over all plans (what
the consolidated report calls) and the reassignment list, with the number of queries of each.
The issue sets no target; a page's selector should stay well under 200 ms.

    python bench/plans.py --database sqlite
    python bench/plans.py --database postgres   # needs a server on 127.0.0.1:5432
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

from benchdb import configure


def generate(plans: int, tasks: int, units: int, seed: int) -> None:
    import datetime as dt

    from ttdn.documents.models import Document
    from ttdn.orgs.models import OrgUnit
    from ttdn.plans.models import Plan, Task, TaskAssignment

    rng = random.Random(seed)
    province = OrgUnit.objects.create(code="bench", name="UBND tỉnh Bench", kind="province")
    OrgUnit.objects.bulk_create(
        OrgUnit(
            code=f"u{n}",
            name=f"Đơn vị {n}",
            kind="district" if n < 20 else "department",
            parent=province,
            valid_to=dt.date(2025, 6, 30) if n < 20 else None,
        )
        for n in range(units)
    )
    pool = list(OrgUnit.objects.filter(parent=province))
    for p in range(plans):
        document = Document.objects.create(
            doc_type="Kế hoạch",
            number=f"{p + 1}/KH-UBND",
            key=f"{p + 1}/KH-UBND",
            issued_at=dt.date(2024, 1, 1) + dt.timedelta(days=p * 10),
            title=f"Kế hoạch {p}",
            identity=f"bench-{p}",
        )
        plan = Plan.objects.create(
            province=province,
            document=document,
            title=f"Kế hoạch {p}",
            starts_on=document.issued_at,
            ends_on=dt.date(2026, 12, 31),
        )
        created = Task.objects.bulk_create(
            Task(
                plan=plan,
                position=n,
                text=f"Nhiệm vụ {n} của kế hoạch {p}" * 3,
                due_on=dt.date(2024, 6, 1) + dt.timedelta(days=rng.randrange(900)),
            )
            for n in range(tasks)
        )
        parts = []
        for task in created:
            lead, *supporters = rng.sample(pool, 3)
            for unit, role in [(lead, "lead"), *((s, "support") for s in supporters)]:
                done = rng.random() < 0.35
                late = rng.random() < 0.3
                assert task.due_on is not None
                parts.append(
                    TaskAssignment(
                        task=task,
                        unit=unit,
                        role=role,
                        due_on=task.due_on,
                        status="done" if done else rng.choice(["not_started", "in_progress"]),
                        completed_on=(task.due_on + dt.timedelta(days=5 if late else -5))
                        if done
                        else None,
                    )
                )
        TaskAssignment.objects.bulk_create(parts)


def timed(label: str, call, repeat: int) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        call()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        times.append((time.perf_counter() - start) * 1000)
    print(f"{label:<44} median {statistics.median(times):8.1f} ms  ({len(queries)} queries)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--plans", type=int, default=30)
    parser.add_argument("--tasks", type=int, default=40)
    parser.add_argument("--units", type=int, default=120)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    configure(args.database, "ttdn_bench_plans")
    import datetime as dt

    from django.contrib.auth.models import AnonymousUser

    from ttdn.orgs.models import OrgUnit
    from ttdn.plans.models import Plan
    from ttdn.plans.selectors import (
        plan_board,
        plan_progress_for_window,
        tasks_to_reassign,
        unit_board,
    )

    start = time.perf_counter()
    generate(args.plans, args.tasks, args.units, seed=5)
    print(
        f"generated {args.plans} plans × {args.tasks} tasks in {time.perf_counter() - start:.1f} s"
    )

    class Everyone(AnonymousUser):
        is_superuser = True

        @property
        def is_authenticated(self) -> bool:  # type: ignore[override]
            return True

    user = Everyone()
    user._ttdn_memberships = []  # type: ignore[attr-defined]
    on = dt.date(2025, 9, 1)
    plan = Plan.objects.first()
    unit = OrgUnit.objects.get(code="u50")
    province = OrgUnit.objects.get(code="bench")
    timed(
        "plan_board (one plan, 40 tasks)", lambda: plan_board(plan, user=user, on=on), args.repeat
    )
    timed("unit_board (one unit, all plans)", lambda: unit_board(unit, on=on), args.repeat)
    timed(
        "plan_progress_for_window (all plans)",
        lambda: plan_progress_for_window(
            start=dt.date(2025, 1, 1), end=dt.date(2025, 6, 30), on=on
        ),
        args.repeat,
    )
    timed(
        "tasks_to_reassign (20 ended districts)",
        lambda: tasks_to_reassign(province=province, on=on),
        args.repeat,
    )


if __name__ == "__main__":
    main()
