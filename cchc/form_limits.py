"""How many fields a posted form may have. Django refuses more than ``DATA_UPLOAD_MAX_NUMBER_FIELDS`` (1000) with a
bare 400; a plan's review and edit pages pass that at about 83 task rows (13 fields a row). Views marked with
``big_form`` take up to ``BIG_FORM_FIELDS`` fields and ``BIG_FORM_BYTES`` bytes; everywhere else the limits stay,
and a form over them is told in Vietnamese, with the menu, instead of a bare 400."""

from __future__ import annotations

from urllib.parse import parse_qsl

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent
from django.http import QueryDict
from django.shortcuts import render
from django.utils.datastructures import MultiValueDict

BIG_FORM_FIELDS = 20_000  # a plan of 1,500 rows
BIG_FORM_BYTES = 20 * 1024 * 1024


def big_form(view):
    """Let ``view`` receive forms of up to ``BIG_FORM_FIELDS`` fields (url-encoded, as the plan pages post)."""
    view.form_fields_limit = BIG_FORM_FIELDS
    return view


def _read_big_form(request, limit: int) -> None:
    """Parse the url-encoded body as Django would, with ``limit`` fields and ``BIG_FORM_BYTES`` at most."""
    if int(request.META.get("CONTENT_LENGTH") or 0) > BIG_FORM_BYTES:
        raise RequestDataTooBig
    body = request.read(BIG_FORM_BYTES + 1)
    if len(body) > BIG_FORM_BYTES:
        raise RequestDataTooBig
    request._body = body
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        text = body.decode("iso-8859-1")
    try:
        pairs = parse_qsl(text, keep_blank_values=True, max_num_fields=limit)
    except ValueError as exc:
        raise TooManyFieldsSent from exc
    post = QueryDict(mutable=True)
    for key, value in pairs:
        post.appendlist(key, value)
    post._mutable = False
    request._post, request._files = post, MultiValueDict()


class FormLimitMiddleware:
    """Reads a posted form before the CSRF check does: with the raised limits on ``big_form`` views, and with a
    Vietnamese page when a form is over its limits. Views exempt from CSRF (the API) read their own bodies."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method != "POST" or hasattr(request, "_post") or getattr(view_func, "csrf_exempt", False):
            return None
        limit = getattr(view_func, "form_fields_limit", None)
        try:
            if limit and request.content_type == "application/x-www-form-urlencoded":
                _read_big_form(request, limit)
            else:
                request.POST  # noqa: B018 - parsed here so that a form over the limits is told, not a bare 400
        except (TooManyFieldsSent, RequestDataTooBig):
            context = {
                "fields": limit or settings.DATA_UPLOAD_MAX_NUMBER_FIELDS,
                "megabytes": (BIG_FORM_BYTES if limit else settings.DATA_UPLOAD_MAX_MEMORY_SIZE) // (1024 * 1024),
            }
            return render(request, "form_too_big.html", context, status=400)
        return None
