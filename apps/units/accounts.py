"""Sign-in and password pages (Django's own views with the throttle's message and one transaction per change), and
the accounts a standing officer makes for their unit's agency officers."""

from __future__ import annotations

from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.decorators import method_decorator

from apps.audit.models import record
from apps.units.models import Membership, Role, Unit
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


# --- agency officers' accounts, made by their unit's standing officer ------------------------------------------


class AgencyOfficerForm(forms.Form):
    """A new agency officer of one of the standing officer's agencies: the account and its one role."""

    agency = forms.TypedChoiceField(
        label="Cơ quan",
        coerce=int,
        error_messages={"invalid_choice": "Hãy chọn một cơ quan của đơn vị bạn.", "required": "Hãy chọn cơ quan."},
    )
    full_name = forms.CharField(label="Họ và tên", max_length=150)
    username = forms.CharField(
        label="Tên đăng nhập",
        max_length=150,
        help_text="Chữ không dấu, số và . _ - (ví dụ: kesat.pvhcc.lan).",
        validators=[UnicodeUsernameValidator()],
    )
    email = forms.EmailField(label="Thư điện tử", required=False, help_text="Để nhận thông báo và đặt lại mật khẩu.")
    password = forms.CharField(
        label="Mật khẩu ban đầu",
        widget=forms.PasswordInput(render_value=False),
        help_text="Ít nhất 8 ký tự; báo cho người dùng và đề nghị đổi khi đăng nhập lần đầu.",
    )

    def __init__(self, *args, agencies=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.agencies = {a.pk: a for a in agencies}
        self.fields["agency"].choices = [("", "— chọn cơ quan —")] + [(a.pk, a.name) for a in agencies]

    def clean_username(self) -> str:
        username = self.cleaned_data["username"].strip()
        if get_user_model().objects.filter(username__iexact=username).exists():
            raise forms.ValidationError(f"Đã có tài khoản “{username}”; hãy chọn tên đăng nhập khác.")
        return username

    def clean_agency(self):
        agency = self.agencies.get(self.cleaned_data["agency"])
        if agency is None:
            raise forms.ValidationError("Hãy chọn một cơ quan của đơn vị bạn.")
        return agency

    def clean(self):
        data = super().clean()
        if data.get("password") and data.get("username"):
            user = get_user_model()(username=data["username"], first_name=data.get("full_name", ""))
            try:
                password_validation.validate_password(data["password"], user)
            except forms.ValidationError as exc:
                self.add_error("password", exc)
        return data


def create_agency_officer(unit: Unit, by, data: dict):
    """Make the account and its agency-officer role in one transaction, audited (the account and role entries by
    the audit's signals, and who made it for which agency here)."""
    agency = data["agency"]
    if agency.governing_unit.pk != unit.governing_unit.pk:
        raise PermissionDenied("Chỉ tạo được tài khoản cho các cơ quan của đơn vị bạn.")
    with transaction.atomic():
        user = get_user_model().objects.create_user(
            data["username"], data.get("email") or "", data["password"], first_name=data["full_name"].strip()
        )
        Membership.objects.create(user=user, unit=agency, role=Role.AGENCY_OFFICER)
        record(
            by,
            "account.create_agency_officer",
            user,
            unit,
            after={"username": user.username, "agency": agency.pk, "role": Role.AGENCY_OFFICER},
            summary=f"Tạo tài khoản cán bộ {agency.name}: {user.username} ({user.first_name})",
        )
    return user
