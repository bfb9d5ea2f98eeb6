"""A Word plan printed to PDF whose last page holds the signer's name alone (the signature block spilt over the page
break; tests/fixtures/other-unseen8, tỉnh Ninh Bình): that page is text, read from its text layer. Taken for a scan
because it has few characters, it was read by OCR and the review said the plan was OCR'd (1 of 3 pages)."""

from pathlib import Path

from importer.pipeline import Limits
from importer.readers import read

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
PLAN = FIXTURES / "other-unseen8" / "tinh_ninhbinh_kh_cchc_2026_chu_tri_gop_lo.pdf"


def test_a_page_of_a_few_printed_letters_and_nothing_else_is_no_scan():
    document = read(PLAN, Limits())
    assert document.problems == ()
    assert [item.text for item in document.items if item.location.page == 3] == ["Trần Song Tùng"]
