from django.contrib import admin

from jixiao.web.records.models import FieldChange, FormRecord, RuleSetting


@admin.register(FormRecord)
class FormRecordAdmin(admin.ModelAdmin):
    list_display = ("project", "year", "unit", "state", "version", "is_demo")
    list_filter = ("state", "year", "is_demo")
    search_fields = ("project", "unit__name")
    readonly_fields = ("series", "lock_version", "created", "updated")


@admin.register(FieldChange)
class FieldChangeAdmin(admin.ModelAdmin):
    list_display = ("record", "path", "user", "at")
    readonly_fields = ("record", "path", "old", "new", "user", "at")


@admin.register(RuleSetting)
class RuleSettingAdmin(admin.ModelAdmin):
    list_display = ("year", "rules")
