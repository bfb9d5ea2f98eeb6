"""Audit entries told as Vietnamese sentences: "Nguyễn Văn A cập nhật nhiệm vụ II.2b: Chưa thực hiện → Đang thực
hiện, 30%", and their changed fields by the names people read ("Hạn hoàn thành: 31/12/2026 → 30/06/2027").

The entry keeps what was written then (its summary, before and after); this only reads it. ``Sentences`` is made
once per page, so the units an entry names by id are looked up in one query.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.exceptions import FieldDoesNotExist
from django.utils import timezone

from apps.audit.models import UNRECORDED, AuditEntry
from apps.plans.models import TaskState
from apps.units.models import Unit, person_name

# the kinds of object the log can be filtered by, as people name them
KINDS = {
    "plans.plan": "Kế hoạch",
    "plans.task": "Nhiệm vụ",
    "plans.target": "Chỉ tiêu",
    "tracking.measurement": "Số liệu chỉ tiêu",
    "reports.report": "Báo cáo định kỳ",
    "imports.importrun": "Tệp nhập",
    "units.unit": "Đơn vị",
    "units.membership": "Vai trò",
    "auth.user": "Tài khoản",
    "api.apitoken": "Mã truy cập API",
}

# summaries are written verb first ("Sửa nhiệm vụ", "Tạo tài khoản …"); these are the verbs a sentence can follow
# the person with, in lower case
VERBS = (
    "ban hành", "cấp", "cập nhật", "chấp nhận", "đặt", "đổi", "gộp", "gửi", "khóa", "nhập", "sửa", "tải lên",
    "tạo", "thay", "thêm", "thu hồi", "trả lại", "xóa", "gắn", "hủy",
)  # fmt: skip
# what the person did, for the summaries that do not start with a verb
PREFIXES = {"create_draft": "tạo", "replace_draft": "thay", "import_refused": "bị từ chối nhập:"}
# bookkeeping, and the row an entry is about (a figure's target, named by the summary)
SKIPPED = {"id", "plan_id", "target_id", "position", "created_at", "version", "update", "entered_at", *UNRECORDED}
DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
MOMENT = re.compile(r"^\d{4}-\d{2}-\d{2}T")
TASK_CODE = re.compile(r"nhiệm vụ ([^\s:]+)")
STATES = dict(TaskState.choices)
# names of the fields the models leave unnamed, and of what entries add to a row's values
LABELS = {
    "user": "tài khoản",
    "unit": "đơn vị",
    "role": "vai trò",
    "state": "trạng thái",
    "progress": "tiến độ (%)",
    "completed_on": "ngày hoàn thành",
    "comment": "ghi chú",
    "evidence": "minh chứng",
    "reason": "lý do",
    "period": "kỳ báo cáo",
    "file": "tệp",
    "sha256": "mã kiểm tra tệp",
    "status": "trạng thái",
    "unit_to_use": "đơn vị cần chọn",
    "password": "mật khẩu",
    "is_staff": "vào trang quản trị",
    "is_superuser": "toàn quyền quản trị",
    "is_active": "được đăng nhập",
    "prefix": "mã truy cập",
    "expires_at": "hết hạn",
    "revoked_at": "thu hồi lúc",
    "published_at": "ban hành lúc",
    "published_by": "người ban hành",
    "superseded_by": "được thay thế bởi",
    "created_by": "người tạo",
    "entered_by": "người nhập",
    "target": "chỉ tiêu",
}
DECIMAL = re.compile(r"^-?\d+\.\d+$")


def who(entry: AuditEntry) -> str:
    if entry.user is not None:
        return person_name(entry.user)
    return "Người chưa đăng nhập" if entry.by_anonymous else "Hệ thống"


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _quoted(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return f"“{text[: limit - 1]}…”" if len(text) > limit else f"“{text}”"


class Sentences:
    """Tells the entries of one page; ``entries`` must have their ``user`` loaded."""

    def __init__(self, entries) -> None:
        self.entries = list(entries)
        self._units: dict[int, str] | None = None
        self._named: dict[tuple[str, int], str] = {}

    def __iter__(self):
        for entry in self.entries:
            entry.sentence = self.sentence(entry)
            entry.changes = self.changes(entry)
            entry.kind_label = KINDS.get(entry.object_type, "")
            yield entry

    # --- the sentence -----------------------------------------------------------------------------------------

    def sentence(self, entry: AuditEntry) -> str:
        person = who(entry)
        before = entry.before if isinstance(entry.before, dict) else {}
        after = entry.after if isinstance(entry.after, dict) else {}
        if entry.action == "task.update" and "state" in after:
            return f"{person} cập nhật nhiệm vụ {self._code(entry)}: {self._progress(before, after)}"
        if entry.action == "task.update.return" and "state" in after:
            reason = after.get("reason") or ""
            return (
                f"{person} trả lại cập nhật nhiệm vụ {self._code(entry)} (lý do: {reason}); nhiệm vụ về "
                f"{self._progress(before, after)}"
            )
        summary = entry.summary or entry.action
        if entry.action == "supersede":
            number = (after or before).get("number") or ""
            return f"Kế hoạch {number} {_lower_first(summary)} (do {person} ban hành)".replace("  ", " ")
        if entry.user is not None and summary.startswith(entry.user.username + " "):
            return person + summary[len(entry.user.username) :]  # "kesat.vhxh đổi mật khẩu"
        if entry.object_type in ("plans.task", "plans.target") and entry.action in ("add", "edit", "delete"):
            summary = f"{summary} {self._row_code(entry, before, after)}".rstrip()
        text = _lower_first(summary)
        if entry.action in PREFIXES and not text.startswith(VERBS):
            text = f"{PREFIXES[entry.action]} {text}"
        if text.startswith(VERBS):
            return f"{person} {text}"
        return f"{summary} (người thực hiện: {person})"

    def _code(self, entry: AuditEntry) -> str:
        found = TASK_CODE.search(entry.summary or "")
        return found.group(1) if found else f"#{entry.object_id}"

    @staticmethod
    def _row_code(entry: AuditEntry, before: dict, after: dict) -> str:
        row = after or before
        if "first" in row:
            row = row["first"]
        if entry.object_type == "plans.task":
            code = ".".join(str(p) for p in (row.get("section"), row.get("no")) if p)
            return code or _quoted(str(row.get("content") or ""), 60)
        return _quoted(str(row.get("text") or ""), 60)

    @staticmethod
    def _progress(before: dict, after: dict) -> str:
        old, new = STATES.get(before.get("state"), ""), STATES.get(after.get("state"), "")
        states = f"{old} → {new}" if old and old != new else new
        if old != new or before.get("progress") == after.get("progress"):
            return f"{states}, {after.get('progress', 0)}%"
        return f"{states}, {before.get('progress', 0)}% → {after.get('progress', 0)}%"

    # --- the changed fields ------------------------------------------------------------------------------------

    def changes(self, entry: AuditEntry) -> list[tuple[str, str, str]]:
        """(label, before, after) of each field the entry changed, values as people read them; before is empty
        for what was created, after for what was deleted."""
        before, after = entry.before, entry.after
        if entry.action in ("task.update", "task.update.return"):
            return []  # the sentence says it all
        if not isinstance(before or {}, dict) or not isinstance(after or {}, dict):
            return [("", str(before), str(after))]
        created, deleted = before is None, after is None
        before, after = before or {}, after or {}
        if "first" in before:  # a merge keeps both rows
            before = before["first"]
        model = self._model(entry.object_type)
        rows = []
        names = list(dict.fromkeys([*before, *after]))
        for name in names:
            if name in SKIPPED or before.get(name) == after.get(name):
                continue
            if name.endswith("_id") and name.removesuffix("_id") in names:
                continue  # the entry also names it in words ("period": "Quý I 2026")
            if (before.get(name) in (None, "", [])) and (after.get(name) in (None, "", [])):
                continue
            label, field = self._field(model, name)
            old = "" if created else self.value(field, before.get(name))
            new = "" if deleted else self.value(field, after.get(name))
            rows.append((label, old, new))
        return rows

    @staticmethod
    def _model(object_type: str):
        try:
            return apps.get_model(object_type) if object_type else None
        except (LookupError, ValueError):
            return None

    @staticmethod
    def _field(model, name: str):
        """The field's name as people read it: its verbose name, or ours where the model gives none."""
        field = None
        if model is not None:
            for candidate in (name, name.removesuffix("_id")):
                try:
                    field = model._meta.get_field(candidate)
                    break
                except FieldDoesNotExist:
                    continue
        label = LABELS.get(name.removesuffix("_id")) or str(getattr(field, "verbose_name", "") or "") or name
        return label[:1].upper() + label[1:], field

    def value(self, field, value) -> str:
        if value is None or value == "" or value == []:
            return "(trống)"
        if isinstance(value, bool):
            return "có" if value else "không"
        if field is not None and getattr(field, "choices", None):
            return str(dict(field.choices).get(value, value))
        if field is not None and field.is_relation and getattr(field, "related_model", None) is not None:
            is_id = isinstance(value, int) or (isinstance(value, list) and all(isinstance(v, int) for v in value))
            if is_id and field.related_model._meta.label_lower == "units.unit":
                ids = value if isinstance(value, list) else [value]
                return ", ".join(self._unit_name(i) for i in ids)
            if is_id and not isinstance(value, list):
                return self._related(field.related_model, value)
        if isinstance(value, list):
            return ", ".join(str(v) for v in value) or "(trống)"
        text = str(value)
        if DECIMAL.match(text):
            return f"{Decimal(text).normalize():f}".replace(".", ",")
        if day := DAY.match(text):
            return f"{day.group(3)}/{day.group(2)}/{day.group(1)}"
        if MOMENT.match(text):
            try:
                moment = dt.datetime.fromisoformat(text)
            except ValueError:
                return text
            local = timezone.localtime(moment) if timezone.is_aware(moment) else moment
            return local.strftime("%d/%m/%Y %H:%M")
        return _quoted(text) if len(text) > 20 or " " in text else text

    def _related(self, model, pk: int) -> str:
        """A row another field points to, by its name (a person by their full name); once per row and page."""
        key = (model._meta.label_lower, pk)
        if key not in self._named:
            row = model.objects.filter(pk=pk).first()
            if row is None:
                self._named[key] = f"#{pk} (đã xóa)"
            elif model is get_user_model():
                self._named[key] = person_name(row)
            else:
                self._named[key] = _quoted(str(row), 80)
        return self._named[key]

    def _unit_name(self, pk) -> str:
        if self._units is None:
            ids = set()
            for entry in self.entries:
                for data in (entry.before, entry.after):
                    if isinstance(data, dict):
                        data = data.get("first", data)
                        for key in ("lead_id", "agency_id", "unit_id", "parent_id", "successor_id", "partners"):
                            found = data.get(key)
                            ids.update(found if isinstance(found, list) else [found])
            ids = {i for i in ids if isinstance(i, int)}
            self._units = dict(Unit.objects.filter(pk__in=ids).values_list("pk", "name"))
        return self._units.get(pk, f"#{pk}")
