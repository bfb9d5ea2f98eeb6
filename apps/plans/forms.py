"""Forms of the plan pages: the header, and targets and tasks as editable rows. They forgive:
comma or dot decimals, "85%", dates as 17/11/2025, empty optional fields.

Each form of an existing record carries, in its hidden ``seen`` field, what the user loaded: the record's version
and a short fingerprint of each field (see ``Seen``). A save can then tell, row by row, what the user changed from
what someone else changed meanwhile (``apps/imports/review.py`` decides)."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from html import escape

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.forms.utils import flatatt
from django.utils.safestring import mark_safe

from apps.plans.models import Plan, Target, Task
from apps.units.models import Unit, UnitKind
from cchc.numbers import exponent_message

DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y"]


class ForgivingDecimalField(forms.DecimalField):
    """Accepts '85', '85%', '85,5', '85.5', '1.234,5' and rounds to the field's decimal places; NaN, infinities and
    numbers with more whole digits than the field holds get a message."""

    widget = forms.TextInput

    def to_python(self, value):
        if message := exponent_message(value):
            raise forms.ValidationError(message, code="exponent")
        if isinstance(value, str):
            text = value.strip().replace("%", "").replace(" ", "").replace("\u00a0", "")
            if "," in text and "." in text:
                text = text.replace(".", "").replace(",", ".")
            else:
                text = text.replace(",", ".")
            value = text
        elif isinstance(value, int) and not isinstance(value, bool):
            value = Decimal(value)  # str() of an int of thousands of digits raises
        number = super().to_python(value)
        if number is None:
            return None
        if not number.is_finite():
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        if self.max_digits is not None and self.decimal_places is not None:
            whole = self.max_digits - self.decimal_places
            if number and number.adjusted() >= whole:  # checked before rounding, which fails past 28 digits
                raise forms.ValidationError(
                    "Số quá lớn: phần nguyên tối đa %(whole)s chữ số.", code="max_whole_digits", params={"whole": whole}
                )
        if self.decimal_places is not None:
            number = number.quantize(Decimal(1).scaleb(-self.decimal_places), rounding=ROUND_HALF_UP)
        return number

    def has_changed(self, initial, data) -> bool:
        try:
            return self.to_python(initial) != self.to_python(data)
        except forms.ValidationError:
            return True


class ForgivingDateField(forms.DateField):
    input_formats = DATE_FORMATS

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)


def unit_choices(plan: Plan) -> list[Unit]:
    """Units a plan's rows may name: the plan unit's agencies, then the city's departments, plus any already named."""
    governing = plan.unit.governing_unit
    named = set(plan.tasks.exclude(lead=None).values_list("lead_id", flat=True))
    named |= set(Task.partners.through.objects.filter(task__plan=plan).values_list("unit_id", flat=True))
    named |= set(plan.targets.exclude(agency=None).values_list("agency_id", flat=True))
    agencies = Q(parent=governing, kind=UnitKind.AGENCY, dissolved_on__isnull=True)
    departments = Q(kind=UnitKind.DEPARTMENT, dissolved_on__isnull=True)
    units = Unit.objects.filter(agencies | departments | Q(pk__in=named))
    return sorted(units, key=lambda u: (u.kind != UnitKind.AGENCY, u.name))


def _choices(units: list[Unit], empty: bool) -> list:
    own = [(u.pk, u.name) for u in units if u.kind == UnitKind.AGENCY]
    others = [(u.pk, u.name) for u in units if u.kind != UnitKind.AGENCY]
    choices = [("", "— chưa chọn —")] if empty else []
    if own:
        choices.append(("Cơ quan, đơn vị của đơn vị", own))
    if others:
        choices.append(("Sở, ngành thành phố", others))
    return choices


def plain(value) -> str:
    """A field's value as text that is the same whether it comes from the database or from a submitted form."""
    if value is None:
        return ""
    if isinstance(value, models.Model):
        return str(value.pk)
    if isinstance(value, list | tuple | set | models.QuerySet):
        return ",".join(sorted(plain(v) for v in value))
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).replace("\r\n", "\n").strip()


def fingerprint(value) -> str:
    return hashlib.blake2s(plain(value).encode(), digest_size=3).hexdigest()


@dataclass(frozen=True)
class Seen:
    """What a page showed of one record: its version and a fingerprint per field, as ``3.a1b2c3.d4e5f6…``.
    ``version`` 0 marks a row the user was already told someone deleted."""

    version: int
    prints: tuple[str, ...]

    @property
    def token(self) -> str:
        return ".".join([str(self.version), *self.prints])

    @classmethod
    def parse(cls, text: str | None, count: int) -> Seen | None:
        parts = (text or "").split(".")
        if not parts[0].isdecimal() or len(parts[0]) > 9:
            return None
        if parts[0] == "0":
            return cls(0, ())
        if len(parts) != count + 1:
            return None
        return cls(int(parts[0]), tuple(parts[1:]))


class SeenMixin:
    """A model form that carries ``seen`` and tells the user's changes and other people's apart, field by field."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["seen"] = forms.CharField(required=False, widget=forms.HiddenInput)
        if self.instance.pk is not None:
            self.initial["seen"] = self.seen_of(self.instance).token

    @property
    def value_names(self) -> list[str]:
        return list(self._meta.fields)

    def values_of(self, obj) -> dict[str, object]:
        """The record's value of each field the form edits (units by id, partners as a sorted id list)."""
        values = {}
        for name in self.value_names:
            field = obj._meta.get_field(name)
            if field.many_to_many:
                values[name] = sorted(u.pk for u in getattr(obj, name).all()) if obj.pk else []
            else:
                values[name] = getattr(obj, field.attname)
        return values

    def typed_values(self) -> dict[str, object]:
        """What the user submitted, cleaned, in the same terms as ``values_of``."""
        return {name: self.cleaned_data.get(name) for name in self.value_names}

    def seen_of(self, obj) -> Seen:
        values = self.values_of(obj)
        return Seen(obj.version, tuple(fingerprint(values[n]) for n in self.value_names))

    def submitted_seen(self) -> Seen | None:
        """What the page showed when it was loaded; None when the form did not carry it."""
        return Seen.parse(self.data.get(self.add_prefix("seen")), len(self.value_names))

    def changed_names(self, seen: Seen, values: dict[str, object]) -> set[str]:
        """Fields whose ``values`` differ from what the page showed."""
        return {n for n, p in zip(self.value_names, seen.prints, strict=True) if fingerprint(values[n]) != p}

    def show_current(self, obj, keep: set[str]) -> None:
        """Put the record as it now is into the form's (mutable) data, except the fields in ``keep`` (what the
        user typed), and mark it as seen; the page re-rendered after a conflict then starts from the present."""
        data = self.data
        if obj is None:
            data[self.add_prefix("seen")] = "0"
            return
        values = self.values_of(obj)
        for name in self.value_names:
            if name in keep:
                continue
            key = self.add_prefix(name)
            if isinstance(values[name], list):
                data.setlist(key, [str(v) for v in values[name]])
            else:
                data[key] = plain(values[name])
        data[self.add_prefix("seen")] = self.seen_of(obj).token


class PlanHeaderForm(SeenMixin, forms.ModelForm):
    issued_on = ForgivingDateField(label="Ngày ban hành")
    period_start = ForgivingDateField(label="Thực hiện từ ngày")
    period_end = ForgivingDateField(label="đến ngày")

    class Meta:
        model = Plan
        fields = ["number", "title", "issuer", "issued_on", "period_start", "period_end", "signer", "signer_title"]
        widgets = {"title": forms.Textarea(attrs={"rows": 2})}

    def clean(self):
        data = super().clean()
        start, end = data.get("period_start"), data.get("period_end")
        if start and end and start > end:
            self.add_error("period_end", "Ngày kết thúc phải sau ngày bắt đầu.")
        return data


class QuickSelect(forms.Select):
    """A select whose options are written in Python rather than through one template each: a plan page has three
    selects of ~20 options per row, and at 300 rows the templates took seconds."""

    def render(self, name, value, attrs=None, renderer=None):
        attrs = self.build_attrs(self.attrs, attrs)
        if self.allow_multiple_selected:
            attrs["multiple"] = True
        chosen = set(self.format_value(value))
        options = "".join(self._options(self.choices, chosen))
        return mark_safe(f'<select name="{escape(name)}"{flatatt(attrs)}>{options}</select>')

    def _options(self, choices, chosen):
        for value, label in choices:
            if isinstance(label, list | tuple):
                yield f'<optgroup label="{escape(str(value))}">{"".join(self._options(label, chosen))}</optgroup>'
            else:
                value = "" if value is None else str(value)
                selected = " selected" if value in chosen else ""
                yield f'<option value="{escape(value)}"{selected}>{escape(str(label))}</option>'


class QuickSelectMultiple(QuickSelect, forms.SelectMultiple):
    pass


def _pk(value) -> int | None:
    try:
        return int(str(value))
    except ValueError:
        return None


class UnitChoiceField(forms.ModelChoiceField):
    """A unit chosen among the page's list (``units``), resolved without a query."""

    units: dict[int, Unit] = {}

    def to_python(self, value):
        if value in self.empty_values:
            return None
        unit = self.units.get(_pk(value))
        if unit is None:
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return unit


class UnitsChoiceField(forms.ModelMultipleChoiceField):
    """Units chosen among the page's list (``units``), resolved without a query."""

    units: dict[int, Unit] = {}

    def clean(self, value):
        value = self.prepare_value(value)
        if not value:
            if self.required:
                raise ValidationError(self.error_messages["required"], code="required")
            return []
        if not isinstance(value, list | tuple):
            raise ValidationError(self.error_messages["invalid_list"], code="invalid_list")
        chosen = []
        for item in value:
            unit = self.units.get(_pk(item))
            if unit is None:
                message = self.error_messages["invalid_choice"]
                raise ValidationError(message, code="invalid_choice", params={"value": item})
            chosen.append(unit)
        return chosen


class PageUnits:
    """The units a plan page's selects offer, worked out once for all its rows."""

    def __init__(self, units: list[Unit]):
        self.by_pk = {u.pk: u for u in units}
        self.queryset = Unit.objects.filter(pk__in=list(self.by_pk))
        self.one = _choices(units, empty=True)
        self.many = _choices(units, empty=False)


class UnitRowsMixin(SeenMixin):
    """Unit selects fed from one list computed per page, not one query per row (neither to show nor to check)."""

    unit_fields: tuple[str, ...] = ()

    def __init__(self, *args, units: PageUnits | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        units = units or PageUnits([])
        for name in self.unit_fields:
            field = self.fields[name]
            field.queryset = units.queryset
            field.choices = units.many if isinstance(field, forms.ModelMultipleChoiceField) else units.one
            field.units = units.by_pk

    def _get_validation_exclusions(self):
        # the unit fields checked their choice against the page's list already; the model would query each again
        return super()._get_validation_exclusions() | set(self.unit_fields)


class TargetForm(UnitRowsMixin, forms.ModelForm):
    unit_fields = ("agency",)
    value = ForgivingDecimalField(label="Giá trị", max_digits=12, decimal_places=2)
    due_on = ForgivingDateField(label="Thời điểm phải đạt")

    class Meta:
        model = Target
        fields = ["text", "comparator", "value", "unit", "area", "phase", "due_on", "agency"]
        field_classes = {"agency": UnitChoiceField}
        widgets = {
            "text": forms.Textarea(attrs={"rows": 2}),
            "comparator": QuickSelect,
            "area": QuickSelect,
            "agency": QuickSelect,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and self.instance.value is not None:
            self.initial["value"] = format(self.instance.value.normalize(), "f").replace(".", ",")


class TaskForm(UnitRowsMixin, forms.ModelForm):
    unit_fields = ("lead", "partners")

    class Meta:
        model = Task
        fields = [
            "section",
            "no",
            "area",
            "content",
            "lead_text",
            "lead",
            "partners_text",
            "partners",
            "deadline_text",
            "output",
        ]
        field_classes = {"lead": UnitChoiceField, "partners": UnitsChoiceField}
        widgets = {
            "content": forms.Textarea(attrs={"rows": 3}),
            "area": QuickSelect,
            "lead": QuickSelect,
            "partners": QuickSelectMultiple(attrs={"size": 3}),
        }


class LoadedRowField(forms.ModelChoiceField):
    """A row's hidden id, found among the rows the formset loaded with one query (not one query per row)."""

    def __init__(self, rows, **kwargs):
        self.rows = rows
        super().__init__(**kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        row = self.rows(_pk(value))
        if row is None:
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return row


class RowsFormSet(forms.BaseModelFormSet):
    """Rows of one plan; a row already reported on (updates, figures) cannot be deleted. A submitted row that is no
    longer in the plan (someone deleted it meanwhile) is kept as a form with ``gone`` set to its id, so the page can
    say so instead of refusing the whole form."""

    def __init__(self, *args, plan: Plan, units: PageUnits, **kwargs):
        self.plan = plan
        kwargs.setdefault("form_kwargs", {})["units"] = units
        super().__init__(*args, **kwargs)

    def add_fields(self, form, index):
        super().add_fields(form, index)
        old = form.fields["id"]
        form.fields["id"] = LoadedRowField(
            self._existing_object, queryset=old.queryset, initial=old.initial, required=False, widget=old.widget
        )

    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        form.gone = None
        if self.is_bound and i < self.initial_form_count() and form.instance.pk is None:
            pk = _pk(form.data.get(form.add_prefix("id")))
            form.gone = pk if pk is not None and 0 < pk < 2**31 else -1  # -1: an id that never was a row
            form.fields["id"] = forms.IntegerField(required=False, widget=forms.HiddenInput)
        return form

    def clean(self):
        super().clean()
        for form in self.deleted_forms:
            instance = form.instance
            if instance.pk is None:
                continue
            if isinstance(instance, Task) and instance.updates.exists():
                raise forms.ValidationError(
                    f"Nhiệm vụ “{instance.content[:60]}” đã có báo cáo tiến độ, không xóa được; hãy sửa nội dung."
                )
            if isinstance(instance, Target) and instance.measurements.exists():
                raise forms.ValidationError(
                    f"Chỉ tiêu “{instance.text[:60]}” đã có số liệu, không xóa được; hãy sửa nội dung."
                )


TargetFormSet = forms.modelformset_factory(Target, form=TargetForm, formset=RowsFormSet, extra=1, can_delete=True)
TaskFormSet = forms.modelformset_factory(Task, form=TaskForm, formset=RowsFormSet, extra=1, can_delete=True)


def plan_forms(plan: Plan, data=None) -> tuple[PlanHeaderForm, RowsFormSet, RowsFormSet]:
    """The header form and the target and task rows of a plan, bound when ``data`` is given."""
    units = PageUnits(unit_choices(plan))
    header = PlanHeaderForm(data, instance=plan, prefix="plan")
    targets = TargetFormSet(data, queryset=plan.targets.all(), prefix="targets", plan=plan, units=units)
    tasks = TaskFormSet(data, queryset=plan.tasks.prefetch_related("partners"), prefix="tasks", plan=plan, units=units)
    return header, targets, tasks
