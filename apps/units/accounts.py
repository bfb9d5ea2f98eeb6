"""Sign-in and password pages: Django's own views with the throttle's message and one transaction per change."""

from __future__ import annotations

from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.db import transaction
from django.utils.decorators import method_decorator

from apps.units.throttling import RESET_LOCKED, client_address, note_refused, reset_lock, reset_requested

INVALID_LOGIN = "Tên đăng nhập hoặc mật khẩu không đúng. Hãy thử lại (chú ý chữ hoa, chữ thường)."


class ThrottledLoginMixin:
    """When the throttle refused the attempt (or this failure locked it), say until when instead of 'wrong'."""

    def get_invalid_login_error(self):
        lock = getattr(self.request, "login_lock", None)
        if lock is not None:
            return forms.ValidationError(lock.message(), code="throttled")
        return super().get_invalid_login_error()


class LoginForm(ThrottledLoginMixin, AuthenticationForm):
    error_messages = {**AuthenticationForm.error_messages, "invalid_login": INVALID_LOGIN}


class AdminLoginForm(ThrottledLoginMixin, AdminAuthenticationForm):
    pass


class ThrottledPasswordResetForm(PasswordResetForm):
    """At most a few reset e-mails per e-mail address and per address (the same answer whether the account exists)."""

    def __init__(self, *args, request=None, **kwargs):
        self.request = request
        super().__init__(*args, **kwargs)

    def clean_email(self):
        email = self.cleaned_data["email"]
        if lock := reset_lock(self.request, email):
            address = client_address(self.request)
            note_refused(lock, "password_reset.throttled", "", address, f"Từ chối gửi thư đặt lại mật khẩu tới {email}")
            raise forms.ValidationError(lock.message(RESET_LOCKED), code="throttled")
        reset_requested(self.request, email)
        return email


class LoginView(auth_views.LoginView):
    form_class = LoginForm


class PasswordResetView(auth_views.PasswordResetView):
    form_class = ThrottledPasswordResetForm

    def get_form_kwargs(self):
        return super().get_form_kwargs() | {"request": self.request}


@method_decorator(transaction.atomic, name="dispatch")
class PasswordChangeView(auth_views.PasswordChangeView):
    """The new password, the API tokens it revokes and their audit entries are saved together."""


@method_decorator(transaction.atomic, name="dispatch")
class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """The new password, the API tokens it revokes and their audit entries are saved together."""
