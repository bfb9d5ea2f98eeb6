"""A text plan that lost its diacritics is OCR output handed over as text: its lead and partners cells get
the same mending as a plan the importer OCR'd itself, a cell one letter off the spelling the plan gives more
often read as that one ('Phong Kinh tu' → 'Phòng Kinh tế', where 'tu' is a word of its own)."""

from importer.model import Document, Table
from importer.tasks import extract_tasks

HEAD = ("TT", "Noi dung cong viec", "Co quan chu tri", "Co quan phoi hop", "Thoi gian", "San pham")


def _leads(low_fidelity: bool) -> list[str | None]:
    rows = [HEAD]
    for n, lead in enumerate(["Phong Kinh te", "Phong Kinh te", "Phong Kinh tu"], 1):
        rows.append((str(n), f"Ra soat thu tuc hanh chinh dot {n}", lead, "Cac co quan", "Nam 2026", "Bao cao"))
    document = Document(items=(Table(tuple(rows)),), low_fidelity=low_fidelity)
    tasks, _ = extract_tasks(document)
    return [task.lead for task in tasks]


def test_it_reads_a_damaged_cell_of_an_unmarked_text_plan_as_the_spelling_it_gives_more_often():
    assert _leads(low_fidelity=True) == ["Phòng Kinh tế"] * 3


def test_it_leaves_the_cells_of_a_plan_with_its_marks_as_printed():
    assert _leads(low_fidelity=False)[2] == "Phong Kinh tu"
