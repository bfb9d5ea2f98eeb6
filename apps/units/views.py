"""The unit tree and a unit's page (its agencies, members and plans)."""

from __future__ import annotations

from collections import defaultdict

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch, prefetch_related_objects
from django.shortcuts import get_object_or_404, redirect, render

from apps.plans.models import PlanStatus
from apps.units.access import Access
from apps.units.accounts import AgencyOfficerForm, create_agency_officer
from apps.units.models import BLOCKS, Membership, Unit, UnitKind, UnitName


def _units_with_history():
    return Unit.objects.select_related("successor").prefetch_related(
        Prefetch("former_names", queryset=UnitName.objects.order_by("-valid_until"))
    )


@login_required
def unit_tree(request):
    """The city, its blocks and their units, each unit's agencies folded under it. A city has ~1,200 units: they
    come in one query, and only the few renamed or merged ones are asked for their history."""
    access = Access.of(request)
    units = list(Unit.objects.order_by("name"))
    renamed = set(UnitName.objects.values_list("unit_id", flat=True))
    with_history = [u for u in units if u.dissolved_on or u.pk in renamed]
    prefetch_related_objects(
        with_history, "successor", Prefetch("former_names", queryset=UnitName.objects.order_by("-valid_until"))
    )
    children = defaultdict(list)
    for unit in units:
        unit.has_history = bool(unit.dissolved_on) or unit.pk in renamed
        children[unit.parent_id].append(unit)
    cities = []
    for city in (u for u in units if u.kind == UnitKind.CITY):
        blocks = []
        for _, label, kinds in BLOCKS:
            members = [c for c in children[city.pk] if c.kind in kinds]
            for unit in members:
                unit.viewable = access.can_view(unit)
                unit.agency_list = [c for c in children[unit.pk] if c.kind == UnitKind.AGENCY]
            if members:
                blocks.append((label, members))
        city.viewable = access.can_view(city)
        cities.append((city, blocks))
    orphans = [u for u in units if u.parent_id is None and u.kind != UnitKind.CITY]
    return render(request, "units/tree.html", {"cities": cities, "orphans": orphans})


@login_required
def unit_detail(request, pk: int):
    access = Access.of(request)
    unit = get_object_or_404(_units_with_history().select_related("parent"), pk=pk)
    access.require_view(unit)
    agencies = list(_units_with_history().filter(parent=unit, kind=UnitKind.AGENCY).order_by("dissolved_on", "name"))
    members = (
        Membership.objects.filter(unit_id__in=[unit.pk, *(a.pk for a in agencies)])
        .select_related("user", "unit")
        .order_by("unit__name", "role", "user__username")
    )
    plans = unit.plans.exclude(status=PlanStatus.DRAFT) if not unit.is_agency else []
    context = {
        "unit": unit,
        "agencies": agencies,
        "members": members,
        "plans": plans,
        "predecessors": unit.predecessors.order_by("name"),
        "can_manage": access.can_manage(unit),
        "can_read_audit": access.can_read_audit(unit),
    }
    return render(request, "units/detail.html", context)


@login_required
def account_create(request, pk: int):
    """The standing officer makes an agency officer's account for one of their unit's agencies."""
    access = Access.of(request)
    unit = get_object_or_404(Unit, pk=pk)
    access.require_view(unit)
    if unit.is_agency or not access.can_manage(unit):
        raise PermissionDenied("Chỉ cán bộ thường trực CCHC của đơn vị tạo tài khoản cho cán bộ các cơ quan.")
    agencies = list(unit.agencies().order_by("name"))
    form = AgencyOfficerForm(request.POST or None, agencies=agencies)
    if request.method == "POST" and form.is_valid():
        user = create_agency_officer(unit, request.user, form.cleaned_data)
        agency = form.cleaned_data["agency"]
        messages.success(
            request,
            f"Đã tạo tài khoản {user.username} (cán bộ {agency.name}). Báo mật khẩu ban đầu cho người dùng và đề nghị "
            "đổi mật khẩu khi đăng nhập lần đầu.",
        )
        return redirect("units-detail", pk=unit.pk)
    return render(request, "units/account_create.html", {"unit": unit, "form": form})
