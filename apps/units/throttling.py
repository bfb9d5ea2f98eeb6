"""Login throttling, one rule for every way in: the login page, the admin's login, ``POST /api/auth/token``
(all three go through ``ThrottledModelBackend``) and password-reset e-mails.

The rule (settings, see .env.example): within a window of ``LOGIN_THROTTLE_MINUTES`` (15) that starts at the first
failure, an account is locked after ``LOGIN_FAILURES_PER_ACCOUNT`` (5) wrong passwords and an address after
``LOGIN_FAILURES_PER_ADDRESS`` (20: an office shares one address); reset e-mails are limited to
``PASSWORD_RESETS_PER_EMAIL`` (3) per e-mail address and ``PASSWORD_RESETS_PER_ADDRESS`` (10) per address. While
locked the password is not even checked, and the person is told when to try again. Counters are in Django's cache.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import time
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from apps.audit.models import record
from apps.units.access import Access

USERNAME_MAX = 150  # Django's User.username
LOGIN_LOCKED = "Bạn đã nhập sai quá nhiều lần. Hãy thử lại sau {minutes} phút (lúc {at})."
RESET_LOCKED = "Bạn đã yêu cầu gửi thư đặt lại mật khẩu quá nhiều lần. Hãy thử lại sau {minutes} phút (lúc {at})."


@dataclass(frozen=True)
class Lock:
    """A counter that reached its limit, until when."""

    key: str
    until: float  # a time.time() value

    @property
    def retry_after(self) -> int:
        """Seconds to wait (for the ``Retry-After`` header)."""
        return max(1, math.ceil(self.until - time.time()))

    def message(self, template: str = LOGIN_LOCKED) -> str:
        at = timezone.localtime(dt.datetime.fromtimestamp(self.until, tz=dt.UTC))
        return template.format(minutes=math.ceil(self.retry_after / 60), at=at.strftime("%H:%M"))


class Counter:
    """Events of one kind counted per value (an account, an address) in a fixed window from the first one."""

    def __init__(self, kind: str, limit_setting: str, minutes_setting: str = "LOGIN_THROTTLE_MINUTES"):
        self.kind = kind
        self.limit_setting = limit_setting
        self.minutes_setting = minutes_setting  # the window's length, in minutes

    def window(self) -> int:
        return getattr(settings, self.minutes_setting) * 60

    def _key(self, value: str) -> str:
        return f"throttle:{self.kind}:{hashlib.sha256(value.encode()).hexdigest()[:32]}"

    def lock(self, value: str) -> Lock | None:
        key = self._key(value)
        found = cache.get_many([f"{key}:n", f"{key}:until"])
        until = found.get(f"{key}:until") or time.time() + self.window()
        if found.get(f"{key}:n", 0) < getattr(settings, self.limit_setting) or until <= time.time():
            return None
        return Lock(key, until)

    def hit(self, value: str) -> Lock | None:
        """Count one event; the lock when this one reached the limit."""
        key, seconds = self._key(value), self.window()
        cache.add(f"{key}:until", time.time() + seconds, seconds)
        cache.add(f"{key}:n", 0, seconds)
        try:
            count = cache.incr(f"{key}:n")
        except ValueError:  # the window ended between add and incr
            cache.set(f"{key}:n", count := 1, seconds)
        return self.lock(value) if count == getattr(settings, self.limit_setting) else None


ACCOUNT_FAILURES = Counter("login-account", "LOGIN_FAILURES_PER_ACCOUNT")
ADDRESS_FAILURES = Counter("login-address", "LOGIN_FAILURES_PER_ADDRESS")
EMAIL_RESETS = Counter("reset-email", "PASSWORD_RESETS_PER_EMAIL")
ADDRESS_RESETS = Counter("reset-address", "PASSWORD_RESETS_PER_ADDRESS")
# the public SIPAS survey (apps/surveys/services.py): answers refused past the limit, flagged past the burst
SURVEY_ANSWERS = Counter("survey-address", "SURVEY_RESPONSES_PER_ADDRESS", "SURVEY_THROTTLE_MINUTES")
SURVEY_BURST = Counter("survey-burst", "SURVEY_BURST_PER_ADDRESS", "SURVEY_BURST_MINUTES")


def client_address(request) -> str:
    """The client's address: ``REMOTE_ADDR``, or behind a proxy the header it sets (its last entry)."""
    if settings.CLIENT_IP_HEADER and (forwarded := request.META.get(settings.CLIENT_IP_HEADER)):
        return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


def _latest(*locks: Lock | None) -> Lock | None:
    return max((lock for lock in locks if lock is not None), key=lambda lock: lock.until, default=None)


def login_lock(request, username: str) -> Lock | None:
    return _latest(ACCOUNT_FAILURES.lock(username.lower()), ADDRESS_FAILURES.lock(client_address(request)))


def reset_lock(request, email: str) -> Lock | None:
    return _latest(EMAIL_RESETS.lock(email.lower()), ADDRESS_RESETS.lock(client_address(request)))


def reset_requested(request, email: str) -> None:
    EMAIL_RESETS.hit(email.lower())
    ADDRESS_RESETS.hit(client_address(request))


def _account(username: str):
    User = get_user_model()
    return User.objects.filter(**{f"{User.USERNAME_FIELD}__iexact": username}).first() if username else None


def note(action: str, username: str, address: str, summary: str) -> None:
    """An audit entry about a sign-in to an account (the account's unit sees it), by nobody signed in."""
    account = _account(username)
    record(
        None,
        action,
        account,
        Access(account).home_unit if account else None,
        after={"username": username, "address": address},
        summary=summary,
    )


def note_refused(lock: Lock, action: str, username: str, address: str, summary: str) -> None:
    """Write one audit entry per lock and address, however many attempts it refuses."""
    if cache.add(f"{lock.key}:noted:{hashlib.sha256(address.encode()).hexdigest()[:16]}", 1, lock.retry_after):
        note(action, username, address, summary)


class ThrottledModelBackend(ModelBackend):
    """Django's own backend behind the throttle: a locked account or address is refused before the password is
    checked (``request.login_lock`` then says until when); each failure is counted and written to the audit log."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        username = username or kwargs.get(get_user_model().USERNAME_FIELD) or ""
        if request is None:
            return super().authenticate(request, username, password, **kwargs)
        address = client_address(request)
        # a name no account can have (too long, a NUL that PostgreSQL refuses) fails without a look-up
        possible = len(username) <= USERNAME_MAX and "\x00" not in username
        shown = username[:USERNAME_MAX].replace("\x00", "\ufffd")
        if lock := login_lock(request, username):
            request.login_lock = lock
            summary = f"Từ chối đăng nhập {shown} (tạm khóa vì sai nhiều lần)"
            note_refused(lock, "login.throttled", shown, address, summary)
            raise PermissionDenied(lock.message())
        user = super().authenticate(request, username, password, **kwargs) if possible else None
        if user is None:
            note("login.failed", shown, address, f"Đăng nhập sai: {shown}")
            lock = _latest(ACCOUNT_FAILURES.hit(username.lower()), ADDRESS_FAILURES.hit(address))
            if lock is not None:
                request.login_lock = lock
        return user
