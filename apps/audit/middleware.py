"""Who is acting: the request being served, so that signal handlers can name the person behind a change."""

from __future__ import annotations

from contextvars import ContextVar

_request: ContextVar = ContextVar("audit_request", default=None)


class AuditActorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request.set(request)
        try:
            return self.get_response(request)
        finally:
            _request.reset(token)


def current_request():
    """The request being served in this thread, or None (a management command, a job, the shell)."""
    return _request.get()


def actor():
    """The signed-in user behind the current request (an API token's user too), or None."""
    request = current_request()
    user = getattr(request, "user", None)
    return user if user is not None and user.is_authenticated else None
