"""Units (the city, departments, communes and their agencies) and who holds which role where."""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone


def person_name(user, absent: str = "—") -> str:
    """How pages, files and messages name a person: the full name, else the user name; ``absent`` for nobody
    (a deleted account, a record without an author)."""
    return (user.get_full_name() or user.get_username()) if user else absent


class UnitKind(models.TextChoices):
    CITY = "city", "Thành phố"
    DEPARTMENT = "department", "Sở, ban, ngành"
    COMMUNE = "commune", "Xã"
    WARD = "ward", "Phường"
    SPECIAL_ZONE = "special_zone", "Đặc khu"
    AGENCY = "agency", "Cơ quan, đơn vị trực thuộc"


# units that issue plans and report on them (an agency belongs to one of these)
GOVERNING_KINDS = (UnitKind.CITY, UnitKind.DEPARTMENT, UnitKind.COMMUNE, UnitKind.WARD, UnitKind.SPECIAL_ZONE)


# the blocks a city's units are shown and ranked in (departments, wards, communes + special zones)
class Block(NamedTuple):
    key: str  # as the API and the reports name it
    label: str
    kinds: tuple[str, ...]


BLOCKS = [
    Block("departments", "Sở, ban, ngành", (UnitKind.DEPARTMENT,)),
    Block("wards", "Phường", (UnitKind.WARD,)),
    Block("communes", "Xã, đặc khu", (UnitKind.COMMUNE, UnitKind.SPECIAL_ZONE)),
]
BLOCK_OF = {kind: block.key for block in BLOCKS for kind in block.kinds}
BLOCK_LABELS = {block.key: block.label for block in BLOCKS}


class Unit(models.Model):
    """A node of the administrative tree. Renames keep the old name in ``UnitName``;
    a merged or dissolved unit stays (with ``dissolved_on`` and ``successor``) so its plans keep their owner."""

    name = models.CharField("tên", max_length=200)
    short_name = models.CharField("tên ngắn", max_length=80, blank=True)
    kind = models.CharField("loại", max_length=20, choices=UnitKind.choices)
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="children")
    code = models.SlugField("mã", max_length=60, unique=True)
    is_standing_body = models.BooleanField(
        "cơ quan thường trực CCHC", default=False, help_text="Phòng Văn hóa - Xã hội ở xã; Văn phòng ở sở."
    )
    aliases = models.TextField(
        "tên gọi khác", blank=True, help_text="Mỗi dòng một cách viết khác trong văn bản (VD: Văn phòng HĐND&UBND)."
    )
    email = models.EmailField(blank=True)
    dissolved_on = models.DateField("ngày giải thể/sáp nhập", null=True, blank=True)
    successor = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="predecessors",
        verbose_name="sáp nhập vào",
    )

    class Meta:
        ordering = ["kind", "name"]
        verbose_name = "đơn vị"
        verbose_name_plural = "đơn vị"

    def __str__(self) -> str:
        return self.name

    @property
    def name_in_sentence(self) -> str:
        """The name as written mid-sentence: a commune, ward, special zone or city's kind in lower case ("báo cáo
        của xã Mao Điền", "thành phố Hải Phòng"); a department's or an agency's name as it is (Sở Nội vụ)."""
        if self.kind in (UnitKind.COMMUNE, UnitKind.WARD, UnitKind.SPECIAL_ZONE, UnitKind.CITY):
            label = UnitKind(self.kind).label
            if self.name.startswith(label):
                return label.lower() + self.name[len(label) :]
        return self.name

    @property
    def is_agency(self) -> bool:
        return self.kind == UnitKind.AGENCY

    @property
    def governing_unit(self) -> Unit:
        """The commune, ward, department or city this unit belongs to (itself unless an agency)."""
        return self.parent if self.is_agency and self.parent else self

    @property
    def governing_unit_id(self) -> int:
        """The pk of ``governing_unit``, without loading it."""
        return self.parent_id if self.is_agency and self.parent_id else self.pk

    def ancestors(self) -> list[Unit]:
        chain, node = [], self.parent
        while node is not None:
            chain.append(node)
            node = node.parent
        return chain

    def descendant_ids(self) -> set[int]:
        """Ids of this unit and everything below it (one query per level; the tree is shallow)."""
        ids, frontier = {self.pk}, [self.pk]
        while frontier:
            frontier = list(Unit.objects.filter(parent_id__in=frontier).values_list("pk", flat=True))
            ids.update(frontier)
        return ids

    def agencies(self):
        return self.children.filter(kind=UnitKind.AGENCY, dissolved_on__isnull=True)

    def rename(self, new_name: str, on=None) -> None:
        """Rename, keeping the old name in the history."""
        on = on or timezone.localdate()
        UnitName.objects.create(unit=self, name=self.name, valid_until=on)
        self.name = new_name
        self.save(update_fields=["name"])

    def merge_into(self, successor: Unit, on=None) -> None:
        """Close this unit and point it at the unit that takes over its work."""
        self.dissolved_on = on or timezone.localdate()
        self.successor = successor
        self.save(update_fields=["dissolved_on", "successor"])


class UnitName(models.Model):
    """A former name of a unit, valid until the given date."""

    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="former_names")
    name = models.CharField(max_length=200)
    valid_until = models.DateField()

    class Meta:
        ordering = ["-valid_until"]


class Role(models.TextChoices):
    STANDING_OFFICER = "standing_officer", "Cán bộ thường trực CCHC"
    AGENCY_OFFICER = "agency_officer", "Cán bộ cơ quan, đơn vị"
    LEADER = "leader", "Lãnh đạo"
    CITY_REVIEWER = "city_reviewer", "Cán bộ thẩm định (Sở Nội vụ)"
    ADMINISTRATOR = "administrator", "Quản trị hệ thống"


class MembershipQuerySet(models.QuerySet):
    def standing_officers_of(self, unit_ids: Iterable[int]) -> MembershipQuerySet:
        """The standing officers of these governing units, whether their account is attached to the unit itself or
        to one of its agencies (the standing body, Phòng Văn hóa - Xã hội, most often)."""
        ids = list(unit_ids)
        at = Q(unit_id__in=ids) | Q(unit__parent_id__in=ids, unit__kind=UnitKind.AGENCY)
        return self.filter(at, role=Role.STANDING_OFFICER)


class Membership(models.Model):
    """A role a user holds in one unit. An agency officer's unit is their agency; a standing officer's is their
    commune (ward, department) or any agency of it, and they manage that governing unit either way."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField("vai trò", max_length=30, choices=Role.choices)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "unit", "role"], name="unique_membership")]
        verbose_name = "vai trò"
        verbose_name_plural = "vai trò"

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()} – {self.unit}"
