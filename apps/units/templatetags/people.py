"""``{{ user|person }}``: a person named on a page as everywhere else (``person_name``), "—" for nobody. A builtin
of the templates (settings.TEMPLATES), like the date filter."""

from django import template

from apps.units.models import person_name

register = template.Library()
register.filter("person", person_name)
