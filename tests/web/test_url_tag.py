"""Pages make their links with the project's ``{% url %}`` (cchc.links, a template builtin), which keeps the links
it made: each must be what Django's reverse() gives, for any arguments, and the tag's other forms must behave as
Django's do."""

from __future__ import annotations

import pytest
from django.template import engines
from django.urls import NoReverseMatch, reverse, set_script_prefix


def render(source: str, **context) -> str:
    return engines["django"].from_string(source).render(context)


def test_it_gives_the_link_reverse_gives_each_time():
    for pk in (1, 64, 64, 999999):
        assert render("{% url 'tracking-task' pk %}", pk=pk) == reverse("tracking-task", args=[pk])
        assert render("{% url 'tracking-task' pk=pk %}", pk=pk) == reverse("tracking-task", kwargs={"pk": pk})
        assert render("{% url name pk %}", name="plans-detail", pk=str(pk)) == reverse("plans-detail", args=[pk])
    assert render("{% url 'home' %}") == reverse("home") == "/"


def test_it_does_not_mix_up_arguments_that_compare_equal():
    assert render("{% url 'tracking-task' v %}", v=1) == "/nhiem-vu/1/"
    with pytest.raises(NoReverseMatch):  # Django's reverse() says "True", which is no task number
        render("{% url 'tracking-task' v %}", v=True)
    assert render("{% url 'tracking-task' v %}", v=1) == "/nhiem-vu/1/"


def test_it_follows_the_script_prefix():
    assert render("{% url 'tracking-task' 5 %}") == "/nhiem-vu/5/"
    set_script_prefix("/cchc/")
    try:
        assert render("{% url 'tracking-task' 5 %}") == "/cchc/nhiem-vu/5/"
    finally:
        set_script_prefix("/")
    assert render("{% url 'tracking-task' 5 %}") == "/nhiem-vu/5/"


def test_its_other_forms_behave_as_djangos():
    assert render("{% url 'tracking-task' 7 as link %}[{{ link }}]") == "[/nhiem-vu/7/]"
    assert render("{% url 'no-such-page' as link %}[{{ link }}]") == "[]"
    with pytest.raises(NoReverseMatch):
        render("{% url 'no-such-page' %}")
