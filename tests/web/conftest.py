"""Web tests: Django is configured here only, so the rest of the suite is unaffected.

The database is SQLite in a temporary data directory, or PostgreSQL when
``DATABASE_URL`` says so (pytest-django creates and drops a ``test_`` database).
"""

from __future__ import annotations

import os
import tempfile

os.environ["JIXIAO_DATA_DIR"] = tempfile.mkdtemp(prefix="jixiao-web-test-")  # never a real data dir
os.environ["DJANGO_SETTINGS_MODULE"] = "jixiao.web.settings_test"

import django

django.setup()

import pytest  # noqa: E402

from tests.web.personas import *  # noqa: E402, F403


@pytest.fixture(autouse=True)
def _clear_cache():
    from django.core.cache import cache

    cache.clear()
    yield
