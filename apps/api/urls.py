from django.urls import path

from apps.alignment.api import router as alignment_router
from apps.api.api import api
from apps.par.api import router as par_router
from apps.reports.api import router as reports_router
from apps.surveys.api import router as surveys_router
from apps.tracking.api import router as notifications_router
from apps.tracking.api_review import router as review_router

api.add_router("", reports_router)
api.add_router("", surveys_router)
api.add_router("", alignment_router)
api.add_router("", notifications_router)
api.add_router("", review_router)
api.add_router("", par_router)

urlpatterns = [path("", api.urls)]
