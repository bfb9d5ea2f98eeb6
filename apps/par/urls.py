from django.urls import path

from apps.par import views

urlpatterns = [
    path("chi-so-cchc/", views.home, name="par-home"),
    path("chi-so-cchc/bo-tieu-chi/", views.framework_list, name="par-frameworks"),
    path("chi-so-cchc/bo-tieu-chi/nhap/", views.framework_import, name="par-framework-import"),
    path("chi-so-cchc/bo-tieu-chi/<int:pk>/", views.framework_detail, name="par-framework"),
    path("chi-so-cchc/bo-tieu-chi/<int:pk>/sua/", views.framework_edit, name="par-framework-edit"),
    path("chi-so-cchc/bo-tieu-chi/<int:pk>/sao-chep/", views.framework_copy, name="par-framework-copy"),
    path("chi-so-cchc/bo-tieu-chi/<int:pk>/tai.<str:kind>", views.framework_file, name="par-framework-file"),
    path("chi-so-cchc/mo-nam/", views.year_open, name="par-year-open"),
    path("chi-so-cchc/nam/<int:year_id>/xep-hang/", views.ranking, name="par-ranking"),
    path("chi-so-cchc/nam/<int:year_id>/xep-loai/", views.year_bands, name="par-bands"),
    path("chi-so-cchc/nam/<int:year_id>/xep-hang.<str:kind>", views.ranking_file, name="par-ranking-file"),
    path("chi-so-cchc/nam/<int:year_id>/don-vi/<int:unit_id>/bat-dau/", views.start, name="par-start"),
    path("chi-so-cchc/ban-cham/<int:pk>/", views.assessment_detail, name="par-assessment"),
    path("chi-so-cchc/ban-cham/<int:pk>/diem/<int:score_id>/tu-cham/", views.score_self, name="par-score-self"),
    path("chi-so-cchc/ban-cham/<int:pk>/diem/<int:score_id>/tham-dinh/", views.appraise, name="par-appraise"),
    path("chi-so-cchc/ban-cham/<int:pk>/diem/<int:score_id>/giai-trinh/", views.explain, name="par-explain"),
    path("chi-so-cchc/ban-cham/<int:pk>/gan-tieu-chi/", views.tags, name="par-tags"),
    path("chi-so-cchc/ban-cham/<int:pk>/khoa/", views.lock, name="par-lock"),
    path("chi-so-cchc/ban-cham/<int:pk>/mo-lai/", views.reopen, name="par-reopen"),
    path("chi-so-cchc/ban-cham/<int:pk>/khao-sat/", views.survey, name="par-survey"),
    path("chi-so-cchc/ban-cham/<int:pk>/ket-thuc-vong/", views.finish_round, name="par-finish-round"),
    path("chi-so-cchc/ban-cham/<int:pk>/khoa-giai-trinh/", views.explanation_lock, name="par-explanation-lock"),
    path("chi-so-cchc/ban-cham/<int:pk>/tep/<str:kind>/", views.signed_file, name="par-signed-file"),
    path("chi-so-cchc/ban-cham/<int:pk>/bang-diem.<str:kind>", views.assessment_file, name="par-assessment-file"),
]
