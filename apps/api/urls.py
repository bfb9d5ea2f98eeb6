from django.urls import path

from apps.api.api import api
from apps.par.api import router as par_router
from apps.reports.api import router as reports_router

api.add_router("", reports_router)
api.add_router("", par_router)

urlpatterns = [path("", api.urls)]
