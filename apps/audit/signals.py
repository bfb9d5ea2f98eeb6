"""Audit entries for changes to accounts, roles, tokens and units, however they are made (a page, the admin, code).

They are signal handlers, so each entry is written in the transaction of the change it records (the admin's views,
the password views and ``Model.delete`` run in one). Who acted comes from the request being served
(``apps.audit.middleware``); a change made outside a request is by nobody ("Hệ thống").
Bulk queryset updates and ``bulk_create`` send no signals and are not recorded.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import is_password_usable
from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver

from apps.api.models import ApiToken, RevokeReason
from apps.audit.middleware import actor, current_request
from apps.audit.models import AuditEntry, record
from apps.units.access import Access
from apps.units.models import Membership, Unit

User = get_user_model()

FLAGS = {"is_staff": "vào trang quản trị", "is_superuser": "toàn quyền quản trị", "is_active": "được đăng nhập"}
WATCHED = {*FLAGS, "password"}


def yes_no(value: bool) -> str:
    return "có" if value else "không"


# --- accounts: creation, deletion, flags, passwords ------------------------------------------------------------


@receiver(pre_save, sender=User)
def remember_account(sender, instance, update_fields=None, raw=False, **kwargs):
    """Before a save of an existing account: its flags as stored, and whether its password is being changed."""
    instance._audit_before = None
    instance._audit_password = None
    if raw or instance.pk is None or (update_fields is not None and not WATCHED & set(update_fields)):
        return
    instance._audit_before = User.objects.filter(pk=instance.pk).values(*FLAGS, "password").first()
    if instance._audit_before is None:
        return
    # set_password() keeps the raw password until the save; a hash upgrade at login clears it (not a change)
    if instance._password is not None:
        instance._audit_password = "set"
    elif not is_password_usable(instance.password) and is_password_usable(instance._audit_before["password"]):
        instance._audit_password = "unusable"


@receiver(post_save, sender=User)
def record_account(sender, instance, created, raw=False, **kwargs):
    if raw:
        return
    if created:
        flags = {name: getattr(instance, name) for name in FLAGS}
        record(actor(), "user.create", instance, None, after=flags, summary=f"Tạo tài khoản {instance.username}")
        return
    before = getattr(instance, "_audit_before", None)
    if before is None:
        return
    changed = [name for name in FLAGS if before[name] != getattr(instance, name)]
    if changed:
        record(
            actor(),
            "user.flags",
            instance,
            Access(instance).home_unit,
            before={name: before[name] for name in changed},
            after={name: getattr(instance, name) for name in changed},
            summary=f"Đổi quyền tài khoản {instance.username}: "
            + "; ".join(f"{FLAGS[n]}: {yes_no(before[n])} → {yes_no(getattr(instance, n))}" for n in changed),
        )
    if instance._audit_password:
        record_password(instance)
    instance._audit_before = instance._audit_password = None


def record_password(user) -> None:
    """A changed or reset password: the audit entry, and every API token of the account revoked."""
    request = current_request()
    match = getattr(request, "resolver_match", None)
    if match is not None and match.url_name == "password_reset_confirm":
        who, action, summary = user, "user.password_reset", f"{user.username} đặt lại mật khẩu qua thư"
    elif (who := actor()) is not None and who.pk == user.pk:
        action, summary = "user.password_change", f"{user.username} đổi mật khẩu"
    else:
        action, summary = "user.password_set", f"Đặt mật khẩu mới cho tài khoản {user.username}"
    if user._audit_password == "unusable":
        summary = f"Khóa mật khẩu của tài khoản {user.username} (không đăng nhập bằng mật khẩu được nữa)"
    revoked = ApiToken.revoke_all(user, RevokeReason.PASSWORD, by=who)
    if revoked:
        summary += f"; thu hồi {revoked} mã truy cập API"
    unit = Access(user).home_unit
    record(who, action, user, unit, before={"password": "cũ"}, after={"password": "mới"}, summary=summary)


@receiver(post_delete, sender=User)
def record_account_deletion(sender, instance, **kwargs):
    record(
        actor(),
        "user.delete",
        instance,
        None,
        before={"username": instance.username},
        summary=f"Xóa tài khoản {instance.username}",
    )


# --- roles -------------------------------------------------------------------------------------------------------


def describe_role(membership: Membership) -> dict:
    return {"user": membership.user.username, "unit": membership.unit.name, "role": membership.role}


@receiver(pre_save, sender=Membership)
def remember_role(sender, instance, raw=False, **kwargs):
    instance._audit_before = instance._audit_unit = None
    if not raw and instance.pk is not None:
        old = Membership.objects.select_related("user", "unit").filter(pk=instance.pk).first()
        if old is not None:
            instance._audit_before, instance._audit_unit = describe_role(old), old.unit


@receiver(post_save, sender=Membership)
def record_role(sender, instance, created, raw=False, **kwargs):
    if raw:
        return
    now = describe_role(instance)
    label = instance.get_role_display()
    if created:
        summary = f"Cấp vai trò {label} tại {instance.unit} cho {instance.user.username}"
        record(actor(), "membership.grant", instance, instance.unit, after=now, summary=summary)
        return
    before = getattr(instance, "_audit_before", None)
    if before and before != now:
        old_label = Membership(role=before["role"]).get_role_display()
        summary = (
            f"Đổi vai trò của {instance.user.username}: {old_label} tại {before['unit']} → {label} tại {instance.unit}"
        )
        record(actor(), "membership.change", instance, instance.unit, before, now, summary)
        if instance._audit_unit.governing_unit != instance.unit.governing_unit:  # the unit it left sees it too
            record(actor(), "membership.change", instance, instance._audit_unit, before, now, summary)


@receiver(post_delete, sender=Membership)
def record_role_removal(sender, instance, **kwargs):
    summary = f"Thu hồi vai trò {instance.get_role_display()} tại {instance.unit} của {instance.user.username}"
    record(
        actor(),
        "membership.revoke",
        instance,
        instance.unit,
        before=describe_role(instance),
        summary=summary,
    )


# --- tokens and units --------------------------------------------------------------------------------------------


@receiver(post_delete, sender=ApiToken)
def record_token_deletion(sender, instance, **kwargs):
    record(
        actor(),
        "api_token.delete",
        instance,
        Access(instance.user).home_unit,
        before={"prefix": instance.prefix, "expires_at": instance.expires_at, "revoked_at": instance.revoked_at},
        summary=f"Xóa mã truy cập API {instance.prefix}… của {instance.user.username}",
    )


@receiver(post_delete, sender=Unit)
def record_unit_deletion(sender, instance, **kwargs):
    """The entry goes to the unit above; so do those written while the unit was deleted (its roles removed), which
    the deletion's SET_NULL, decided beforehand, did not reach."""
    above = instance.parent.governing_unit if instance.parent_id else None
    AuditEntry.objects.filter(unit_id=instance.pk).update(unit=above)
    record(
        actor(),
        "unit.delete",
        instance,
        above,
        before={"name": instance.name, "kind": instance.kind, "code": instance.code, "parent": instance.parent_id},
        summary=f"Xóa đơn vị {instance.name}",
    )
