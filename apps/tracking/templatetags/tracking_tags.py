from django import template

from apps.tracking import notify, review

register = template.Library()


@register.simple_tag
def unread_notifications(user) -> int:
    """The tasks (and plans) with notifications the user has not read (0 when signed out)."""
    return notify.unread_count(user)


@register.simple_tag
def review_waiting(access) -> int:
    """Tasks and targets with an agency's update or figure waiting for this standing officer's review."""
    if access is None or not access.user.is_authenticated:
        return 0
    return review.waiting_count(access.managed_unit_ids)
