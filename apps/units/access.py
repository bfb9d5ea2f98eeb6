"""Who may see and change what: the one home of the permission rules, used by pages and API alike.

- A city reviewer (Sở Nội vụ) or an administrator reads every unit; only the reviewer appraises.
- A standing officer manages everything of their unit (plans, imports, all tasks, returns updates), whether their
  account is attached to the unit itself or to one of its agencies (the standing body, Phòng Văn hóa - Xã hội).
- A leader reads all of their unit.
- An agency officer reads their unit's plans and updates the tasks and figures their agency leads.
- Nobody else sees a unit's plans: views answer 404, not 403, so existence does not leak.
"""

from __future__ import annotations

from functools import cached_property

from django.core.exceptions import PermissionDenied
from django.http import Http404

from apps.units.models import Membership, Role, Unit


class Access:
    def __init__(self, user):
        self.user = user

    @classmethod
    def of(cls, request) -> Access:
        """The access of the request's user, built once per request: the view and the menu of its page share it
        (and its memberships, asked once). Built anew when the request's user changes (signing in, an API token)."""
        access = getattr(request, "_access", None)
        if access is None or access.user is not request.user:
            access = request._access = cls(request.user)
        return access

    @cached_property
    def memberships(self) -> list[Membership]:
        if not self.user.is_authenticated:
            return []
        return list(Membership.objects.filter(user=self.user).select_related("unit", "unit__parent"))

    def _units(self, *roles: str) -> set[int]:
        return {m.unit_id for m in self.memberships if m.role in roles}

    @cached_property
    def is_city(self) -> bool:
        """Reads every unit."""
        return self.user.is_superuser or bool(self._units(Role.CITY_REVIEWER, Role.ADMINISTRATOR))

    @cached_property
    def is_reviewer(self) -> bool:
        return bool(self._units(Role.CITY_REVIEWER))

    @cached_property
    def is_administrator(self) -> bool:
        return self.user.is_superuser or bool(self._units(Role.ADMINISTRATOR))

    @cached_property
    def managed_unit_ids(self) -> set[int]:
        """Governing units this user is the standing officer of, whether registered there or at one of its
        agencies (the standing body)."""
        return {m.unit.governing_unit.pk for m in self.memberships if m.role == Role.STANDING_OFFICER}

    @cached_property
    def agency_ids(self) -> set[int]:
        """Agencies whose tasks and figures this user updates."""
        return self._units(Role.AGENCY_OFFICER)

    @cached_property
    def visible_unit_ids(self) -> set[int] | None:
        """Governing units whose plans this user reads; None means all of them."""
        if self.is_city:
            return None
        return {m.unit.governing_unit.pk for m in self.memberships}

    @cached_property
    def home_unit(self) -> Unit | None:
        """The unit a user lands on: the first governing unit they belong to."""
        for m in self.memberships:
            return m.unit.governing_unit
        return None

    def can_view(self, unit: Unit) -> bool:
        ids = self.visible_unit_ids
        return ids is None or unit.governing_unit.pk in ids

    def can_view_implemented(self, plan, other) -> bool:
        """Whoever reads a plan also reads the plan it says it implements, to compare the two (alignment)."""
        return self.can_view(plan.unit) and plan.references.filter(kind="implements", linked_plan=other).exists()

    def can_manage(self, unit: Unit) -> bool:
        return unit.governing_unit.pk in self.managed_unit_ids

    def can_update_task(self, task) -> bool:
        unit = task.plan.unit
        if self.can_manage(unit):
            return True
        return task.lead_id is not None and task.lead_id in self.agency_ids

    def can_enter_measurement(self, target) -> bool:
        if self.can_manage(target.plan.unit):
            return True
        return target.agency_id is not None and target.agency_id in self.agency_ids

    def can_read_audit(self, unit: Unit) -> bool:
        return self.is_city or self.can_manage(unit)

    def visible(self, queryset, unit_field: str = "unit"):
        """Filter a queryset to the rows of units this user may see."""
        ids = self.visible_unit_ids
        if ids is None:
            return queryset
        return queryset.filter(**{f"{unit_field}__in": ids})

    def require_view(self, unit: Unit) -> None:
        if not self.can_view(unit):
            raise Http404("Không tìm thấy.")

    def require_manage(self, unit: Unit, message: str) -> None:
        """A unit this user may not see is not there (404); one they may see but not manage answers 403 with
        ``message``, which says who may do it."""
        self.require_view(unit)
        if not self.can_manage(unit):
            raise PermissionDenied(message)
