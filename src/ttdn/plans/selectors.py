"""Reads of the plans app: access checks, plan and unit boards, progress, the chain view."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from django.db.models import Prefetch, Q, QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ttdn.core.exceptions import NotFound
from ttdn.documents.models import Document
from ttdn.documents.selectors import implementation_chain
from ttdn.orgs import permissions
from ttdn.orgs.models import OrgUnit
from ttdn.orgs.selectors import province_scope
from ttdn.plans.deadlines import DeadlineStatus
from ttdn.plans.models import Evidence, Plan, PlanDraft, Task, TaskAssignment, TaskUpdate

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

    User = AbstractBaseUser | AnonymousUser

S = DeadlineStatus
# Overdue first, then what is still open, then what is done; cancelled last.
_ORDER = [S.OVERDUE, S.PENDING, S.DONE_LATE, S.DONE_ON_TIME, S.CANCELLED]
LABELS = {
    S.DONE_ON_TIME: gettext_lazy("Hoàn thành đúng hạn"),
    S.DONE_LATE: gettext_lazy("Hoàn thành quá hạn"),
    S.PENDING: gettext_lazy("Chưa hoàn thành, trong hạn"),
    S.OVERDUE: gettext_lazy("Quá hạn chưa hoàn thành"),
    S.CANCELLED: gettext_lazy("Đã hủy, giao lại"),
}


def status_label(status: DeadlineStatus) -> str:
    return str(LABELS[status])


def _assignments_prefetch() -> Prefetch[TaskAssignment]:
    return Prefetch(
        "assignments", queryset=TaskAssignment.objects.select_related("unit").order_by("role")
    )


def plans_visible_to(user: User) -> QuerySet[Plan]:
    """Plans of the provinces a user reads, and plans giving tasks to the user's units."""
    plans = Plan.objects.select_related("document", "province")
    ids = permissions.visible_unit_ids(user)
    if ids is None:
        return plans
    return plans.filter(Q(province__in=ids) | Q(tasks__assignments__unit__in=ids)).distinct()


def access_plan(user: User, pk: int) -> Plan:
    plan = plans_visible_to(user).filter(pk=pk).first()
    if plan is None:
        raise NotFound(_("Không tìm thấy kế hoạch."))
    return plan


def access_assignment(user: User, pk: int, *, for_edit: bool = False) -> TaskAssignment:
    """Return a unit's part of a task the user may read (or update); else "not found"."""
    assignment = (
        TaskAssignment.objects.select_related(
            "task", "task__plan", "task__plan__document", "task__plan__province", "unit"
        )
        .filter(pk=pk)
        .first()
    )
    allowed = assignment is not None and (
        permissions.can_edit_unit_data(user, assignment.unit)
        if for_edit
        else permissions.can_view_unit_data(user, assignment.unit)
    )
    if not allowed:
        raise NotFound(_("Không tìm thấy nhiệm vụ."))
    assert assignment is not None
    return assignment


def access_draft(user: User, pk: int) -> PlanDraft:
    draft = PlanDraft.objects.select_related("document", "province").filter(pk=pk).first()
    if draft is None or not permissions.can_manage_plan(user, draft.province):
        raise NotFound(_("Không tìm thấy bản đề xuất kế hoạch."))
    return draft


def access_evidence(user: User, pk: int) -> Evidence:
    evidence = Evidence.objects.select_related("update__assignment__unit").filter(pk=pk).first()
    if evidence is None or not permissions.can_view_unit_data(
        user, evidence.update.assignment.unit
    ):
        raise NotFound(_("Không tìm thấy minh chứng."))
    return evidence


def plan_documents() -> QuerySet[Document]:
    """Registered plan documents (Kế hoạch) that have no plan yet, newest first."""
    return (
        Document.objects.filter(status=Document.Status.REGISTERED, doc_type__iexact="Kế hoạch")
        .exclude(plan__isnull=False)
        .order_by("-issued_at", "-id")
    )


@dataclass(frozen=True)
class Progress:
    total: int
    counts: dict[str, int]

    @property
    def done(self) -> int:
        return self.counts.get(S.DONE_ON_TIME, 0) + self.counts.get(S.DONE_LATE, 0)

    @property
    def counted(self) -> int:
        return self.total - self.counts.get(S.CANCELLED, 0)

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.counted) if self.counted else 0

    @property
    def overdue(self) -> int:
        return self.counts.get(S.OVERDUE, 0)

    @property
    def late(self) -> int:
        return self.counts.get(S.DONE_LATE, 0)

    @property
    def on_time(self) -> int:
        return self.counts.get(S.DONE_ON_TIME, 0)

    @property
    def pending(self) -> int:
        return self.counts.get(S.PENDING, 0)


def _progress(statuses: list[DeadlineStatus]) -> Progress:
    return Progress(len(statuses), dict(Counter(str(status) for status in statuses)))


@dataclass(frozen=True)
class AssignmentRow:
    assignment: TaskAssignment
    status: DeadlineStatus

    @property
    def label(self) -> str:
        return status_label(self.status)


@dataclass
class UnitGroup:
    unit: OrgUnit
    rows: list[AssignmentRow] = field(default_factory=list)

    @property
    def progress(self) -> Progress:
        return _progress([row.status for row in self.rows])


@dataclass(frozen=True)
class PlanBoard:
    plan: Plan
    on: dt.date
    overall: Progress
    units: list[UnitGroup]
    tasks: list[tuple[Task, DeadlineStatus]]


def plan_board(plan: Plan, *, user: User, on: dt.date) -> PlanBoard:
    """Return a plan's tasks by unit (overdue first) with progress per unit and overall.

    A unit officer sees only the parts of the units they may read.
    """
    ids = permissions.visible_unit_ids(user)
    if ids is not None and plan.province_id in ids:
        ids = None  # the province's coordinator or viewer reads every unit's part
    tasks = list(plan.tasks.prefetch_related(_assignments_prefetch()))
    groups: dict[int, UnitGroup] = {}
    for task in tasks:
        for assignment in task.assignments.all():
            if ids is not None and assignment.unit_id not in ids:
                continue
            group = groups.setdefault(assignment.unit_id, UnitGroup(assignment.unit))
            group.rows.append(AssignmentRow(assignment, assignment.status_on(on)))
    for group in groups.values():
        group.rows.sort(
            key=lambda row: (
                _ORDER.index(row.status),
                row.assignment.role != TaskAssignment.Role.LEAD,
                row.assignment.due_on or dt.date.max,
            )
        )
    units = sorted(
        groups.values(),
        key=lambda g: (-g.progress.overdue, g.progress.percent, g.unit.name),
    )
    task_statuses = [
        (task, task.status_on(on))
        for task in tasks
        if ids is None or any(a.unit_id in ids for a in task.assignments.all())
    ]
    task_statuses.sort(key=lambda item: (_ORDER.index(item[1]), item[0].position))
    return PlanBoard(
        plan=plan,
        on=on,
        overall=_progress([status for _task, status in task_statuses]),
        units=units,
        tasks=task_statuses,
    )


def unit_board(unit: OrgUnit, *, on: dt.date) -> list[AssignmentRow]:
    """Return every part of a task a unit holds, across plans, overdue first."""
    assignments = TaskAssignment.objects.filter(unit=unit).select_related(
        "task", "task__plan", "task__plan__document", "unit"
    )
    rows = [AssignmentRow(a, a.status_on(on)) for a in assignments]
    rows.sort(
        key=lambda row: (
            _ORDER.index(row.status),
            row.assignment.due_on or dt.date.max,
            row.assignment.pk,
        )
    )
    return rows


def assignment_history(assignment: TaskAssignment) -> list[TaskUpdate]:
    return list(
        assignment.updates.select_related("author").prefetch_related(
            Prefetch(
                "evidence",
                queryset=Evidence.objects.select_related(
                    "document", "activity", "submission", "submission__round"
                ),
            )
        )
    )


@dataclass(frozen=True)
class Reassignment:
    assignment: TaskAssignment
    successors: list[OrgUnit]


def tasks_to_reassign(*, province: OrgUnit | None, on: dt.date) -> list[Reassignment]:
    """Open parts of tasks held by units that have ended, with their lineage successors.

    Only plans still in force on ``on`` need it: a 2024 plan's open task of a district that
    ended in 2025 is a record of what was not done, not work to hand on.
    """
    from ttdn.orgs.selectors import province_scope, successors_on

    open_parts = TaskAssignment.objects.filter(
        status__in=[TaskAssignment.Status.NOT_STARTED, TaskAssignment.Status.IN_PROGRESS],
        unit__valid_to__lt=on,
        task__plan__ends_on__gte=on,
    ).select_related("task", "task__plan", "task__plan__document", "unit")
    if province is not None:
        open_parts = open_parts.filter(task__plan__province__in=province_scope(province))
    rows = list(open_parts.order_by("task__plan", "task__position", "unit__name"))
    # Many tasks share an ended district: walk its lineage once.
    successors: dict[int, list[OrgUnit]] = {}
    for assignment in rows:
        if assignment.unit_id not in successors:
            successors[assignment.unit_id] = [
                u for u in successors_on(assignment.unit, on) if u.pk != assignment.unit_id
            ]
    return [Reassignment(assignment, successors[assignment.unit_id]) for assignment in rows]


@dataclass(frozen=True)
class ChainView:
    #: The documents the plan implements, by distance: the farthest directive first
    #: (57-KL/TW), the one the plan cites directly (47/NQ-CP) last.
    directives: list[list[Document]]
    plan: Plan
    tasks: list[tuple[Task, DeadlineStatus, list[tuple[TaskAssignment, list[Evidence]]]]]


def plan_chain(plan: Plan, *, user: User, on: dt.date) -> ChainView:
    """Return directive → plan → task → evidence: what the plan implements, and its proof."""
    directives: list[list[Document]] = []
    if plan.document is not None:
        graph = implementation_chain(plan.document)
        levels: dict[int, list[Document]] = {}
        for node in graph.nodes:
            if node.level < 0:
                levels.setdefault(node.level, []).append(node.document)
        directives = [
            sorted(levels[level], key=lambda d: (d.issued_at or dt.date.min, d.pk))
            for level in sorted(levels)
        ]
    board = plan_board(plan, user=user, on=on)
    evidence_by_assignment: dict[int, list[Evidence]] = {}
    for item in Evidence.objects.filter(update__assignment__task__plan=plan).select_related(
        "document", "activity", "submission", "submission__round", "update"
    ):
        evidence_by_assignment.setdefault(item.update.assignment_id, []).append(item)
    visible = {row.assignment.pk for group in board.units for row in group.rows}
    tasks = [
        (
            task,
            status,
            [
                (a, evidence_by_assignment.get(a.pk, []))
                for a in task.assignments.all()
                if a.pk in visible
            ],
        )
        for task, status in sorted(board.tasks, key=lambda item: item[0].position)
    ]
    return ChainView(directives=directives, plan=plan, tasks=tasks)


@dataclass(frozen=True)
class PlanProgress:
    plan_id: int
    number: str  # e.g. "281/KH-UBND"
    issued_at: date | None
    title: str  # trích yếu of the plan document
    total: int
    done_on_time: int
    done_late: int
    pending_within_deadline: int
    overdue: int
    cancelled: int


def plan_progress_for_window(
    *, start: date, end: date, on: date, province: OrgUnit | None = None
) -> list[PlanProgress]:
    """Plans in force during [start, end], with task deadline status counted as of `on`.

    With ``province``, only that province's plans (and its predecessors' since a merger).
    """
    from ttdn.plans.deadlines import combined_status, deadline_status

    in_force = Plan.objects.filter(starts_on__lte=end, ends_on__gte=start)
    if province is not None:
        in_force = in_force.filter(province__in=province_scope(province))
    plans = list(in_force.select_related("document").order_by("starts_on", "id"))
    # One query of plain tuples for every lead part: the consolidated report calls this for a
    # whole province, and model instances for thousands of parts cost more than the query.
    parts: dict[int, dict[int, list[DeadlineStatus]]] = {plan.pk: {} for plan in plans}
    leads = TaskAssignment.objects.filter(
        task__plan__in=[plan.pk for plan in plans], role=TaskAssignment.Role.LEAD
    ).values_list("task__plan_id", "task_id", "status", "due_on", "completed_on")
    for plan_id, task_id, status, due_on, completed_on in leads:
        parts[plan_id].setdefault(task_id, []).append(
            deadline_status(status=status, due=due_on, completed_on=completed_on, on=on)
        )
    task_ids = Task.objects.filter(plan__in=[plan.pk for plan in plans]).values_list(
        "plan_id", "pk"
    )
    for plan_id, task_id in task_ids:
        parts[plan_id].setdefault(task_id, [])  # a task whose lead parts are all gone
    result = []
    for plan in plans:
        counts = Counter(combined_status(statuses) for statuses in parts[plan.pk].values())
        document = plan.document
        result.append(
            PlanProgress(
                plan_id=plan.pk,
                number=document.number if document else "",
                issued_at=document.issued_at if document else None,
                title=(document.title if document and document.title else plan.title),
                total=sum(counts.values()),
                done_on_time=counts[S.DONE_ON_TIME],
                done_late=counts[S.DONE_LATE],
                pending_within_deadline=counts[S.PENDING],
                overdue=counts[S.OVERDUE],
                cancelled=counts[S.CANCELLED],
            )
        )
    return result
