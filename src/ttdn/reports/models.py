"""Consolidated reports: a round's approved data compiled into the province's official report.

A report keeps its inputs: the snapshot of every figure, narrative, citation and completeness
row it was generated from (``inputs``), and the coordinator's edited text (``header``,
``sections``). Downloads are rendered from what is stored, never from the live tables, so a
late correction in a unit's submission does not silently change a report already sent, and
any stored report can be reproduced exactly.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ttdn.core.models import TimeStampedModel


class ConsolidatedReport(TimeStampedModel):
    class Status(models.TextChoices):
        QUEUED = "queued", _("Đang chờ tạo")
        RUNNING = "running", _("Đang tạo")
        READY = "ready", _("Đã tạo xong")
        FAILED = "failed", _("Tạo không thành công")

    class Format(models.TextChoices):
        STATE = "state", _("Văn bản hành chính (Nghị định 30/2020/NĐ-CP)")
        PARTY = "party", _("Văn bản của Đảng (Hướng dẫn 36-HD/VPTW)")

    class AsOf(models.TextChoices):
        THEN = "then", _("Theo tổ chức tại thời điểm báo cáo")
        NOW = "now", _("Theo tổ chức hiện nay")

    round = models.ForeignKey(
        "reporting.ReportRound", on_delete=models.CASCADE, related_name="consolidated_reports"
    )
    status = models.CharField(max_length=8, choices=Status, default=Status.QUEUED)
    #: 0–100 while a background generation runs.
    progress = models.PositiveSmallIntegerField(default=0)
    error = models.TextField(blank=True)
    document_format = models.CharField(
        _("thể thức"), max_length=8, choices=Format, default=Format.STATE
    )
    as_of = models.CharField(_("đơn vị tính theo"), max_length=4, choices=AsOf, default=AsOf.THEN)
    #: The snapshot the report was generated from (see ``snapshot.take_snapshot``).
    inputs = models.JSONField(default=dict, blank=True)
    #: Header and closing: issuing body, symbol, place, signing block, Nơi nhận.
    header = models.JSONField(default=dict, blank=True)
    #: [{"code", "title", "text"}] in order; the coordinator edits them one by one.
    sections = models.JSONField(default=list, blank=True)
    #: Increases with every edit; an edit based on an older version is refused.
    version = models.PositiveIntegerField(default=1)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("báo cáo tổng hợp")
        verbose_name_plural = _("báo cáo tổng hợp")

    def __str__(self) -> str:
        return f"{self.round} · #{self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("reports:detail", args=[self.pk])

    @property
    def is_ready(self) -> bool:
        return self.status == self.Status.READY
