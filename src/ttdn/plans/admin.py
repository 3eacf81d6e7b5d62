from __future__ import annotations

from django.contrib import admin

from ttdn.plans.models import Plan, Task, TaskAssignment


class TaskInline(admin.TabularInline):
    model = Task
    fields = ["position", "text", "due_on", "recurrence", "kind"]
    extra = 0


@admin.register(Plan)
class PlanAdmin(admin.ModelAdmin):
    list_display = ["__str__", "province", "starts_on", "ends_on"]
    list_select_related = ["document", "province"]
    raw_id_fields = ["document", "province", "created_by"]
    inlines = [TaskInline]


@admin.register(TaskAssignment)
class TaskAssignmentAdmin(admin.ModelAdmin):
    list_display = ["task", "unit", "role", "status", "due_on", "completed_on"]
    list_filter = ["role", "status"]
    list_select_related = ["task", "unit"]
    raw_id_fields = ["task", "unit", "reassigned_from"]
