"""Units (a department and the units under it), user profiles with a role, API tokens."""

from __future__ import annotations

import secrets
from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    FILLER = "filler", _("填报人")
    REVIEWER = "reviewer", _("审核人")
    FINANCE = "finance", _("财政局")


class Unit(models.Model):
    """A 实施单位; a unit without parent is a 主管部门 (department).

    A reviewer's profile points at a department and reviews the forms of the
    department itself and of every unit whose parent it is.
    """

    name = models.CharField(_("名称"), max_length=200, unique=True)
    parent = models.ForeignKey(
        "self", verbose_name=_("主管部门"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="children",
    )

    class Meta:
        ordering = ["name"]  # noqa: RUF012
        verbose_name = _("单位")
        verbose_name_plural = _("单位")

    def __str__(self) -> str:
        return self.name

    @property
    def department(self) -> Unit:
        return self.parent or self


class Profile(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile")
    role = models.CharField(_("角色"), max_length=16, choices=Role.choices, default=Role.FILLER)
    unit = models.ForeignKey(Unit, verbose_name=_("单位"), null=True, blank=True, on_delete=models.PROTECT)

    class Meta:
        verbose_name = _("用户角色")
        verbose_name_plural = _("用户角色")

    def __str__(self) -> str:
        return f"{self.user.username} ({self.get_role_display()})"


class Token(models.Model):
    """A bearer token for the REST API (``Authorization: Bearer <key>``)."""

    key = models.CharField(max_length=64, unique=True, editable=False)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    created = models.DateTimeField(auto_now_add=True)
    name = models.CharField(max_length=100, blank=True)

    class Meta:
        verbose_name = _("API 令牌")
        verbose_name_plural = _("API 令牌")

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self.key:
            self.key = secrets.token_hex(20)
        super().save(*args, **kwargs)

    def __str__(self) -> str:
        return f"{self.user.username}: {self.key[:6]}…"
