"""API tokens: a user trades their password for a bearer token; only the token's hash is stored."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone

TOKEN_PREFIX = "cchc_"
TOKEN_LIFETIME = dt.timedelta(days=90)
# how stale ``last_used_at`` may get before a request writes it again
LAST_USED_GRANULARITY = dt.timedelta(minutes=5)


def hash_token(raw: str) -> str:
    """The stored form of a token (tokens are long random strings, so a plain SHA-256 suffices)."""
    return hashlib.sha256(raw.encode()).hexdigest()


class ApiToken(models.Model):
    """A bearer token for the JSON API. The token itself is shown once, when issued."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    prefix = models.CharField("đầu mã", max_length=12, editable=False, help_text="Để nhận ra mã, không đủ để dùng.")
    created_at = models.DateTimeField("tạo lúc", auto_now_add=True)
    expires_at = models.DateTimeField("hết hạn lúc")
    last_used_at = models.DateTimeField("dùng lần cuối", null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "mã truy cập API"
        verbose_name_plural = "mã truy cập API"

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.user})"

    @classmethod
    def issue(cls, user) -> tuple[ApiToken, str]:
        """Create a token for the user; returns the row and the raw token (never stored)."""
        raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
        token = cls.objects.create(
            user=user, key_hash=hash_token(raw), prefix=raw[:12], expires_at=timezone.now() + TOKEN_LIFETIME
        )
        return token, raw

    @classmethod
    def user_for(cls, raw: str):
        """The active user a raw token belongs to, or None when it is unknown, expired or its user inactive."""
        if not raw or not raw.startswith(TOKEN_PREFIX):
            return None
        now = timezone.now()
        token = (
            cls.objects.select_related("user")
            .filter(key_hash=hash_token(raw), expires_at__gt=now, user__is_active=True)
            .first()
        )
        if token is None:
            return None
        if token.last_used_at is None or now - token.last_used_at > LAST_USED_GRANULARITY:
            cls.objects.filter(pk=token.pk).update(last_used_at=now)
        return token.user
