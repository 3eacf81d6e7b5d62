from django.contrib import admin

from ttdn.press.models import Collection, Source, Topic


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["name", "kind", "language", "country", "active", "last_success_at"]
    list_filter = ["kind", "active", "collections"]
    search_fields = ["name", "code"]
    filter_horizontal = ["collections"]


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["code", "name_vi", "name_en", "active", "position"]


admin.site.register(Collection)
