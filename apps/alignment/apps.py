from django.apps import AppConfig


class AlignmentConfig(AppConfig):
    name = "apps.alignment"
    verbose_name = "Đối chiếu kế hoạch"
