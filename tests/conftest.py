"""For every test: a fast password hasher (accounts are made in most tests) and empty login-throttle counters."""

import pytest


@pytest.fixture(autouse=True)
def _accounts(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    from django.core.cache import cache

    cache.clear()
