"""The plan review and edit forms as their page renders them, ready to post back with some fields changed."""

from __future__ import annotations

from django.urls import reverse

# the buttons that ask before they act (cchc/confirm.py), with the values they ask for
ASKING = {"action": ("publish", "replace", "amend"), "merge": None}


def plan_form_data(client, url_name: str, plan, *, answer: bool = True, **changes) -> dict:
    """Every field the page ``url_name`` ("plans-review" or "plans-edit") renders for ``plan``, then ``changes``.
    A button that asks first (publish, merge) is sent as the browser sends it once the user said yes, unless
    ``answer`` is False."""
    page = client.get(reverse(url_name, args=[plan.pk]))
    assert page.status_code == 200
    data = {}
    for form in (page.context["header"], page.context["targets"], page.context["tasks"]):
        if hasattr(form, "management_form"):
            for field in form.management_form:
                data[field.html_name] = field.value()
        for row in getattr(form, "forms", [form]):
            for field in row:
                value = field.value()
                if value in (None, False, ""):
                    continue
                data[field.html_name] = [str(v) for v in value] if isinstance(value, list) else str(value)
    data.update(changes)
    for name, values in ASKING.items():
        if answer and name in changes and (values is None or changes[name] in values):
            data["confirmed"] = f"{name}:{changes[name]}"
    return data
