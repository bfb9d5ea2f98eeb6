from django.urls import path

from apps.api.api import api
from apps.reports.api import router as reports_router
from apps.surveys.api import router as surveys_router

api.add_router("", reports_router)
api.add_router("", surveys_router)

urlpatterns = [path("", api.urls)]
