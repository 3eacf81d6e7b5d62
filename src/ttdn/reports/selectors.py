"""Reads of consolidated reports: access checks and the snapshot a report is generated from."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from ttdn.aggregation import parse_period, same_period_previous_year
from ttdn.core.exceptions import NotFound
from ttdn.documents.identity import fold_issuer
from ttdn.documents.models import Document
from ttdn.orgs import permissions
from ttdn.orgs.selectors import province_scope
from ttdn.plans.selectors import plan_progress_for_window
from ttdn.reporting import selectors as reporting
from ttdn.reporting.models import Indicator, ReportRound, Submission
from ttdn.reports.draft import place_of
from ttdn.reports.models import ConsolidatedReport

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

    User = AbstractBaseUser | AnonymousUser

#: Bumped when the snapshot's shape changes, so an old report is still read correctly.
SNAPSHOT_VERSION = 1
PLAN_TYPES = ("Kế hoạch", "Chương trình")


def access_report(user: User, pk: int, *, for_edit: bool = False) -> ConsolidatedReport:
    """Return a report the user may read (or edit); one "not found" for missing and foreign."""
    report = (
        ConsolidatedReport.objects.select_related("round", "round__province").filter(pk=pk).first()
    )
    if report is None or (
        reporting.rounds_visible_to(user).filter(pk=report.round_id).first() is None
    ):
        raise NotFound(_("Không tìm thấy báo cáo tổng hợp."))
    if for_edit and not permissions.can_compile_reports(user, report.round.province):
        raise NotFound(_("Không tìm thấy báo cáo tổng hợp."))
    return report


def reports_of_round(report_round: ReportRound) -> QuerySet[ConsolidatedReport]:
    return report_round.consolidated_reports.select_related("created_by").order_by("-created_at")


def plans_in_window(report_round: ReportRound) -> list[Document]:
    """Registry plans and programmes the province issued for the period.

    Those issued inside the data window, and those issued the year before for the report's
    year ("Kế hoạch … năm 2024" of 08/11/2023): reports list both under "chỉ đạo, triển khai".
    """
    year = report_round.window_end.year
    scope = province_scope(report_round.province)
    # A document whose issuer the tree did not recognise counts when its issuer names the
    # province ("UBND tỉnh Đồng Nai"); a ministry's plan is not the province's direction.
    place = fold_issuer(place_of(report_round.province.name))
    documents = Document.objects.filter(
        status=Document.Status.REGISTERED, doc_type__in=PLAN_TYPES
    ).filter(Q(issuer_unit__in=scope) | Q(issuer_unit__isnull=True, issuer_fold__contains=place))
    in_window = Q(issued_at__gte=report_round.window_start, issued_at__lte=report_round.window_end)
    for_the_year = Q(
        issued_at__year=year - 1,
        issued_at__lt=report_round.window_start,
        title__icontains=f"năm {year}",
    )
    return list(documents.filter(in_window | for_the_year).order_by("issued_at", "number"))


def plan_progress(report_round: ReportRound, *, on: dt.date) -> list[dict[str, Any]]:
    """Task progress of the plans in force during the window, as of ``on``."""
    rows = plan_progress_for_window(
        start=report_round.window_start,
        end=report_round.window_end,
        on=on,
        province=report_round.province,
    )
    fields = (
        "plan_id",
        "number",
        "title",
        "total",
        "done_on_time",
        "done_late",
        "pending_within_deadline",
        "overdue",
        "cancelled",
    )
    result = []
    for row in rows:
        item = {name: getattr(row, name) for name in fields}
        issued = getattr(row, "issued_at", None)
        item["issued_at"] = issued.isoformat() if issued else None
        result.append(item)
    return result


def _decimal(value: Any) -> str | None:
    return None if value is None else str(value)


def _date(value: dt.date | dt.datetime | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return timezone.localtime(value).isoformat()
    return value.isoformat()


def take_snapshot(
    report_round: ReportRound, *, as_of: str = "then", today: dt.date | None = None
) -> dict[str, Any]:
    """Everything a consolidated report says, read once from approved data.

    Figures come from ``reporting.selectors.indicator_totals`` (approved submissions only, with
    the same period of the previous year), completeness from ``round_completeness``; nothing
    is recomputed here. The result is plain JSON, stored with the report.
    """
    today = today or timezone.localdate()
    province = report_round.province
    period = parse_period(report_round.period_code)
    previous_period = same_period_previous_year(period)
    totals = {
        row.indicator.pk: row
        for row in reporting.indicator_totals(
            period_code=report_round.period_code,
            province=province,
            as_of="now" if as_of == "now" else "then",
            today=today,
        )
    }
    indicators = list(report_round.indicators.order_by("position", "code"))
    completeness = reporting.round_completeness(report_round, today=today)
    submissions = {row.submission.unit_id: row for row in completeness.units}
    unit_ids: set[int] = set(submissions)
    for row in totals.values():
        unit_ids |= set(row.by_unit)
    from ttdn.orgs.models import OrgUnit

    unit_names = dict(OrgUnit.objects.filter(pk__in=unit_ids).values_list("pk", "name"))
    channel_labels = dict(Indicator.Channel.choices)

    figures = []
    for indicator in indicators:
        row = totals.get(indicator.pk)
        figures.append(
            {
                "code": indicator.code,
                "name": indicator.name_vi,
                "unit_of_measure": indicator.unit_of_measure,
                "channel": indicator.channel,
                "channel_label": str(channel_labels.get(indicator.channel, indicator.channel)),
                "aggregation": indicator.aggregation,
                "total": _decimal(row.total) if row else None,
                "previous": _decimal(row.previous) if row else None,
                "by_unit": {str(u): str(v) for u, v in row.by_unit.items()} if row else {},
            }
        )

    approved = [row.submission for row in completeness.units if row.submission.status == "approved"]
    narratives: dict[str, list[dict[str, str]]] = {}
    for section in report_round.sections:
        code = section["code"]
        narratives[code] = [
            {"unit": unit_names.get(s.unit_id, str(s.unit)), "text": str(s.narrative.get(code, ""))}
            for s in approved
            if str(s.narrative.get(code, "")).strip()
        ]

    requesting = report_round.requesting_document
    plans = plans_in_window(report_round)
    return {
        "snapshot_version": SNAPSHOT_VERSION,
        "taken_at": timezone.now().isoformat(),
        "today": today.isoformat(),
        "as_of": as_of,
        "round": {
            "id": report_round.pk,
            "title": report_round.title,
            "period_code": report_round.period_code,
            "period_label": period.label_vi,
            "previous_period_label": previous_period.label_vi,
            "year": report_round.window_end.year,
            "window_start": report_round.window_start.isoformat(),
            "window_end": report_round.window_end.isoformat(),
            "deadline": report_round.deadline.isoformat(),
            "sections": list(report_round.sections),
        },
        "province": {"id": province.pk, "name": province.name, "short_name": province.short_name},
        "requesting": None
        if requesting is None
        else {
            "id": requesting.pk,
            "doc_type": requesting.doc_type,
            "number": requesting.number,
            "issued_at": _date(requesting.issued_at),
            "issuer": requesting.issuer,
            "title": requesting.title,
        },
        "plans": [
            {
                "id": plan.pk,
                "doc_type": plan.doc_type,
                "number": plan.number,
                "issued_at": _date(plan.issued_at),
                "title": plan.title,
            }
            for plan in plans
        ],
        # Task progress as it stood at the end of the data window (or today, for a round
        # still running): the report states what the period achieved.
        "plan_progress": plan_progress(report_round, on=min(today, report_round.window_end)),
        "figures": figures,
        "units": [
            {
                "id": row.submission.unit_id,
                "name": unit_names.get(row.submission.unit_id, ""),
                "status": row.submission.status,
                "state": row.state,
                "state_label": str(row.label),
                "version": row.submission.version,
                "submitted_at": _date(row.submission.submitted_at),
                "approved_at": _date(row.submission.approved_at),
                "late": bool(
                    row.submission.submitted_at
                    and timezone.localtime(row.submission.submitted_at).date()
                    > report_round.deadline
                ),
            }
            for row in completeness.units
        ],
        "unit_names": {str(pk): name for pk, name in unit_names.items()},
        "narratives": narratives,
        "completeness": {
            "expected": completeness.expected,
            "submitted": completeness.submitted,
            "on_time": completeness.on_time,
            "late": completeness.late,
            "missing": completeness.missing,
            "approved": len(approved),
        },
    }


def missing_or_unapproved(snapshot: dict[str, Any]) -> list[dict[str, Any]]:
    """Units whose data the report does not contain, with why (draft, returned, waiting…)."""
    return [
        unit for unit in snapshot.get("units", []) if unit["status"] != Submission.Status.APPROVED
    ]
