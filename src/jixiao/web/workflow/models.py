"""One row per state change of a form: who, when, from, to, and the comment."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from jixiao.web.records.models import FormRecord, State


class Transition(models.Model):
    record = models.ForeignKey(FormRecord, on_delete=models.CASCADE, related_name="transitions")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField(auto_now_add=True)
    from_state = models.CharField(max_length=16, choices=State.choices, blank=True)
    to_state = models.CharField(max_length=16, choices=State.choices)
    comment = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "id"]  # noqa: RUF012
        verbose_name = _("流转记录")
        verbose_name_plural = _("流转记录")
