from django.urls import path

from apps.tracking import views

urlpatterns = [
    path("nhiem-vu/cua-toi/", views.my_tasks, name="tracking-my-tasks"),
    path("ke-hoach/<int:plan_id>/nhiem-vu/", views.plan_tasks, name="tracking-plan-tasks"),
    path("nhiem-vu/<int:pk>/", views.task_detail, name="tracking-task"),
    path("nhiem-vu/<int:pk>/cap-nhat/", views.task_update, name="tracking-update"),
    path("cap-nhat/<int:pk>/tra-lai/", views.update_return, name="tracking-return"),
    path("minh-chung/<int:pk>/tai-ve/", views.evidence_download, name="tracking-evidence"),
    path("thong-bao/", views.notifications, name="tracking-notifications"),
    path("thong-bao/da-doc/", views.notifications_read, name="tracking-notifications-read"),
    path("thong-bao/<int:pk>/", views.notification_open, name="tracking-notification"),
]
