from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from apps.units.access import Access


@login_required
def home(request):
    access = Access(request.user)
    return render(request, "dashboards/home.html", {"unit": access.home_unit})
