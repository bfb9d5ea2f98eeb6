"""A head's name centred in its cell, read from a scan with its words a wide space apart ('Nội dung   công
việc'): the gap between them is as wide as one between two columns, but the cells under it run across it, and a
column's cells wrap short of its end. Such a gap is a space in a name, not a column's end: the table printed
without rules is found, its content one column (Hoàn Kiếm's photo found no task table)."""

from __future__ import annotations

from importer.readers.pdf.unruled import unruled_rules
from tests.printed import page, rows_read

HEAD = [(10, 14, "TT"), (60, 14, "Nội dung"), (120, 14, "công việc"), (190, 14, "Chủ trì")]
HEAD += [(270, 14, "Phối hợp"), (350, 14, "Thời hạn")]
ROWS = [(12, 40, "1"), (60, 40, "Rà soát thủ tục hành"), (190, 40, "Văn phòng"), (270, 40, "Bưu điện")]
ROWS += [(350, 40, "Quý I"), (12, 60, "2"), (60, 60, "Số hóa hồ sơ lưu trữ"), (190, 60, "Phòng Kinh tế")]
ROWS += [(270, 60, "Công an"), (350, 60, "Quý II"), (12, 80, "3"), (60, 80, "Tập huấn kỹ năng số")]
ROWS += [(190, 80, "Phòng Văn hóa"), (270, 80, "Đoàn Thanh"), (350, 80, "Quý III")]


def test_it_reads_a_wide_space_in_a_head_name_that_the_cells_run_across_as_no_column():
    text = page(HEAD + ROWS)
    rules, _ = unruled_rules(text)

    rows = rows_read(rules, text)

    assert rows[1] == ("1", "Rà soát thủ tục hành", "Văn phòng", "Bưu điện", "Quý I")
    assert len(rows) == 4


def test_it_keeps_a_gap_the_cells_leave_free_as_a_column_end():
    short = [(x, base, text.split()[0]) if x == 60 else (x, base, text) for x, base, text in ROWS]  # 'Rà', 'Số'
    text = page(HEAD + short)
    rules, _ = unruled_rules(text)

    assert len(rows_read(rules, text)[0]) == 6  # 'công việc' over a column of its own
