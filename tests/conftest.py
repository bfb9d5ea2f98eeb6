"""For every test: a fast password hasher (accounts are made in most tests) and a fresh in-process cache, whatever
CACHE_URL says (login-throttle counters start empty; a shared Redis is never flushed by the tests)."""

import pytest


@pytest.fixture(autouse=True)
def _accounts(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "tests"}}
    from django.core.cache import cache

    cache.clear()
