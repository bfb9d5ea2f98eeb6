from django.urls import path

from apps.plans import views

urlpatterns = [
    path("tim-kiem/", views.search, name="plans-search"),
    path("ke-hoach/", views.plan_list, name="plans-list"),
    path("ke-hoach/<int:pk>/", views.plan_detail, name="plans-detail"),
    path("ke-hoach/<int:pk>/duyet/", views.plan_review, name="plans-review"),
    path("ke-hoach/<int:pk>/sua/", views.plan_edit, name="plans-edit"),
    path("ke-hoach/<int:pk>/tep-goc/", views.plan_file, name="plans-file"),
    path("ke-hoach/<int:pk>/them-nhiem-vu/", views.plan_tasks_add, name="plans-tasks-add"),
]
