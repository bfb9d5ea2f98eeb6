"""The form an administrator changes a reporting period's data window and due date with."""

from __future__ import annotations

from django import forms

from apps.plans.forms import ForgivingDateField
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
