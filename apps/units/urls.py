from django.urls import path

from apps.units import views

urlpatterns = [
    path("don-vi/", views.unit_tree, name="units-tree"),
    path("don-vi/<int:pk>/", views.unit_detail, name="units-detail"),
    path("don-vi/<int:pk>/tai-khoan/", views.account_create, name="units-account-create"),
]
