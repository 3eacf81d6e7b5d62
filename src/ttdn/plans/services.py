"""Writes of the plans app: proposals from a document, plans, task updates, reassignment,
reminders. Every write that touches several rows runs in one transaction."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ttdn.core.audit import record_change
from ttdn.core.exceptions import DomainError
from ttdn.core.files import delete_stored_files
from ttdn.docparse import ReadError, parse, read_bytes
from ttdn.documents.models import Document
from ttdn.orgs.models import OrgUnit
from ttdn.orgs.selectors import province_scope, resolve_unit, successors_on, units_on
from ttdn.plans.models import Evidence, Plan, PlanDraft, Task, TaskAssignment, TaskUpdate
from ttdn.text import fold

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

    Actor = AbstractBaseUser | AnonymousUser | None

Status = TaskAssignment.Status
Role = TaskAssignment.Role


class PlanError(DomainError):
    """A plan, a proposal or a task update was refused; the message says why."""


# ---------------------------------------------------------------- proposals from a document

# Collective addressees and the kinds of unit they mean, matched on the folded heading.
_COLLECTIVE_KINDS: list[tuple[str, list[str]]] = [
    ("so, ban, nganh", [OrgUnit.Kind.DEPARTMENT]),
    ("cac so", [OrgUnit.Kind.DEPARTMENT]),
    ("huyen", [OrgUnit.Kind.DISTRICT]),
    ("xa, phuong", [OrgUnit.Kind.COMMUNE]),
    ("cap xa", [OrgUnit.Kind.COMMUNE]),
    ("bao chi", [OrgUnit.Kind.PRESS]),
    ("doan the", [OrgUnit.Kind.MASS_ORGANISATION]),
    ("chinh tri - xa hoi", [OrgUnit.Kind.MASS_ORGANISATION]),
]


def expand_collective(label: str, *, province: OrgUnit, on: dt.date) -> list[OrgUnit]:
    """Return the units a collective addressee means, as the tree stood on ``on``.

    "Các sở, ban, ngành, UBND các huyện, thành phố" on 21/8/2024 gives the departments and the
    districts of that day; the same words after 1/7/2025 find no district (they had ended).
    """
    folded = fold(label).lower()
    kinds = {kind for words, found in _COLLECTIVE_KINDS if words in folded for kind in found}
    if not kinds:
        return []
    scope = province_scope(province)
    return list(units_on(on).filter(pk__in=scope, kind__in=kinds).order_by("kind", "name"))


def _due_date(due: str | None, *, issued: dt.date) -> str | None:
    """ "2024-09-30" stays; "15/12" (every year) is its first occurrence from the issue date."""
    if not due:
        return None
    if "-" in due:
        return due
    day, month = (int(part) for part in due.split("/"))
    try:
        candidate = dt.date(issued.year, month, day)
        if candidate < issued:
            candidate = dt.date(issued.year + 1, month, day)
    except ValueError:
        return None
    return candidate.isoformat()


def _plan_end(document: Document, issued: dt.date) -> dt.date:
    # "đến năm 2030", "giai đoạn 2023 - 2025": the latest year the title names, else the
    # year of issue.
    years = [int(y) for y in re.findall(r"\b(20\d{2})\b", document.title or "")]
    later = [y for y in years if y >= issued.year]
    return dt.date(max(later) if later else issued.year, 12, 31)


def _objectives(text: str, sections: Sequence[dict[str, Any]]) -> str:
    # The most specific "Mục tiêu" heading ("1. Mục tiêu" under "I. MỤC TIÊU, YÊU CẦU"), up to
    # the next heading of its level or above.
    def level(section: dict[str, Any]) -> int:
        return str(section["number"]).count(".") + 1

    matching = [
        index
        for index, section in enumerate(sections)
        if fold(section["heading"]).lower().startswith(("muc tieu", "muc dich"))
    ]
    if not matching:
        return ""
    index = matching[-1]
    section = sections[index]
    end = next((s["start"] for s in sections[index + 1 :] if level(s) <= level(section)), len(text))
    lines = [line.strip() for line in text[section["end"] : end].split("\n")]
    # Drop the number of the next heading that starts the last line ("II.").
    while lines and re.fullmatch(r"[IVXL\d]+\.?|[a-zđ]\)|", lines[-1]):
        lines.pop()
    return "\n".join(line for line in lines if line)[:4000]


def _assignments_of(document: Document) -> tuple[list[dict[str, Any]], str, list[dict[str, Any]]]:
    """Parse the stored file again (its tables included) for the plan's assignments."""
    version = document.current_version
    if version is None:
        raise PlanError(_("Văn bản chưa có tệp trong hệ thống; không thể đề xuất nhiệm vụ."))
    parsed = version.parsed or {}
    try:
        with version.file.open("rb") as handle:
            read = read_bytes(handle.read(), version.original_name)
        fresh = parse(read.text, tables=read.tables).to_dict()
    except (OSError, ReadError, ValueError):
        fresh = parsed
    text = version.text
    return list(fresh.get("assignments") or []), text, list(fresh.get("sections") or [])


@transaction.atomic
def propose_plan(*, document: Document, province: OrgUnit, actor: Actor) -> PlanDraft:
    """Propose a plan from a registry document: its tasks with their units resolved.

    Nothing is created but the draft; the coordinator reviews it (``create_plan_from_draft``).
    """
    if Plan.objects.filter(document=document).exists():
        raise PlanError(_("Văn bản này đã có kế hoạch trong hệ thống."))
    assignments, text, sections = _assignments_of(document)
    if not assignments:
        raise PlanError(
            _(
                "Không tìm thấy phần “Tổ chức thực hiện” với các đơn vị và nhiệm vụ trong văn "
                "bản này."
            )
        )
    issued = document.issued_at or timezone.localdate()
    rows: list[dict[str, Any]] = []
    for group in assignments:
        label = group["unit"]
        if group.get("collective"):
            leads = expand_collective(label, province=province, on=issued)
        else:
            unit = resolve_unit(label, on=issued, within=province)
            leads = [unit] if unit else []
        schedule = {item["task"]: item for item in group.get("schedule", [])}
        supporters = {item["task"]: item["units"] for item in group.get("supporters", [])}
        for index, task_text in enumerate(group["tasks"]):
            support_names = supporters.get(index, [])
            support_units: list[OrgUnit] = []
            unresolved: list[str] = []
            for name in support_names:
                found = resolve_unit(name, on=issued, within=province)
                if found is None:
                    unresolved.append(name)
                else:
                    support_units.append(found)
            when = schedule.get(index, {})
            rows.append(
                {
                    "text": task_text,
                    "group": label,
                    "kind": group.get("kind", "order"),
                    "collective": bool(group.get("collective")),
                    "lead": [unit.pk for unit in leads],
                    "support": [unit.pk for unit in support_units],
                    "unresolved": ([] if leads else [label]) + unresolved,
                    "due": _due_date(when.get("due"), issued=issued),
                    "recurrence": when.get("recurrence") or "",
                    "keep": True,
                }
            )
    draft = PlanDraft.objects.create(
        document=document,
        province=province,
        title=document.title or str(document),
        starts_on=issued,
        ends_on=_plan_end(document, issued),
        objectives=_objectives(text, sections),
        proposal=rows,
        created_by=actor if actor is not None and actor.is_authenticated else None,
    )
    record_change(actor=actor, obj=draft, action="plan_draft.create")
    return draft


@dataclass
class ReviewedTask:
    """One row of the review form, as the coordinator left it."""

    text: str
    lead: list[OrgUnit]
    support: list[OrgUnit] = field(default_factory=list)
    due: dt.date | None = None
    recurrence: str = ""
    kind: str = Task.Kind.ORDER
    group: str = ""
    keep: bool = True
    merge_into: int | None = None  # 1-based row number of the task this one joins


@dataclass(frozen=True)
class PlanHeader:
    title: str
    starts_on: dt.date
    ends_on: dt.date
    objectives: str = ""


def _merged(rows: Sequence[ReviewedTask]) -> list[ReviewedTask]:
    """Apply drops and merges: a merged row adds its text and units to the row it joins."""
    result: dict[int, ReviewedTask] = {}
    for number, row in enumerate(rows, start=1):
        if row.keep and row.merge_into is None:
            result[number] = ReviewedTask(**{**row.__dict__, "lead": [*row.lead]})
    for number, row in enumerate(rows, start=1):
        if not row.keep or row.merge_into is None:
            continue
        target = result.get(row.merge_into)
        if target is None or row.merge_into == number:
            raise PlanError(
                _(
                    "Nhiệm vụ %(row)s được gộp vào nhiệm vụ %(target)s, nhưng nhiệm vụ đó không được giữ."
                )
                % {"row": number, "target": row.merge_into}
            )
        target.text = f"{target.text.rstrip()} {row.text.strip()}"
        target.lead += [unit for unit in row.lead if unit not in target.lead]
        target.support += [unit for unit in row.support if unit not in target.support]
        if row.due and (target.due is None or row.due < target.due):
            target.due = row.due
    return list(result.values())


def save_draft(*, draft: PlanDraft, header: PlanHeader, rows: Sequence[ReviewedTask]) -> PlanDraft:
    """Keep the coordinator's edits in the draft without creating anything."""
    draft.title, draft.starts_on, draft.ends_on = header.title, header.starts_on, header.ends_on
    draft.objectives = header.objectives
    draft.proposal = [
        {
            "text": row.text,
            "group": row.group,
            "kind": row.kind,
            "collective": len(row.lead) > 1,
            "lead": [unit.pk for unit in row.lead],
            "support": [unit.pk for unit in row.support],
            "unresolved": [],
            "due": row.due.isoformat() if row.due else None,
            "recurrence": row.recurrence,
            "keep": row.keep,
        }
        for row in rows
    ]
    draft.save()
    return draft


@transaction.atomic
def create_plan_from_draft(
    *, draft: PlanDraft, header: PlanHeader, rows: Sequence[ReviewedTask], actor: Actor
) -> Plan:
    """Create the plan and its tasks from the reviewed rows, all or nothing."""
    # Two coordinators saving the same draft: the second waits here and is refused below.
    draft = PlanDraft.objects.select_for_update().get(pk=draft.pk)
    if draft.status != PlanDraft.Status.OPEN:
        raise PlanError(_("Bản đề xuất này đã được lưu thành kế hoạch."))
    if header.ends_on < header.starts_on:
        raise PlanError(_("Ngày kết thúc phải sau ngày bắt đầu."))
    tasks = _merged(rows)
    if not tasks:
        raise PlanError(_("Kế hoạch phải có ít nhất một nhiệm vụ."))
    for number, row in enumerate(tasks, start=1):
        if not row.text.strip():
            raise PlanError(_("Nhiệm vụ %(row)s chưa có nội dung.") % {"row": number})
        if not row.lead:
            raise PlanError(
                _("Nhiệm vụ “%(task)s” chưa có đơn vị chủ trì.") % {"task": row.text[:60]}
            )
    if Plan.objects.filter(document=draft.document).exists():
        raise PlanError(_("Văn bản này đã có kế hoạch trong hệ thống."))
    plan = Plan.objects.create(
        province=draft.province,
        document=draft.document,
        title=header.title,
        starts_on=header.starts_on,
        ends_on=header.ends_on,
        objectives=header.objectives,
        created_by=actor if actor is not None and actor.is_authenticated else None,
    )
    for position, row in enumerate(tasks, start=1):
        task = Task.objects.create(
            plan=plan,
            position=position,
            text=" ".join(row.text.split()),
            group_label=row.group[:255],
            kind=row.kind,
            due_on=row.due,
            recurrence=row.recurrence,
        )
        TaskAssignment.objects.bulk_create(
            [
                TaskAssignment(task=task, unit=unit, role=Role.LEAD, due_on=row.due)
                for unit in row.lead
            ]
            + [
                TaskAssignment(task=task, unit=unit, role=Role.SUPPORT, due_on=row.due)
                for unit in row.support
                if unit not in row.lead
            ]
        )
    draft.status = PlanDraft.Status.SAVED
    draft.plan = plan
    draft.save(update_fields=["status", "plan", "updated_at"])
    record_change(actor=actor, obj=plan, action="plan.create", changes={"tasks": len(tasks)})
    return plan


# ---------------------------------------------------------------- unit updates and evidence


@dataclass(frozen=True)
class EvidenceInput:
    document: Document | None = None
    activity: Any = None
    submission: Any = None
    file_name: str = ""
    file_data: bytes = b""


def update_assignment(
    *,
    assignment: TaskAssignment,
    status: str,
    note: str,
    evidence: Sequence[EvidenceInput] = (),
    actor: Actor,
    today: dt.date,
) -> TaskUpdate:
    """Record a unit's update of its part of a task: new status, note, evidence.

    Files are written before the transaction commits and removed again if it fails, so a
    refused update leaves neither rows nor files behind.
    """
    if status not in Status.values:
        raise PlanError(_("Trạng thái không hợp lệ."))
    if not note.strip() and not evidence and status == assignment.status:
        raise PlanError(_("Hãy ghi nội dung cập nhật, chọn trạng thái mới hoặc thêm minh chứng."))
    for item in evidence:
        if item.file_name and len(item.file_data) > settings.DOCUMENT_MAX_BYTES:
            raise PlanError(
                _("Tệp minh chứng quá lớn (giới hạn %(limit)s MB).")
                % {"limit": settings.DOCUMENT_MAX_BYTES // 1024 // 1024}
            )
        if item.file_name and not item.file_data:
            raise PlanError(_("Tệp minh chứng rỗng."))
    stored: list[str] = []
    try:
        with transaction.atomic():
            locked = TaskAssignment.objects.select_for_update().get(pk=assignment.pk)
            before = locked.status
            locked.status = status
            if status == Status.DONE and before != Status.DONE:
                locked.completed_on = today
            elif status != Status.DONE:
                locked.completed_on = None
            locked.save(update_fields=["status", "completed_on", "updated_at"])
            update = TaskUpdate.objects.create(
                assignment=locked,
                author=actor if actor is not None and actor.is_authenticated else None,
                status=status,
                note=note.strip(),
            )
            for item in evidence:
                row = Evidence(
                    update=update,
                    document=item.document,
                    activity=item.activity,
                    submission=item.submission,
                )
                if item.file_name:
                    from django.core.files.base import ContentFile

                    row.name = item.file_name[:255]
                    row.size = len(item.file_data)
                    row.file.save(item.file_name, ContentFile(item.file_data), save=False)
                    stored.append(row.file.name)
                row.save()
            record_change(
                actor=actor,
                obj=locked,
                action="task.update",
                changes={"status": [before, status], "evidence": len(evidence)},
            )
    except BaseException:
        delete_stored_files(stored)
        raise
    assignment.refresh_from_db()
    return update


@transaction.atomic
def set_assignment_due(
    *, assignment: TaskAssignment, due_on: dt.date | None, actor: Actor
) -> TaskAssignment:
    """Give one unit's part of a task its own deadline (a commune may get longer than a Sở)."""
    locked = TaskAssignment.objects.select_for_update().get(pk=assignment.pk)
    before = locked.due_on
    locked.due_on = due_on
    locked.save(update_fields=["due_on", "updated_at"])
    record_change(
        actor=actor,
        obj=locked,
        action="task.due",
        changes={"due_on": [str(before) if before else None, str(due_on) if due_on else None]},
    )
    return locked


# ---------------------------------------------------------------- reassignment after mergers


def successors_for(assignment: TaskAssignment, *, on: dt.date) -> list[OrgUnit]:
    """Return the lineage successors proposed to take over a task of an ended unit."""
    return [unit for unit in successors_on(assignment.unit, on) if unit.pk != assignment.unit_id]


@transaction.atomic
def reassign_assignment(
    *, assignment: TaskAssignment, to_units: Sequence[OrgUnit], actor: Actor, today: dt.date
) -> list[TaskAssignment]:
    """Hand an ended unit's part of a task to its successors; the old part stays, cancelled.

    History is not rewritten: the ended unit's assignment keeps its record and says to whom it
    went; each successor gets its own assignment with the same role, due date and status.
    """
    locked = TaskAssignment.objects.select_for_update().select_related("unit").get(pk=assignment.pk)
    if locked.status in (Status.DONE, Status.CANCELLED):
        raise PlanError(_("Nhiệm vụ này đã hoàn thành hoặc đã được giao lại."))
    if not to_units:
        raise PlanError(_("Hãy chọn ít nhất một đơn vị nhận nhiệm vụ."))
    taken = set(
        TaskAssignment.objects.filter(task=locked.task_id).values_list("unit_id", flat=True)
    )
    created = []
    for unit in to_units:
        if not unit.exists_on(today):
            raise PlanError(_("Đơn vị %(unit)s không còn hoạt động.") % {"unit": unit.name})
        if unit.pk in taken:
            # The successor already had a part of this task: it now also leads it.
            existing = TaskAssignment.objects.get(task=locked.task_id, unit=unit)
            if locked.role == Role.LEAD and existing.role != Role.LEAD:
                existing.role = Role.LEAD
                existing.save(update_fields=["role", "updated_at"])
            created.append(existing)
            continue
        created.append(
            TaskAssignment.objects.create(
                task_id=locked.task_id,
                unit=unit,
                role=locked.role,
                status=locked.status,
                due_on=locked.due_on,
                reassigned_from=locked,
            )
        )
    locked.status = Status.CANCELLED
    locked.save(update_fields=["status", "updated_at"])
    TaskUpdate.objects.create(
        assignment=locked,
        author=actor if actor is not None and actor.is_authenticated else None,
        status=Status.CANCELLED,
        note=_("Giao lại cho %(units)s (đơn vị kế thừa).")
        % {"units": ", ".join(unit.name for unit in to_units)},
    )
    record_change(
        actor=actor,
        obj=locked,
        action="task.reassign",
        changes={"to": [unit.pk for unit in to_units]},
    )
    return created


# ---------------------------------------------------------------- reminders


def assignments_due_for_reminder(
    *, today: dt.date, days_before: int
) -> dict[int, list[TaskAssignment]]:
    """Open parts of tasks due within ``days_before`` days or overdue, by unit id."""
    pending = (
        TaskAssignment.objects.filter(
            status__in=[Status.NOT_STARTED, Status.IN_PROGRESS],
            due_on__isnull=False,
            due_on__lte=today + dt.timedelta(days=days_before),
        )
        .select_related("task", "task__plan", "task__plan__document", "unit")
        .order_by("due_on", "pk")
    )
    by_unit: dict[int, list[TaskAssignment]] = {}
    for assignment in pending:
        by_unit.setdefault(assignment.unit_id, []).append(assignment)
    return by_unit


def send_task_reminders(*, unit: OrgUnit, today: dt.date, days_before: int) -> int:
    """E-mail a unit's officers the tasks due soon or overdue; once a day. Return tasks listed.

    Officers of a unit that ended are reached through the unit that continues it.
    """
    from django.conf import settings
    from django.core.mail import send_mail

    from ttdn.orgs.models import Membership
    from ttdn.plans.models import TaskReminder

    assignments = assignments_due_for_reminder(today=today, days_before=days_before).get(
        unit.pk, []
    )
    if not assignments or TaskReminder.objects.filter(unit=unit, sent_on=today).exists():
        return 0
    carriers = [unit] if unit.exists_on(today) else successors_on(unit, today)
    emails = sorted(
        set(
            Membership.objects.filter(role=Membership.Role.UNIT_OFFICER, unit__in=carriers)
            .exclude(user__email="")
            .values_list("user__email", flat=True)
        )
    )
    if not emails:
        return 0
    lines = []
    for assignment in assignments:
        assert assignment.due_on is not None
        days = (assignment.due_on - today).days
        when = (
            _("còn %(days)s ngày") % {"days": days}
            if days >= 0
            else _("đã quá hạn %(days)s ngày") % {"days": -days}
        )
        lines.append(
            f"- {assignment.task.text[:160]} ({assignment.task.plan}; "
            f"{_('hạn')} {assignment.due_on:%d/%m/%Y}, {when})"
        )
    subject = _("[TTĐN] Nhắc thực hiện nhiệm vụ: %(unit)s") % {"unit": unit.name}
    body = _(
        "Đơn vị %(unit)s có %(count)s nhiệm vụ sắp đến hạn hoặc đã quá hạn:\n%(lines)s\n"
        "Vui lòng cập nhật tiến độ và minh chứng trên hệ thống TTĐN."
    ) % {"unit": unit.name, "count": len(assignments), "lines": "\n".join(lines)}
    # The row and the mail together: a mail server that refuses leaves no "sent" record, and
    # tomorrow's run tries again.
    with transaction.atomic():
        reminder = TaskReminder.objects.create(unit=unit, sent_on=today, recipients=emails)
        reminder.assignments.set(assignments)
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, emails)
    return len(assignments)
