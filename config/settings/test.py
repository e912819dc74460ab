"""Settings for the test suite: fast hashing, no throttling surprises, a throwaway key."""

import os
import secrets
import tempfile
from pathlib import Path

os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(50))
# The suite runs with the metrics on, their database wrappers included.
os.environ.setdefault("METRICS_ENABLED", "true")

from .base import *  # noqa: F403
from .base import REST_FRAMEWORK

DEBUG = False

if DATABASES["default"]["ENGINE"].endswith(".sqlite3"):  # noqa: F405
    # A file, as in production, not the shared in-memory database Django's tests default
    # to: that one locks whole tables and fails concurrent writers at once instead of
    # queueing them. One file per test process, so parallel runs never meet.
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": str(Path(tempfile.gettempdir()) / f"attributed-test-{os.getpid()}.sqlite3")
    }
# Tests run in transactions that never commit, so the counter that invalidates cached
# search responses would never move; tests/test_search_cache.py turns the cache on.
SEARCH_CACHE_SECONDS = 0
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Tests that exercise throttling set their own rates; the rest must never be throttled.
REST_FRAMEWORK = {
    **REST_FRAMEWORK,
    "DEFAULT_THROTTLE_RATES": {"anon": "100000/minute", "user": "100000/minute"},
}
