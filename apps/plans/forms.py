"""Forms of the plan pages: the header, and targets and tasks as editable rows. They forgive:
comma or dot decimals, "85%", dates as 17/11/2025, empty optional fields."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from django import forms
from django.db.models import Q

from apps.plans.models import Plan, Target, Task
from apps.units.models import Unit, UnitKind

DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y"]


class ForgivingDecimalField(forms.DecimalField):
    """Accepts '85', '85%', '85,5', '85.5', '1.234,5' and rounds to the field's decimal places; NaN, infinities and
    numbers with more whole digits than the field holds get a message."""

    widget = forms.TextInput

    def to_python(self, value):
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


class PlanHeaderForm(forms.ModelForm):
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


class UnitRowsMixin:
    """Unit selects fed from one list computed per page, not one query per row."""

    unit_fields: tuple[str, ...] = ()

    def __init__(self, *args, units: list[Unit] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        units = units or []
        ids = [u.pk for u in units]
        for name in self.unit_fields:
            field = self.fields[name]
            field.queryset = Unit.objects.filter(pk__in=ids)
            field.choices = _choices(units, empty=not isinstance(field, forms.ModelMultipleChoiceField))


class TargetForm(UnitRowsMixin, forms.ModelForm):
    unit_fields = ("agency",)
    value = ForgivingDecimalField(label="Giá trị", max_digits=12, decimal_places=2)
    due_on = ForgivingDateField(label="Thời điểm phải đạt")

    class Meta:
        model = Target
        fields = ["text", "comparator", "value", "unit", "area", "phase", "due_on", "agency"]
        widgets = {"text": forms.Textarea(attrs={"rows": 2})}

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
        widgets = {
            "content": forms.Textarea(attrs={"rows": 3}),
            "partners": forms.SelectMultiple(attrs={"size": 3}),
        }


class RowsFormSet(forms.BaseModelFormSet):
    """Rows of one plan; a row already reported on (updates, figures) cannot be deleted."""

    def __init__(self, *args, plan: Plan, units: list[Unit], **kwargs):
        self.plan = plan
        kwargs.setdefault("form_kwargs", {})["units"] = units
        super().__init__(*args, **kwargs)

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
    units = unit_choices(plan)
    header = PlanHeaderForm(data, instance=plan, prefix="plan")
    targets = TargetFormSet(data, queryset=plan.targets.all(), prefix="targets", plan=plan, units=units)
    tasks = TaskFormSet(data, queryset=plan.tasks.prefetch_related("partners"), prefix="tasks", plan=plan, units=units)
    return header, targets, tasks
