from django import template

from cchc.numbers import num, rate

register = template.Library()


register.filter("num", num)  # the one home of the format: cchc/numbers.py
register.filter("rate", rate)
