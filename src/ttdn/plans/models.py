"""Plans (kế hoạch), their tasks (nhiệm vụ) and each unit's part of a task with its own status.

A task has one or more lead units (chủ trì) and any number of supporting units (phối hợp); each
unit's part is a ``TaskAssignment`` with its own status and due date, because the Sở Nội vụ may
be done while the Sở Ngoại vụ is late. The four-way deadline status is derived
(``ttdn.plans.deadlines``), never stored.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ttdn.core.models import TimeStampedModel
from ttdn.plans.deadlines import DeadlineStatus, combined_status, deadline_status


class Plan(TimeStampedModel):
    """A plan of a province, linked to its registry document (and through it to directives)."""

    province = models.ForeignKey("orgs.OrgUnit", on_delete=models.PROTECT, related_name="plans")
    document = models.OneToOneField(
        "documents.Document",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="plan",
        verbose_name=_("văn bản kế hoạch"),
    )
    title = models.TextField(_("tên kế hoạch"))
    starts_on = models.DateField(_("thực hiện từ ngày"))
    ends_on = models.DateField(_("đến ngày"))
    objectives = models.TextField(_("mục tiêu"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-starts_on", "-id"]
        verbose_name = _("kế hoạch")
        verbose_name_plural = _("kế hoạch")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="plan_valid_range"
            )
        ]

    def __str__(self) -> str:
        if self.document_id and self.document.number:
            return f"Kế hoạch {self.document.number}"
        return self.title[:80]

    def get_absolute_url(self) -> str:
        return reverse("plans:plan_detail", args=[self.pk])


class Task(TimeStampedModel):
    """One task of a plan, as the "Tổ chức thực hiện" section (or the coordinator) wrote it."""

    class Kind(models.TextChoices):
        ORDER = "order", _("Giao nhiệm vụ")
        REQUEST = "request", _("Đề nghị phối hợp")

    class Recurrence(models.TextChoices):
        NONE = "", _("Một lần")
        MONTHLY = "monthly", _("Hằng tháng")
        QUARTERLY = "quarterly", _("Hằng quý")
        HALF_YEARLY = "half_yearly", _("6 tháng")
        YEARLY = "yearly", _("Hằng năm")
        ONGOING = "ongoing", _("Thường xuyên")

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="tasks")
    position = models.PositiveIntegerField(default=0)
    text = models.TextField(_("nội dung nhiệm vụ"))
    #: The unit heading as the document wrote it ("Các cơ quan báo chí trong tỉnh").
    group_label = models.CharField(_("đơn vị theo văn bản"), max_length=255, blank=True)
    kind = models.CharField(max_length=8, choices=Kind, default=Kind.ORDER)
    due_on = models.DateField(_("thời hạn"), null=True, blank=True)
    recurrence = models.CharField(
        _("định kỳ"), max_length=16, choices=Recurrence, blank=True, default=""
    )

    class Meta:
        ordering = ["plan", "position", "id"]
        verbose_name = _("nhiệm vụ")
        verbose_name_plural = _("nhiệm vụ")

    def __str__(self) -> str:
        return self.text[:80]

    @property
    def lead(self) -> list[TaskAssignment]:
        return [a for a in self.assignments.all() if a.role == TaskAssignment.Role.LEAD]

    @property
    def supporters(self) -> list[TaskAssignment]:
        return [a for a in self.assignments.all() if a.role == TaskAssignment.Role.SUPPORT]

    def status_on(self, day: dt.date) -> DeadlineStatus:
        """Return the task's deadline status: the worst of its lead units' (prefetch them)."""
        return combined_status(a.status_on(day) for a in self.lead)


class TaskAssignment(TimeStampedModel):
    """A unit's part of a task, with its own status and due date."""

    class Role(models.TextChoices):
        LEAD = "lead", _("Chủ trì")
        SUPPORT = "support", _("Phối hợp")

    class Status(models.TextChoices):
        NOT_STARTED = "not_started", _("Chưa thực hiện")
        IN_PROGRESS = "in_progress", _("Đang thực hiện")
        DONE = "done", _("Hoàn thành")
        CANCELLED = "cancelled", _("Hủy, không thực hiện")

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="assignments")
    unit = models.ForeignKey(
        "orgs.OrgUnit", on_delete=models.PROTECT, related_name="task_assignments"
    )
    role = models.CharField(_("vai trò"), max_length=8, choices=Role)
    status = models.CharField(
        _("trạng thái"), max_length=16, choices=Status, default=Status.NOT_STARTED
    )
    due_on = models.DateField(_("thời hạn"), null=True, blank=True)
    completed_on = models.DateField(_("ngày hoàn thành"), null=True, blank=True)
    #: The assignment of the ended unit this one took over (reassignment after a merger).
    reassigned_from = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="reassigned_to"
    )

    class Meta:
        ordering = ["task", "role", "unit__name"]
        verbose_name = _("phân công")
        verbose_name_plural = _("phân công")
        constraints = [
            models.UniqueConstraint(fields=["task", "unit"], name="one_assignment_per_unit")
        ]

    def __str__(self) -> str:
        return f"{self.unit} · {self.task}"

    def get_absolute_url(self) -> str:
        return reverse("plans:assignment_detail", args=[self.pk])

    def status_on(self, day: dt.date) -> DeadlineStatus:
        return deadline_status(
            status=self.status, due=self.due_on, completed_on=self.completed_on, on=day
        )


class TaskUpdate(TimeStampedModel):
    """A unit's report on its part of a task: the status it set, a note, evidence."""

    assignment = models.ForeignKey(TaskAssignment, on_delete=models.CASCADE, related_name="updates")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(max_length=16, choices=TaskAssignment.Status)
    note = models.TextField(_("nội dung cập nhật"), blank=True)

    class Meta:
        ordering = ["assignment", "-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.assignment} → {self.get_status_display()}"


def evidence_upload_to(instance: Evidence, filename: str) -> str:
    return f"plans/evidence/{instance.update.assignment_id}/{filename}"


class Evidence(TimeStampedModel):
    """What shows the work was done: a registry document, an activity, a report, or a file."""

    update = models.ForeignKey(TaskUpdate, on_delete=models.CASCADE, related_name="evidence")
    document = models.ForeignKey(
        "documents.Document", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    activity = models.ForeignKey(
        "reporting.Activity", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    submission = models.ForeignKey(
        "reporting.Submission", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    file = models.FileField(upload_to=evidence_upload_to, max_length=400, blank=True)
    name = models.CharField(max_length=255, blank=True)
    size = models.PositiveBigIntegerField(default=0)

    class Meta:
        ordering = ["update", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(document__isnull=False, activity=None, submission=None, file="")
                    | Q(document=None, activity__isnull=False, submission=None, file="")
                    | Q(document=None, activity=None, submission__isnull=False, file="")
                    | (Q(document=None, activity=None, submission=None) & ~Q(file=""))
                ),
                name="evidence_is_one_thing",
            )
        ]

    def __str__(self) -> str:
        return str(self.document or self.activity or self.submission or self.name)


class PlanDraft(TimeStampedModel):
    """Tasks proposed from a plan document, kept until the coordinator has reviewed them.

    ``proposal`` holds one entry per proposed task (text, unit as written, the units it resolved
    to, due date, recurrence); nothing becomes a ``Task`` before the coordinator saves.
    """

    class Status(models.TextChoices):
        OPEN = "open", _("Đang rà soát")
        SAVED = "saved", _("Đã lưu thành kế hoạch")

    document = models.ForeignKey(
        "documents.Document", on_delete=models.CASCADE, related_name="plan_drafts"
    )
    province = models.ForeignKey("orgs.OrgUnit", on_delete=models.PROTECT, related_name="+")
    status = models.CharField(max_length=8, choices=Status, default=Status.OPEN)
    title = models.TextField(blank=True)
    starts_on = models.DateField(null=True, blank=True)
    ends_on = models.DateField(null=True, blank=True)
    objectives = models.TextField(blank=True)
    proposal = models.JSONField(default=list)
    plan = models.OneToOneField(
        Plan, null=True, blank=True, on_delete=models.SET_NULL, related_name="draft"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.document} ({self.get_status_display()})"

    def get_absolute_url(self) -> str:
        return reverse("plans:draft_review", args=[self.pk])


class TaskReminder(models.Model):
    """A reminder sent to a unit about its tasks, kept so that a unit is reminded once a day."""

    unit = models.ForeignKey("orgs.OrgUnit", on_delete=models.CASCADE, related_name="+")
    sent_on = models.DateField()
    assignments = models.ManyToManyField(TaskAssignment, related_name="reminders")
    recipients = models.JSONField(default=list)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["unit", "sent_on"], name="one_task_reminder_a_day")
        ]

    def __str__(self) -> str:
        return f"{self.unit} {self.sent_on}"
