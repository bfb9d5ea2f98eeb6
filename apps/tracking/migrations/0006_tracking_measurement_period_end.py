from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def copy_period_end(apps, schema_editor):
    Measurement = apps.get_model("tracking", "Measurement")
    Period = apps.get_model("tracking", "Period")
    Measurement.objects.update(period_end=Subquery(Period.objects.filter(pk=OuterRef("period_id")).values("end")[:1]))


class Migration(migrations.Migration):
    dependencies = [("tracking", "0005_report_reminder_kinds")]

    operations = [
        migrations.AddField(
            model_name="measurement", name="period_end", field=models.DateField(editable=False, null=True)
        ),
        migrations.RunPython(copy_period_end, migrations.RunPython.noop),
        migrations.AlterField(model_name="measurement", name="period_end", field=models.DateField(editable=False)),
        migrations.AlterModelOptions(
            name="measurement",
            options={
                "ordering": ["period_end"],
                "verbose_name": "số liệu kỳ báo cáo",
                "verbose_name_plural": "số liệu kỳ báo cáo",
            },
        ),
        migrations.AddIndex(
            model_name="measurement",
            index=models.Index(fields=["target", "-period_end"], name="measurement_latest_idx"),
        ),
    ]
