from django.urls import path

from apps.api.api import api
from apps.reports.api import router as reports_router

api.add_router("", reports_router)

urlpatterns = [path("", api.urls)]
