from django.urls import path

from apps.tracking import views_figures as views

urlpatterns = [
    path("ke-hoach/<int:plan_id>/so-lieu/", views.plan_figures, name="figures-plan"),
    path("ke-hoach/<int:plan_id>/so-lieu/gan-chi-so/", views.plan_bind, name="figures-bind"),
    path("ke-hoach/<int:plan_id>/bang-tinh/tai-ve/", views.sheet_download, name="figures-sheet-download"),
    path("ke-hoach/<int:plan_id>/bang-tinh/tai-len/", views.sheet_upload, name="figures-sheet-upload"),
    path("ke-hoach/<int:plan_id>/bang-tinh/xem-truoc/", views.sheet_preview, name="figures-sheet-preview"),
    path("chi-tieu/<int:target_id>/", views.target_figures, name="figures-target"),
    path("chi-tieu/<int:target_id>/chi-so/", views.target_indicator, name="figures-target-indicator"),
    path("chi-so/", views.indicators, name="figures-indicators"),
]
