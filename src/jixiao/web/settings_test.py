"""Settings for the test suite: base settings with a fast password hasher."""

from jixiao.web.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
LOGIN_MAX_FAILURES = 3
