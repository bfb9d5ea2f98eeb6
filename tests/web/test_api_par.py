"""The PAR API, as the pages: the unit reads its assessment with every leaf and self-scores with If-Match, a
stale ETag is refused with 412, the lock is refused while leaves lack evidence, the unit cannot appraise itself
(403) and the city reviewer can; the ranking lists the unit with its block and index."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from apps.api.models import ApiToken
from apps.par import frameworks, services
from apps.par.models import Score


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path  # signed files and evidence go to a temporary folder


@pytest.fixture
def assessment(db, reviewer, officer, kesat):
    year = services.open_year(2025, dt.date(2099, 12, 15), {"communes": frameworks.load_sample()}, reviewer)
    return services.open_assessment(year, kesat, officer)[0]


def _auth(user):
    return {"Authorization": f"Bearer {ApiToken.issue(user)[1]}"}


def test_it_self_scores_appraises_and_ranks_through_the_api(
    client, officer, reviewer, other_commune_officer, assessment
):
    me = _auth(officer)
    detail = client.get(f"/api/par/assessments/{assessment.pk}", headers=me)
    assert detail.status_code == 200 and detail["ETag"] == '"v1"'
    leaves = detail.json()["leaves"]
    assert len(leaves) == assessment.scores.count() and {"max_points", "proposed", "computation"} <= set(leaves[0])
    leaf = leaves[0]
    url = f"/api/par/assessments/{assessment.pk}/scores/{leaf['id']}"
    ok = client.patch(
        url, {"score": 0.5, "note": "Có kế hoạch"}, content_type="application/json", headers={**me, "If-Match": '"v1"'}
    )
    assert ok.status_code == 200 and ok.json()["self_score"] == "0.50" and ok["ETag"] == '"v2"'
    stale = client.patch(url, {"score": 1}, content_type="application/json", headers={**me, "If-Match": '"v1"'})
    assert stale.status_code == 412 and stale.json()["current"]["self_score"] == "0.50"
    too_much = client.patch(url, {"score": 99}, content_type="application/json", headers=me)
    assert too_much.status_code == 409 and "điểm phải từ 0 đến" in too_much.json()["detail"]
    refused = client.post(f"/api/par/assessments/{assessment.pk}/lock", headers=me)
    assert refused.status_code == 409 and "chưa chấm điểm" in refused.json()["detail"]
    assert client.get(f"/api/par/assessments/{assessment.pk}", headers=_auth(other_commune_officer)).status_code == 404

    for score in Score.objects.filter(assessment=assessment):
        services.set_self_score(score, officer, score.criterion.max_points, "Đủ hồ sơ")
    unsigned = client.post(f"/api/par/assessments/{assessment.pk}/lock", headers=me)
    assert unsigned.status_code == 409 and "bản tự chấm đã ký" in unsigned.json()["detail"]
    bad = client.post(
        f"/api/par/assessments/{assessment.pk}/lock", {"signed": SimpleUploadedFile("ky.pdf", b"MZ")}, headers=me
    )
    assert bad.status_code == 422 and "không đúng định dạng" in bad.json()["detail"]
    signed = SimpleUploadedFile("ban-ky.pdf", b"%PDF-1.4 ky")
    locked = client.post(f"/api/par/assessments/{assessment.pk}/lock", {"signed": signed}, headers=me)
    assert locked.json()["state"] == "locked"
    assessment.refresh_from_db()
    assert assessment.signed_name == "ban-ky.pdf"

    appraisal = {"round": 1, "score": 0, "note": "Thiếu minh chứng", "ask_explanation": True}
    own = client.patch(f"{url}/appraisal", appraisal, content_type="application/json", headers=me)
    assert own.status_code == 403
    city = client.patch(f"{url}/appraisal", appraisal, content_type="application/json", headers=_auth(reviewer))
    assert city.status_code == 200 and city.json()["round1"] == "0.00" and city.json()["explanation_asked"]

    ranking = client.get("/api/par/ranking?year=2025", headers=me).json()
    assert [(r["unit_name"], r["block"], r["rank"]) for r in ranking] == [("Xã Kẽ Sắt", "communes", 1)]
    assert client.get("/api/par/frameworks", headers=me).json()[0]["is_sample"] is True
