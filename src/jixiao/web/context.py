"""Template context shared by every page: product name, the user's role and unit."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from jixiao.web import access


def site(request: HttpRequest) -> dict[str, Any]:
    profile = access.profile_of(getattr(request, "user", None))
    return {
        "product_name": "绩效自评",
        "profile": profile,
        "role": profile.role if profile else None,
        "can_create": access.can_create(getattr(request, "user", None)),
    }
