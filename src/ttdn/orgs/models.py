"""Organisation units that change over time, their lineage, and who may act for them.

A unit record never changes its name or its parent: a rename or a transfer ends the record and
begins a new one, linked by a lineage event. The tree "as it was" on any date is then simply the
records valid on that date, and data recorded against an ended unit keeps the name it had.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ttdn.core.models import TimeStampedModel
from ttdn.orgs import naming


class OrgUnit(TimeStampedModel):
    class Kind(models.TextChoices):
        CENTRAL_PARTY = "central_party", _("Cơ quan Đảng Trung ương")
        CENTRAL_AGENCY = "central_agency", _("Bộ, ngành, cơ quan Trung ương")
        PROVINCE = "province", _("Ủy ban nhân dân tỉnh")
        DEPARTMENT = "department", _("Sở, ban, ngành tỉnh")
        PROVINCIAL_PARTY = "provincial_party", _("Cơ quan Đảng cấp tỉnh")
        DISTRICT = "district", _("Huyện, thành phố thuộc tỉnh (trước 1/7/2025)")
        COMMUNE = "commune", _("Xã, phường")
        PRESS = "press", _("Cơ quan báo chí")
        MASS_ORGANISATION = "mass_org", _("Tổ chức chính trị - xã hội")
        OTHER = "other", _("Khác")

    code = models.SlugField(_("mã"), max_length=64, unique=True)
    name = models.CharField(_("tên"), max_length=255)
    short_name = models.CharField(_("tên viết tắt"), max_length=128, blank=True)
    kind = models.CharField(_("loại"), max_length=24, choices=Kind)
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        verbose_name=_("đơn vị cấp trên"),
    )
    admin_code = models.CharField(_("mã hành chính"), max_length=16, blank=True)
    valid_from = models.DateField(_("hiệu lực từ"), null=True, blank=True)
    valid_to = models.DateField(_("hiệu lực đến"), null=True, blank=True)

    class Meta:
        ordering = ["kind", "name"]
        verbose_name = _("đơn vị")
        verbose_name_plural = _("đơn vị")
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True)
                | Q(valid_from__isnull=True)
                | Q(valid_to__gte=models.F("valid_from")),
                name="unit_valid_range",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("orgs:unit_detail", args=[self.code])

    def exists_on(self, day: dt.date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )


class OrgUnitAlias(models.Model):
    """A name under which documents write a unit ("Sở TT&TT", "UBND tỉnh")."""

    unit = models.ForeignKey(OrgUnit, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=255)
    #: The name folded for matching (``ttdn.orgs.naming.name_key``).
    name_key = models.CharField(max_length=255, db_index=True)

    class Meta:
        ordering = ["unit", "name"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "name_key"], name="unique_alias_per_unit")
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.name_key = naming.name_key(self.name)
        super().save(*args, **kwargs)


class OrgUnitEvent(TimeStampedModel):
    """A lineage event: the units before it end, the units after it begin on ``effective_on``."""

    class Kind(models.TextChoices):
        MERGE = "merge", _("Sáp nhập")
        SPLIT = "split", _("Chia tách")
        RENAME = "rename", _("Đổi tên")
        TRANSFER = "transfer", _("Chuyển đơn vị cấp trên")

    kind = models.CharField(_("loại sự kiện"), max_length=16, choices=Kind)
    effective_on = models.DateField(_("ngày hiệu lực"))
    predecessors = models.ManyToManyField(OrgUnit, related_name="ended_by")
    successors = models.ManyToManyField(OrgUnit, related_name="begun_by")
    note = models.TextField(_("căn cứ, ghi chú"), blank=True)

    class Meta:
        ordering = ["effective_on", "id"]
        verbose_name = _("sự kiện tổ chức")
        verbose_name_plural = _("sự kiện tổ chức")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.effective_on:%d/%m/%Y}"


class CoordinatorTerm(models.Model):
    """Which unit is the coordinating body (cơ quan đầu mối TTĐN) of a province, and when."""

    province = models.ForeignKey(
        OrgUnit, on_delete=models.PROTECT, related_name="coordinator_terms"
    )
    unit = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="+")
    valid_from = models.DateField(null=True, blank=True)
    valid_to = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["province", "valid_from"]

    def __str__(self) -> str:
        return f"{self.unit} ({self.valid_from or '…'} – {self.valid_to or '…'})"


class Membership(TimeStampedModel):
    """A user's role for a unit. Coordinators and viewers may hold it for a whole province."""

    class Role(models.TextChoices):
        ADMINISTRATOR = "administrator", _("Quản trị hệ thống")
        COORDINATOR = "coordinator", _("Cơ quan đầu mối")
        UNIT_OFFICER = "unit_officer", _("Cán bộ theo dõi TTĐN của đơn vị")
        VIEWER = "viewer", _("Lãnh đạo, người xem")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    unit = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="memberships")
    role = models.CharField(_("vai trò"), max_length=16, choices=Role)

    class Meta:
        ordering = ["user", "role"]
        constraints = [
            models.UniqueConstraint(fields=["user", "unit", "role"], name="unique_membership")
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.get_role_display()} · {self.unit}"


class FailedLogin(models.Model):
    """One failed sign-in, kept briefly to slow down password guessing."""

    username = models.CharField(max_length=150, db_index=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    at = models.DateTimeField(auto_now_add=True, db_index=True)

    def __str__(self) -> str:
        return f"{self.username} {self.at:%Y-%m-%d %H:%M}"
