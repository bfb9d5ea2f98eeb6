"""Every API operation, fed what its OpenAPI description allows and what it does not (schemathesis, in process
through the WSGI app), answers without a server error, as the commune's standing officer with a real plan."""

import re

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import settings
from schemathesis.checks import not_a_server_error

from apps.api.models import ApiToken

EXAMPLES_PER_OPERATION = 6  # on top of schemathesis' boundary cases (its coverage phase): ~550 requests in all

schema = schemathesis.openapi.from_wsgi("/api/openapi.json", get_wsgi_application())


@pytest.fixture(autouse=True)
def one_connection():
    """The test's transaction must outlive each request: keep Django from closing the connection between them."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(max_examples=EXAMPLES_PER_OPERATION)
def test_it_answers_every_operation_without_a_server_error(case, officer, plan):
    # a well-formed id names the plan's own records, so that bodies reach the code that writes; malformed ones stay
    ids = {"plan_id": plan.pk, "task_id": plan.tasks.first().pk, "target_id": plan.targets.get().pk}
    for name, value in (case.path_parameters or {}).items():
        if name in ids and re.fullmatch(r"-?\d+", str(value)):
            case.path_parameters[name] = ids[name]
    # likewise half the periods (chosen by the text, so runs repeat) name one the plan takes, so that the numbers
    # sent reach the arithmetic of figures
    body = case.body if isinstance(case.body, dict) else {}
    if isinstance(body.get("period"), str) and len(body["period"]) % 2 == 0:
        body["period"] = "2026-q1"
    # a fresh token per call: an operation that revokes tokens must not leave the others unauthenticated
    headers = {"Authorization": f"Bearer {ApiToken.issue(officer)[1]}"}

    response = case.call(headers=headers)

    case.validate_response(response, checks=[not_a_server_error])
