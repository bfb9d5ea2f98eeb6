from django.urls import path

from apps.surveys import views

urlpatterns = [
    # public: no login
    path("khao-sat/<int:unit_id>/", views.survey_form, name="surveys-form"),
    path("khao-sat/<int:unit_id>/cam-on/", views.thanks, name="surveys-thanks"),
    # the unit's and the city's
    path("khao-sat/<int:unit_id>/ap-phich/", views.poster, name="surveys-poster"),
    path("khao-sat/<int:unit_id>/ma-qr.png", views.qr_png, name="surveys-qr"),
    path("ket-qua-khao-sat/", views.home, name="surveys-home"),
    path("ket-qua-khao-sat/don-vi/<int:unit_id>/", views.unit_results, name="surveys-unit"),
    path("ket-qua-khao-sat/don-vi/<int:unit_id>/phieu/", views.responses, name="surveys-responses"),
    path("ket-qua-khao-sat/don-vi/<int:unit_id>/ket-qua.xlsx", views.download_xlsx, name="surveys-xlsx"),
    path("ket-qua-khao-sat/don-vi/<int:unit_id>/so-nguoi/", views.population, name="surveys-population"),
    path("ket-qua-khao-sat/don-vi/<int:unit_id>/ghi-chi-tieu/", views.apply_to_targets, name="surveys-apply"),
    path("ket-qua-khao-sat/phieu/<int:pk>/loai/", views.exclude, name="surveys-exclude"),
    path("ket-qua-khao-sat/mau-phieu/", views.questionnaire, name="surveys-questionnaire"),
]
