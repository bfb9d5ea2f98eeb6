from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from apps.plans.models import ReportStatus, TaskState
from apps.tracking.services import contradiction, resolutions
from apps.tracking.uploads import ALLOWED_LABEL, validate_upload


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".pdf,.doc,.docx,.xls,.xlsx,.jpg,.jpeg,.png"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else ([data] if data else [])
        cleaned, errors = [], []
        for upload in files:
            upload = super().clean(upload, initial)
            try:
                validate_upload(upload)
            except ValidationError as exc:
                errors.extend(exc.messages)
            cleaned.append(upload)
        if errors:
            raise ValidationError(errors)
        return cleaned


class TaskUpdateForm(forms.Form):
    state = forms.ChoiceField(label="Tình trạng", choices=TaskState.choices)
    progress = forms.IntegerField(label="Tiến độ (%)", min_value=0, max_value=100, required=False, initial=0)
    comment = forms.CharField(
        label="Nội dung cập nhật", widget=forms.Textarea(attrs={"rows": 4}), required=False, max_length=5000
    )
    completed_on = forms.DateField(
        label="Ngày hoàn thành",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text="Để trống thì lấy ngày hôm nay khi đã hoàn thành.",
    )
    files = MultipleFileField(label="Minh chứng (có thể chọn nhiều tệp)", required=False, help_text=ALLOWED_LABEL)
    # the task's version when the form was opened: an update is appended whatever it is now, but the user is told
    # what it replaced when someone else updated the task meanwhile
    version = forms.CharField(required=False, max_length=12, widget=forms.HiddenInput)
    # the percentage the form was opened with: left as it was, it follows the state chosen; typed, it must agree
    # with it, or the user is asked which is meant (``resolve``, a button of the form)
    shown_progress = forms.IntegerField(required=False, widget=forms.HiddenInput)
    resolve = forms.ChoiceField(required=False, choices=TaskState.choices, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.resolutions: list[tuple[str, str]] = []

    def clean_version(self) -> int | None:
        text = self.cleaned_data.get("version") or ""
        return int(text) if text.isdecimal() and len(text) < 10 else None

    def clean_completed_on(self):
        value = self.cleaned_data.get("completed_on")
        if value and value > timezone.localdate():
            raise ValidationError("Ngày hoàn thành không được sau ngày hôm nay.")
        return value

    def clean(self):
        data = super().clean()
        state, progress = data.get("state"), data.get("progress")
        typed = progress is not None and progress != data.get("shown_progress")
        if data.get("resolve") and state and progress is not None:
            data["state"] = state = data["resolve"]
            data["progress"] = {TaskState.DONE: 100, TaskState.NOT_STARTED: 0}.get(state, min(progress, 99))
        elif state and typed and (question := contradiction(state, progress)):
            self.resolutions = resolutions(state, progress)
            raise ValidationError(question)
        if data.get("state") == TaskState.DONE and not data.get("completed_on") and "completed_on" not in self.errors:
            data["completed_on"] = timezone.localdate()
        return data


class ReturnForm(forms.Form):
    reason = forms.CharField(label="Lý do trả lại", widget=forms.Textarea(attrs={"rows": 3}), max_length=2000)


class TaskFilterForm(forms.Form):
    q = forms.CharField(label="Tìm", required=False, max_length=200)
    agency = forms.TypedChoiceField(label="Cơ quan chủ trì", required=False, coerce=int, empty_value=None)
    status = forms.ChoiceField(label="Tình trạng", required=False, choices=[("", "Tất cả")] + ReportStatus.choices)
    overdue = forms.BooleanField(label="Chỉ nhiệm vụ quá hạn", required=False)

    def __init__(self, *args, agencies=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].choices = [("", "Tất cả")] + [(a.pk, a.name) for a in agencies]
