from django.urls import path

from apps.dashboards import views

urlpatterns = [
    path("", views.home, name="home"),
    path("tong-quan/thanh-pho/", views.city_dashboard, name="dashboards-city"),
    path("tong-quan/don-vi/<int:unit_id>/", views.unit_dashboard, name="dashboards-unit"),
]
