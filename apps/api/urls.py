from django.urls import path

from apps.api.api import api
from apps.reports.api import router as reports_router
from apps.tracking.api import router as notifications_router

api.add_router("", reports_router)
api.add_router("", notifications_router)

urlpatterns = [path("", api.urls)]
