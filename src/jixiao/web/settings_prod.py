"""Production settings: everything of the base plus HTTPS-only cookies and HSTS.

Requires ``SECRET_KEY`` and ``ALLOWED_HOSTS`` in the environment (refuses to start
without them), so that ``python -m django check --deploy`` is clean.
"""

from __future__ import annotations

import os

from django.core.exceptions import ImproperlyConfigured

from jixiao.web.settings import *  # noqa: F403

if not os.environ.get("SECRET_KEY"):
    raise ImproperlyConfigured("production settings need SECRET_KEY in the environment")
if not os.environ.get("ALLOWED_HOSTS"):
    raise ImproperlyConfigured("production settings need ALLOWED_HOSTS in the environment")

SECRET_KEY = os.environ["SECRET_KEY"]
ALLOWED_HOSTS = os.environ["ALLOWED_HOSTS"].split(",")
DEBUG = False
SECURE_SSL_REDIRECT = os.environ.get("JIXIAO_SSL_REDIRECT", "1") == "1"
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = 31536000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_REFERRER_POLICY = "same-origin"
CSRF_TRUSTED_ORIGINS = [f"https://{h}" for h in ALLOWED_HOSTS if h and not h.startswith(".")]
