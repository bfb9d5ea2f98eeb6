"""The satisfaction results page names its columns as the downloaded workbook does (the rate apart from the count of
"Hài lòng" answers) and writes the sampling margin the Vietnamese way (e = 5%, not 5.00%)."""

from apps.surveys.models import Questionnaire


def test_it_names_the_rate_column_apart_from_the_level_and_writes_the_margin_plainly(client, officer, kesat):
    assert Questionnaire.current().form.method.describe().endswith("e = 5%.")
    client.force_login(officer)

    page = client.get(f"/ket-qua-khao-sat/don-vi/{kesat.pk}/").content.decode()

    assert "<th>Tỷ lệ hài lòng</th><th>Số phiếu trả lời</th>" in page
    assert "5.00%" not in page
