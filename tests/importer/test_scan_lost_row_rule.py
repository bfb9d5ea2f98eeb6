"""A ruled table whose row rules are hairlines while its column rules are not (a LibreOffice table with a thin
border inside), faxed: the rules above and under a section row, across the table, were lost at 1 bit, while the
column rules beside it stopped there. The table finder read the section row and the tasks around it as one row.
Column rules stop only at a row rule: where three or more end at one height, the row rule is drawn there
(``page_cv._lost_rows``), on to the table's sides. A lead cell merged over two rows stops no column rule, and the
row rule stays open over it. The drawn rule runs on to the vertical rules that start at a rule of the table, not to
a photographed page's edge beside it."""

from __future__ import annotations

from PIL import Image, ImageDraw

from importer.readers import page_cv


def _table(edge: bool = False) -> Image.Image:
    """A 300 dpi page with a table from 200 to 2200 pixels across and 400 to 1400 down: its sides and its number's
    column (at 300) run down it all; its columns at 900, 1400 and 1800 stop above and under a section row from 700 to
    800 whose rules were lost; under it, a lead cell between 900 and 1400 is merged over the rows parted at 1100.
    With ``edge``, a dark line runs down the page left of the table, as a photographed page's edge does."""
    image = Image.new("L", (2480, 3508), 255)
    draw = ImageDraw.Draw(image)
    for y in (400, 500, 1400):
        draw.line((200, y, 2200, y), fill=0, width=3)
    draw.line((200, 1100, 900, 1100), fill=0, width=3)
    draw.line((1400, 1100, 2200, 1100), fill=0, width=3)
    for x in (200, 300, 2200):
        draw.line((x, 400, x, 1400), fill=0, width=3)
    if edge:
        draw.line((60, 150, 60, 3300), fill=0, width=4)
    for x in (900, 1400, 1800):
        draw.line((x, 400, x, 700), fill=0, width=3)
        draw.line((x, 800, x, 1400), fill=0, width=3)
    return image


def _across(edge: bool = False) -> list[tuple[int, int, int]]:
    """(height, left, right) in tens of pixels of each horizontal rule found."""
    rules = page_cv.rules_and_clean(_table(edge), 300)[0]
    return sorted((round((r.y0 + r.y1) / 20), round(r.x0 / 10), round(r.x1 / 10)) for r in rules if r.horizontal)


def test_a_section_rows_lost_rules_are_drawn_where_the_column_rules_stop():
    found = _across()

    assert [rule for rule in found if rule[0] in (70, 80)] == [(70, 20, 220), (80, 20, 220)]


def test_the_row_rule_stays_open_over_a_lead_cell_merged_over_two_rows():
    assert [rule for rule in _across() if rule[0] == 110] == [(110, 20, 90), (110, 140, 220)]


def test_the_drawn_rule_stops_at_the_tables_side_not_at_a_page_edge_beside_it():
    assert [rule for rule in _across(edge=True) if rule[0] in (70, 80)] == [(70, 20, 220), (80, 20, 220)]
