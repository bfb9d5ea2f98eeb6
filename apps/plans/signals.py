"""A renamed unit is found by its new name in the plans it owns, the tasks it leads and the targets it tracks."""

from __future__ import annotations

from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver

from apps.plans.models import Plan, Target, Task
from apps.plans.search import plan_parts, refresh, target_parts, task_parts
from apps.units.models import Unit


@receiver(pre_save, sender=Unit)
def remember_name(sender, instance, raw=False, **kwargs):
    instance._search_old_name = None
    if not raw and instance.pk is not None:
        instance._search_old_name = Unit.objects.filter(pk=instance.pk).values_list("name", flat=True).first()


@receiver(post_save, sender=Unit)
def refresh_search(sender, instance, created, raw=False, **kwargs):
    old = getattr(instance, "_search_old_name", None)
    if raw or created or old is None or old == instance.name:
        return
    refresh(Plan.objects.filter(unit=instance).select_related("unit"), plan_parts)
    refresh(Task.objects.filter(lead=instance).select_related("lead"), task_parts)
    refresh(Target.objects.filter(agency=instance).select_related("agency"), target_parts)
