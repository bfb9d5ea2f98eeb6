"""Pages name a person one way (``person_name``): the full name, else the user name, "—" for nobody."""

from django.contrib.auth import get_user_model
from django.template import engines


def render(text: str, **context) -> str:
    return engines["django"].from_string(text).render(context)


def test_the_person_filter_names_as_person_name(db):
    named = get_user_model()(username="kesat.vhxh", first_name="Nguyễn Văn", last_name="An")
    bare = get_user_model()(username="kesat.pvhcc")

    shown = render("{{ a|person }} / {{ b|person }} / {{ c|person }}", a=named, b=bare, c=None)

    assert shown == "Nguyễn Văn An / kesat.pvhcc / —"
