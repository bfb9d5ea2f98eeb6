"""A row cut by the page break whose agency cell ends on the next page in a short word ('Phòng Kinh' | 'tế',
tests/fixtures/other-unseen8, xã Vĩnh Thạnh printed by LibreOffice): two letters with their marks ('tế', 'xã') are a
word and the name is joined whole; a lone letter, or two without marks ('z', 'lI'), is still a scan's speck."""

from pathlib import Path

from importer.pipeline import run
from importer.text import lone_letters

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def test_it_joins_the_last_word_of_a_partner_cut_by_the_page_break():
    tasks = run(FIXTURES / "other-unseen8" / "xa_vinhthanh_kh_cchc_2026_noi_dung_lo.pdf").tasks
    cut = next(t for t in tasks if t.content.startswith("Cập nhật dữ liệu dân cư"))
    assert cut.content == "Cập nhật dữ liệu dân cư, đất đai phục vụ giải quyết thủ tục hành chính"
    assert (cut.lead, cut.partners, cut.deadline) == ("Công an xã", "Phòng Kinh tế", "Thường xuyên")


def test_it_tells_a_word_with_its_marks_from_a_speck():
    assert [lone_letters(cell) for cell in ("z", "lI", "ẻ", "tế", "xã", "Sở", "VP")] == [True] * 3 + [False] * 4
