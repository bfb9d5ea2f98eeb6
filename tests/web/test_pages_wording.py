"""Pages say what they mean: no internal codes or doubled units, the attainment rule written beside the
attainments, charts that write their values, the API docs linked from every page's menu, pages compressed."""

from __future__ import annotations

import gzip
import re
from decimal import Decimal

from apps.dashboards import charts


def test_it_shows_the_indicator_catalogue_without_codes_or_doubled_units(client, officer):
    client.force_login(officer)
    html = client.get("/chi-so/").content.decode()
    assert "Tỷ lệ thủ tục hành chính được công khai đầy đủ, đúng hạn" in html
    assert "(%) (%)" not in html and "Tỷ lệ (%)" in html
    assert "tthc-cong-khai" not in html and "giai-quyet-dung-han" not in html
    assert re.search(r"<summary>\d+ cụm từ</summary>", html)


def test_it_writes_the_attainment_rule_where_attainments_are_shown(client, leader, officer, plan):
    target = plan.targets.get()
    client.force_login(officer)
    for url in (f"/tong-quan/don-vi/{plan.unit_id}/", f"/ke-hoach/{plan.pk}/so-lieu/", f"/chi-tieu/{target.pk}/"):
        html = client.get(url).content.decode()
        rule = html.split('<p class="rule">')[1].split("</p>")[0]
        for words in ("Đạt", "Đúng hướng", "không quá 10%", "Có nguy cơ không đạt", "hơn 10%", "Không đạt", "quá hạn"):
            assert words in rule, (url, words)


def test_it_draws_charts_with_their_values_target_and_periods_written():
    svg = str(charts.sparkline([Decimal("70"), Decimal("82.5")], Decimal("85"), ["Quý I 2026", "6 tháng 2026"]))
    texts = re.findall(r"<text[^>]*>([^<]*)</text>", svg)
    assert texts == ["MT 85", "70", "82,5", "Quý I 2026", "6 tháng 2026"]
    assert "<line" in svg  # the x axis and the target line
    assert 'aria-label="Diễn biến: Quý I 2026 70, 6 tháng 2026 82,5; mục tiêu 85"' in svg


def test_it_links_the_api_docs_from_the_menu(client, officer):
    client.force_login(officer)
    html = client.get("/nhiem-vu/cua-toi/").content.decode()
    assert '<a href="/api/docs"' in html and "Tài liệu API" in html
    assert client.get("/api/docs").status_code == 200


def test_it_serves_pages_compressed_with_random_padding(client, officer, plan):
    client.force_login(officer)
    sizes = set()
    for _ in range(4):
        response = client.get(f"/ke-hoach/{plan.pk}/nhiem-vu/", HTTP_ACCEPT_ENCODING="gzip, deflate")
        assert response["Content-Encoding"] == "gzip"
        html = gzip.decompress(response.content).decode()
        assert "Danh mục nhiệm vụ" in html
        sizes.add(len(response.content))
    assert len(sizes) > 1  # Django pads each compressed body with random bytes (BREACH), so lengths differ
    plain = client.get(f"/ke-hoach/{plan.pk}/nhiem-vu/")
    assert not plain.has_header("Content-Encoding")
