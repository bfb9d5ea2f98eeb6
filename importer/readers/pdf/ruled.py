"""PDF: ruled tables, from the rules (drawn in the PDF, or found on a scan's image) to cells: pdfplumber's table
finder over the edges, a rule a page break or a fax lost drawn again, words placed in the cells by their boxes,
a merged cell cut by a page break carried on to the next page."""

from __future__ import annotations

import re
import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from importer.model import Block, Location, Table
from importer.readers.pdf.text import _lines, _page_number
from importer.readers.table_head import join_head
from importer.text import lone_letters

TABLE_SETTINGS = {"vertical_strategy": "lines", "horizontal_strategy": "lines", "snap_tolerance": 3}


class _Ruling:
    """Just what pdfplumber's TableFinder reads of a page: its edges and its box."""

    def __init__(self, edges: list[dict], bbox: tuple[float, float, float, float]):
        self.edges = edges
        self.bbox = bbox


def _joined(horizontal: list[dict], gap: float = 1.5, level: float = 0.6) -> list[dict]:
    """Horizontal rules drawn in pieces (a browser draws each cell's border; a fax's streak crossing a rule
    breaks it) joined into one, top to bottom: pieces within ``level`` points of one height whose ends lie
    ``gap`` points apart at most."""
    lines: list[list[dict]] = []  # the pieces at one height
    for rule in sorted(horizontal, key=lambda e: e["top"]):
        if lines and rule["top"] - lines[-1][0]["top"] <= level:
            lines[-1].append(rule)
        else:
            lines.append([rule])
    out: list[dict] = []
    for pieces in lines:
        joined: list[dict] = []
        for rule in sorted(pieces, key=lambda e: e["x0"]):
            if joined and rule["x0"] <= joined[-1]["x1"] + gap:
                last = joined[-1]
                joined[-1] = edge("h", last["x0"], max(last["x1"], rule["x1"]), last["top"], last["top"])
            else:
                joined.append(rule)
        out += joined
    return out


def carried(placed: list[tuple[float, Block | Table]]) -> tuple[str, ...] | None:
    """The last row of the page's last table when nothing but a page number follows it (the page break
    may have cut it): what ``place_tables`` goes on from on the next page."""
    ends_in_table = bool(placed) and not any(_printed(item) for _, item in placed[_last_table(placed) + 1 :])
    last = placed[_last_table(placed)][1] if ends_in_table and _last_table(placed) >= 0 else None
    return last.rows[-1] if isinstance(last, Table) and last.rows else None


def _printed(item: Block | Table) -> bool:
    """Whether an item is more than a page number."""
    return isinstance(item, Table) or not _page_number(item.text)


def _last_table(placed: list[tuple[float, Block | Table]]) -> int:
    return max((i for i, (_, item) in enumerate(placed) if isinstance(item, Table)), default=-1)


def close_cut_tables(edges: list[dict], reach: float = 1) -> list[dict]:
    """A table the page break cuts may have no rule where the page cut it (Chromium draws none): the
    vertical rules run on below its last horizontal rule, or above its first one on the next page.
    Draw the missing rule, so that the cut row is a row. The rules' ends lie within ``reach`` points of
    each other (more on a scan, whose rules end a little raggedly)."""
    horizontal = [e for e in edges if e["orientation"] == "h"]
    vertical = [e for e in edges if e["orientation"] == "v"]
    if len(vertical) < 2 or not horizontal:
        return edges

    def cut_at(y: float, side: str) -> list[dict]:
        ends = [v for v in vertical if abs(v[side] - y) <= reach]
        y = statistics.median(v[side] for v in ends)  # where most of them end
        if len(ends) < 2 or any(abs(h["top"] - y) <= 3 for h in horizontal):
            return []
        return [edge("h", min(v["x0"] for v in ends), max(v["x0"] for v in ends), y, y)]

    top = min(v["top"] for v in vertical)
    bottom = max(v["bottom"] for v in vertical)
    return edges + cut_at(top, "top") + cut_at(bottom, "bottom")


def draw_lost_rules(edges: list[dict], width: float, height: float) -> list[dict]:
    """A scan may lose a column rule over a few rows (a fax's streak beside it erases it): the table finder
    then reads the two cells beside it as one. Draw the rule again in a row where it is the only one of the
    table's column rules missing, the rule parts the cells of at least two other rows, and the cell over it
    is not merged for real: it neither reaches the table's side (a section row, one cell across the table
    but for the number) nor stops above the row's other cells (the top of a two-row head over two columns).
    A row rule lost over a few columns (a section row's top, under a task) leaves a cell holding the cells
    the finder still built beside the columns rules there: the rule is drawn again where those end; a row rule
    broken by less than 3 mm (no column is that narrow) is joined up.
    ``edges`` and the page's size as for ``find_tables``."""
    horizontal = [e for e in edges if e["orientation"] == "h"]
    edges = [e for e in edges if e["orientation"] != "h"] + _joined(horizontal, gap=3 / 25.4 * 72, level=2)
    drawn = []
    for table in filter(is_table, find_tables(edges, width, height)):
        x0, _, x1, _ = table.bbox
        rows = [[box for box in row.cells if box is not None] for row in table.rows]
        parts = [{round(box[0]) for box in boxes} | {round(box[2]) for box in boxes} for boxes in rows]
        columns = [x for x in sorted(set().union(*parts)) if sum(x in part for part in parts) >= 2]
        for boxes, part in zip(rows, parts, strict=False):
            lost = [x for x in columns if x not in part]
            bottoms = {round(box[3]) for box in boxes}
            if len(lost) != 1 or len(bottoms) != 1:
                continue
            over = next((box for box in boxes if box[0] < lost[0] < box[2]), None)
            if over is None or min(over[0] - x0, x1 - over[2]) < 1:
                continue
            drawn.append(edge("v", lost[0], lost[0], over[1], over[3]))
        for box in table.cells:
            inside = {round(other[3]) for other in table.cells if other != box and _within(other, box)}
            drawn += [edge("h", box[0], box[2], y, y) for y in sorted(inside) if y < box[3] - 1]
    return edges + drawn


def _within(inner: tuple[float, float, float, float], outer: tuple[float, float, float, float]) -> bool:
    return (
        inner[0] >= outer[0] - 1 and inner[1] >= outer[1] - 1 and inner[2] <= outer[2] + 1 and inner[3] <= outer[3] + 1
    )


def place_tables(
    tables: list[Ruled],
    width: float,
    height: float,
    text_in: Callable[[float, float, float, float], str],
    number: int,
    carry: tuple[str, ...] | None = None,
    earlier: Sequence[Ruled] = (),
) -> list[tuple[float, Block | Table]]:
    """The page's items top to bottom: its tables (``tables``: what ``find_tables`` found on the page, ``width`` by
    ``height`` points), and the text above, between and below them. ``text_in(x0, top, x1, bottom)`` gives the text
    inside a box, one printed line a line; coordinates are points from the page's top left. ``carry`` is the
    last row of the table the previous page ended with: a table this page starts with (nothing but a page number
    above it) goes on from there (see ``table_rows``); a box too small to be a table (``is_table``) is kept when
    it is the end of that row (``_cut_end``) or a row at the column lines of a table above it (``_same_columns``),
    on this page or on the previous one (``earlier``: the tables found on it)."""
    placed: list[tuple[float, Block | Table]] = []
    kept: list[Ruled] = [table for table in earlier if is_table(table)]
    above = 0.0
    for table in tables:
        if not is_table(table) and not _cut_end(table, carry, text_in, width) and not _same_columns(table, kept):
            continue
        kept.append(table)
        x0, top, x1, bottom = table.bbox
        placed += [(above, Block(line, Location(page=number))) for line in _lines(text_in(0, above, width, top))]
        cells = [[text_in(*_inset(box)) if box else None for box in row.cells] for row in table.rows]
        goes_on = carry is not None and not any(_printed(item) for _, item in placed)
        rows = table_rows(table, cells, carry if goes_on else None)
        placed.append((top, Table(rows=rows, location=Location(page=number))))
        above = bottom
    placed += [(above, Block(line, Location(page=number))) for line in _lines(text_in(0, above, width, height))]
    return placed


Box = tuple[float, float, float, float]  # x0, top, x1, bottom: points from the page's top left


@dataclass(frozen=True)
class Row:
    """A row of a ruled table: its box and its cells' left to right, None where a cell merged from the left or
    from above covers it."""

    bbox: Box
    cells: tuple[Box | None, ...]


@dataclass(frozen=True)
class Ruled:
    """A table the table finder built from ruling lines, its boxes alone: plain values, read as often as needed
    and handed from an OCR worker to the process that places the words (pdfplumber's tables are neither)."""

    bbox: Box
    rows: tuple[Row, ...]
    cells: tuple[Box, ...]


def find_tables(edges: list[dict], width: float, height: float) -> list[Ruled]:
    """Every table pdfplumber's table finder builds from ruling ``edges`` (see ``edge``) on a page ``width`` by
    ``height`` points, top to bottom, even a box too small to be a table (``is_table``)."""
    from pdfplumber.table import TableFinder

    found = []
    for table in TableFinder(_Ruling(edges, (0, 0, width, height)), TABLE_SETTINGS).tables:
        rows = tuple(Row(tuple(row.bbox), tuple(row.cells)) for row in table.rows)
        found.append(Ruled(tuple(table.bbox), rows, tuple(table.cells)))
    return sorted(found, key=lambda t: t.bbox[1])


def _inset(box: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
    """Keep clear of the rules: an OCR word box or a mark over a capital of the next row's first line
    may reach over the rule above it."""
    x0, top, x1, bottom = box
    return x0 + 1, top + 3, x1 - 1, bottom - 4


def _edges(page, height: float) -> list[dict]:
    """Horizontal and vertical edges of the page's drawn paths, top-down coordinates like pdfplumber's."""
    import pypdfium2.raw as pdfium_c

    edges = []
    for obj in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_PATH,), max_depth=3):
        left, bottom, right, top = obj.get_bounds()
        top, bottom = height - top, height - bottom
        w, h = right - left, bottom - top
        if h <= 3 and w > 3:
            edges.append(edge("h", left, right, (top + bottom) / 2, (top + bottom) / 2))
        elif w <= 3 and h > 3:
            edges.append(edge("v", (left + right) / 2, (left + right) / 2, top, bottom))
        elif w > 3 and h > 3:  # a box (a cell's shading, a frame): its four sides
            edges += [
                edge("h", left, right, top, top, "rect_edge"),
                edge("h", left, right, bottom, bottom, "rect_edge"),
            ]
            edges += [
                edge("v", left, left, top, bottom, "rect_edge"),
                edge("v", right, right, top, bottom, "rect_edge"),
            ]
    return edges


def edge(orientation: str, x0: float, x1: float, top: float, bottom: float, kind: str = "line_edge") -> dict:
    """A horizontal ("h") or vertical ("v") ruling line as pdfplumber's table finder reads it; ``kind`` is
    "rect_edge" for the side of a box, as pdfplumber names it."""
    return {
        "object_type": kind,
        "orientation": orientation,
        "x0": x0,
        "x1": x1,
        "top": top,
        "bottom": bottom,
        "doctop": top,
        "width": x1 - x0,
        "height": bottom - top,
    }


def is_table(table: Ruled) -> bool:
    """Two rows and two columns at least: a single ruled box or a rule under a heading is not a table."""
    rows = table.rows
    return len(rows) >= 2 and max((len(row.cells) for row in rows), default=0) >= 2


def _cut_end(
    table, carry: tuple[str, ...] | None, text_in: Callable[[float, float, float, float], str], width: float
) -> bool:
    """The end of the row the page break cut, alone at the top of the next page: one row with the cells of the
    row it goes on from (``carry``) and nothing but a page number above it."""
    if carry is None or len(table.rows) != 1 or len(table.rows[0].cells) != len(carry):
        return False
    above = _lines(text_in(0, 0, width, table.bbox[1]))
    return all(_page_number(line) for line in above)


def _same_columns(table: Ruled, above: list[Ruled]) -> bool:
    """One row of three cells or more standing at the column lines of a table above it on the page: the next
    table of a catalogue printed as one table per reform area, for an area with a single task."""
    if len(table.rows) != 1 or len(table.rows[0].cells) < 3 or None in table.rows[0].cells:
        return False
    lefts = [box[0] for box in table.rows[0].cells]
    return any(
        len(row.cells) == len(lefts)
        and all(box and abs(box[0] - x) <= 2 for box, x in zip(row.cells, lefts, strict=True))
        for other in above
        for row in other.rows
    )


def table_rows(
    table, texts: list[list[str | None]], above: tuple[str, ...] | None = None
) -> tuple[tuple[str, ...], ...]:
    """Rows of cell texts; a cell merged across columns gives empty strings after it, one merged
    down over rows repeats its text in each. A table that goes on from the previous page, whose last
    row was ``above``, loses a first band with nothing printed in it (the end of a cut row's padding),
    and a merged cell that comes on from there, empty here, gives the rows under the first band the
    text it had there; so does an empty cell merged down over the first rows under the head the page
    repeats (Word prints a cell merged down over rows the break parts once, on the first page)."""
    cut_top = above is not None
    rows: list[tuple[str, ...]] = []
    last: dict[int, tuple[tuple, str]] = {}  # column -> (bbox, text) of the latest real cell
    for index, (row, cells) in enumerate(zip(table.rows, texts, strict=False)):
        out = []
        row_top = row.bbox[1]
        band_bottom = min((box[3] for box in row.cells if box is not None), default=row.bbox[3])
        first = index == 0 or index == 1 and _repeats_head(texts[0], above)
        for column, (bbox, text) in enumerate(zip(row.cells, cells, strict=False)):
            if bbox is not None:
                value = _cell(text)
                goes_on = first and cut_top and (not value or lone_letters(value)) and bbox[3] > band_bottom + 1
                carried = above[column] if goes_on and above and column < len(above) else value
                value = ("" if index == 0 else carried) if goes_on else value  # the cut row's padding, or a row
                last[column] = (bbox, carried)
            else:
                cell_above = last.get(column)
                value = cell_above[1] if cell_above and cell_above[0][3] > row_top + 1 else ""
            out.append(value)
        if index == 0 and cut_top and not any(out):
            continue
        rows.append(tuple(out))
    return tuple(tuple(row) for row in join_head(rows))


def _repeats_head(cells: list[str | None], above: tuple[str, ...] | None) -> bool:
    """Whether a continued table's first row is a head row the page repeats: every cell printed and none covered
    by a merged one, none the carried row's text, none opening with a figure (a row's number, a date)."""
    if above is None or any(cell is None or not _cell(cell) for cell in cells):
        return False
    texts = [_cell(cell) for cell in cells]
    return not any(text == carried for text, carried in zip(texts, above, strict=False)) and not any(
        text[:1].isdigit() for text in texts
    )


# the end of a date or figure a narrow cell broke because it did not fit ("31/3/202" "6")
_BROKEN_FIGURE = re.compile(r"(?:^|\s)\d+[/.,]\d[\d/.,]*$")


def _cell(text: str | None) -> str:
    """A cell's printed lines joined by spaces, except after a hyphen the line broke at ("468/QĐ-" "TTg")
    and inside a date or figure too long for the cell ("31/3/202" "6")."""
    out = ""
    for line in _lines(text or ""):
        line = " ".join(line.split())
        broken = out.endswith(("-", "/")) and not out.endswith((" -", " /"))
        broken = broken or bool(_BROKEN_FIGURE.search(out)) and line[:1].isdigit()
        out += ("" if not out or broken else " ") + line
    return out
