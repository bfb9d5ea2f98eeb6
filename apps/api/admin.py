from django.contrib import admin

from apps.api.models import ApiToken


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """Tokens can be looked at and revoked (deleted) here; they are issued only through the API."""

    list_display = ["prefix", "user", "created_at", "expires_at", "last_used_at"]
    list_select_related = ["user"]
    search_fields = ["user__username", "prefix"]
    readonly_fields = ["user", "prefix", "created_at", "expires_at", "last_used_at"]

    def has_add_permission(self, request):
        return False
