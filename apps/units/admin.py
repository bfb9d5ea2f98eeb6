"""The administrator's pages (/quan-tri/): units with their former names, roles, and accounts with their roles and
API tokens. Role, flag, password and deletion changes reach the audit log through ``apps.audit.signals``."""

from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.db import transaction
from django.utils import timezone

from apps.api.models import ApiToken, RevokeReason
from apps.audit.models import record
from apps.units.accounts import AdminLoginForm
from apps.units.models import Membership, Unit, UnitName

admin.site.site_header = "Quản trị hệ thống theo dõi cải cách hành chính"
admin.site.site_title = "Quản trị CCHC"
admin.site.index_title = "Tài khoản, đơn vị và danh mục"
admin.site.login_form = AdminLoginForm  # the login throttle's message


class UnitNameInline(admin.TabularInline):
    model = UnitName
    extra = 0
    verbose_name = "tên cũ"
    verbose_name_plural = "tên cũ (trước khi đổi tên)"


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 1
    autocomplete_fields = ["unit"]
    verbose_name = "vai trò"
    verbose_name_plural = "vai trò tại đơn vị"


class UnitMembershipInline(MembershipInline):
    autocomplete_fields = ["user"]
    verbose_name_plural = "cán bộ có vai trò tại đơn vị"


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "parent", "is_standing_body", "dissolved_on", "successor"]
    list_filter = ["kind", "is_standing_body", ("dissolved_on", admin.EmptyFieldListFilter)]
    search_fields = ["name", "short_name", "code", "aliases"]
    autocomplete_fields = ["parent", "successor"]
    prepopulated_fields = {"code": ["name"]}
    inlines = [UnitNameInline, UnitMembershipInline]
    fieldsets = [
        (None, {"fields": ["name", "short_name", "kind", "parent", "code", "is_standing_body", "aliases", "email"]}),
        ("Sáp nhập, giải thể", {"fields": ["dissolved_on", "successor"], "classes": ["collapse"]}),
    ]

    @transaction.atomic
    def save_model(self, request, obj, form, change):
        """A rename keeps the old name in the unit's history (and matching); every change goes to the audit log."""
        before = {field: form.initial.get(field) for field in form.changed_data} if change else None
        if change and "name" in form.changed_data and form.initial.get("name"):
            UnitName.objects.create(unit=obj, name=form.initial["name"], valid_until=timezone.localdate())
        super().save_model(request, obj, form, change)
        after = {field: str(form.cleaned_data.get(field) or "") for field in form.changed_data}
        record(request.user, "update" if change else "create", obj, obj, before, after, f"Đơn vị {obj.name}")


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "full_name", "role", "unit"]
    list_filter = ["role", "unit__kind"]
    search_fields = ["user__username", "user__first_name", "user__last_name", "unit__name"]
    autocomplete_fields = ["user", "unit"]

    @admin.display(description="họ tên", ordering="user__first_name")
    def full_name(self, obj):
        return obj.user.get_full_name()


class ApiTokenInline(admin.TabularInline):
    """The account's API tokens, to look at; revoke them with the action on the account list or on the token list."""

    model = ApiToken
    fk_name = "user"
    extra = 0
    can_delete = False
    fields = readonly_fields = ["prefix", "status", "created_at", "expires_at", "last_used_at", "revoked_at"]
    verbose_name_plural = (
        "mã truy cập API (thu hồi: chọn tài khoản ở danh sách, thao tác “Thu hồi mọi mã truy cập API”)"
    )

    @admin.display(description="tình trạng")
    def status(self, obj):
        return obj.status

    def has_add_permission(self, request, obj=None):
        return False


@admin.action(description="Thu hồi mọi mã truy cập API của các tài khoản đã chọn")
def revoke_api_tokens(modeladmin, request, queryset):
    revoked = sum(ApiToken.revoke_all(user, RevokeReason.ADMIN, by=request.user) for user in queryset)
    modeladmin.message_user(request, f"Đã thu hồi {revoked} mã truy cập.", messages.SUCCESS)


User = get_user_model()
if admin.site.is_registered(User):
    admin.site.unregister(User)


@admin.register(User)
class AccountAdmin(UserAdmin):
    """Accounts with their roles on the same page."""

    inlines = [MembershipInline, ApiTokenInline]
    list_display = ["username", "first_name", "last_name", "email", "roles", "is_active", "is_staff"]
    actions = [revoke_api_tokens]

    def user_change_password(self, request, id, form_url=""):
        """The new password, the tokens it revokes and their audit entries in one transaction."""
        with transaction.atomic():
            return super().user_change_password(request, id, form_url)

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("memberships__unit")

    @admin.display(description="vai trò")
    def roles(self, obj):
        return "; ".join(f"{m.get_role_display()} – {m.unit}" for m in obj.memberships.all())
