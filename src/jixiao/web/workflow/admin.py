from django.contrib import admin

from jixiao.web.workflow.models import Transition


@admin.register(Transition)
class TransitionAdmin(admin.ModelAdmin):
    list_display = ("record", "from_state", "to_state", "user", "at")
    list_filter = ("to_state",)
    readonly_fields = ("record", "from_state", "to_state", "user", "at", "comment")
