"""Writes of the reporting core: rounds, submissions and their transitions, activities."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from ttdn.aggregation import PeriodError, parse_period
from ttdn.core.audit import record_change
from ttdn.core.exceptions import DomainError
from ttdn.orgs.models import OrgUnit
from ttdn.orgs.selectors import units_during
from ttdn.reporting.catalogue import ACTIVITY_INDICATORS, DEFAULT_SECTIONS
from ttdn.reporting.models import (
    Activity,
    Attachment,
    DataValue,
    Indicator,
    ReportRound,
    Submission,
    SubmissionEvent,
)
from ttdn.reporting.validation import Issue, Values, check_values

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser

    from ttdn.documents.models import Document

    Actor = AbstractBaseUser | None

Status = Submission.Status


class SubmissionConflict(DomainError):
    """Someone else changed the submission since this person opened it."""

    status_code = 409


class InvalidTransition(DomainError):
    """The submission is not in a state that allows this action."""

    status_code = 409


class SubmissionInvalid(DomainError):
    """The values have errors; ``issues`` lists them for the form."""

    status_code = 422

    def __init__(self, issues: list[Issue]) -> None:
        super().__init__(_("Báo cáo còn %(count)s lỗi cần sửa.") % {"count": len(issues)})
        self.issues = issues


@transaction.atomic
def open_round(
    *,
    title: str,
    province: OrgUnit,
    period_code: str,
    deadline: dt.date,
    units: Iterable[OrgUnit],
    actor: Actor,
    indicators: Iterable[Indicator] | None = None,
    sections: list[dict[str, str]] | None = None,
    requesting_document: Document | None = None,
    window_start: dt.date | None = None,
    window_end: dt.date | None = None,
) -> ReportRound:
    """Open a round and a draft submission for every expected unit.

    Units are checked against the period: a unit that did not exist during the data window
    (a district after 30/6/2025) cannot be asked to report, and the error names it.
    """
    try:
        period = parse_period(period_code)
    except PeriodError as error:
        raise DomainError(str(error)) from error
    start = window_start or period.window_start
    end = window_end or period.window_end
    if end < start:
        raise DomainError(_("Ngày kết thúc số liệu phải sau ngày bắt đầu."))
    units = list(units)
    if not units:
        raise DomainError(_("Chọn ít nhất một đơn vị báo cáo."))
    existing = set(
        units_during(start, end).filter(pk__in=[u.pk for u in units]).values_list("pk", flat=True)
    )
    ended = [unit.name for unit in units if unit.pk not in existing]
    if ended:
        raise DomainError(
            _("Các đơn vị không tồn tại trong kỳ số liệu: %(units)s.") % {"units": "; ".join(ended)}
        )
    report_round = ReportRound.objects.create(
        title=title.strip(),
        province=province,
        period_code=period.code,
        window_start=start,
        window_end=end,
        deadline=deadline,
        requesting_document=requesting_document,
        sections=sections if sections is not None else DEFAULT_SECTIONS,
        created_by=actor,
    )
    report_round.units.set(units)
    report_round.indicators.set(
        list(indicators) if indicators is not None else Indicator.objects.filter(active=True)
    )
    Submission.objects.bulk_create(Submission(round=report_round, unit=unit) for unit in units)
    record_change(
        actor=actor,
        obj=report_round,
        action="open_round",
        changes={"period": period.code, "units": len(units)},
    )
    return report_round


def activity_totals(unit: OrgUnit, start: dt.date, end: dt.date) -> dict[tuple[str, str], Decimal]:
    """Return what the unit's logged activities in [start, end] add up to, per indicator."""
    totals: dict[tuple[str, str], Decimal] = {}
    activities = Activity.objects.filter(unit=unit, date__gte=start, date__lte=end)
    for kind, count, participants, copies in (
        activities.values("kind")
        .annotate(n=Sum(1), people=Sum("participants"), printed=Sum("copies"))
        .values_list("kind", "n", "people", "printed")
    ):
        measures = {"one": count, "participants": participants or 0, "copies": copies or 0}
        for code, measure in ACTIVITY_INDICATORS.get(kind, []):
            key = (code, "")
            totals[key] = totals.get(key, Decimal(0)) + Decimal(measures[measure])
    return totals


def _locked(submission: Submission, version: int | None) -> Submission:
    locked = (
        Submission.objects.select_for_update().select_related("round", "unit").get(pk=submission.pk)
    )
    if version is not None and locked.version != version:
        raise SubmissionConflict(
            _(
                "Báo cáo vừa được người khác cập nhật. Hãy tải lại trang để xem bản mới nhất "
                "trước khi sửa; thay đổi của bạn chưa được lưu."
            )
        )
    return locked


def _transition(
    submission: Submission, *, action: str, to: str, actor: Actor, comment: str = ""
) -> Submission:
    SubmissionEvent.objects.create(
        submission=submission,
        actor=actor,
        action=action,
        from_status=submission.status,
        to_status=to,
        comment=comment,
    )
    submission.status = to
    submission.version += 1
    return submission


def _write_values(submission: Submission, values: Values) -> None:
    """Replace the submission's values; activity-derived figures win over typed ones."""
    indicators = {i.code: i for i in submission.round.indicators.all()}
    derived = activity_totals(
        submission.unit, submission.round.window_start, submission.round.window_end
    )
    merged: dict[tuple[str, str], tuple[Decimal | None, bool]] = {
        key: (value, False) for key, value in values.items() if key[0] in indicators
    }
    for key, value in derived.items():
        if key[0] in indicators:
            merged[key] = (value, True)
    DataValue.objects.filter(submission=submission).delete()
    DataValue.objects.bulk_create(
        DataValue(
            submission=submission,
            indicator=indicators[code],
            category=category,
            value=value,
            from_activities=derived_flag,
        )
        for (code, category), (value, derived_flag) in merged.items()
        if value is not None
    )


@transaction.atomic
def save_submission(
    *,
    submission: Submission,
    values: Values,
    narrative: Mapping[str, str],
    version: int,
    actor: Actor,
) -> Submission:
    """Save a draft (or a returned report being corrected); refuse stale or invalid input."""
    submission = _locked(submission, version)
    if not submission.editable:
        raise InvalidTransition(
            _("Báo cáo đã gửi hoặc đã duyệt; chỉ sửa được khi cơ quan đầu mối trả lại.")
        )
    errors = [
        issue
        for issue in check_values(submission, values, for_submit=False)
        if issue.kind == "value"
    ]
    if errors:
        raise SubmissionInvalid(errors)
    _write_values(submission, values)
    codes = {section["code"] for section in submission.round.sections}
    submission.narrative = {k: v.strip() for k, v in narrative.items() if k in codes}
    submission.version += 1
    submission.save()
    record_change(
        actor=actor,
        obj=submission,
        action="save_submission",
        changes={"version": submission.version, "values": len(values)},
    )
    return submission


def submission_values(submission: Submission) -> Values:
    return {
        (code, category): value
        for code, category, value in submission.values.values_list(
            "indicator__code", "category", "value"
        )
    }


@transaction.atomic
def submit_submission(*, submission: Submission, version: int, actor: Actor) -> Submission:
    """Send the report to the coordinator; it is then locked until returned or reopened."""
    submission = _locked(submission, version)
    if not submission.editable:
        raise InvalidTransition(_("Báo cáo này đã được gửi."))
    _write_values(submission, submission_values(submission))
    errors = [
        i
        for i in check_values(submission, submission_values(submission), for_submit=True)
        if i.level == "error"
    ]
    if errors:
        raise SubmissionInvalid(errors)
    _transition(submission, action="submit", to=Status.SUBMITTED, actor=actor)
    submission.submitted_at = timezone.now()
    submission.save()
    return submission


@transaction.atomic
def return_submission(
    *, submission: Submission, comment: str, actor: Actor, version: int | None = None
) -> Submission:
    """Send the report back to the unit with the reason; the unit corrects and resubmits."""
    submission = _locked(submission, version)
    if submission.status != Status.SUBMITTED:
        raise InvalidTransition(_("Chỉ trả lại được báo cáo đã gửi."))
    if not comment.strip():
        raise DomainError(_("Hãy ghi lý do trả lại để đơn vị biết cần sửa gì."))
    _transition(
        submission, action="return", to=Status.RETURNED, actor=actor, comment=comment.strip()
    )
    submission.save()
    return submission


@transaction.atomic
def approve_submission(
    *, submission: Submission, actor: Actor, version: int | None = None
) -> Submission:
    submission = _locked(submission, version)
    if submission.status != Status.SUBMITTED:
        raise InvalidTransition(_("Chỉ duyệt được báo cáo đã gửi."))
    _transition(submission, action="approve", to=Status.APPROVED, actor=actor)
    submission.approved_at = timezone.now()
    submission.save()
    return submission


@transaction.atomic
def reopen_submission(*, submission: Submission, comment: str, actor: Actor) -> Submission:
    """Reopen an approved report for correction (coordinators only); the reason is kept."""
    submission = _locked(submission, None)
    if submission.status != Status.APPROVED:
        raise InvalidTransition(_("Chỉ mở lại được báo cáo đã duyệt."))
    if not comment.strip():
        raise DomainError(_("Hãy ghi lý do mở lại báo cáo."))
    _transition(
        submission, action="reopen", to=Status.RETURNED, actor=actor, comment=comment.strip()
    )
    submission.approved_at = None
    submission.save()
    return submission


@transaction.atomic
def record_activity(
    *,
    unit: OrgUnit,
    kind: str,
    title: str,
    date: dt.date,
    actor: Actor,
    participants: int | None = None,
    copies: int | None = None,
    languages: list[str] | None = None,
    note: str = "",
) -> Activity:
    """Log an activity; drafts of rounds covering its date pick it up on their next save."""
    if not unit.exists_on(date):
        raise DomainError(_("Đơn vị không tồn tại vào ngày %(day)s.") % {"day": f"{date:%d/%m/%Y}"})
    activity = Activity.objects.create(
        unit=unit,
        kind=kind,
        title=title.strip(),
        date=date,
        participants=participants,
        copies=copies,
        languages=languages or [],
        note=note.strip(),
        created_by=actor,
    )
    drafts = Submission.objects.filter(
        Q(status=Status.DRAFT) | Q(status=Status.RETURNED),
        unit=unit,
        round__window_start__lte=date,
        round__window_end__gte=date,
    ).select_related("round", "unit")
    for draft in drafts:
        _write_values(draft, submission_values(draft))
    return activity


def send_round_reminders(*, report_round: ReportRound, today: dt.date) -> int:
    """E-mail the officers of every unit that has not sent its report; once a day per unit.

    Returns the number of units reminded. Officers of a unit that ended are reached through
    the unit that continues it.
    """
    from django.conf import settings
    from django.core.mail import send_mass_mail

    from ttdn.orgs.models import Membership
    from ttdn.reporting.models import Reminder

    pending = report_round.submissions.filter(
        status__in=[Status.DRAFT, Status.RETURNED]
    ).select_related("unit")
    messages = []
    reminded = 0
    for submission in pending:
        if Reminder.objects.filter(
            round=report_round, unit=submission.unit, sent_on=today
        ).exists():
            continue
        emails = sorted(
            set(
                Membership.objects.filter(
                    role=Membership.Role.UNIT_OFFICER, unit__in=_carriers(submission.unit, today)
                )
                .exclude(user__email="")
                .values_list("user__email", flat=True)
            )
        )
        if not emails:
            continue
        days = (report_round.deadline - today).days
        subject = _("[TTĐN] Nhắc gửi báo cáo: %(round)s") % {"round": report_round.title}
        body = _(
            "Đơn vị %(unit)s chưa gửi báo cáo “%(round)s”. Hạn gửi: %(deadline)s (%(when)s).\n"
            "Vui lòng nhập số liệu và gửi báo cáo trên hệ thống TTĐN."
        ) % {
            "unit": submission.unit.name,
            "round": report_round.title,
            "deadline": f"{report_round.deadline:%d/%m/%Y}",
            "when": _("còn %(days)s ngày") % {"days": days}
            if days >= 0
            else _("đã quá hạn %(days)s ngày") % {"days": -days},
        }
        messages.append((subject, body, settings.DEFAULT_FROM_EMAIL, emails))
        Reminder.objects.create(
            round=report_round, unit=submission.unit, sent_on=today, recipients=emails
        )
        reminded += 1
    if messages:
        send_mass_mail(messages, fail_silently=False)
    return reminded


def _carriers(unit: OrgUnit, today: dt.date) -> list[OrgUnit]:
    """The unit itself while it exists, else the units that continue it today."""
    from ttdn.orgs.selectors import successors_on

    return [unit] if unit.exists_on(today) else successors_on(unit, today)


def rounds_due_for_reminder(*, today: dt.date, days_before: int) -> list[ReportRound]:
    """Open rounds whose deadline is at most ``days_before`` days away (or already passed)."""
    return list(
        ReportRound.objects.filter(
            status=ReportRound.Status.OPEN,
            deadline__lte=today + dt.timedelta(days=days_before),
            submissions__status__in=[Status.DRAFT, Status.RETURNED],
        ).distinct()
    )


@transaction.atomic
def attach_file(*, submission: Submission, name: str, data: bytes, actor: Actor) -> Attachment:
    """Attach a file to an editable report; the file is removed again if the row cannot be saved."""
    from django.conf import settings
    from django.core.files.base import ContentFile

    submission = _locked(submission, None)
    if not submission.editable:
        raise InvalidTransition(_("Chỉ đính kèm được khi báo cáo đang soạn hoặc bị trả lại."))
    if not data:
        raise DomainError(_("Tệp rỗng."))
    if len(data) > settings.DOCUMENT_MAX_BYTES:
        raise DomainError(
            _("Tệp quá lớn; giới hạn là %(limit)s MB.")
            % {"limit": settings.DOCUMENT_MAX_BYTES // 1024 // 1024}
        )
    attachment = Attachment(
        submission=submission, name=name[:255], size=len(data), uploaded_by=actor
    )
    attachment.file.save(name, ContentFile(data), save=False)
    try:
        attachment.save()
    except BaseException:
        attachment.file.delete(save=False)
        raise
    return attachment
