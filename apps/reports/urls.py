from django.urls import path

from apps.reports import views

urlpatterns = [
    path("bao-cao/", views.home, name="reports-home"),
    path("bao-cao/cho-tham-dinh/", views.review, name="reports-review"),
    path("bao-cao/ky-bao-cao/", views.periods, name="reports-periods"),
    path("bao-cao/ky-bao-cao/<int:period_id>/", views.period_edit, name="reports-period-edit"),
    path("bao-cao/de-cuong/", views.guidance_edit, name="reports-guidance"),
    path("bao-cao/tong-hop/", views.consolidation, name="reports-consolidation"),
    path("bao-cao/tong-hop/lap/", views.city_create, name="reports-city-create"),
    path("bao-cao/tong-hop/<int:pk>/", views.city_status, name="reports-city"),
    path("bao-cao/tong-hop/<int:pk>/bao-cao-tong-hop.docx", views.city_docx, name="reports-city-docx"),
    path("bao-cao/tong-hop/<int:pk>/bang-tong-hop.xlsx", views.city_xlsx, name="reports-city-xlsx"),
    path("bao-cao/tong-hop/van-ban/<int:pk>/", views.city_document, name="reports-city-document"),
    path("bao-cao/tong-hop/van-ban/<int:pk>/luu/", views.city_document_save, name="reports-city-document-save"),
    path("bao-cao/tong-hop/van-ban/<int:pk>/ban-hanh/", views.city_document_issue, name="reports-city-document-issue"),
    path(
        "bao-cao/tong-hop/van-ban/<int:pk>/ban-da-ky/", views.city_document_signed, name="reports-city-document-signed"
    ),
    path("bao-cao/don-vi/<int:unit_id>/", views.unit_reports, name="reports-unit"),
    path("bao-cao/don-vi/<int:unit_id>/ky/<int:period_id>/tao/", views.create, name="reports-create"),
    path("bao-cao/<int:pk>/", views.detail, name="reports-detail"),
    path("bao-cao/<int:pk>/luu/", views.save, name="reports-save"),
    path("bao-cao/<int:pk>/dong-gop/", views.contribute, name="reports-contribute"),
    path("bao-cao/<int:pk>/gui/", views.submit, name="reports-submit"),
    path("bao-cao/<int:pk>/chap-nhan/", views.accept, name="reports-accept"),
    path("bao-cao/<int:pk>/tra-lai/", views.return_, name="reports-return"),
    path("bao-cao/<int:pk>/bao-cao.docx", views.download_docx, name="reports-docx"),
    path("bao-cao/<int:pk>/bang-so-lieu.xlsx", views.download_xlsx, name="reports-xlsx"),
]
