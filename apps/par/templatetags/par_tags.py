"""The ``pts`` filter: points on the PAR pages as in the .docx and .xlsx (``apps.par.methods.pts``)."""

from django import template

from apps.par.methods import pts as points_text

register = template.Library()


@register.filter
def pts(value) -> str:
    """'2,5', '1', '1,42'; empty for no value (so ``|default:"–"`` applies)."""
    return "" if value is None or value == "" else points_text(value)
