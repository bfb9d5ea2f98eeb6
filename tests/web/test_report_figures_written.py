"""A report and its files speak the officials' language: a target's goal in the appendix as "tối thiểu 90%" (not
"90.00%"), and the files downloaded named by the period as people say it ("quy-i-2026", not "2026-q1")."""

import io
from decimal import Decimal

from docx import Document

from apps.plans.models import Target
from apps.reports.services import open_draft
from apps.tracking.models import Period, PeriodKind


def test_it_writes_goals_with_the_decimal_comma_and_names_files_by_the_period(client, plan, officer):
    Target.objects.create(
        plan=plan, position=2, text="Mức độ hài lòng đạt tối thiểu 90,5%", value=Decimal("90.50"), unit="%"
    )
    Target.objects.create(plan=plan, position=3, text="Đạt 4 cấp độ", value=Decimal("4.00"), unit="cấp độ")
    Period.ensure_year(2026)
    report, _ = open_draft(plan.unit, Period.objects.get(year=2026, kind=PeriodKind.Q1), officer)
    client.force_login(officer)

    response = client.get(f"/bao-cao/{report.pk}/bao-cao.docx")

    assert response["Content-Disposition"] == 'attachment; filename="bao-cao-cchc-ke-sat-quy-i-2026.docx"'
    cells = {c.text for t in Document(io.BytesIO(response.content)).tables for r in t.rows for c in r.cells}
    assert {"tối thiểu 85%", "tối thiểu 90,5%", "tối thiểu 4 cấp độ"} <= cells
    xlsx = client.get(f"/bao-cao/{report.pk}/bang-so-lieu.xlsx")
    assert xlsx["Content-Disposition"] == 'attachment; filename="bao-cao-cchc-ke-sat-quy-i-2026.xlsx"'
    page = client.get(f"/ke-hoach/{plan.pk}/").content.decode()
    assert "tối thiểu 90,5%" in page and "tối thiểu 4 cấp độ" in page
