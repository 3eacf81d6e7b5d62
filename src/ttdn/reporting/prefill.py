"""Pre-filling submissions from the units' Word/PDF reports (issue #6).

The parser finds the figures (``ttdn.docparse.find_quantities``); here they become
``ProposedValue`` rows of a ``ReportImport`` on a submission. A person decides on each one —
accept, correct or reject — and only then ``apply_import`` writes the accepted figures and the
chosen narrative into the draft. Applying never submits: the officer still presses "Gửi báo cáo".
A coordinator's import of past reports (``import_past_report``) does the same into a closed round
of the report's period, so old figures are reviewed exactly like new ones.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ttdn.aggregation import PeriodError, parse_period
from ttdn.core.audit import record_change
from ttdn.core.exceptions import DomainError, NotFound
from ttdn.docparse import KeywordTable, ParsedDocument, ReadError, keyword_table, parse_bytes
from ttdn.orgs.models import OrgUnit
from ttdn.orgs.selectors import resolve_unit
from ttdn.reporting.catalogue import DEFAULT_SECTIONS
from ttdn.reporting.models import (
    LANGUAGES,
    PLATFORMS,
    Attachment,
    Indicator,
    PastReportBatch,
    PastReportFile,
    ProposedValue,
    ReportImport,
    ReportRound,
    Submission,
)
from ttdn.reporting.selectors import access_submission
from ttdn.reporting.services import (
    InvalidTransition,
    SubmissionConflict,
    attach_file,
    save_submission,
    submission_values,
)
from ttdn.text import search_fold

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

    Actor = AbstractBaseUser | None
    User = AbstractBaseUser | AnonymousUser

Decision = ProposedValue.Decision
REPORT_SUFFIXES = (".docx", ".pdf", ".txt")


class ReportUnreadable(DomainError):
    """The uploaded file is not a report the parser can read."""

    status_code = 422


# Headings of the narrative sections, as reports word them ("II. KHÓ KHĂN, VƯỚNG MẮC",
# "4. Phương hướng, nhiệm vụ 6 tháng cuối năm 2024").
_SECTION_HEADINGS = {
    "results": re.compile(r"ket qua"),
    "difficulties": re.compile(r"kho khan|vuong mac|ton tai|han che"),
    "proposals": re.compile(r"kien nghi|de xuat|de nghi"),
    "next_period": re.compile(r"phuong huong|nhiem vu .*(?:toi|cuoi nam|ke tiep)|ky toi"),
}


# Where a report's body ends: the closing sentence, the recipients, the signing block.
_CLOSING = re.compile(r"\n\s*(?:Trên đây là|Nơi nhận|Noi nhận|NƠI NHẬN|TM\.|KT\.)")


def narrative_from_sections(parsed: ParsedDocument, sections: Iterable[dict[str, str]]) -> dict:
    """Return {section code: text under the first heading that matches the section}.

    The text runs from the end of the heading to the next heading of the same or a higher level,
    so the sub-headings of "3. Kết quả thực hiện" (a), b), c)…) stay inside it.
    """
    found: dict[str, str] = {}
    headings = list(parsed.sections)
    for section in sections:
        code = section["code"]
        pattern = _SECTION_HEADINGS.get(code) or re.compile(
            re.escape(search_fold(section["title"]))
        )
        for index, heading in enumerate(headings):
            if not pattern.search(search_fold(heading.heading)):
                continue
            end = len(parsed.text)
            for later in headings[index + 1 :]:
                if later.level <= heading.level:
                    # The heading's span starts after its number ("3."): cut at its line.
                    end = parsed.text.rfind("\n", heading.end, later.start) + 1 or later.start
                    break
            closing = _CLOSING.search(parsed.text, heading.end, end)
            body = parsed.text[heading.end : closing.start() if closing else end].strip()
            if body:
                found[code] = body
            break
    return found


def catalogue_keywords(indicators: Iterable[Indicator]) -> KeywordTable:
    """Return the extraction words of these indicators, for the parser (plain data only)."""
    return keyword_table(
        {
            indicator.code: [line for line in indicator.keywords.splitlines() if line.strip()]
            for indicator in indicators
        }
    )


def read_report(*, data: bytes, name: str, keywords: KeywordTable | None = None) -> ParsedDocument:
    """Parse an uploaded report; refuse (in Vietnamese) what is empty, too big or unreadable."""
    if not data:
        raise ReportUnreadable(_("Tệp rỗng."))
    if len(data) > settings.DOCUMENT_MAX_BYTES:
        raise ReportUnreadable(
            _("Tệp quá lớn; giới hạn là %(limit)s MB.")
            % {"limit": settings.DOCUMENT_MAX_BYTES // 1024 // 1024}
        )
    if not name.lower().endswith(REPORT_SUFFIXES):
        raise ReportUnreadable(_("Chỉ nhận báo cáo dạng DOCX, PDF hoặc TXT."))
    try:
        parsed = parse_bytes(data, name, keywords=keywords)
    except ReadError as error:
        raise ReportUnreadable(error.message) from error
    if not parsed.text.strip():
        raise ReportUnreadable(_("Tệp không có nội dung văn bản."))
    return parsed


def _category(indicator: Indicator | None, category: str | None) -> str:
    """Keep a breakdown only where the indicator is broken down that way and knows the option."""
    if indicator is None or not category or not indicator.disaggregation:
        return ""
    kind, _sep, option = category.partition(":")
    options = {"language": LANGUAGES, "platform": PLATFORMS}.get(kind, [])
    if kind != indicator.disaggregation or option not in {code for code, _label in options}:
        return ""
    return category


@transaction.atomic
def import_report(
    *,
    submission: Submission,
    name: str,
    data: bytes,
    actor: Actor,
    origin: str = ReportImport.Origin.UNIT,
    parsed: ParsedDocument | None = None,
) -> ReportImport:
    """Read a report into a submission as proposals; the submission itself is not changed.

    The same file uploaded again while its proposals wait returns that import, so a double click
    or a second upload never doubles the figures. The file itself is attached to the submission
    (once, however often it is imported), so the signed original is never lost.
    """
    indicators = {i.code: i for i in submission.round.indicators.all()}
    if parsed is None:
        parsed = read_report(data=data, name=name, keywords=catalogue_keywords(indicators.values()))
    submission = Submission.objects.select_for_update().get(pk=submission.pk)
    if not submission.editable:
        raise InvalidTransition(
            _("Báo cáo đã gửi hoặc đã duyệt; chỉ nhập được khi báo cáo đang soạn hoặc bị trả lại.")
        )
    digest = hashlib.sha256(data).hexdigest()
    pending = submission.imports.filter(content_hash=digest, status=ReportImport.Status.PENDING)
    existing = pending.first()
    if existing is not None:
        return existing
    report_import = ReportImport.objects.create(
        submission=submission,
        name=name[:255],
        content_hash=digest,
        text=parsed.text,
        origin=origin,
        narrative=narrative_from_sections(parsed, submission.round.sections),
        warnings=list(parsed.warnings),
        uploaded_by=actor,
    )
    rows = []
    for position, quantity in enumerate(parsed.quantities):
        indicator = indicators.get(quantity.indicator or "")
        rows.append(
            ProposedValue(
                report_import=report_import,
                position=position,
                indicator=indicator,
                indicator_code=quantity.indicator or "",
                category=_category(indicator, quantity.category),
                value=Decimal(str(quantity.value)) if quantity.value is not None else None,
                approx=quantity.approx,
                per=quantity.per or "",
                unit=quantity.unit[:255],
                phrase=quantity.text[:500],
                org_unit=(quantity.org_unit or "")[:255],
                start=quantity.start,
                end=quantity.end,
                sentence_start=quantity.sentence_start,
                sentence_end=quantity.sentence_end,
            )
        )
    ProposedValue.objects.bulk_create(rows)
    record_change(
        actor=actor,
        obj=submission,
        action="import_report",
        changes={"file": report_import.name, "figures": len(rows)},
    )
    # Last, so that nothing above can fail after the file is in storage.
    report_import.attachment = _attachment_of(submission, digest) or attach_file(
        submission=submission, name=name, data=data, actor=actor
    )
    report_import.save(update_fields=["attachment", "updated_at"])
    return report_import


def _attachment_of(submission: Submission, digest: str) -> Attachment | None:
    """Return the attachment an earlier import of the same file left on the submission."""
    earlier = (
        submission.imports.filter(content_hash=digest, attachment__isnull=False)
        .select_related("attachment")
        .first()
    )
    return earlier.attachment if earlier is not None else None


def access_import(
    user: User, submission_pk: int, pk: int, *, for_edit: bool = False
) -> ReportImport:
    """Return an import of a submission the user may read (or edit); else "not found"."""
    submission = access_submission(user, submission_pk, for_edit=for_edit)
    report_import = submission.imports.filter(pk=pk).first()
    if report_import is None:
        raise NotFound(_("Không tìm thấy tệp báo cáo đã nhập."))
    report_import.submission = submission
    return report_import


def _parse_amount(raw: str | None) -> Decimal:
    text = (raw or "").strip().replace(" ", "")
    # Officers type figures the Vietnamese way: "5.000" is five thousand, "1,5" one and a half.
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", text):
        text = text.replace(".", "")
    text = text.replace(",", ".")
    try:
        amount = Decimal(text)
    except InvalidOperation as error:
        raise DomainError(_("Giá trị sửa phải là một số không âm.")) from error
    if amount < 0 or not amount.is_finite() or amount >= Decimal("1e14"):
        raise DomainError(_("Giá trị sửa phải là một số không âm."))
    return amount


@transaction.atomic
def decide_value(
    *, proposed: ProposedValue, decision: str, corrected: str | None, actor: Actor
) -> ProposedValue:
    """Record the officer's decision on one figure: accept, correct (with a value) or reject."""
    # Lock only the figure's row: PostgreSQL refuses FOR UPDATE across the outer join to a
    # nullable indicator.
    proposed = (
        ProposedValue.objects.select_for_update(of=("self",))
        .select_related("report_import__submission", "indicator")
        .get(pk=proposed.pk)
    )
    report_import = proposed.report_import
    if report_import.status != ReportImport.Status.PENDING:
        raise InvalidTransition(_("Tệp này đã được xử lý xong."))
    if not report_import.submission.editable:
        raise InvalidTransition(_("Báo cáo đã gửi; không sửa được số liệu."))
    if decision not in {Decision.ACCEPTED, Decision.CORRECTED, Decision.REJECTED}:
        raise DomainError(_("Chọn nhận, sửa hoặc bỏ."))
    if decision != Decision.REJECTED and proposed.indicator is None:
        raise DomainError(_("Số liệu này không thuộc chỉ tiêu nào của đợt báo cáo; chỉ có thể bỏ."))
    if decision == Decision.ACCEPTED and proposed.value is None:
        raise DomainError(_("Văn bản không nêu con số cụ thể; hãy nhập giá trị sửa."))
    proposed.corrected_value = _parse_amount(corrected) if decision == Decision.CORRECTED else None
    proposed.decision = decision
    proposed.save(update_fields=["decision", "corrected_value"])
    record_change(
        actor=actor,
        obj=report_import.submission,
        action="decide_report_figure",
        changes={"figure": proposed.phrase, "decision": decision},
    )
    return proposed


@dataclass(frozen=True)
class ApplyResult:
    submission: Submission
    values: int
    sections: int


@transaction.atomic
def apply_import(
    *, report_import: ReportImport, version: int, sections: Iterable[str], actor: Actor
) -> ApplyResult:
    """Write the accepted and corrected figures (and the chosen narrative) into the draft.

    Several figures accepted for the same indicator and breakdown are added up (a report that
    gives the courses of two departments); a figure replaces what the draft held for its key.
    The submission is locked and its version checked, like any other edit.
    """
    locked = ReportImport.objects.select_for_update().get(pk=report_import.pk)
    if locked.status != ReportImport.Status.PENDING:
        raise InvalidTransition(_("Tệp này đã được điền vào báo cáo."))
    submission = locked.submission
    if submission.version != version:
        raise SubmissionConflict(
            _(
                "Báo cáo vừa được người khác cập nhật. Hãy tải lại trang để xem bản mới nhất "
                "trước khi điền; chưa có gì được lưu."
            )
        )
    decided = list(
        locked.values.filter(
            decision__in=[Decision.ACCEPTED, Decision.CORRECTED], indicator__isnull=False
        ).select_related("indicator")
    )
    figures: dict[tuple[str, str], Decimal] = {}
    for proposed in decided:
        amount = proposed.final_value
        if amount is None or proposed.indicator is None:
            continue
        key = (proposed.indicator.code, proposed.category)
        figures[key] = figures.get(key, Decimal(0)) + amount
    values = submission_values(submission) | figures
    narrative = dict(submission.narrative)
    chosen = [code for code in sections if code in locked.narrative]
    for code in chosen:
        narrative[code] = locked.narrative[code]
    submission = save_submission(
        submission=submission, values=values, narrative=narrative, version=version, actor=actor
    )
    locked.status = ReportImport.Status.APPLIED
    locked.save(update_fields=["status", "updated_at"])
    record_change(
        actor=actor,
        obj=submission,
        action="apply_report_import",
        changes={"file": locked.name, "values": len(figures), "sections": chosen},
    )
    return ApplyResult(submission, len(figures), len(chosen))


@transaction.atomic
def discard_import(*, report_import: ReportImport, actor: Actor) -> None:
    """Drop an import's proposals without touching the submission."""
    locked = ReportImport.objects.select_for_update().get(pk=report_import.pk)
    if locked.status != ReportImport.Status.PENDING:
        raise InvalidTransition(_("Tệp này đã được xử lý xong."))
    locked.status = ReportImport.Status.DISCARDED
    locked.save(update_fields=["status", "updated_at"])
    record_change(actor=actor, obj=locked.submission, action="discard_report_import", changes={})


# --- Past reports -------------------------------------------------------------------------------

_PERIOD_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"6 thang dau nam (\d{4})|sau thang dau nam (\d{4})"), "{}S1"),
    (re.compile(r"6 thang cuoi nam (\d{4})|sau thang cuoi nam (\d{4})"), "{}S2"),
    (re.compile(r"9 thang (?:dau )?nam (\d{4})|chin thang (?:dau )?nam (\d{4})"), "{}N9"),
    (re.compile(r"quy (?:i|1) (?:nam )?(\d{4})"), "{}Q1"),
    (re.compile(r"quy (?:ii|2) (?:nam )?(\d{4})"), "{}Q2"),
    (re.compile(r"quy (?:iii|3) (?:nam )?(\d{4})"), "{}Q3"),
    (re.compile(r"quy (?:iv|4) (?:nam )?(\d{4})"), "{}Q4"),
    # "năm 2023", but not the year of a date ("ngày 15 tháng 12 năm 2023").
    (re.compile(r"(?<!thang \d )(?<!thang \d\d )nam (\d{4})"), "{}"),
)


def period_of_report(parsed: ParsedDocument) -> str | None:
    """Return the period code a report covers, from its title ("… 6 tháng đầu năm 2024")."""
    sources = [parsed.metadata.title or "", parsed.text[:600]]
    for source in sources:
        folded = search_fold(source)
        for pattern, template in _PERIOD_PATTERNS:
            match = pattern.search(folded)
            if match:
                year = next(group for group in match.groups() if group)
                return template.format(year)
    return None


@dataclass(frozen=True)
class PastReportResult:
    report_import: ReportImport
    unit: OrgUnit
    period_code: str
    #: The same file was already imported into that submission (nothing new was stored).
    duplicate: bool = False


def import_past_report(
    *,
    province: OrgUnit,
    data: bytes,
    name: str,
    actor: Actor,
    unit: OrgUnit | None = None,
    period_code: str | None = None,
    fallback_unit: OrgUnit | None = None,
    fallback_period: str | None = None,
) -> PastReportResult:
    """Import a past report into the closed round of its period, as a draft for review.

    The unit is ``unit``, else the document's issuer as it was named on the date of issue, else
    ``fallback_unit`` (the coordinator's choice for files that do not say); the period likewise
    ``period_code``, the title's, ``fallback_period``. A closed "historical" round is created for
    the period if the province has none, so figures of years before TTĐN land where reports for
    those years are expected. Nothing is stored unless the whole file is imported.
    """
    parsed = read_report(
        data=data, name=name, keywords=catalogue_keywords(Indicator.objects.filter(active=True))
    )
    day = parsed.metadata.issued_at or timezone.localdate()
    issuer, place = parsed.metadata.issuer, parsed.metadata.place
    if unit is None and issuer:
        unit = resolve_unit(issuer, on=day, within=province)
        if unit is None and place:
            # A department signs as "SỞ NỘI VỤ" under "UBND TỈNH …"; its unit is "Sở Nội vụ
            # tỉnh …" (the place line names the province).
            unit = resolve_unit(f"{issuer} tỉnh {place}", on=day, within=province)
    unit = unit or fallback_unit
    if unit is None:
        raise DomainError(
            _("Không xác định được đơn vị ban hành báo cáo “%(name)s”; hãy chọn đơn vị.")
            % {"name": name}
        )
    code = period_code or period_of_report(parsed) or fallback_period
    if not code:
        raise DomainError(
            _("Không xác định được kỳ báo cáo của “%(name)s”; hãy chọn kỳ.") % {"name": name}
        )
    try:
        period = parse_period(code)
    except PeriodError as error:
        raise DomainError(
            _("Kỳ báo cáo “%(code)s” của “%(name)s” không hợp lệ: %(error)s")
            % {"code": code, "name": name, "error": error}
        ) from error
    digest = hashlib.sha256(data).hexdigest()
    with transaction.atomic():
        report_round = (
            ReportRound.objects.filter(province=province, period_code=period.code)
            .order_by("id")
            .first()
        )
        if report_round is None:
            report_round = ReportRound.objects.create(
                title=_("Báo cáo cũ — %(period)s") % {"period": period.label_vi},
                province=province,
                period_code=period.code,
                window_start=period.window_start,
                window_end=period.window_end,
                deadline=period.window_end,
                status=ReportRound.Status.CLOSED,
                sections=DEFAULT_SECTIONS,
                created_by=actor,
            )
            report_round.indicators.set(Indicator.objects.filter(active=True))
        report_round.units.add(unit)
        submission, _created = Submission.objects.get_or_create(round=report_round, unit=unit)
        earlier = (
            submission.imports.filter(content_hash=digest)
            .exclude(status=ReportImport.Status.DISCARDED)
            .first()
        )
        if earlier is not None:
            # A folder imported twice: the file is already there, pending or applied.
            return PastReportResult(earlier, unit, period.code, duplicate=True)
        if not submission.editable:
            raise InvalidTransition(
                _("%(unit)s đã có báo cáo kỳ %(period)s được gửi hoặc duyệt.")
                % {"unit": unit.name, "period": period.label_vi}
            )
        report_import = import_report(
            submission=submission,
            name=name,
            data=data,
            actor=actor,
            origin=ReportImport.Origin.HISTORICAL,
            parsed=parsed,
        )
    return PastReportResult(report_import, unit, period.code)


# --- A folder of past reports, read by the task worker ------------------------------------------


@transaction.atomic
def queue_past_reports(
    *,
    province: OrgUnit,
    files: Iterable[tuple[str, bytes]],
    actor: Actor,
    default_unit: OrgUnit | None = None,
    default_period: str = "",
) -> PastReportBatch:
    """Store the uploaded files as a batch and queue it for the worker (after commit).

    The defaults apply to the files whose unit or period cannot be read from the file.
    """
    if default_period:
        try:
            default_period = parse_period(default_period).code
        except PeriodError as error:
            raise DomainError(str(error)) from error
    batch = PastReportBatch.objects.create(
        province=province,
        default_unit=default_unit,
        default_period=default_period,
        created_by=actor if actor is not None and actor.is_authenticated else None,
    )
    PastReportFile.objects.bulk_create(
        PastReportFile(batch=batch, position=position, name=name[:255], data=data)
        for position, (name, data) in enumerate(files)
    )
    from ttdn.reporting.tasks import import_past_report_batch

    transaction.on_commit(lambda: import_past_report_batch.enqueue(batch.pk))
    return batch


def run_past_report_batch(*, batch: PastReportBatch) -> PastReportBatch:
    """Import each waiting file of a batch in its own transaction, saving progress as it goes.

    A file that fails is kept, with its reason, for the coordinator to choose its unit or period
    and try again; the others are imported regardless.
    """
    PastReportBatch.objects.filter(pk=batch.pk).update(status=PastReportBatch.Status.RUNNING)
    waiting = list(
        batch.files.filter(outcome=PastReportFile.Outcome.PENDING).values_list("pk", flat=True)
    )
    try:
        for pk in waiting:
            # One file's bytes in memory at a time: a folder may hold hundreds of reports.
            item = PastReportFile.objects.select_related("batch__province", "unit").get(pk=pk)
            import_batch_file(item=item, actor=batch.created_by)
    finally:
        # Even if the worker fails on a file, the page stops waiting: the files not read stay
        # "Chưa đọc", and the task's error is in the worker's log.
        PastReportBatch.objects.filter(pk=batch.pk).update(status=PastReportBatch.Status.DONE)
    batch.refresh_from_db()
    return batch


def import_batch_file(
    *,
    item: PastReportFile,
    actor: Actor,
    unit: OrgUnit | None = None,
    period_code: str | None = None,
) -> PastReportFile:
    """Import one file of a batch (again, with the unit or period the coordinator chose)."""
    batch = item.batch
    try:
        result = import_past_report(
            province=batch.province,
            data=bytes(item.data),
            name=item.name,
            actor=actor,
            unit=unit,
            period_code=period_code or None,
            fallback_unit=batch.default_unit,
            fallback_period=batch.default_period or None,
        )
    except DomainError as error:
        item.outcome = PastReportFile.Outcome.FAILED
        item.error = error.message
        item.unit = unit
        item.period_code = period_code or ""
    else:
        item.outcome = (
            PastReportFile.Outcome.DUPLICATE
            if result.duplicate
            else PastReportFile.Outcome.IMPORTED
        )
        item.error = ""
        item.report_import = result.report_import
        item.unit = result.unit
        item.period_code = result.period_code
        item.figures = result.report_import.values.count()
        item.data = b""  # kept from now on as the submission's attachment
    item.save()
    return item


def access_batch(user: User, pk: int) -> PastReportBatch:
    """Return a batch of a province the user coordinates; else "not found"."""
    from ttdn.orgs import permissions

    batch = PastReportBatch.objects.filter(pk=pk).select_related("province").first()
    if batch is None or batch.province not in permissions.provinces_coordinated(user):
        raise NotFound(_("Không tìm thấy đợt nhập báo cáo cũ."))
    return batch
