"""The folded copy of the words searches read, on plans, tasks and targets, filled for the rows already there."""

from django.db import migrations, models

from apps.plans.search import plan_parts, refresh, target_parts, task_parts


def fill(apps, schema_editor):
    plans, tasks, targets = (apps.get_model("plans", name) for name in ("Plan", "Task", "Target"))
    refresh(plans.objects.select_related("unit"), plan_parts)
    refresh(tasks.objects.select_related("lead"), task_parts)
    refresh(targets.objects.select_related("agency"), target_parts)


class Migration(migrations.Migration):
    dependencies = [("plans", "0004_reference_amends")]

    operations = [
        migrations.AddField(
            model_name=model,
            name="search_text",
            field=models.TextField(blank=True, default="", editable=False),
        )
        for model in ("plan", "target", "task")
    ] + [migrations.RunPython(fill, migrations.RunPython.noop)]
