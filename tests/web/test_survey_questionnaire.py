"""Sở Nội vụ adjusts the questionnaire in the browser: a version nobody has answered is changed in place; once
answered, saving makes a new version that the public page asks from then on, while the answers keep theirs. Items
whose text stays keep their code. A commune reads it but cannot change it; a mistake is told, nothing saved."""

from django.test import Client

from apps.audit.models import AuditEntry
from apps.surveys.editing import Draft
from apps.surveys.models import Questionnaire
from tests.web.survey_answers import stored

URL = "/ket-qua-khao-sat/mau-phieu/"


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def posted(questionnaire, **changes):
    """The editor's fields as the page shows them for ``questionnaire``, with some changed."""
    draft = Draft.of(questionnaire)
    fields = {
        "version": questionnaire.etag,
        "name": draft.name,
        "decision": draft.decision,
        "overall": draft.overall,
        "improve": draft.improve,
        "respondent": draft.respondent,
        "comment": draft.comment,
        "satisfied": [str(level) for level in draft.satisfied],
        "overall_method": draft.overall_method,
    }
    for n, (name, items) in enumerate(draft.factors):
        fields[f"f{n}-name"], fields[f"f{n}-items"] = name, items
    return fields | changes


def test_it_changes_an_unanswered_questionnaire_in_place_keeping_the_codes(kesat, reviewer):
    current = Questionnaire.current()
    items = posted(current)["f0-items"] + "\nCó nước uống, nhà vệ sinh sạch sẽ"

    answer = logged_in(reviewer).post(URL, posted(current, **{"f0-items": items}))

    assert answer.status_code == 302
    again = Questionnaire.objects.get(active=True)
    assert again.pk == current.pk and again.version == current.version + 1
    access = again.form.factors[0]
    assert [i.code for i in access.items] == ["access.1", "access.2", "access.3", "access.4", "access.5"]
    assert "Có nước uống, nhà vệ sinh sạch sẽ" in Client().get(f"/khao-sat/{kesat.pk}/").content.decode()
    assert AuditEntry.objects.filter(action="questionnaire.update").exists()


def test_it_saves_an_answered_questionnaire_as_a_new_version(kesat, reviewer):
    current = Questionnaire.current()
    (answered,) = stored(kesat, {"overall": 5, "access.1": 5})

    logged_in(reviewer).post(
        URL,
        posted(
            current,
            name="Phiếu SIPAS 2027",
            **{"f5-name": "Chuyển đổi số", "f5-items": "Dễ dùng dịch vụ công trực tuyến"},
        ),
    )

    new = Questionnaire.objects.get(active=True)
    assert new.pk != current.pk and new.name == "Phiếu SIPAS 2027"
    assert [f.name for f in new.form.factors][-1] == "Chuyển đổi số"
    assert new.form.factors[0].items[0].code == "access.1"
    answered.refresh_from_db()
    assert answered.questionnaire == current
    assert not Questionnaire.objects.get(pk=current.pk).active


def test_it_tells_what_is_wrong_and_saves_nothing(reviewer):
    current = Questionnaire.current()

    answer = logged_in(reviewer).post(URL, posted(current, **{"f0-name": ""}))

    assert answer.status_code == 400
    assert "có tiêu chí nhưng chưa có tên" in answer.content.decode()
    assert Questionnaire.objects.get(pk=current.pk).version == current.version


def test_it_refuses_a_save_from_a_stale_page(reviewer):
    current = Questionnaire.current()
    stale = posted(current, name="Bản của người thứ nhất")
    logged_in(reviewer).post(URL, posted(current, name="Bản của người thứ hai"))

    answer = logged_in(reviewer).post(URL, stale)

    assert "Người khác vừa sửa phiếu này" in answer.content.decode()
    assert Questionnaire.objects.get(active=True).name == "Bản của người thứ hai"


def test_it_shows_the_questionnaire_to_a_commune_but_refuses_its_changes(officer):
    current = Questionnaire.current()
    client = logged_in(officer)

    assert "Tiếp cận dịch vụ" in client.get(URL).content.decode()
    assert client.post(URL, posted(current, name="Phiếu của xã")).status_code == 403
    assert Questionnaire.objects.get(pk=current.pk).name == current.name
