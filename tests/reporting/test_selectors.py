from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from tests.builders import figures, make_round
from ttdn.demo.organisation import load_demo_organisation
from ttdn.reporting import selectors, services
from ttdn.reporting.models import Indicator, Submission

pytestmark = pytest.mark.django_db


def report(submission, user, approve_by=None, **values):
    submission = services.save_submission(
        submission=submission,
        values=figures(**values),
        narrative={},
        version=submission.version,
        actor=user,
    )
    submission = services.submit_submission(
        submission=submission, version=submission.version, actor=user
    )
    if approve_by:
        submission = services.approve_submission(submission=submission, actor=approve_by)
    return submission


FULL = {
    "training_sessions": 4,
    "training_attendances": 100,
    "social_followers": 1000,
    "publications": 2,
}


def test_completeness_counts_on_time_late_and_missing(org):
    report_round = make_round(org)
    sub_a = report_round.submissions.get(unit=org["unit_a"])
    report(sub_a, org["users"]["officer_a"], **FULL)
    Submission.objects.filter(pk=sub_a.pk).update(
        submitted_at=timezone.make_aware(dt.datetime(2024, 6, 27, 10))
    )

    board = selectors.round_completeness(report_round, today=dt.date(2024, 7, 1))

    assert (board.expected, board.submitted, board.on_time, board.late, board.missing) == (
        2,
        1,
        0,
        1,
        1,
    )
    assert {row.submission.unit.code: row.state for row in board.units} == {
        "so-a": "late",
        "so-b": "missing",
    }


def test_totals_follow_each_indicators_rule_and_compare_with_last_year(org):
    coordinator = org["users"]["coordinator"]
    last_year = make_round(org, period="2023S1", deadline=dt.date(2023, 6, 25))
    report(
        last_year.submissions.get(unit=org["unit_a"]),
        org["users"]["officer_a"],
        approve_by=coordinator,
        **{**FULL, "training_sessions": 2},
    )
    this_year = make_round(org)
    report(
        this_year.submissions.get(unit=org["unit_a"]),
        org["users"]["officer_a"],
        approve_by=coordinator,
        **FULL,
    )
    report(
        this_year.submissions.get(unit=org["unit_b"]),
        org["users"]["officer_b"],
        approve_by=coordinator,
        **{**FULL, "training_sessions": 3, "social_followers": 500},
    )

    totals = {
        row.indicator.code: row
        for row in selectors.indicator_totals(period_code="2024S1", province=org["province"])
    }

    assert totals["training_sessions"].total == 7
    assert totals["training_sessions"].previous == 2
    assert totals["training_sessions"].change == 250
    assert totals["social_followers"].total == 1500  # latest per unit, summed over units


def test_only_approved_values_count_by_default(org):
    this_year = make_round(org)
    report(this_year.submissions.get(unit=org["unit_a"]), org["users"]["officer_a"], **FULL)
    assert selectors.indicator_totals(period_code="2024S1", province=org["province"]) == []
    submitted = selectors.indicator_totals(
        period_code="2024S1", province=org["province"], statuses=("submitted", "approved")
    )
    assert {r.indicator.code: r.total for r in submitted}["training_sessions"] == 4


def test_as_it_was_versus_as_it_is_now_across_the_2025_merger():
    units = load_demo_organisation()
    from ttdn.reporting.services import open_round

    report_round = open_round(
        title="6 tháng đầu năm 2024",
        province=units["dong-nai-2024"],
        period_code="2024S1",
        deadline=dt.date(2024, 6, 25),
        units=[units["trang-bom"], units["bao-dong-nai"], units["so-tttt-dong-nai"]],
        indicators=Indicator.objects.filter(code="press_articles"),
        actor=None,
    )
    for submission, count in zip(
        report_round.submissions.order_by("unit__code"), (10, 20, 30), strict=True
    ):
        submission = services.save_submission(
            submission=submission,
            values=figures(press_articles=count),
            narrative={},
            version=1,
            actor=None,
        )
        services.approve_submission(
            submission=services.submit_submission(
                submission=submission, version=submission.version, actor=None
            ),
            actor=None,
        )

    then = selectors.indicator_totals(
        period_code="2024S1", province=units["dong-nai"], as_of="then", compare=False
    )[0]
    now = selectors.indicator_totals(
        period_code="2024S1",
        province=units["dong-nai"],
        as_of="now",
        compare=False,
        today=dt.date(2025, 11, 24),
    )[0]

    assert then.total == now.total == 60  # nothing lost, nothing counted twice
    assert set(then.by_unit) == {
        units[c].pk for c in ("bao-dong-nai", "so-tttt-dong-nai", "trang-bom")
    }
    assert now.by_unit == {
        units["bao-ptth-dong-nai"].pk: Decimal(10),  # Báo Đồng Nai merged into it
        units["so-khcn-dong-nai"].pk: Decimal(20),  # Sở TT&TT merged into Sở KH&CN
        units["dong-nai"].pk: Decimal(30),  # Trảng Bom split into communes: to the province
    }
