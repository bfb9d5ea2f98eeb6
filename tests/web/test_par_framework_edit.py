"""The city reviewer edits the sample framework in the browser: points that no longer add up are refused with
what to fix and what was typed kept; points moved between two leaves of one criterion are saved. Units cannot
edit, and a framework already used for scoring is not changed."""

import datetime as dt
from decimal import Decimal

from apps.par import frameworks, services
from apps.par.models import Criterion


def test_it_checks_the_totals_before_saving_an_edit(client, reviewer, officer, kesat):
    framework = frameworks.load_sample()
    first, second = Criterion.objects.get(code="1.1.1"), Criterion.objects.get(code="1.1.2")
    url = f"/chi-so-cchc/bo-tieu-chi/{framework.pk}/sua/"
    client.force_login(officer)
    assert client.get(url).status_code == 403
    client.force_login(reviewer)
    page = client.post(url, {"version": framework.version, f"max_points-{first.pk}": "1,5"}).content.decode()
    assert "1.1: các tiêu chí con cộng lại 3,5 điểm, khác điểm tối đa 3." in page
    assert 'value="1,5"' in page
    first.refresh_from_db()
    assert first.max_points == 1

    response = client.post(
        url,
        {
            "version": framework.version,
            f"max_points-{first.pk}": "1,5",
            f"max_points-{second.pk}": "1,5",
            f"params-{second.pk}": '{"threshold": 90}',
        },
    )
    assert response.status_code == 302
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.max_points, second.max_points, second.params) == (Decimal("1.5"), Decimal("1.5"), {"threshold": 90})
    assert frameworks.check_framework(framework) == []

    year = services.open_year(2025, dt.date(2099, 1, 1), {"communes": framework}, reviewer)
    services.open_assessment(year, kesat, officer)
    page = client.post(url, {"version": framework.version + 1, f"title-{first.pk}": "Khác"}).content.decode()
    assert "đã được dùng cho một năm đánh giá đã mở" in page
