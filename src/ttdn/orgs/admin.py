"""Administration of units, lineage and roles through Django's admin, with every change audited."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.http import HttpRequest

from ttdn.core.audit import record_change
from ttdn.orgs.models import CoordinatorTerm, Membership, OrgUnit, OrgUnitAlias, OrgUnitEvent


class AuditedAdminMixin:
    """Record every save and delete made in the admin, with the fields that changed."""

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)  # type: ignore[misc]
        record_change(
            actor=request.user,
            obj=obj,
            action=f"admin_{'update' if change else 'create'}_{obj._meta.model_name}",
            changes={"fields": sorted(form.changed_data)},
        )

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        record_change(actor=request.user, obj=obj, action=f"admin_delete_{obj._meta.model_name}")
        super().delete_model(request, obj)  # type: ignore[misc]


class AuditedAdmin(AuditedAdminMixin, admin.ModelAdmin):  # type: ignore[type-arg]
    pass


class AliasInline(admin.TabularInline):  # type: ignore[type-arg]
    model = OrgUnitAlias
    fields = ["name"]
    extra = 1


@admin.register(OrgUnit)
class OrgUnitAdmin(AuditedAdmin):
    list_display = ["name", "code", "kind", "parent", "valid_from", "valid_to"]
    list_filter = ["kind"]
    search_fields = ["name", "code", "aliases__name"]
    autocomplete_fields = ["parent"]
    inlines = [AliasInline]


@admin.register(OrgUnitEvent)
class OrgUnitEventAdmin(AuditedAdmin):
    list_display = ["kind", "effective_on", "note"]
    filter_horizontal = ["predecessors", "successors"]


@admin.register(Membership)
class MembershipAdmin(AuditedAdmin):
    list_display = ["user", "role", "unit"]
    list_filter = ["role"]
    autocomplete_fields = ["unit", "user"]


@admin.register(CoordinatorTerm)
class CoordinatorTermAdmin(AuditedAdmin):
    list_display = ["province", "unit", "valid_from", "valid_to"]


User = get_user_model()
admin.site.unregister(User)


@admin.register(User)
class AuditedUserAdmin(AuditedAdminMixin, UserAdmin):  # type: ignore[type-arg]
    pass
