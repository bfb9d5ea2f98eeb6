from django.urls import path

from apps.alignment import views

urlpatterns = [
    path("ke-hoach/<int:plan_id>/doi-chieu/", views.compare_page, name="alignment-compare"),
    path("ke-hoach/<int:plan_id>/doi-chieu/quyet-dinh/", views.decide, name="alignment-decide"),
    path("ke-hoach/<int:plan_id>/ke-hoach-thuc-hien/", views.implementing, name="alignment-implementing"),
]
