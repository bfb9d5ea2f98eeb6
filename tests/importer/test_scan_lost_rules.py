"""A fax loses pieces of a table's rules (a streak beside a column rule, a white line across the sheet): a
column rule missing over a row where the others stand, a row rule missing over some columns or broken by a
few points are drawn again (``pdf.draw_lost_rules``), so that two cells are not read as one; a section row,
one cell across the table, and the top of a two-row head over two columns stay merged."""

from __future__ import annotations

from importer.readers.pdf import draw_lost_rules, edge, find_tables, is_table

WIDTH, HEIGHT = 600, 400


def _widths(edges: list[dict]) -> list[list[tuple[int, int]]]:
    """Each row's cells, left to right, as (x0, x1)."""
    (table,) = filter(is_table, find_tables(draw_lost_rules(edges, WIDTH, HEIGHT), WIDTH, HEIGHT))
    return [[(round(c[0]), round(c[2])) for c in row.cells if c is not None] for row in table.rows]


def _ruled(ys: list[int], columns: list[int], skip: dict[int, tuple[int, int]] | None = None) -> list[dict]:
    """Rows between ``ys`` across the table, column rules at ``columns``; ``skip`` leaves out the rule at x
    over the rows from y to y'."""
    edges = [edge("h", columns[0], columns[-1], y, y) for y in ys]
    for x in columns:
        lost = (skip or {}).get(x)
        if lost is None:
            edges.append(edge("v", x, x, ys[0], ys[-1]))
        else:
            edges += [edge("v", x, x, ys[0], lost[0]), edge("v", x, x, lost[1], ys[-1])]
    return edges


def test_it_draws_again_a_column_rule_a_fax_lost_over_a_task_row():
    columns = [0, 30, 200, 300, 400, 500, 580]
    rows = _widths(_ruled([0, 40, 80, 120, 160], columns, skip={300: (80, 120)}))

    assert rows[2] == list(zip(columns, columns[1:], strict=False))


def test_it_keeps_a_section_row_of_a_three_column_table_one_cell():
    edges = [edge("h", 0, 500, y, y) for y in (0, 40, 60, 100, 140)]
    edges += [edge("v", x, x, 0, 140) for x in (0, 30, 500)]
    edges += [edge("v", 300, 300, 0, 40), edge("v", 300, 300, 60, 140)]  # the row 40-60: "II. Cải cách…"

    assert _widths(edges)[1] == [(0, 30), (30, 500)]


def test_it_keeps_the_top_of_a_two_row_head_over_two_columns():
    edges = [edge("h", 0, 500, y, y) for y in (0, 60, 100, 140)]
    edges.append(edge("h", 300, 500, 30, 30))  # "Thời gian thực hiện" over "Bắt đầu | Hoàn thành"
    edges += [edge("v", x, x, 0, 140) for x in (0, 30, 300, 500)]
    edges.append(edge("v", 400, 400, 30, 140))

    assert _widths(edges)[0] == [(0, 30), (30, 300), (300, 500)]


def test_it_parts_a_task_from_the_section_row_under_it_where_their_rule_was_lost():
    columns = [0, 30, 200, 300, 400]
    edges = [edge("h", 0, 400, y, y) for y in (0, 60, 100)]
    edges += [edge("h", 0, 30, 40, 40), edge("h", 200, 400, 40, 40)]  # lost over the task's content
    edges += [edge("v", x, x, 0, 100) for x in (0, 30, 400)]
    edges += [edge("v", x, x, 0, 40) for x in (200, 300)] + [edge("v", x, x, 60, 100) for x in (200, 300)]

    rows = _widths(edges)

    assert rows[0] == list(zip(columns, columns[1:], strict=False))
    assert rows[1] == [(0, 30), (30, 400)]


def test_it_joins_a_row_rule_a_streak_broke():
    columns = [0, 30, 200, 400]
    edges = [edge("h", 0, 400, y, y) for y in (0, 40, 100)]
    edges += [edge("h", 0, 150, 60, 60), edge("h", 156, 400, 60, 60)]  # the section row's bottom, broken
    edges += [edge("v", x, x, 0, 100) for x in (0, 30, 400)]
    edges += [edge("v", 200, 200, 0, 40), edge("v", 200, 200, 60, 100)]

    rows = _widths(edges)

    assert rows[1] == [(0, 30), (30, 400)]
    assert rows[2] == list(zip(columns, columns[1:], strict=False))
