"""The templates' ``{% url %}`` tag (a builtin): Django's, with each link kept once made. A page makes the same links
on every view (the menu's fifteen, one per row of a task list) and Django's ``reverse()`` costs ~30 µs a link; the
URL patterns do not change while the server runs, so the link of a name with the same arguments, URL
configuration and script prefix is the same. Arguments other than plain numbers and text (a model, a lazy string)
are reversed each time, as Django does."""

from __future__ import annotations

from functools import lru_cache

from django import template
from django.template import defaulttags
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString

register = template.Library()

PLAIN = (int, str, SafeString)  # exactly: a bool or an enum is reversed as Django does, not taken for its value


@lru_cache(maxsize=8192)
def _link(view_name: str, args: tuple, kwargs: tuple, current_app, urlconf, prefix: str) -> str:
    # ``prefix`` is only part of the key: reverse() reads the script prefix itself
    return reverse(view_name, urlconf=urlconf, args=args, kwargs=dict(kwargs), current_app=current_app)


class LinkNode(defaulttags.URLNode):
    def render(self, context):
        args = tuple(arg.resolve(context) for arg in self.args)
        kwargs = tuple((k, v.resolve(context)) for k, v in self.kwargs.items())
        view_name = self.view_name.resolve(context)
        try:
            current_app = context.request.current_app
        except AttributeError:
            try:
                current_app = context.request.resolver_match.namespace
            except AttributeError:
                current_app = None
        plain = all(type(v) in PLAIN for v in (view_name, *args, *(v for _, v in kwargs)))
        url = ""
        try:
            if plain and (current_app is None or type(current_app) in PLAIN):
                url = _link(view_name, args, kwargs, current_app, get_urlconf(), get_script_prefix())
            else:
                url = reverse(view_name, args=args, kwargs=dict(kwargs), current_app=current_app)
        except NoReverseMatch:
            if self.asvar is None:
                raise
        if self.asvar:
            context[self.asvar] = url
            return ""
        return conditional_escape(url) if context.autoescape else url


@register.tag
def url(parser, token):
    node = defaulttags.url(parser, token)
    return LinkNode(node.view_name, node.args, node.kwargs, node.asvar)
