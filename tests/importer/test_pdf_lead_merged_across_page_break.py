"""A lead's cell merged down over the tasks it leads (Word's vertical merge) whose run the page break parts: Word
and LibreOffice print the name once, on the first page, and leave the cell empty under the head row repeated on
the next (tests/fixtures/other-unseen8, tỉnh Ninh Bình, Văn phòng UBND tỉnh over tasks 4–8, 6–8 on page 2).
The rows on the next page keep the lead."""

from pathlib import Path

from importer.pipeline import run

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def test_it_keeps_the_lead_of_a_merged_cell_past_the_page_break():
    tasks = run(FIXTURES / "other-unseen8" / "tinh_ninhbinh_kh_cchc_2026_chu_tri_gop_lo.pdf").tasks
    leads = {t.no: t.lead for t in tasks}
    assert [leads[str(n)] for n in range(4, 10)] == ["Văn phòng UBND tỉnh"] * 5 + ["Sở Nội vụ"]
    assert len(tasks) == 17 and all(t.lead for t in tasks)
