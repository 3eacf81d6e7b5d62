"""Reads of the reporting core: access checks, completeness, aggregation over units and periods."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Literal

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from ttdn.aggregation import LineageEvent, Observation, aggregate, rollup_map
from ttdn.core.exceptions import NotFound
from ttdn.orgs import permissions
from ttdn.orgs.models import OrgUnit, OrgUnitEvent
from ttdn.orgs.selectors import province_scope, units_on
from ttdn.reporting.models import DataValue, Indicator, ReportRound, Submission

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

    User = AbstractBaseUser | AnonymousUser

Status = Submission.Status


def rounds_visible_to(user: User) -> QuerySet[ReportRound]:
    """Rounds whose board (every unit's status, the province's totals) a user may open: those
    of provinces they coordinate or view. Unit officers see their own submissions instead."""
    ids = permissions.visible_unit_ids(user)
    rounds = ReportRound.objects.select_related("province", "requesting_document")
    if ids is None:
        return rounds
    return rounds.filter(province__in=ids)


def access_round(user: User, pk: int) -> ReportRound:
    report_round = rounds_visible_to(user).filter(pk=pk).first()
    if report_round is None:
        raise NotFound(_("Không tìm thấy đợt báo cáo."))
    return report_round


def access_submission(user: User, pk: int, *, for_edit: bool = False) -> Submission:
    """Return a submission the user may read (or edit); a foreign unit's is "not found"."""
    submission = (
        Submission.objects.select_related("round", "round__province", "unit").filter(pk=pk).first()
    )
    allowed = submission is not None and (
        permissions.can_edit_unit_data(user, submission.unit)
        if for_edit
        else permissions.can_view_unit_data(user, submission.unit)
    )
    if not allowed:
        raise NotFound(_("Không tìm thấy báo cáo."))
    assert submission is not None
    return submission


def submissions_to_report(user: User) -> QuerySet[Submission]:
    """The unit officer's to-do list: reports of their units still to send or correct."""
    ids = permissions.editable_unit_ids(user)
    submissions = Submission.objects.select_related("round", "unit").filter(
        status__in=[Status.DRAFT, Status.RETURNED], round__status=ReportRound.Status.OPEN
    )
    if ids is not None:
        submissions = submissions.filter(unit__in=ids)
    return submissions.order_by("round__deadline", "unit__name")


@dataclass(frozen=True)
class UnitCompleteness:
    submission: Submission
    state: Literal["approved", "on_time", "late", "returned", "draft", "missing"]

    @property
    def label(self) -> str:
        return {
            "approved": _("Đã duyệt"),
            "on_time": _("Đã gửi đúng hạn"),
            "late": _("Gửi trễ hạn"),
            "returned": _("Bị trả lại"),
            "draft": _("Đang soạn"),
            "missing": _("Chưa gửi, quá hạn"),
        }[self.state]


@dataclass(frozen=True)
class RoundCompleteness:
    units: list[UnitCompleteness]
    expected: int
    submitted: int
    on_time: int
    late: int
    missing: int

    @property
    def percent(self) -> int:
        return round(100 * self.submitted / self.expected) if self.expected else 0


def round_completeness(
    report_round: ReportRound, *, today: dt.date | None = None
) -> RoundCompleteness:
    """Expected / submitted / on time / late / missing, unit by unit."""
    today = today or timezone.localdate()
    rows: list[UnitCompleteness] = []
    for submission in report_round.submissions.select_related("unit").order_by("unit__name"):
        sent = submission.submitted_at is not None
        late = sent and timezone.localtime(submission.submitted_at).date() > report_round.deadline
        if submission.status == Status.APPROVED:
            state = "approved"
        elif submission.status == Status.SUBMITTED:
            state = "late" if late else "on_time"
        elif submission.status == Status.RETURNED:
            state = "returned"
        else:
            state = "missing" if today > report_round.deadline else "draft"
        rows.append(UnitCompleteness(submission, state))  # type: ignore[arg-type]
    sent_rows = [r for r in rows if r.submission.submitted_at is not None]
    late_count = sum(
        1
        for r in sent_rows
        if timezone.localtime(r.submission.submitted_at).date() > report_round.deadline
    )
    return RoundCompleteness(
        units=rows,
        expected=len(rows),
        submitted=len(sent_rows),
        on_time=len(sent_rows) - late_count,
        late=late_count,
        missing=sum(1 for r in rows if r.state == "missing"),
    )


def review_queue(user: User) -> QuerySet[Submission]:
    """Submissions waiting for this coordinator's decision."""
    ids = permissions.visible_unit_ids(user)
    queue = Submission.objects.filter(status=Status.SUBMITTED).select_related("round", "unit")
    if ids is not None:
        queue = queue.filter(unit__in=ids)
    return queue.order_by("submitted_at")


@dataclass(frozen=True)
class IndicatorTotal:
    indicator: Indicator
    total: Decimal | None
    previous: Decimal | None
    by_unit: dict[int, Decimal]

    @property
    def change(self) -> Decimal | None:
        if self.total is None or not self.previous:
            return None
        return (self.total - self.previous) / self.previous * 100


def _rollup(unit_ids: set[int], day: dt.date) -> dict[int, int | None]:
    events = [
        LineageEvent(
            event.effective_on,
            tuple(p.pk for p in event.predecessors.all()),
            tuple(s.pk for s in event.successors.all()),
        )
        for event in OrgUnitEvent.objects.prefetch_related("predecessors", "successors")
    ]
    alive = set(units_on(day).values_list("pk", flat=True))
    parents = dict(OrgUnit.objects.values_list("pk", "parent_id"))
    return rollup_map(unit_ids, day, events, alive, parents)


def indicator_totals(
    *,
    period_code: str,
    province: OrgUnit | None = None,
    as_of: Literal["then", "now"] = "then",
    statuses: tuple[str, ...] = (Status.APPROVED,),
    compare: bool = True,
    today: dt.date | None = None,
) -> list[IndicatorTotal]:
    """Aggregate values of one period over units with each indicator's rule, computed on read.

    "then" keeps each unit as it reported (the tree as it was); "now" rolls ended units up to
    today's successors. ``province`` limits to a province (its predecessors' units included);
    without it the whole country is aggregated. With ``compare`` the same period of the
    previous year is aggregated too.
    """
    current = _values(period_code, province, statuses)
    previous: dict[int, list[tuple[int, dt.date, Decimal]]] = {}
    if compare:
        from ttdn.aggregation import parse_period, same_period_previous_year

        previous = _values(
            same_period_previous_year(parse_period(period_code)).code, province, statuses
        )
    indicators = Indicator.objects.in_bulk(set(current) | set(previous))
    mapping: dict[int, int | None] = {}
    if as_of == "now":
        units = {row[0] for rows in (*current.values(), *previous.values()) for row in rows}
        mapping = _rollup(units, today or timezone.localdate())
    results = []
    for indicator_id, indicator in sorted(
        indicators.items(), key=lambda i: (i[1].position, i[1].code)
    ):
        rows = current.get(indicator_id, [])
        by_unit: dict[int, list[Observation]] = defaultdict(list)
        for unit, as_of_day, value in rows:
            target = mapping.get(unit, unit) if as_of == "now" else unit
            if target is not None:
                by_unit[target].append(Observation(target, as_of_day, float(value)))
        per_unit = {
            unit: Decimal(str(aggregate(indicator.rule, items))) for unit, items in by_unit.items()
        }
        total = aggregate(indicator.rule, [o for items in by_unit.values() for o in items])
        previous_total = aggregate(
            indicator.rule,
            [Observation(u, d, float(v)) for u, d, v in previous.get(indicator_id, [])],
        )
        results.append(
            IndicatorTotal(
                indicator,
                Decimal(str(total)) if total is not None else None,
                Decimal(str(previous_total)) if previous_total is not None else None,
                per_unit,
            )
        )
    return results


def _values(
    period_code: str, province: OrgUnit | None, statuses: tuple[str, ...]
) -> dict[int, list[tuple[int, dt.date, Decimal]]]:
    """Return (unit, window end, value) per indicator for the whole-indicator values of a period."""
    values = DataValue.objects.filter(
        submission__round__period_code=period_code,
        submission__status__in=statuses,
        category="",
        value__isnull=False,
    )
    if province is not None:
        values = values.filter(submission__unit__in=province_scope(province))
    grouped: dict[int, list[tuple[int, dt.date, Decimal]]] = defaultdict(list)
    for indicator_id, unit_id, window_end, value in values.values_list(
        "indicator_id", "submission__unit_id", "submission__round__window_end", "value"
    ):
        grouped[indicator_id].append((unit_id, window_end, value))
    return grouped
