from django.urls import path

from apps.audit import views

urlpatterns = [
    path("nhat-ky/", views.audit_home, name="audit-home"),
    path("nhat-ky/<int:unit_id>/", views.audit_log, name="audit-log"),
]
