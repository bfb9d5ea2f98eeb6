"""API tokens for the administrator: who holds which, which are in use; revoking keeps the row for the record."""

from django.contrib import admin, messages

from apps.api.models import ApiToken, RevokeReason


@admin.action(description="Thu hồi các mã truy cập đã chọn")
def revoke_tokens(modeladmin, request, queryset):
    revoked = sum(token.revoke(RevokeReason.ADMIN, by=request.user) for token in queryset.select_related("user"))
    modeladmin.message_user(request, f"Đã thu hồi {revoked} mã truy cập.", messages.SUCCESS)


class StatusFilter(admin.SimpleListFilter):
    title = "tình trạng"
    parameter_name = "tinh_trang"

    def lookups(self, request, model_admin):
        return [("active", "Đang dùng"), ("revoked", "Đã thu hồi")]

    def queryset(self, request, queryset):
        if self.value() == "active":
            return queryset.active()
        if self.value() == "revoked":
            return queryset.filter(revoked_at__isnull=False)
        return queryset


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """Tokens are issued only through the API; here they are listed and revoked (deleting one is audited too)."""

    list_display = ["prefix", "user", "status", "created_at", "expires_at", "last_used_at", "revoked_at"]
    list_filter = [StatusFilter, "revoke_reason"]
    list_select_related = ["user"]
    search_fields = ["user__username", "prefix"]
    readonly_fields = [
        "user",
        "prefix",
        "status",
        "created_at",
        "expires_at",
        "last_used_at",
        "revoked_at",
        "revoked_by",
        "revoke_reason",
    ]
    actions = [revoke_tokens]

    @admin.display(description="tình trạng")
    def status(self, obj):
        return obj.status

    def has_add_permission(self, request):
        return False
