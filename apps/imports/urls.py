from django.urls import path

from apps.imports import views

urlpatterns = [
    path("nhap-ke-hoach/", views.upload_start, name="imports-start"),
    path("don-vi/<int:unit_id>/nhap-ke-hoach/", views.upload, name="imports-upload"),
    path("nhap-ke-hoach/<int:pk>/", views.run_detail, name="imports-run"),
    path("nhap-ke-hoach/<int:pk>/trang-thai.json", views.run_status, name="imports-status"),
    path("nhap-ke-hoach/<int:pk>/tep/", views.run_file, name="imports-file"),
    path("ke-hoach/<int:pk>/xoa-ban-nhap/", views.draft_delete, name="imports-delete-draft"),
]
