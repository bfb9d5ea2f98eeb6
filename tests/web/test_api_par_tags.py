"""Kẽ Sắt's standing officer reads and sets, through the API, the criteria the unit's tasks and targets serve, as on
the page "Gắn nhiệm vụ, chỉ tiêu với tiêu chí": a stale If-Match is refused with 412, a target of another commune or
a criterion that is not a scored leaf with 422 naming it, and nobody else may read or set them."""

import datetime as dt
from decimal import Decimal

from apps.api.models import ApiToken
from apps.audit.models import AuditEntry
from apps.par import frameworks, services
from apps.par.models import Criterion, CriterionTag, Score
from tests.web.par_steps import published_target


def _auth(user):
    return {"Authorization": f"Bearer {ApiToken.issue(user)[1]}"}


def test_it_reads_and_sets_the_tags_with_if_match(
    client, officer, other_commune_officer, agency_officer, reviewer, kesat, maodien
):
    from apps.tracking.models import Measurement, Period, PeriodKind

    year = services.open_year(2025, dt.date(2099, 1, 1), {"communes": frameworks.load_sample()}, reviewer)
    assessment, _ = services.open_assessment(year, kesat, officer)
    online = published_target(kesat, officer, "Tỷ lệ hồ sơ trực tuyến")
    foreign = published_target(maodien, other_commune_officer, "Tỷ lệ của xã khác")
    Period.ensure_year(2025)
    Measurement.objects.create(
        target=online, period=Period.objects.get(year=2025, kind=PeriodKind.YEAR), value=Decimal("70.92")
    )
    leaf, heading = Criterion.objects.get(code="3.3"), Criterion.objects.get(code="3")
    url = f"/api/par/assessments/{assessment.pk}/tags"
    me = _auth(officer)

    read = client.get(url, headers=me)
    assert read.status_code == 200 and read["ETag"] == '"v1"'
    (item,) = read.json()["items"]
    assert item["label"].endswith("Tỷ lệ hồ sơ trực tuyến")
    assert item | {"label": ""} == {
        "kind": "target",
        "id": online.pk,
        "plan": online.plan_id,
        "label": "",
        "criterion": None,
        "code": "",
    }
    assert {"id": leaf.pk, "code": "3.3", "title": leaf.title} in read.json()["criteria"]
    assert heading.pk not in [c["id"] for c in read.json()["criteria"]]

    body = {"tags": [{"target": online.pk, "criterion": leaf.pk}]}
    put = client.put(url, body, content_type="application/json", headers={**me, "If-Match": '"v1"'})
    assert put.status_code == 200 and put["ETag"] == '"v2"'
    assert put.json()["items"][0] | {"label": ""} == {
        "kind": "target",
        "id": online.pk,
        "plan": online.plan_id,
        "label": "",
        "criterion": leaf.pk,
        "code": "3.3",
    }
    assert Score.objects.get(assessment=assessment, criterion=leaf).proposed == Decimal("1.42")
    assert AuditEntry.objects.filter(action="par.tagged").count() == 1

    stale = client.put(url, {"tags": []}, content_type="application/json", headers={**me, "If-Match": '"v1"'})
    assert stale.status_code == 412 and "đã được người khác sửa" in stale.json()["detail"]
    bad = client.put(
        url,
        {"tags": [{"target": foreign.pk, "criterion": leaf.pk}, {"target": online.pk, "criterion": heading.pk}]},
        content_type="application/json",
        headers=me,
    )
    assert bad.status_code == 422
    assert f"Chỉ tiêu {foreign.pk} không thuộc kế hoạch đã ban hành của Xã Kẽ Sắt" in bad.json()["detail"]
    assert f"Tiêu chí {heading.pk} không phải tiêu chí được chấm điểm" in bad.json()["detail"]
    both = client.put(url, {"tags": [{"target": online.pk, "task": 1}]}, content_type="application/json", headers=me)
    assert both.status_code == 422
    assert list(CriterionTag.objects.values_list("target_id", "criterion_id")) == [(online.pk, leaf.pk)]

    for someone in (other_commune_officer, agency_officer, reviewer):
        assert client.get(url, headers=_auth(someone)).status_code in (403, 404)
        refused = client.put(url, {"tags": []}, content_type="application/json", headers=_auth(someone))
        assert refused.status_code in (403, 404)
    assert CriterionTag.objects.count() == 1

    emptied = client.put(url, {"tags": []}, content_type="application/json", headers={**me, "If-Match": '"v2"'})
    assert emptied.status_code == 200 and emptied.json()["items"][0]["criterion"] is None
    assert not CriterionTag.objects.exists()
