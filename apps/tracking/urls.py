from django.urls import path

from apps.tracking import views, views_figures, views_review

urlpatterns = [
    path("nhiem-vu/cua-toi/", views.my_tasks, name="tracking-my-tasks"),
    path("ke-hoach/<int:plan_id>/nhiem-vu/", views.plan_tasks, name="tracking-plan-tasks"),
    path("nhiem-vu/<int:pk>/", views.task_detail, name="tracking-task"),
    path("nhiem-vu/<int:pk>/cap-nhat/", views.task_update, name="tracking-update"),
    path("cap-nhat/<int:pk>/tra-lai/", views.update_return, name="tracking-return"),
    path("minh-chung/<int:pk>/tai-ve/", views.evidence_download, name="tracking-evidence"),
    path("cho-duyet/", views_review.queue, name="tracking-review"),
    path("thong-bao/", views.notifications, name="tracking-notifications"),
    path("thong-bao/da-doc/", views.notifications_read, name="tracking-notifications-read"),
    path("thong-bao/<int:pk>/", views.notification_open, name="tracking-notification"),
    # targets and their figures
    path("ke-hoach/<int:plan_id>/so-lieu/", views_figures.plan_figures, name="figures-plan"),
    path("ke-hoach/<int:plan_id>/so-lieu/gan-chi-so/", views_figures.plan_bind, name="figures-bind"),
    path("ke-hoach/<int:plan_id>/bang-tinh/tai-ve/", views_figures.sheet_download, name="figures-sheet-download"),
    path("ke-hoach/<int:plan_id>/bang-tinh/tai-len/", views_figures.sheet_upload, name="figures-sheet-upload"),
    path("ke-hoach/<int:plan_id>/bang-tinh/xem-truoc/", views_figures.sheet_preview, name="figures-sheet-preview"),
    path("chi-tieu/<int:target_id>/", views_figures.target_figures, name="figures-target"),
    path("chi-tieu/<int:target_id>/chi-so/", views_figures.target_indicator, name="figures-target-indicator"),
    path("chi-so/", views_figures.indicators, name="figures-indicators"),
]
