"""Stored forms: the interchange JSON plus the keys the pages filter and sort by.

The JSON in ``data`` is the public interchange object (``jixiao.formats.interchange``),
so what the browser edits, the API returns and the exporters read is one format. Year,
project, unit and state are denormalised beside it for listing. ``lock_version`` is
bumped on every save and checked against the version the editor loaded (optimistic
locking). A correction of a published form is a new row in the same ``series`` with
``version + 1``; the published one is never changed again.
"""

from __future__ import annotations

import uuid
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from jixiao.web.accounts.models import Unit
from jixiao.web.jsonio import DecimalDecoder, DecimalEncoder


class State(models.TextChoices):
    DRAFT = "draft", _("草稿")
    SUBMITTED = "submitted", _("已提交")
    RETURNED = "returned", _("已退回")
    RESUBMITTED = "resubmitted", _("已重新提交")
    APPROVED = "approved", _("已审核")
    PUBLISHED = "published", _("已公开")


class FormRecord(models.Model):
    series = models.UUIDField(default=uuid.uuid4, db_index=True, editable=False)
    version = models.PositiveIntegerField(_("版本"), default=1)
    data = models.JSONField(_("表单数据"), encoder=DecimalEncoder, decoder=DecimalDecoder)
    year = models.IntegerField(_("年度"), null=True, blank=True, db_index=True)
    project = models.CharField(_("项目名称"), max_length=300, blank=True, db_index=True)
    unit = models.ForeignKey(Unit, verbose_name=_("实施单位"), on_delete=models.PROTECT, related_name="forms")
    state = models.CharField(_("状态"), max_length=16, choices=State.choices, default=State.DRAFT, db_index=True)
    lock_version = models.PositiveIntegerField(default=1)
    acks = models.JSONField(_("警告说明"), default=dict, blank=True)
    is_demo = models.BooleanField(_("演示数据"), default=False)
    source_name = models.CharField(_("来源文件"), max_length=300, blank=True)
    confidence = models.JSONField(default=dict, blank=True)
    """Field path -> reader confidence for imported drafts (review screen)."""
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-year", "unit__name", "project", "-version"]  # noqa: RUF012
        constraints = [models.UniqueConstraint(fields=["series", "version"], name="unique_series_version")]  # noqa: RUF012
        verbose_name = _("自评表")
        verbose_name_plural = _("自评表")

    def __str__(self) -> str:
        return f"{self.year} {self.project} v{self.version}"

    @property
    def department(self) -> Unit:
        return self.unit.department

    def sync_keys(self) -> None:
        """Copy year and project name from the JSON into the indexed columns."""
        year = self.data.get("year")
        self.year = int(year) if isinstance(year, int | Decimal) and not isinstance(year, bool) else None
        self.project = str(self.data.get("project_name") or "")[:300]


class FieldChange(models.Model):
    """One changed field of one save: who changed which path from what to what."""

    record = models.ForeignKey(FormRecord, on_delete=models.CASCADE, related_name="changes")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField(auto_now_add=True)
    path = models.CharField(max_length=200)
    old = models.JSONField(null=True, encoder=DecimalEncoder, decoder=DecimalDecoder)
    new = models.JSONField(null=True, encoder=DecimalEncoder, decoder=DecimalDecoder)

    class Meta:
        ordering = ["-at", "id"]  # noqa: RUF012
        verbose_name = _("字段修改")
        verbose_name_plural = _("字段修改")


class RuleSetting(models.Model):
    """Which scoring rule set applies to the forms of a year (empty year: the default)."""

    year = models.IntegerField(_("年度"), null=True, blank=True, unique=True,
                               help_text=_("留空表示未单独设置的所有年度"))
    rules = models.CharField(_("评分规则"), max_length=64)

    class Meta:
        verbose_name = _("评分规则")
        verbose_name_plural = _("评分规则")

    def __str__(self) -> str:
        return f"{self.year or '*'}: {self.rules}"

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        from jixiao.web.engine import rule_set_names

        names = rule_set_names()
        if names and self.rules not in names:
            raise ValidationError({"rules": _("未知的评分规则，可选：%(names)s") % {"names": ", ".join(names)}})
