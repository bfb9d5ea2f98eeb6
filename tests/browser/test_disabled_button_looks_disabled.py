"""The city reviewer opens the consolidation of a period with no accepted report: "Lập báo cáo tổng hợp" cannot be
pressed, and it does not look as if it could (greyed, not the brand's red; a "not allowed" pointer)."""

from __future__ import annotations

import pytest

from apps.tracking.models import Period
from tests.browser.conftest import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_it_greys_a_button_that_cannot_be_pressed(page, plan, reviewer, kesat):
    Period.ensure_year(2026)
    login(page, "snv.cchc")

    page.goto("/bao-cao/tong-hop/?ky=2026-q1")
    button = page.get_by_role("button", name="Lập báo cáo tổng hợp (.docx, .xlsx)")
    style = button.evaluate(
        "b => [b.disabled, getComputedStyle(b).backgroundColor, getComputedStyle(b).color, getComputedStyle(b).cursor]"
    )
    enabled = page.get_by_role("button", name="Xem kỳ này").evaluate("b => getComputedStyle(b).cursor")

    assert style[0] is True
    assert style[1] != "rgb(183, 28, 28)" and style[3] == "not-allowed", style
    assert enabled == "pointer"
