"""The error pages: in Vietnamese, with the menu for 403 and 404, saying why and what to do.

403 shows the reason the view gave (``PermissionDenied("Chỉ cán bộ thường trực CCHC … được …")``: which role may
do it) and the roles the user holds; 404 says the object is not there or not among what the user may see (the two
are one answer on purpose: a page of another unit is not told apart from a missing one). 400 and 500 are plain:
they are drawn without the database, which may be what failed.
"""

from __future__ import annotations

from django.http import HttpResponseBadRequest, HttpResponseServerError
from django.shortcuts import render
from django.template import loader


def _message(exception) -> str:
    """The reason the view gave, if it gave one in words (not the resolver's dictionary, not a class name)."""
    args = getattr(exception, "args", ())
    return args[0] if args and isinstance(args[0], str) else ""


def permission_denied(request, exception=None):
    return render(request, "403.html", {"message": _message(exception)}, status=403)


def not_found(request, exception=None):
    return render(request, "404.html", {"message": _message(exception)}, status=404)


def bad_request(request, exception=None):
    return HttpResponseBadRequest(loader.get_template("400.html").render())


def server_error(request):
    return HttpResponseServerError(loader.get_template("500.html").render())
