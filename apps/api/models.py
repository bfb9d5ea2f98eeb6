"""API tokens: a user trades their password for a bearer token; only the token's hash is stored.

A token ends when it expires (``API_TOKEN_LIFETIME_DAYS``) or is revoked: by its holder (``POST /api/auth/revoke``),
by an administrator, or because its user's password was changed or reset. Revoked tokens are kept for the record.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import secrets
from contextlib import contextmanager

from django.conf import settings
from django.db import DatabaseError, connection, models, transaction
from django.db.models import Q
from django.utils import timezone

from apps.audit.models import record
from apps.units.access import Access

TOKEN_PREFIX = "cchc_"
# how stale ``last_used_at`` may get before a request writes it again
LAST_USED_GRANULARITY = dt.timedelta(minutes=5)

# how long noting a token's use may wait for a lock before it gives up (the request goes on regardless)
TOUCH_LOCK_WAIT_MS = 200

logger = logging.getLogger(__name__)


@contextmanager
def brief_lock_wait():
    """A transaction that waits at most ``TOUCH_LOCK_WAIT_MS`` for a lock: SQLite's busy timeout (set before BEGIN
    IMMEDIATE takes the write lock), PostgreSQL's lock_timeout."""
    if connection.vendor != "sqlite":
        with transaction.atomic():
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute(f"SET LOCAL lock_timeout = {TOUCH_LOCK_WAIT_MS}")
            yield
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA busy_timeout")
        before = cursor.fetchone()[0]
        cursor.execute(f"PRAGMA busy_timeout = {TOUCH_LOCK_WAIT_MS}")
    try:
        with transaction.atomic():
            yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA busy_timeout = {before}")


def hash_token(raw: str) -> str:
    """The stored form of a token (tokens are long random strings, so a plain SHA-256 suffices)."""
    return hashlib.sha256(raw.encode()).hexdigest()


def token_lifetime() -> dt.timedelta:
    return dt.timedelta(days=settings.API_TOKEN_LIFETIME_DAYS)


class RevokeReason(models.TextChoices):
    HOLDER = "holder", "Người dùng tự thu hồi"
    PASSWORD = "password", "Mật khẩu đã được đổi hoặc đặt lại"
    ADMIN = "admin", "Quản trị viên thu hồi"


class ApiTokenQuerySet(models.QuerySet):
    def active(self):
        return self.filter(revoked_at__isnull=True, expires_at__gt=timezone.now())


class ApiToken(models.Model):
    """A bearer token for the JSON API. The token itself is shown once, when issued."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    prefix = models.CharField("đầu mã", max_length=12, editable=False, help_text="Để nhận ra mã, không đủ để dùng.")
    created_at = models.DateTimeField("tạo lúc", auto_now_add=True)
    expires_at = models.DateTimeField("hết hạn lúc")
    last_used_at = models.DateTimeField("dùng lần cuối", null=True, blank=True)
    revoked_at = models.DateTimeField("thu hồi lúc", null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="người thu hồi",
    )
    revoke_reason = models.CharField("lý do thu hồi", max_length=20, choices=RevokeReason.choices, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "mã truy cập API"
        verbose_name_plural = "mã truy cập API"

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.user})"

    @property
    def status(self) -> str:
        if self.revoked_at is not None:
            return "Đã thu hồi"
        if self.expires_at <= timezone.now():
            return "Hết hạn"
        return "Đang dùng"

    @classmethod
    def issue(cls, user) -> tuple[ApiToken, str]:
        """Create a token for the user; returns the row and the raw token (never stored)."""
        raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
        token = cls.objects.create(
            user=user, key_hash=hash_token(raw), prefix=raw[:12], expires_at=timezone.now() + token_lifetime()
        )
        return token, raw

    @classmethod
    def find(cls, raw: str) -> ApiToken | None:
        """The active token of an active user a raw token is, or None when unknown, expired, revoked or inactive."""
        if not raw or not raw.startswith(TOKEN_PREFIX):
            return None
        token = cls.objects.active().select_related("user").filter(key_hash=hash_token(raw), user__is_active=True)
        return token.first()

    @classmethod
    def user_for(cls, raw: str):
        """The user a raw token belongs to (see ``find``); notes when it was last used."""
        token = cls.find(raw)
        if token is None:
            return None
        token.touch()
        return token.user

    def touch(self) -> None:
        """Note the use, at most every ``LAST_USED_GRANULARITY``: one small UPDATE of its own that waits for a lock
        at most ``TOUCH_LOCK_WAIT_MS`` and never fails the request (a busy database only loses the note)."""
        now = timezone.now()
        if self.last_used_at is not None and now - self.last_used_at <= LAST_USED_GRANULARITY:
            return
        stale = Q(last_used_at__isnull=True) | Q(last_used_at__lt=now - LAST_USED_GRANULARITY)
        try:
            with brief_lock_wait():
                ApiToken.objects.filter(stale, pk=self.pk).update(last_used_at=now)
        except DatabaseError as exc:  # expected on a busy database: one line, no traceback
            reason = next(iter(str(exc).splitlines()), type(exc).__name__)
            logger.warning("could not note the use of API token %s: %s", self.prefix, reason)

    def revoke(self, reason: str, by=None) -> bool:
        """End the token now and write it to the audit log; False when it was already revoked."""
        by = by if by is not None and by.is_authenticated else None
        now = timezone.now()
        with transaction.atomic():
            done = ApiToken.objects.filter(pk=self.pk, revoked_at__isnull=True).update(
                revoked_at=now, revoked_by=by, revoke_reason=reason
            )
            if not done:
                return False
            self.revoked_at, self.revoked_by, self.revoke_reason = now, by, reason
            record(
                by,
                "api_token.revoke",
                self,
                Access(self.user).home_unit,
                before={"prefix": self.prefix, "revoked_at": None},
                after={"prefix": self.prefix, "revoked_at": now, "reason": reason},
                summary=f"Thu hồi mã truy cập API {self.prefix}… của {self.user.username}: "
                f"{RevokeReason(reason).label.lower()}",
            )
        return True

    @classmethod
    def revoke_all(cls, user, reason: str, by=None) -> int:
        """Revoke every active token of a user; the number revoked."""
        return sum(token.revoke(reason, by) for token in cls.objects.active().filter(user=user).select_related("user"))
