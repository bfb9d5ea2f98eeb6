from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from apps.units import accounts

urlpatterns = [
    path("dang-nhap/", accounts.LoginView.as_view(), name="login"),
    path("dang-xuat/", auth_views.LogoutView.as_view(), name="logout"),
    path("mat-khau/doi/", accounts.PasswordChangeView.as_view(), name="password_change"),
    path("mat-khau/doi/xong/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path("mat-khau/quen/", accounts.PasswordResetView.as_view(), name="password_reset"),
    path("mat-khau/quen/da-gui/", auth_views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "mat-khau/dat-lai/<uidb64>/<token>/",
        accounts.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path("mat-khau/dat-lai/xong/", auth_views.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
    path("quan-tri/", admin.site.urls),
    path("api/", include("apps.api.urls")),
    path("", include("apps.dashboards.urls")),
    path("", include("apps.plans.urls")),
    path("", include("apps.tracking.urls")),
    path("", include("apps.imports.urls")),
    path("", include("apps.units.urls")),
    path("", include("apps.audit.urls")),
    path("", include("apps.reports.urls")),
    path("", include("apps.surveys.urls")),
    path("", include("apps.alignment.urls")),
    path("", include("apps.par.urls")),
]

handler400 = "cchc.errors.bad_request"
handler403 = "cchc.errors.permission_denied"
handler404 = "cchc.errors.not_found"
handler500 = "cchc.errors.server_error"
