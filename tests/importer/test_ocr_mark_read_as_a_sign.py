"""OCR without the Vietnamese model reads a mark as a sign glued to its letter ('Sở' → 'S&', 'Sé'): such a
sign ends a word, not a phrase, so the cell it ends is closed and the next line opens the next cell. A '&'
standing on its own ('Văn hóa &') still carries the cell on."""

from importer.table_lines import Line, parse_lines


def _lines(text: str) -> list[Line]:
    return [Line(line.strip(), n) for n, line in enumerate(text.strip("\n").splitlines(), start=1)]


HEADER = ["TT", "Noi dung cong viec", "Co quan", "chu tri", "Co quan", "phoi hop", "Thoi gian", "hoan thanh"]


def test_it_closes_a_cell_that_ends_on_a_mark_read_as_a_sign():
    rows = parse_lines(
        _lines("""
Ban hanh Ké hoach nang cao chi so nang luc
canh tranh cap tinh hang nam cua thanh pho
Van phong
So
Céc phong
thuoc S&
2026-2030
Ké hoach cua don vi
"""),
        HEADER,
    )
    assert [row[2:] for row in rows] == [("Van phong So", "Céc phong thuoc S&", "2026-2030", "Ké hoach cua don vi")]


def test_it_carries_a_cell_on_after_an_ampersand_on_its_own():
    rows = parse_lines(
        _lines("""
Ra soat thu tuc hanh chinh
Phong Van hoa &
Thong tin
Cac co quan
Quy II/2026
Bao cao
"""),
        HEADER,
    )
    assert [row[2:] for row in rows] == [("Phong Van hoa & Thong tin", "Cac co quan", "Quy II/2026", "Bao cao")]
