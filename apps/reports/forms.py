"""The forms an administrator changes a reporting period's data window and due date with, and the city the
report's outline and statistics table."""

from __future__ import annotations

from django import forms

from apps.plans.forms import ForgivingDateField
from apps.reports.models import PARTS
from apps.tracking.models import Period


class PeriodForm(forms.Form):
    start = ForgivingDateField(label="Số liệu từ ngày", required=True)
    end = ForgivingDateField(label="đến ngày", required=True)
    due_on = ForgivingDateField(label="Hạn gửi báo cáo", required=True)
    # the values the form was loaded with: a change made meanwhile by someone else is not overwritten
    was = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, period: Period, **kwargs):
        self.period = period
        super().__init__(*args, **kwargs)

    @staticmethod
    def stamp(period: Period) -> str:
        return f"{period.start:%Y-%m-%d}|{period.end:%Y-%m-%d}|{period.due_on:%Y-%m-%d}"

    def clean(self):
        data = super().clean()
        start, end, due = data.get("start"), data.get("end"), data.get("due_on")
        if data.get("was") and data["was"] != self.stamp(self.period):
            raise forms.ValidationError(
                "Kỳ báo cáo này vừa được người khác sửa; trang đã hiện giá trị mới, hãy xem lại rồi lưu."
            )
        if start and end and start >= end:
            self.add_error("end", "Ngày cuối của khoảng lấy số liệu phải sau ngày đầu.")
        if end and due and due < end:
            self.add_error("due_on", "Hạn gửi báo cáo không được trước ngày cuối của khoảng lấy số liệu.")
        year = self.period.year
        if (end and end.year != year) or (start and start.year not in (year - 1, year)):
            self.add_error(
                None, f"Khoảng lấy số liệu phải kết thúc trong năm {year} (có thể bắt đầu từ cuối năm trước)."
            )
        return data


class HeadingForm(forms.Form):
    """One heading of the report's outline: its title; what it holds is fixed for the built-in parts, and a new
    heading is a section the unit writes."""

    title = forms.CharField(label="Đề mục", max_length=300, required=False)
    key = forms.CharField(widget=forms.HiddenInput, required=False)
    part = forms.CharField(widget=forms.HiddenInput, required=False)

    def part_label(self) -> str:
        return PARTS.get(self["part"].value() or "free", "")


class StatRowForm(forms.Form):
    """One row of the statistics table: its label, unit, and where its value comes from."""

    label = forms.CharField(label="Nội dung", max_length=300, required=False)
    unit = forms.CharField(label="Đơn vị tính", max_length=30, required=False)
    source = forms.ChoiceField(label="Lấy số liệu từ", required=False)
    key = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, sources: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["source"].choices = sources


# ORDER gives the position (a number the user types), DELETE removes the row; the blank rows at the end add
HeadingFormSet = forms.formset_factory(HeadingForm, extra=2, can_order=True, can_delete=True)
StatRowFormSet = forms.formset_factory(StatRowForm, extra=3, can_order=True, can_delete=True)
