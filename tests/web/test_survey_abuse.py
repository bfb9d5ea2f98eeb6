"""Someone tries to stuff Kẽ Sắt's survey: a robot fills the hidden field, a script sends in a burst, an address
sends too many. Nothing is deleted: the robot's answer is stored excluded with its reason, the rushed ones flagged,
and past the limit the address is told in Vietnamese when to try again (429)."""

import re

from django.test import Client

from apps.surveys.models import Flag, Response
from apps.surveys.services import HONEYPOT_REASON
from tests.web.survey_answers import open_and_send


def test_it_stores_a_robots_answer_excluded_with_the_reason(kesat, settings):
    settings.SURVEY_MIN_SECONDS = 0

    open_and_send(Client(), kesat, 5, website="http://spam.example")

    response = Response.objects.get()
    assert response.flags == [Flag.HONEYPOT]
    assert response.excluded and response.exclude_reason == HONEYPOT_REASON


def test_it_flags_an_answer_sent_seconds_after_the_page_opened(kesat, settings):
    settings.SURVEY_MIN_SECONDS = 60

    open_and_send(Client(), kesat, 4)

    response = Response.objects.get()
    assert response.flags == [Flag.TOO_FAST] and response.flagged and not response.excluded


def test_it_flags_a_burst_from_one_address_and_then_refuses_it(kesat, settings):
    settings.SURVEY_MIN_SECONDS = 0
    settings.SURVEY_BURST_PER_ADDRESS = 2
    settings.SURVEY_RESPONSES_PER_ADDRESS = 4
    client = Client()

    answers = [open_and_send(client, kesat, 4, address="10.9.9.9") for _ in range(5)]
    elsewhere = open_and_send(client, kesat, 4, address="10.9.9.10")

    assert [a.status_code for a in answers] == [302, 302, 302, 302, 429]
    assert re.search(r"Hãy thử lại sau \d+ phút \(lúc \d\d:\d\d\)", answers[-1].content.decode())
    assert int(answers[-1]["Retry-After"]) > 0
    assert elsewhere.status_code == 302
    flags = [r.flags for r in Response.objects.order_by("pk")]
    assert flags == [[], [], [Flag.BURST], [Flag.BURST], []]
