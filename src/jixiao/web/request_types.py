"""The request type of views behind ``login_required``, where ``request.user`` is a ``User``.

Django types ``HttpRequest.user`` as ``User | AnonymousUser``; ``login_required`` lets only
signed-in users through, which a type checker cannot see. Annotating such a view's request
as :class:`AuthenticatedRequest` says so. At run time it is plain ``HttpRequest``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import HttpRequest

if TYPE_CHECKING:
    from django.contrib.auth.models import User

    class AuthenticatedRequest(HttpRequest):
        user: User

else:
    AuthenticatedRequest = HttpRequest

__all__ = ["AuthenticatedRequest"]
