from django import template

from apps.tracking.models import Notification

register = template.Library()


@register.simple_tag
def unread_notifications(user) -> int:
    """How many in-app notifications the user has not read (0 when signed out)."""
    if not getattr(user, "is_authenticated", False):
        return 0
    return Notification.objects.filter(user=user, read_at__isnull=True).count()
