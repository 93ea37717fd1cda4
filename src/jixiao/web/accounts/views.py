"""Login with throttling, and the page where a user creates an API token."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from jixiao.web.accounts.models import Token
from jixiao.web.request_types import AuthenticatedRequest


def _throttle_key(request: HttpRequest) -> str:
    username = (request.POST.get("username") or "").strip().lower()[:150]
    return f"login-fail:{request.META.get('REMOTE_ADDR', '')}:{username}"


class ThrottledLoginView(auth_views.LoginView):
    """Django's login, refusing further attempts after repeated failures for a while."""

    template_name = "jixiao/login.html"

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        key = _throttle_key(request)
        if cache.get(key, 0) >= settings.LOGIN_MAX_FAILURES:
            form = self.get_form()
            form.errors.clear()
            return render(request, self.template_name,
                          {"form": form, "throttled": True}, status=429)
        response = super().post(request, *args, **kwargs)
        if response.status_code == 200:  # form re-shown: the login failed
            cache.set(key, cache.get(key, 0) + 1, settings.LOGIN_FAILURE_WINDOW)
        else:
            cache.delete(key)
        return response


@login_required
@require_http_methods(["GET", "POST"])
def tokens(request: AuthenticatedRequest) -> HttpResponse:
    created = None
    if request.method == "POST":
        if request.POST.get("delete"):
            Token.objects.filter(user=request.user, pk=request.POST["delete"]).delete()
        else:
            created = Token.objects.create(user=request.user, name=request.POST.get("name", "")[:100] or _("令牌"))
    return render(request, "jixiao/tokens.html",
                  {"tokens": Token.objects.filter(user=request.user), "created": created})
