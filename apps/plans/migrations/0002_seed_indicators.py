"""Seed the shared indicator catalogue (Bộ chỉ số 766 groups, SIPAS, the plans' usual targets)."""

from django.db import migrations


def seed(apps, schema_editor):
    from apps.plans.indicators import seed_catalogue

    seed_catalogue(apps.get_model("plans", "Indicator"))


def unseed(apps, schema_editor):
    from apps.plans.indicators import CATALOGUE

    Indicator = apps.get_model("plans", "Indicator")
    Indicator.objects.filter(code__in=[row["code"] for row in CATALOGUE], owner__isnull=True, targets=None).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("plans", "0001_initial"),
    ]

    operations = [migrations.RunPython(seed, unseed)]
