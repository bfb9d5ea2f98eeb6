"""Every page of the URL configuration (GET and POST) and every path of /api/openapi.json (GET, POST, PUT, PATCH
and DELETE: each operation with its own method, the methods a path lacks answering 405), asked by each of the eight
roles of tests/web/permission_world.py about objects of the agency officer's agency and of another unit (and of
another agency of the same unit where the rule reads the agency), answers as its rule in RULES says.

A new route or operation without a rule fails the suite, so nobody adds a view without saying who may open it.

Rules (pages: a string for GET and POST alike, or a (GET, POST) pair; API operations: a string, for the
operation's own method):

    public               everybody, signed in or not, gets an answer (2xx/3xx)
    signed-in            every signed-in user; anonymous visitors go to the login page (the API: 401)
    view:unit            who reads the object's unit: its members, the city reviewer, the administrator
    manage:unit          the standing officer of the object's unit
    update:agency        the standing officer, or the officer of the agency that leads the task / owns the target
                         (a plan's page: of an agency with a task or target in it)
    audit:unit           the standing officer of the object's unit and the city
    city                 the city reviewer and the administrator
    manager              whoever is the standing officer of some unit
    city-or-manager      the city, or whoever is the standing officer of some unit
    reviewer             the city reviewer (Sở Nội vụ), about another unit than their own (a report's appraisal)
    administrator        the administrator (the reporting periods' windows and due dates)
    agency:unit          an officer of any agency of the object's unit (their part of the unit's report)
    own                  the person the object belongs to (their notification)
    none                 nobody (404 for everyone: django-ninja's root, which only anchors the API's paths)
    405                  the method is not allowed (a signed-in user gets 405; anonymous 405 or the login page);
                         asked of one signed-in person and the anonymous one about one object, which is enough

Those a rule lets in get anything but 401/403/404/405/500 (empty POSTs answer with a form's errors); the others
get 403 or 404; anonymous visitors the login page (API: 401). A 500 anywhere fails the matrix, and so does a page
or an answer that shows the title or text of an object of a unit the person may not read.

The API checks a body's and a query's shape before the permission, so every operation that takes one is sent a
valid one (BODIES, QUERIES) and the schema refusing it (422 naming fields) fails the matrix: each answer is about
who asks. Each API request is undone after its answer, so every role asks the same world whatever the order (a
DELETE or a revoked token included). A valid body may still meet the state the world's object is in: those a rule
lets in may then get the refusal of that step (409, after the permission), and the rule's comment says so.
"""

from __future__ import annotations

import functools
import logging
import re
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.db.transaction import atomic, set_rollback
from django.shortcuts import resolve_url
from django.test import Client, override_settings
from django.urls import URLPattern, URLResolver, get_resolver

from apps.api.api import api
from apps.api.models import ApiToken
from apps.surveys.services import visit_token
from tests.web.permission_world import PASSWORD, PEOPLE, VARIANTS, Person, Variant, build_world

RULES: dict[str, str | tuple[str, str]] = {
    # accounts (django.contrib.auth views)
    "login": "public",
    "logout": ("405", "public"),
    "password_change": "signed-in",
    "password_change_done": ("signed-in", "405"),
    "password_reset": "public",
    "password_reset_done": ("public", "405"),
    "password_reset_confirm": "public",
    "password_reset_complete": ("public", "405"),
    # the API's own pages (its operations are below, by operation id)
    "openapi-json": "public",
    "openapi-view": "public",
    "api-root": "none",
    # dashboards
    "home": "signed-in",
    "dashboards-city": "city",
    "dashboards-unit": "view:unit",
    # plans
    "plans-list": "signed-in",
    "plans-search": "signed-in",
    "plans-detail": "view:unit",
    "plans-review": "manage:unit",
    "plans-edit": "manage:unit",
    "plans-file": "view:unit",
    "plans-tasks-add": "manage:unit",
    # tasks
    "tracking-my-tasks": "signed-in",
    "tracking-plan-tasks": "view:unit",
    "tracking-task": "view:unit",
    "tracking-update": "update:agency",
    "tracking-return": ("405", "manage:unit"),
    "tracking-evidence": "view:unit",
    "tracking-notifications": "signed-in",
    "tracking-notifications-read": ("405", "signed-in"),
    "tracking-notification": "own",
    "tracking-review": "manager",
    # targets and figures
    "figures-plan": "view:unit",
    "figures-bind": ("405", "manage:unit"),
    "figures-sheet-download": "view:unit",
    "figures-sheet-upload": "update:agency",
    "figures-sheet-preview": "update:agency",
    "figures-target": ("view:unit", "update:agency"),
    "figures-target-indicator": ("405", "manage:unit"),
    "figures-indicators": ("signed-in", "city-or-manager"),
    # imports
    "imports-start": "manager",
    "imports-upload": "manage:unit",
    "imports-run": "manage:unit",
    "imports-status": ("manage:unit", "405"),
    "imports-file": "manage:unit",
    "imports-delete-draft": "manage:unit",
    # periodic reports
    "reports-home": "signed-in",
    "reports-review": "reviewer",
    "reports-consolidation": "city",
    "reports-periods": "signed-in",
    "reports-guidance": "city",
    "reports-period-edit": ("405", "administrator"),
    "reports-city-create": ("405", "city"),
    "reports-city": "city",
    "reports-city-docx": "city",
    "reports-city-xlsx": "city",
    "reports-city-document": "city",
    "reports-city-document-save": ("405", "city"),
    "reports-city-document-issue": ("405", "city"),
    "reports-city-document-signed": "city",
    "reports-unit": "view:unit",
    "reports-create": ("405", "manage:unit"),
    "reports-detail": "view:unit",
    "reports-save": ("405", "manage:unit"),
    "reports-contribute": "agency:unit",
    "reports-submit": ("405", "manage:unit"),
    "reports-accept": ("405", "reviewer"),
    "reports-return": ("405", "reviewer"),
    "reports-docx": "view:unit",
    "reports-xlsx": "view:unit",
    # SIPAS surveys: the survey itself is public (the only anonymous write), its results are the unit's
    "surveys-form": "public",
    "surveys-thanks": ("public", "405"),
    "surveys-poster": "view:unit",
    "surveys-qr": "view:unit",
    "surveys-home": "signed-in",
    "surveys-unit": "view:unit",
    "surveys-responses": "view:unit",
    "surveys-xlsx": "view:unit",
    "surveys-population": ("405", "manage:unit"),
    "surveys-apply": ("405", "manage:unit"),
    "surveys-exclude": ("405", "city"),
    "surveys-questionnaire": ("signed-in", "city"),
    # alignment between plans
    "alignment-compare": "view:unit",
    "alignment-decide": ("405", "manage:unit"),
    "alignment-implementing": "view:unit",
    # PAR Index (Chỉ số CCHC)
    "par-home": "signed-in",
    "par-frameworks": "signed-in",
    "par-framework-import": ("405", "city"),
    "par-framework": "signed-in",
    "par-framework-file": "signed-in",
    "par-framework-edit": "city",
    "par-framework-copy": ("405", "city"),
    "par-year-open": "city",
    "par-ranking": "signed-in",
    "par-ranking-file": "city",
    "par-bands": "city",
    "par-start": ("405", "manage:unit"),
    "par-assessment": "view:unit",
    "par-score-self": ("405", "manage:unit"),
    "par-appraise": ("405", "reviewer"),
    "par-explain": ("405", "manage:unit"),
    "par-tags": "manage:unit",
    "par-lock": ("405", "manage:unit"),
    "par-reopen": ("405", "city"),
    "par-survey": ("405", "city"),
    "par-finish-round": ("405", "reviewer"),
    "par-explanation-lock": ("405", "manage:unit"),
    "par-signed-file": "view:unit",
    "par-assessment-file": "view:unit",
    # units and the audit log
    "units-tree": "signed-in",
    "units-detail": "view:unit",
    "units-account-create": "manage:unit",
    "audit-home": "city-or-manager",
    "audit-log": "audit:unit",
    # API operations (operation ids of /api/openapi.json)
    "apps_api_api_token": "public",
    "apps_api_api_revoke": "signed-in",
    "apps_api_api_plans": "signed-in",
    "apps_api_api_plan_detail": "view:unit",
    "apps_api_api_tasks": "signed-in",
    "apps_api_api_task_detail": "view:unit",
    "apps_api_api_task_update": "update:agency",
    "apps_api_api_targets": "signed-in",
    "apps_api_api_target_detail": "view:unit",
    "apps_api_api_measurements": "view:unit",
    "apps_api_api_measurement_save": "update:agency",
    "apps_reports_api_periods": "signed-in",
    "apps_reports_api_reports": "signed-in",
    "apps_reports_api_report_create": "manage:unit",
    "apps_reports_api_report_detail": "view:unit",
    "apps_reports_api_report_docx": "view:unit",
    "apps_reports_api_report_xlsx": "view:unit",
    "apps_reports_api_report_submit": "manage:unit",
    "apps_reports_api_report_accept": "reviewer",  # 409 for the reviewer: the world's reports are drafts
    "apps_reports_api_report_return": "reviewer",  # 409 for the reviewer: the world's reports are drafts
    "apps_surveys_api_survey_results": "view:unit",
    "apps_surveys_api_survey_form": "public",
    "apps_surveys_api_survey_submit": "public",
    "apps_reports_api_consolidation": "city",
    **{f"apps_reports_api_city_report{name}": "city" for name in ("s", "_create", "_detail", "_docx", "_xlsx")},
    "apps_alignment_api_plan_alignment": "view:unit",
    "apps_tracking_api_notifications": "signed-in",
    "apps_tracking_api_notifications_read": "signed-in",
    "apps_tracking_api_review_review_queue": "manager",
    "apps_tracking_api_review_review_accept": "manage:unit",
    "apps_tracking_api_review_review_return": "manage:unit",
    "apps_par_api_framework_list": "signed-in",
    "apps_par_api_framework_detail": "signed-in",
    "apps_par_api_assessment_list": "signed-in",
    "apps_par_api_assessment_detail": "view:unit",
    "apps_par_api_self_score": "manage:unit",
    "apps_par_api_appraisal": "reviewer",  # 409 for the reviewer: the world's assessments are not locked
    "apps_par_api_lock": "manage:unit",  # 409 for them: leaves are unscored
    "apps_par_api_ranking": "signed-in",
    "apps_par_api_tags": "manage:unit",
    "apps_par_api_tags_set": "manage:unit",
}

# which fixture object fills a path parameter: by parameter name, and per route where the name is ambiguous
PARAMS = {
    "plan_id": "plan",
    "task_id": "task",
    "target_id": "target",
    "unit_id": "unit",
    "period_id": "period",
    "report_id": "report",
    "year_id": "par year",
    "score_id": "par score",
    "assessment_id": "assessment",
    "framework_id": "framework",
    "document_id": "city document",
}
PK = {
    "plans-detail": "plan",
    "plans-review": "draft",
    "plans-edit": "plan",
    "plans-file": "plan",
    "plans-tasks-add": "plan",
    "tracking-task": "task",
    "tracking-update": "task",
    "tracking-return": "update",
    "tracking-evidence": "evidence",
    "tracking-notification": "notification",
    "imports-run": "run",
    "imports-status": "run",
    "imports-file": "run",
    "imports-delete-draft": "doomed draft",
    "units-detail": "unit",
    "units-account-create": "unit",
    "reports-detail": "report",
    "reports-save": "report",
    "reports-contribute": "report",
    "reports-submit": "report",
    "reports-accept": "report",
    "reports-return": "report",
    "reports-docx": "report",
    "reports-xlsx": "report",
    "surveys-exclude": "survey response",
    "reports-city": "city report",
    "reports-city-docx": "city report",
    "reports-city-xlsx": "city report",
    **{f"reports-city-document{name}": "city document" for name in ("", "-save", "-issue", "-signed")},
    **{name: "assessment" for name in ("par-assessment", "par-score-self", "par-appraise", "par-explain")},
    **{name: "assessment" for name in ("par-tags", "par-lock", "par-reopen", "par-survey", "par-finish-round")},
    **{name: "assessment" for name in ("par-explanation-lock", "par-signed-file", "par-assessment-file")},
    "par-framework": "framework",
    "par-framework-file": "framework",
    "par-framework-edit": "framework",
    "par-framework-copy": "framework",
}
FIXED = {
    "password_reset_confirm": {"uidb64": "MA", "token": "khong-hop-le"},
    "par-framework-file": {"kind": "xlsx"},
    "par-ranking-file": {"kind": "xlsx"},
    "par-assessment-file": {"kind": "docx"},
    "par-signed-file": {"kind": "tu-cham"},
}


def review_item(update) -> dict:
    return {"kind": "update", "id": update.pk, "version": update.version}


# minimal valid bodies for API operations that take one (the API checks the body before the permission)
BODIES = {
    "apps_api_api_token": {"username": "kesat.vhxh", "password": PASSWORD},
    "apps_api_api_task_update": {"status": "in_progress", "progress": 10},
    "apps_api_api_measurement_save": {"period": "2026-q2", "value": 50},  # the world's targets have Q1's
    # a body that names an object of the variant asked about
    "apps_reports_api_report_create": lambda objects: {"unit": objects["unit"].pk, "period": "2026-q1"},
    "apps_reports_api_report_return": {"reason": "Thiếu số liệu quý"},
    "apps_reports_api_city_report_create": {"period": "2026-q1"},
    "apps_surveys_api_survey_submit": lambda objects: {
        "visit_token": visit_token(objects["unit"]),
        "answers": {"overall": 4},
    },
    "apps_tracking_api_notifications_read": {},
    # the unit's waiting update, as the review queue shows it
    "apps_tracking_api_review_review_accept": lambda objects: {"items": [review_item(objects["update"])]},
    "apps_tracking_api_review_review_return": lambda objects: {
        "items": [review_item(objects["update"])],
        "reason": "Thiếu minh chứng",
    },
    "apps_par_api_self_score": {"score": 0, "note": "Chưa có minh chứng"},
    "apps_par_api_appraisal": {"round": 1, "score": 0, "note": "Không có minh chứng"},
    "apps_par_api_lock": {},
    "apps_par_api_tags_set": {"tags": []},
}
# the query of operations that need one (the API checks it before the permission too), filled like a path
QUERIES = {
    "apps_surveys_api_survey_results": "unit={unit_id}",
    "apps_par_api_ranking": "year=2025",
}
API_METHODS = ("get", "post", "put", "patch", "delete")


MAY = {
    "signed-in": lambda who, obj: True,
    "view:unit": lambda who, obj: who.sees is None or obj.unit in who.sees,
    "manage:unit": lambda who, obj: obj.unit in who.manages,
    "update:agency": lambda who, obj: obj.unit in who.manages or who.agency == obj.agency,
    "audit:unit": lambda who, obj: who.city or obj.unit in who.manages,
    "city": lambda who, obj: who.city,
    "manager": lambda who, obj: bool(who.manages),
    "city-or-manager": lambda who, obj: who.city or bool(who.manages),
    "own": lambda who, obj: who.key == obj.owner,
    "reviewer": lambda who, obj: who.role == "city_reviewer" and obj.unit not in (who.sees or ()),
    "administrator": lambda who, obj: who.role == "administrator",
    "agency:unit": lambda who, obj: bool(who.agency) and obj.unit in (who.sees or ()),
}


AGENCY_RULES = ("update:agency", "own")


def expected(rule: str, who: Person, obj: Variant) -> str:
    """What the person should get: "ok", "deny", "login" or "405"."""
    if rule in ("public", "none", "405"):
        return {"public": "ok", "none": "deny", "405": "405"}[rule]
    if rule not in MAY:
        raise AssertionError(f"Unknown rule {rule!r}: use one of public, none, 405, {', '.join(MAY)}")
    if who.anonymous:
        return "login"
    return "ok" if MAY[rule](who, obj) else "deny"


def outcome_matches(want: str, response, *, page: bool, public: bool) -> bool:
    status = response.status_code
    to_login = page and status == 302 and urlsplit(response["Location"]).path == resolve_url(settings.LOGIN_URL)
    if want == "ok":
        return status not in (401, 403, 404, 405) and status < 500 and (public or not to_login)
    if want == "deny":
        return status in (403, 404)
    if want == "login":
        return to_login if page else status == 401
    return status == 405 or to_login or (not page and status == 401)


def leaks(response, who: Person) -> list[str]:
    """Marks of objects the person may not read that the answer shows."""
    if response.streaming or not response.get("Content-Type", "").startswith(("text/html", "application/json")):
        return []
    body = response.content.decode()
    unseen = [v for v in VARIANTS if who.anonymous or not MAY["view:unit"](who, v)]
    return [f"shows {v.mark} of {v.key}" for v in unseen if v.mark in body]


def rules_for(name: str) -> dict[str, str]:
    rule = RULES[name]
    get, post = (rule, rule) if isinstance(rule, str) else rule
    return {"get": get, "post": post}


# --- what the URL configuration and the schema hold ----------------------------------------------------------


@functools.cache
def api_paths() -> dict[str, dict[str, dict]]:
    """{"/api/plans/{plan_id}": {"get": operation, ...}} from the OpenAPI schema."""
    return dict(api.get_openapi_schema()["paths"])


def pages() -> list[tuple[str, str]]:
    """(name, route) of every route of the project but the admin's and the API operations'."""
    operations = set(api_paths())
    found = []

    def walk(patterns, prefix: str, namespace: str | None) -> None:
        for entry in patterns:
            if isinstance(entry, URLResolver):
                if entry.namespace == "admin":
                    continue
                walk(entry.url_patterns, prefix + str(entry.pattern), entry.namespace or namespace)
            elif isinstance(entry, URLPattern):
                route = prefix + str(entry.pattern)
                if "/" + re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", route) in operations:
                    continue
                found.append((entry.name or f"(unnamed) {route}", route))

    walk(get_resolver().url_patterns, "", None)
    return found


def page_url(name: str, route: str, objects: dict) -> str:
    def fill(match: re.Match) -> str:
        param = match[1]
        if name in FIXED and param in FIXED[name]:
            return FIXED[name][param]
        kind = PK.get(name) if param == "pk" else PARAMS.get(param)
        if kind is None:
            raise AssertionError(f"Route {name} has a parameter {param!r}: say which object fills it in PK or PARAMS")
        return str(objects[kind].pk)

    return "/" + re.sub(r"<(?:\w+:)?(\w+)>", fill, route)


def api_url(path: str, objects: dict) -> str:
    return re.sub(r"{(\w+)}", lambda m: str(objects[PARAMS[m[1]]].pk), path)


def variants_for(route: str, rule: str) -> list[Variant]:
    """Routes about an object are asked about an object of the agency officer's agency and one of another unit;
    an object of another agency of the same unit too where the rule looks at the agency (elsewhere it is the
    same question: the cast holds an officer of each of the two agencies). A method not allowed is refused
    whatever the object: one is enough."""
    if rule == "405" or not re.search(r"[<{]", route):
        return VARIANTS[:1]
    if rule in AGENCY_RULES:
        return VARIANTS
    return [v for v in VARIANTS if v.key != "other agency"]


def people_for(rule: str) -> list[Person]:
    """Everyone; for a method not allowed, which no role changes, one signed-in person and an anonymous one."""
    return [PEOPLE[0], PEOPLE[-1]] if rule == "405" else PEOPLE


# --- the tests -----------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, tmp_path_factory):
    """One world for the module (no real password hashing, files in a temporary place), built in a transaction
    that each test's own (a savepoint, from ``db``) rolls back to, and rolled back itself at the end."""
    fast_and_private = override_settings(
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
        MEDIA_ROOT=tmp_path_factory.mktemp("media"),
    )
    with fast_and_private, django_db_blocker.unblock(), atomic():
        yield build_world()
        set_rollback(True)


@pytest.fixture(autouse=True)
def rolled_back_and_quiet(db):
    # a thousand refusals would each log a warning with its traceback; a 500 is reported with its exception below
    logger = logging.getLogger("django.request")
    level, logger.level = logger.level, logging.CRITICAL
    yield
    logger.level = level


def failure(where: str, rule: str, want: str, response) -> str:
    message = f"{where}: rule {rule} wants {want}, got {response.status_code}"
    if getattr(response, "exc_info", None):
        message += f" ({response.exc_info[0].__name__}: {response.exc_info[1]})"
    return message


def test_it_has_a_rule_for_every_route():
    names = [name for name, _ in pages()]
    operations = [op["operationId"] for ops in api_paths().values() for op in ops.values()]
    missing = [
        f"Route {n} has no permission rule in test_permission_matrix.RULES"
        for n in names + operations
        if n not in RULES
    ]
    assert not missing, "\n".join(missing)
    stale = sorted(set(RULES) - set(names) - set(operations))
    assert not stale, f"RULES names routes that no longer exist: {stale}"


def test_it_answers_every_page_as_its_rule_says(world):
    clients = {person.key: Client(raise_request_exception=False) for person in PEOPLE}
    for person in PEOPLE:
        if not person.anonymous:
            clients[person.key].force_login(world.users[person.key])
    wrong = []
    for name, route in pages():
        for method, rule in rules_for(name).items():
            for variant in variants_for(route, rule):
                url = page_url(name, route, world.objects[variant.key])
                for person in people_for(rule):
                    client = clients[person.key]
                    response = getattr(client, method)(url)
                    if not person.anonymous and not client.cookies[settings.SESSION_COOKIE_NAME].value:
                        client.force_login(world.users[person.key])  # the route logged them out
                    want = expected(rule, person, variant)
                    where = f"{method.upper()} {name} ({url}) as {person.key} on {variant.key}"
                    if response.status_code >= 500 or not outcome_matches(
                        want, response, page=True, public=rule == "public"
                    ):
                        wrong.append(failure(where, rule, want, response))
                    wrong += [f"{where}: {leak}" for leak in leaks(response, person)]
    assert not wrong, f"{len(wrong)} answers break the rules:\n" + "\n".join(wrong)


def test_it_answers_every_api_operation_as_its_rule_says(world):
    client = Client(raise_request_exception=False)
    tokens = {person.key: ApiToken.issue(world.users[person.key])[1] for person in PEOPLE if not person.anonymous}
    wrong = []
    for path, operations in api_paths().items():
        for method in API_METHODS:
            operation = operations.get(method)
            rule = RULES[operation["operationId"]] if operation else "405"
            if operation and "requestBody" in operation:
                assert operation["operationId"] in BODIES, f"Give {operation['operationId']} a minimal body in BODIES"
            given = BODIES.get(operation["operationId"], {}) if operation else {}
            query = QUERIES.get(operation["operationId"]) if operation else None
            asked = f"{path}?{query}" if query else path
            for variant in variants_for(asked, rule):
                url = api_url(asked, world.objects[variant.key])
                body = given(world.objects[variant.key]) if callable(given) else given
                for person in people_for(rule):
                    raw = tokens.get(person.key)
                    kwargs = {"headers": {"Authorization": f"Bearer {raw}"} if raw else {}}
                    if method != "get":
                        kwargs |= {"data": body, "content_type": "application/json"}
                    with atomic():  # each asks the world as it was built: what the one before changed is undone
                        response = getattr(client, method)(url, **kwargs)
                        set_rollback(True)
                    want = expected(rule, person, variant)
                    name = operation["operationId"] if operation else path
                    where = f"{method.upper()} {name} ({url}) as {person.key} on {variant.key}"
                    if response.status_code >= 500 or not outcome_matches(
                        want, response, page=False, public=rule == "public"
                    ):
                        wrong.append(failure(where, rule, want, response))
                    wrong += [f"{where}: {leak}" for leak in leaks(response, person)]
                    if response.status_code == 422 and response.json().get("errors"):
                        wrong.append(f"{where}: the schema refused it, {response.json()['detail']} (BODIES, QUERIES)")
    assert not wrong, f"{len(wrong)} answers break the rules:\n" + "\n".join(wrong)


def test_it_shows_the_admin_login_page_to_everyone_but_staff(world, client):
    from django.contrib.auth.models import User

    for person in PEOPLE:
        if not person.anonymous:
            client.force_login(world.users[person.key])
        response = client.get("/quan-tri/")
        assert response.status_code == 302, person.key
        assert urlsplit(response["Location"]).path == "/quan-tri/login/", person.key
        client.logout()
    client.force_login(User.objects.create_superuser("admin", "admin@example.vn", PASSWORD))
    assert client.get("/quan-tri/").status_code == 200
