from django.apps import AppConfig


class ParConfig(AppConfig):
    name = "apps.par"
    verbose_name = "Chỉ số cải cách hành chính"
