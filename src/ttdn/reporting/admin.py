from django.contrib import admin

from ttdn.orgs.admin import AuditedAdmin
from ttdn.reporting.models import Indicator, ValidationRule


@admin.register(Indicator)
class IndicatorAdmin(AuditedAdmin):
    list_display = [
        "code",
        "name_vi",
        "unit_of_measure",
        "aggregation",
        "channel",
        "position",
        "active",
    ]
    list_filter = ["channel", "aggregation", "active"]
    search_fields = ["code", "name_vi", "name_en"]
    list_editable = ["position", "active"]


@admin.register(ValidationRule)
class ValidationRuleAdmin(AuditedAdmin):
    list_display = ["left", "operator", "right", "message"]
