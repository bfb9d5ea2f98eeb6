"""A scanned page's ruled tables are found once, in the OCR worker that reads the page: the table finder's cells
and rows come back as plain boxes (``pdf.Ruled``), which the worker hands over to the process that places the
words in them (``ocr.place_sheet``), so that process does not build the tables again from the rules."""

from __future__ import annotations

import pickle

from importer.model import Table
from importer.readers.ocr import place_sheet
from importer.readers.pdf import Row, Ruled, edge, find_tables

WIDTH, HEIGHT = 400.0, 300.0


def _grid() -> list[dict]:
    """Two rows of two cells: x 0-100-400, y 50-80-110."""
    edges = [edge("h", 0, 400, y, y) for y in (50, 80, 110)]
    return edges + [edge("v", x, x, 50, 110) for x in (0, 100, 400)]


def test_it_gives_the_tables_as_boxes_that_cross_to_another_process():
    (table,) = find_tables(_grid(), WIDTH, HEIGHT)

    assert table == Ruled(
        bbox=(0, 50, 400, 110),
        rows=(
            Row((0, 50, 400, 80), ((0, 50, 100, 80), (100, 50, 400, 80))),
            Row((0, 80, 400, 110), ((0, 80, 100, 110), (100, 80, 400, 110))),
        ),
        cells=table.cells,
    )
    assert sorted(table.cells) == sorted(cell for row in table.rows for cell in row.cells)
    assert pickle.loads(pickle.dumps(table)) == table


def test_it_places_the_words_in_the_tables_the_worker_found():
    words = [(50.0, 65.0, 1, "TT"), (200.0, 65.0, 1, "Nhiệm"), (240.0, 65.0, 1, "vụ"), (50.0, 95.0, 2, "1")]
    words += [(200.0, 95.0, 2, "Rà"), (230.0, 95.0, 2, "soát"), (200.0, 200.0, 3, "Nơi"), (230.0, 200.0, 3, "nhận")]
    seen = pickle.loads(pickle.dumps([(words, find_tables(_grid(), WIDTH, HEIGHT), WIDTH, HEIGHT)]))

    placed, _ = place_sheet(seen, 1)

    (table,) = [item for _, item in placed if isinstance(item, Table)]
    assert table.rows == (("TT", "Nhiệm vụ"), ("1", "Rà soát"))
    assert placed[-1][1].text == "Nơi nhận"
