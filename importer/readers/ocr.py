"""Scanned pages and images: render, find the ruled tables, then Tesseract with its Vietnamese model (``vie``).

Each sheet is first made fit to read by OpenCV (``importer.readers.page_cv``): a phone photo's page found
and its perspective flattened, two pages copied on one sheet split, a fax or a dithered scan smoothed back
to greys, its paper evened out if it is lit unevenly, each page turned a quarter if it was scanned on its
side and levelled if it was fed askew. Then its ruling lines are found on the image (dotted and broken ones
closed) and erased with the speckle. The same table finder as for a PDF's drawn rules
(``importer.readers.pdf.place_tables``) turns the rules into cells; Tesseract reads each column of a table
by itself, then the page around the tables (every word with its box: ``_words``), each word goes to the
cell holding its centre, and the words outside tables stay text blocks in reading order. So a scanned task
table comes out as a ``Table`` like a printed one, and a table running over a page break gives one
``Table`` per page for the tasks stage to join.

Tesseract runs in-process through tesserocr, whose wheel carries its own Tesseract 5.5 built
single-threaded; only the ``vie`` model comes from the system (Debian's ``tesseract-ocr-vie``).
Pages are recognised in parallel in ``limits.workers`` processes (every core when unset; the web app
bounds it, IMPORT_OCR_PROCESSES); each worker loads the model once
and reads its pages from a greyscale buffer handed over without any image file in between.
Measured on the scanned fixtures (bench/bench_import.py): the Debian ``tesseract`` command (5.3,
OpenMP) needed 2.2-2.9 s of CPU for a dense A4 page, this engine 1.1-1.2 s (psm 6, see ``_start_worker``).
"""

from __future__ import annotations

import bisect
import glob
import multiprocessing
import os
import re
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from importer.errors import ImporterError, UnreadableDocument
from importer.markers import ROW_NUMBER, is_roman, strokes_as_roman
from importer.model import Block, Document, Problem, Table
from importer.ocrfix import native_letters, off_baseline, percent_sign, speck_before, unglue
from importer.readers.pdf import (
    Box,
    Char,
    PageText,
    Ruled,
    carried,
    close_cut_tables,
    draw_lost_rules,
    edge,
    find_tables,
    in_page_order,
    is_table,
    open_table_columns,
    place_tables,
)
from importer.readers.pdf.open_tables import NUMBER_WIDTH, lost_row_rules
from importer.readers.pdf.unruled import Columns, unruled_rules
from importer.readers.raster_tables import Rule, ink_map, runs_down, skew

if TYPE_CHECKING:
    from importer.pipeline import Limits

LANG = "vie"
# Where Debian, Fedora, Homebrew and a hand-built Tesseract keep their models.
TESSDATA_DIRS = (
    "/usr/share/tesseract-ocr/*/tessdata",
    "/usr/share/tessdata",
    "/usr/local/share/tessdata",
    "/opt/homebrew/share/tessdata",
)

Progress = Callable[[int, int], None]
SPECK_CONFIDENCE = 30  # Tesseract's confidence (0-100) in a short word under which it is a speck it read
LETTER_HEIGHT = 7  # points: a capital of 13 pt type with its mark is 9 or more; a speck's box a point or two
_MARKER = re.compile(r"^(\d+|[IVX]+|[a-zđ])[.)]?$")  # a number, a roman part number, a list letter
INK = 128  # grey level: darker is ink
RAGGED = 4  # points: how far apart the ends of a scanned table's vertical rules may lie where a page cut it


def read_image(path: Path, limits: Limits, progress: Progress | None = None) -> Document:
    """An image file (PNG, JPEG, TIFF with one or more pages)."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as image:
            frames = getattr(image, "n_frames", 1)
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError) as exc:
        raise UnreadableDocument(
            f"Tệp ảnh “{path.name}” bị hỏng hoặc quá lớn, không mở được. Hãy quét hoặc chụp lại rồi thử lại."
        ) from exc
    if frames > limits.max_pages:
        raise UnreadableDocument(
            f"Tệp “{path.name}” có {frames} trang, vượt giới hạn {limits.max_pages} trang. "
            "Hãy tách phần kế hoạch ra tệp riêng hoặc tăng giới hạn (--max-pages)."
        )
    per_page = recognise(path, "image", list(range(frames)), limits, progress)
    return Document(
        items=in_page_order(per_page), source=path.name, pages=frames, problems=(ocr_problem(frames, frames),)
    )


def ocr_problem(count: int, total: int) -> Problem:
    pages = "mọi trang" if count == total else f"{count}/{total} trang"
    return Problem(
        "ocr",
        f"Văn bản được nhận dạng chữ (OCR) từ ảnh quét ({pages}); chữ và bảng có thể sai, "
        "hãy đối chiếu với bản gốc khi duyệt.",
    )


Placed = list[tuple[float, Block | Table]]
Word = tuple[float, float, int, str]  # (x, y) of its centre in points, its line number, its text
Read = tuple[Word, float, list[Char]]  # a word, Tesseract's confidence in it, its letters (``_letters``)


class Sight(NamedTuple):
    """One page of a sheet as its OCR worker saw it, in plain data that crosses to another process: Tesseract's
    words, the tables found (``pdf.Ruled``), the page's size in points; for the page after it, the words' letters
    (``_letters``), the rules drawn on the page (table finder's edges) and the columns of a table without rules
    that the page's end cut (``unruled.Columns``), so that a page it goes on to can be read again in them."""

    words: list[Word]
    tables: list[Ruled]
    width: float
    height: float
    letters: list[Char] = []
    edges: list[dict] = []
    cut: Columns | None = None


Seen = list[Sight]  # a sheet's pages, one after the other


def recognise(
    path: Path, kind: str, pages: Sequence[int], limits: Limits, progress: Progress | None = None
) -> dict[int, Placed]:
    """OCR the given pages (0-based) of a PDF (``kind="pdf"``) or image file; returns page -> its
    items top to bottom, as ``place_tables`` gives them. The workers read the pages in any order; their
    tables are placed in page order, so a table the page break cut goes on from the page before."""
    if not pages:
        return {}
    tessdata = _tessdata()
    workers = max(1, min(limits.workers or os.cpu_count() or 1, len(pages)))
    if multiprocessing.get_start_method() == "fork":
        _start_worker(tessdata)  # once here: each forked worker has it loaded (see _start_worker)
    seen: dict[int, Seen] = {}
    try:
        with ProcessPoolExecutor(max_workers=workers, initializer=_start_worker, initargs=(tessdata,)) as pool:
            futures = [pool.submit(_ocr_page, str(path), kind, page, limits.ocr_dpi) for page in pages]
            for done, future in enumerate(as_completed(futures), start=1):
                page, sheet = future.result()
                seen[page] = sheet
                if progress:
                    progress(done, len(pages))
            again = going_on(seen)  # pages a table without rules runs on to from the page before: read in its columns
            futures = [
                pool.submit(_ocr_page, str(path), kind, page, limits.ocr_dpi, above, _reading(seen[page][0]))
                for page, above in again.items()
            ]
            for future in as_completed(futures):
                page, sheet = future.result()
                seen[page] = sheet
    except ImporterError:
        raise
    except Exception as exc:
        raise UnreadableDocument(
            f"Không nhận dạng được chữ trong “{path.name}” ({type(exc).__name__}: {str(exc)[:120]}). "
            "Hãy kiểm tra tệp quét hoặc quét lại rõ hơn rồi thử lại."
        ) from exc
    found: dict[int, Placed] = {}
    carry = None
    for page in sorted(seen):
        found[page], carry = place_sheet(seen[page], page + 1, carry if page - 1 in found else None)
    return found


def going_on(seen: dict[int, Seen]) -> dict[int, Columns]:
    """The sheets (page -> its sight, read each in a worker of its own) whose first page goes on with a table
    without rules that the previous sheet's last page cut, its head not printed again: their page's first lines
    fit that table's columns (``unruled.unruled_rules``, as a text PDF's next page is read), each with those
    columns. A table may run on over several pages: each page the table fills to its end passes them on."""
    again: dict[int, Columns] = {}
    above: Columns | None = None
    for page in sorted(seen):
        sheet = seen[page]
        first = sheet[0]
        if above is not None and page - 1 in seen:
            text = PageText(first.letters, scanned=True)
            rules, cut = unruled_rules(text, first.edges, above)
            if len(rules) > len(unruled_rules(text, first.edges)[0]):
                again[page] = above
                above = cut if len(sheet) == 1 else sheet[-1].cut
                continue
        above = sheet[-1].cut
    return again


def _reading(sight: Sight) -> tuple[list[Word], list[Char]]:
    return sight.words, sight.letters


def _tessdata() -> str:
    """The folder holding Tesseract's Vietnamese model; a clear message when OCR cannot run here."""
    try:
        import tesserocr  # noqa: F401  (the engine: a wheel, installed with cchc)
    except ImportError as exc:
        raise UnreadableDocument(
            "Máy chưa cài bộ nhận dạng chữ Tesseract (gói Python tesserocr) nên không đọc được bản quét. "
            "Hãy chạy lại scripts/install (hoặc dùng tệp .docx/.pdf có chữ)."
        ) from exc
    if os.environ.get("TESSDATA_PREFIX"):  # Tesseract's own setting: then the only place to look
        folders = [os.environ["TESSDATA_PREFIX"]]
    else:
        folders = [folder for pattern in TESSDATA_DIRS for folder in sorted(glob.glob(pattern), reverse=True)]
    for folder in folders:
        if (Path(folder) / f"{LANG}.traineddata").is_file():
            return folder
    raise UnreadableDocument(
        "Tesseract OCR chưa có bộ tiếng Việt (vie) nên không đọc được bản quét. "
        "Hãy cài gói tesseract-ocr-vie (hoặc đặt TESSDATA_PREFIX là thư mục chứa vie.traineddata)."
    )


_engine = None  # this worker's Tesseract, model loaded once
_model = None  # the folder it was loaded from


def _start_worker(tessdata: str) -> None:
    """This process's Tesseract with the model of ``tessdata`` loaded. Loading it takes 0.12 s of CPU: where the
    workers are forked, ``recognise`` loads it once before them and each worker finds it loaded (two workers a
    document had loaded it each, 0.2 s of CPU, a twentieth of a four-page scan's)."""
    import tesserocr

    global _engine, _model
    if _engine is not None and _model == tessdata:
        return
    _model = tessdata
    _engine = tesserocr.PyTessBaseAPI(
        path=tessdata,
        lang=LANG,
        # the LSTM recogniser alone, the page read as one block of lines top to bottom: a plan's
        # reading order; table cells take their words by position, so a line running across a
        # table's cells (its rules erased) does no harm. Tesseract's own column and block finding
        # costs a fifth of the page's time and finds nothing the ruled tables have not.
        oem=tesserocr.OEM.LSTM_ONLY,
        psm=tesserocr.PSM.SINGLE_BLOCK,
    )
    # plans are set in proportional fonts: skip the test for typewriter (fixed-pitch) text, a tenth
    # of the page's time; and don't try each doubtful line again as white on black
    _engine.SetVariable("textord_all_prop", "1")
    _engine.SetVariable("tessedit_do_invert", "0")


def _ocr_page(
    path: str,
    kind: str,
    page: int,
    dpi: int,
    above: Columns | None = None,
    reading: tuple[list[Word], list[Char]] | None = None,
) -> tuple[int, Seen]:
    """Runs in a worker process: render one page and read it (``see_sheet``: ``above`` the columns of the table
    the page before goes on with, ``reading`` the page's words and letters read already)."""
    if kind == "pdf":
        dpi = min(dpi, scanned_at(path, page) or dpi)
        image = render_page(path, page, dpi)
    else:
        image, dpi = load_frame(path, page, dpi)
    return page, see_sheet(image, dpi, above, reading)


def see_sheet(
    image, dpi: int, above: Columns | None = None, reading: tuple[list[Word], list[Char]] | None = None
) -> Seen:
    """What a greyscale sheet image holds: for each page on it, Tesseract's words and the ruling lines. The
    sheet is made fit to read by OpenCV (``importer.readers.page_cv``: a photo's page found and flattened,
    two pages on one sheet split, one after the other). Tables whose rules are missing by design (printed
    without rules, ruled only across or only above and under the head and at the end) are found from the
    words' boxes as the PDF reader finds them from its characters' (``unruled_rules``, ``open_table_columns``):
    the letters of the words read (``_letters``), as the characters of a ``PageText``, give the rules such a
    table lacks; the page is then read again with its new columns. ``above`` are the columns of such a table
    that the previous page's end cut (``unruled.Columns``): the sheet's first lines that fit them go on with it,
    as a text PDF's next page does; ``reading`` is the sheet's first page read already (words and letters), read
    again then only in the columns found. A row of a ruled table holding two numbered tasks, the rule between them
    lost, is parted where the paper between them is (``lost_row_rules``)."""
    seen: Seen = []
    for page, page_dpi, rules in prepare(image, dpi):
        scale = 72 / page_dpi
        width, height = page.width * scale, page.height * scale
        drawn = draw_lost_rules(close_cut_tables([_edge(rule, scale) for rule in rules], RAGGED), width, height)
        tables = find_tables(drawn, width, height)  # found once: the words are placed in them too (place_sheet)
        words, letters = reading or _words(page, page_dpi, _columns(tables))
        text = PageText(letters, scanned=True)
        unruled, cut = unruled_rules(text, drawn, above)  # the rules of the tables printed without any
        edges = drawn
        if missing := unruled + open_table_columns(drawn + unruled, text):
            # read again, each column found by itself as a ruled table's (the lines of cells side by side, at
            # other heights, read across the page mix), and the open tables' rows parted on that reading
            columns = _columns(find_tables(drawn + missing, width, height))
            words, letters = _refilled(columns, (words, letters), _words(page, page_dpi, columns, around=False))
            text = PageText(letters, scanned=True)
            edges = drawn + unruled
            edges += open_table_columns(edges, text)
            tables = find_tables(edges, width, height)
        if lost := lost_row_rules(tables, text, edges):  # two tasks in one row: the rule between them the scan lost
            tables = find_tables(edges + lost, width, height)
        seen.append(Sight(words, tables, width, height, letters, drawn, cut))
        above, reading = cut, None
    return seen


def _refilled(
    columns: list[list[Box]], first: tuple[list[Word], list[Char]], again: tuple[list[Word], list[Char]]
) -> tuple[list[Word], list[Char]]:
    """The page's words and letters once its open tables' columns were read again by themselves (``again``): the
    first reading's (across the page, ``first``) outside them, where nothing was read again (the text around
    the tables, read as before: a second reading of it misread a part's heading 'II. MỤC TIÊU' and the part was
    lost), and in each cell the second reading left empty (Tesseract may pass over a column's first line alone
    at its top: a head's bold 'Nhiệm vụ' was lost, and with it the gap between the number's column and the
    task's); the second's in the cells. The first reading's lines are numbered after the second's."""
    cells = {cell for column in columns for cell in column}

    def inside(x: float, y: float, boxes) -> bool:
        return any(x0 <= x < x1 and top <= y < bottom for x0, top, x1, bottom in boxes)

    empty = [cell for cell in cells if not any(inside(x, y, [cell]) for x, y, _, _ in again[0])]
    kept = [box for box in cells if box not in empty]
    after = max((line for _, _, line, _ in again[0]), default=0)
    words = [(x, y, line + after, text) for x, y, line, text in first[0] if not inside(x, y, kept)]
    letters = [c for c in first[1] if not inside((c.x0 + c.x1) / 2, c.middle, kept)]
    return words + list(again[0]), letters + list(again[1])


def _columns(tables: list[Ruled]) -> list[list[Box]]:
    """The cells of the page's ruled tables (``pdf.find_tables``, ``pdf.is_table``) by the columns they span:
    each column's cells from the table's top to its bottom, and apart from them each run of cells merged across
    other columns (a section row, a head over two columns)."""
    columns: dict[tuple[int, int, int], list[Box]] = {}
    for index, table in enumerate(filter(is_table, tables)):
        for box in table.cells:
            columns.setdefault((index, round(box[0]), round(box[2])), []).append(box)
    return list(columns.values())


def place_sheet(seen: Seen, number: int, carry: tuple[str, ...] | None = None) -> tuple[Placed, tuple[str, ...] | None]:
    """A sheet's items top to bottom: its ruled tables, each word in the cell holding its centre, and the
    text around them (``place_tables``); ``carry`` is the last row of the previous page's table the page
    break cut (``pdf.carried``), and the same of this sheet is returned for the next."""
    placed: Placed = []
    below = 0.0  # points: the second page of a sheet goes under the first
    for words, tables, width, height, *_ in seen:

        def text_in(x0: float, top: float, x1: float, bottom: float, words=words) -> str:
            lines: dict[int, list[str]] = {}
            for x, y, line, text in words:
                if x0 <= x < x1 and top <= y < bottom:
                    lines.setdefault(line, []).append(text)
            return "\n".join(" ".join(despeckle(line)) for line in lines.values())

        items = place_tables(tables, width, height, text_in, number, carry)  # rules closed and mended by see_sheet
        carry = carried(items)
        placed += [(below + top, item) for top, item in items]
        below += height
    return placed, carry


def prepare(image, dpi: int) -> list[tuple[object, int, list[Rule]]]:
    """The sheet's pages ready for Tesseract: (page with its rules and speckle erased, its dpi, its rules)."""
    from importer.readers import page_cv

    pages = []
    for page, page_dpi in page_cv.sheets(image, dpi):
        ink = ink_map(page, page_dpi)
        turn = _quarter_turn(page, page_dpi) if runs_down(ink) else None
        if turn is not None:
            page, ink = page.transpose(turn), ink.transpose(turn)
        angle = skew(ink)
        rules, clean = page_cv.rules_and_clean(page_cv.level(page, angle), page_dpi, angle)
        pages.append((clean, page_dpi, rules))
    return pages


def _quarter_turn(image, dpi: int):
    """How to turn a page whose ink looks as if scanned on its side to read left to right: of the two quarter
    turns and none, the one Tesseract reads with more confidence on a band across the middle of the page. The
    ink is a hint, not a verdict: the column rules of an upright table page of narrow columns, standing high
    over few lines of text, make its columns alternate more sharply than its rows (None: leave it upright). The
    band lies a third of the way down the page's ink, not of the paper: a page holding only the last row of a
    table the page break cut, at its top, left the band across the page's blank middle, whose nothing Tesseract
    trusted less than the row read sideways, and the upright page was turned."""
    import numpy as np
    from PIL import Image

    def confidence(turn) -> int:
        page = image if turn is None else image.transpose(turn)
        across, down = round(0.03 * page.width), round(0.03 * page.height)  # a desk's or a lid's shadow at the edges
        ink = (np.asarray(page, dtype=np.uint8) < INK)[down:-down, across:-across]
        rows = down + np.flatnonzero(ink.sum(axis=1) > 0.002 * page.width)
        top, bottom = (rows[0], rows[-1]) if len(rows) else (0, page.height)
        middle, half = top + 5 * (bottom - top) // 12, page.height // 12
        return _confidence(page.crop((0, max(0, middle - half), page.width, min(page.height, middle + half))), dpi)

    return max((Image.Transpose.ROTATE_90, Image.Transpose.ROTATE_270, None), key=confidence)


def _confidence(image, dpi: int) -> int:
    """Tesseract's mean confidence (0-100) in its reading of a greyscale image."""
    _read(image, dpi)
    return _engine.MeanTextConf()


def _edge(rule: Rule, scale: float) -> dict:
    """The rule (pixels) as a table finder's edge (points)."""
    if rule.horizontal:
        middle = (rule.y0 + rule.y1) / 2 * scale
        return edge("h", rule.x0 * scale, rule.x1 * scale, middle, middle)
    middle = (rule.x0 + rule.x1) / 2 * scale
    return edge("v", middle, middle, rule.y0 * scale, rule.y1 * scale)


def _words(image, dpi: int, columns: list[list[Box]] = (), around: bool = True) -> tuple[list[Word], list[Char]]:
    """Tesseract's words: (x, y) of the word's centre in points, its line number, its text (split where
    Tesseract missed a space: ``importer.ocrfix.unglue``); specks (``speck``) are left out. Each column of a
    ruled table (``columns``: its cells' boxes in points) is read by itself, its cells one under the other
    with paper between them, then the page around the tables: the cells of a row stand side by side, but a
    producer that centres a cell's lines from top to bottom puts them at other heights than its
    neighbours', and read across the page they made one line of the two ('phường' read 'hườn p 9'). A
    narrow column's cells (``NARROW``: the number's) are read also with the start of the cells right of
    them, and each keeps the likelier reading (``_trusted``): a lone 'I' or '1' needs the words after it
    to be told from a speck, a number centred beside lines at other heights does not. A cell the table
    finder merged over others (a rule the scan lost) is read without them, so no word is read twice; a
    word read within ``EDGE`` of the paper's edge is dust. The image stays greyscale: Tesseract's
    recogniser reads the grey levels and gets more marks right than on a black and white copy. Returned with
    the words' letters as the characters (``Char``) of a PDF reader's page text (``_letters``). Without
    ``around`` only the tables' columns are read (the page read already: ``_refilled``)."""
    import numpy as np

    grey = np.asarray(image, dtype=np.uint8)
    rest = grey.copy()  # the page around the tables
    pieces: dict[Box, Piece] = {}  # each cell's part of the page, the smaller cells' taken out of the larger
    for cell in sorted({cell for cells in columns for cell in cells}, key=lambda c: (c[2] - c[0]) * (c[3] - c[1])):
        x0, y0, x1, y1 = box = _pixels(cell, dpi, grey.shape)
        pieces[cell] = (box, rest[y0:y1, x0:x1].copy())
        rest[y0:y1, x0:x1] = 255
    read: list[Read] = []
    for cells in columns:
        alone = _read_pieces([pieces[cell] for cell in cells], dpi, _last_line(read))
        if cells[0][2] - cells[0][0] < NARROW:
            reach = round(CONTEXT * dpi)
            wider = [(x0, y0, min(grey.shape[1], x1 + reach), y1) for (x0, y0, x1, y1), _ in map(pieces.get, cells)]
            beside = [(box, grey[box[1] : box[3], box[0] : box[2]]) for box in wider]
            beside = _read_pieces(beside, dpi, _last_line(read + alone))
            alone = [word for cell in cells for word in _trusted(cell, alone, beside)]
        read += alone
    height, width = (side * 72 / dpi for side in grey.shape)
    whole = (0, 0, grey.shape[1], grey.shape[0])
    # paper without ink around the tables is not read (``INK``): Tesseract's threshold, taken over the paper alone,
    # falls inside its grain (a photo's page lit unevenly, its one table read already: 868 words of nonsense, and
    # more time spent on them than on the table); where there is ink the whole page is read, as its threshold is
    # taken over the whole page (read in the box of its ink only, a photo's page lost words of a table's head)
    page = _read_pieces([(whole, rest)], dpi, _last_line(read), gap=0) if around and (rest < INK).any() else []
    if around:
        page = _with_lost_lines(page, rest, dpi, _last_line(read + page))
    page = [word for word in page if EDGE < word[0][0] < width - EDGE and EDGE < word[0][1] < height - EDGE]
    return [word for word, _, _ in page + read], [char for _, _, chars in page + read for char in chars]


def _with_lost_lines(page: list[Read], rest, dpi: int, lines_before: int) -> list[Read]:
    """The page's words with the lines Tesseract's reading of the whole page passed over read again, each band
    by itself, and put in their place in the reading order: its line finder may drop a line of a dusty page
    whole (a part's bold heading 'II. MỤC TIÊU' between two paragraphs, which a band alone reads right; the plan
    lost its targets with it). A lost line is a band of rows as tall as a line's letters (``LOST_LINE``) each
    holding ink across ``LINE_INK`` or more, where no word read stands."""
    import numpy as np

    scale = dpi / 72
    covered = np.zeros(rest.shape[0], bool)
    for _, _, chars in page:
        for char in chars:
            covered[max(0, int(char.top * scale)) : int(char.bottom * scale) + 1] = True
    inked = (np.count_nonzero(rest < INK, axis=1) >= LINE_INK * dpi) & ~covered
    margin = round(LOST_LINE[0] * dpi)
    out = list(page)
    steps = np.diff(np.concatenate(([0], inked.view(np.int8), [0])))
    for top, bottom in zip(np.flatnonzero(steps == 1), np.flatnonzero(steps == -1), strict=True):
        if not LOST_LINE[0] * dpi <= bottom - top <= LOST_LINE[1] * dpi:
            continue
        y0, y1 = max(0, top - margin), min(rest.shape[0], bottom + margin)
        band = (0, y0, rest.shape[1], y1)
        piece = _undusted(rest[y0:y1], dpi)
        lost = [r for r in _read_pieces([(band, piece)], dpi, lines_before) if top <= r[0][1] * scale <= bottom]
        if lost:
            below = next((k for k, r in enumerate(out) if r[0][1] * scale > bottom), len(out))
            out[below:below] = lost
            lines_before = _last_line(lost)
    return out


def _undusted(band, dpi: int):
    """A lost line's band with the ink standing ``DUST_APART`` or farther from the rest across and holding less
    ink than a letter (``DUST_INK``) painted white: dust in the margin, which Tesseract read as a dash before a
    heading ('— H,.MỤC TIÊU': the heading was a dash's item, and its numeral lost its period)."""
    import numpy as np

    ink = band < INK
    columns = np.flatnonzero(ink.any(axis=0))
    band = band.copy()
    if not len(columns):
        return band
    parts = np.split(columns, np.flatnonzero(np.diff(columns) >= DUST_APART * dpi) + 1)
    for part in parts:
        if np.count_nonzero(ink[:, part[0] : part[-1] + 1]) < DUST_INK * dpi * dpi:
            band[:, part[0] : part[-1] + 1] = 255
    return band


DUST_APART = 2 / 25.4  # inches across between a speck and the letters of a line (a space between words: 1 mm)
DUST_INK = 1 / 25.4 / 25.4  # square inches: less ink than a letter of a plan's type holds (0.7 mm² and more)
LINE_INK = 3 / 25.4  # inches of ink across a row of a printed line at least (a speck's dots leave a few pixels)
LOST_LINE = (1.2 / 25.4, 8 / 25.4)  # inches: the height of a line's letters, from a small x-height to a heading's


Piece = tuple[tuple[int, int, int, int], object]  # a box of the page (pixels) and the greyscale array it holds
NARROW = NUMBER_WIDTH  # points: a column narrower than 15 mm (a task's number) is read with words beside it
CONTEXT = 12 / 25.4  # inches of the cells right of a narrow one read with it
EDGE = 3 / 25.4 * 72  # points: no printer prints this near the paper's edge; what is read there is dust
GAP = 1 / 10  # inches of paper between the cells of a column read by themselves, and around them: no line
# of one cell runs into the next one's, however close the rules stand (a section row's number over a task's)


def _last_line(read: list[Read]) -> int:
    return max((word[2] for word, _, _ in read), default=0)


def _trusted(cell: Box, *readings: list[Read]) -> list[Read]:
    """Of the readings' words in a narrow cell, those of the reading that gives a row's number in figures
    ('1.2', 'II') over one that gives another (``markers.ROW_NUMBER``: 'a)', 'H') over one that gives none
    (Tesseract may trust a misread one more: 'II' read 'H', '5' read 'ỗ'); among equals, of the one whose
    words Tesseract trusts more on average (the first of equals). Nothing read is as likely as words trusted
    as little as a speck (``SPECK_CONFIDENCE``: an empty cell's dust read 's', confidence 0). A sans-serif I
    read as a stroke ('|') is an I (``markers.strokes_as_roman``). A cell may hold the numbers of several rows
    (a borderless table's rows parted from a first reading that lost a number): each word is then a number, and
    of two such readings the one that gives more of them wins (Tesseract, reading the cell alone, passed over a
    '2' centred between a row's lines that it read beside them)."""
    x0, top, x1, bottom = cell
    inside = [[r for r in reading if x0 <= r[0][0] < x1 and top <= r[0][1] < bottom] for reading in readings]

    def likelihood(words: list[Read]) -> tuple[int, int, float]:
        confidence = sum(c for _, c, _ in words) / len(words) if words else SPECK_CONFIDENCE
        texts = [strokes_as_roman(word[3]) for word, _, _ in words]
        if confidence < SPECK_CONFIDENCE or not texts or not all(ROW_NUMBER.match(text) for text in texts):
            return 0, 0, confidence
        figures = all(text[0].isdigit() or is_roman(text.rstrip(".")) for text in texts)
        return 2 if figures else 1, len(texts), confidence

    return [
        ((x, y, line, strokes_as_roman(text)), c, chars) for (x, y, line, text), c, chars in max(inside, key=likelihood)
    ]


def _pixels(box: Box, dpi: int, shape: tuple[int, int]) -> tuple[int, int, int, int]:
    """A box in points as pixel bounds inside an image of ``shape`` (rows, columns)."""
    scale = dpi / 72
    x0, top, x1, bottom = box
    height, width = shape
    return (
        max(0, int(x0 * scale)),
        max(0, int(top * scale)),
        min(width, int(x1 * scale) + 1),
        min(height, int(bottom * scale) + 1),
    )


def _read_pieces(pieces: list[Piece], dpi: int, lines_before: int, gap: int | None = None) -> list[Read]:
    """Tesseract's words in pieces of a greyscale page read as one image, the pieces one under the other,
    ``gap`` pixels of paper between and around them (``GAP``), with their confidence; each word placed
    where it stands on the page, in Tesseract's reading order, its lines numbered on from ``lines_before``
    (no line of another reading has a higher number), and its letters as a PDF's characters (``_letters``)."""
    import numpy as np
    from tesserocr import RIL, iterate_level

    gap = round(dpi * GAP) if gap is None else gap
    pieces = sorted(pieces, key=lambda piece: piece[0][1])
    left, right = min(box[0] for box, _ in pieces), max(box[2] for box, _ in pieces)
    height = sum(y1 - y0 + gap for (_, y0, _, y1), _ in pieces) + gap
    image = np.full((height, right - left + 2 * gap), 255, np.uint8)
    bands = []  # where each piece stands on the image: its first row there, and its top on the page
    at = gap
    for (x0, y0, x1, y1), part in pieces:
        image[at : at + y1 - y0, x0 - left + gap : x1 - left + gap] = part
        bands.append((at, y0))
        at += y1 - y0 + gap
    firsts = [first for first, _ in bands]

    _read(image, dpi)
    scale = 72 / dpi
    words: list[Read] = []
    spans = []  # each word's left and right (points) and its line's height
    boxes: list[Box] = []  # each word's box (points)
    line = lines_before
    for word in iterate_level(_engine.GetIterator(), RIL.WORD):
        if word.Empty(RIL.WORD):  # a blank page: the iterator stands on nothing
            continue
        if word.IsAtBeginningOf(RIL.TEXTLINE):
            line += 1
        text = word.GetUTF8Text(RIL.WORD)
        box = word.BoundingBox(RIL.WORD)
        if text and text.strip() and box:
            x0, y0, x1, y1 = box
            confidence = word.Confidence(RIL.WORD)
            if speck(text, confidence, (y1 - y0) * scale):
                continue
            y = (y0 + y1) / 2
            first, top = bands[max(0, bisect.bisect_right(firsts, y) - 1)]
            across, down = left - gap, top - first  # from the read image to the page
            x, y = (x0 + x1) / 2 + across, y + down
            baseline = word.Baseline(RIL.WORD)
            base = (baseline[0][1] + baseline[1][1]) / 2 if baseline else y1
            text = unglue(native_letters(percent_sign(speck_before(off_baseline(text)))))
            box = ((x0 + across) * scale, (y0 + down) * scale, (x1 + across) * scale, (y1 + down) * scale)
            size = word.RowAttributes()["row_height"] * scale  # its line's height (see _letters)
            chars = _letters(text, box, (base + down) * scale, size)
            words.append(((x * scale, y * scale, line, text), confidence, chars))
            spans.append((box[0], box[2], size))
            boxes.append(box)
    kept = [not _apart(read, span, words, spans) for read, span in zip(words, spans, strict=True)]
    twice = _read_twice(words, boxes)
    return [read for read, keep, again in zip(words, kept, twice, strict=True) if keep and not again]


TWICE = 0.5  # of a word's box: lying this much inside a word of another line, it is that word's ink read again


def _read_twice(words: list[Read], boxes: list[Box]) -> list[bool]:
    """Of each word, whether it is the ink of words of another line read again: ``TWICE`` of its box or more lies
    inside the boxes of words of other lines that Tesseract trusts more. Cells of a head centred from top to bottom
    stand between the lines of the cells beside them; read across the page, one line took a name's words and the
    next read the same ink once more as a word of no language ('mmšc0ngvi' under 'Nội dung công việc', '`6tq'
    under 'Kết quả'), and the head was no longer known by its names."""
    import numpy as np

    if len(words) < 2:
        return [False] * len(words)
    x0, top, x1, bottom = np.array(boxes, dtype=float).T
    lines = np.array([word[2] for word, _, _ in words])
    trust = np.array([confidence for _, confidence, _ in words])
    across = np.clip(np.minimum(x1[:, None], x1[None, :]) - np.maximum(x0[:, None], x0[None, :]), 0, None)
    down = np.clip(np.minimum(bottom[:, None], bottom[None, :]) - np.maximum(top[:, None], top[None, :]), 0, None)
    others = (lines[:, None] != lines[None, :]) & (trust[None, :] > trust[:, None])
    area = np.maximum((x1 - x0) * (bottom - top), 1e-6)
    return list((across * down * others).sum(axis=1) >= TWICE * area)


APART = 4  # line heights: a doubted word of two letters farther than this from its line's others is a speck


def _apart(read: Read, span: tuple[float, float, float], words: list[Read], spans: list) -> bool:
    """Whether a word of two letters that Tesseract has next to no confidence in (``SPECK_CONFIDENCE``) stands
    apart on its line, farther than ``APART`` of the line's height from any other word of it: a cluster of dust
    before a centred title, read 'SN' (as tall as a capital, it is no ``speck``; a title's own 'KẾ', doubted as
    much, stands a space from 'HOẠCH')."""
    (_, _, line, text), confidence, _ = read
    if len(text) != 2 or not text.isalpha() or confidence >= SPECK_CONFIDENCE:
        return False
    x0, x1, size = span
    others = [s for w, s in zip(words, spans, strict=True) if w[0][2] == line and w is not read]
    return all(o0 - x1 > APART * size or x0 - o1 > APART * size for o0, o1, _ in others)


def _letters(text: str, box: Box, base: float, size: float) -> list[Char]:
    """A word's letters as the characters of a PDF's text layer (``Char``): each an equal share of the word's
    box across, on the word's baseline, with its middle the box's, of ``size``: the height of the word's line
    (Tesseract's ``row_height``), not of a capital as a PDF letter's box, since the gaps between words' inked
    boxes are wider than between a PDF's letter boxes (which reach to where the letter advances), and the
    column gaps of a head are told from the spaces between its words by their width in sizes. A word with neither
    letter nor figure has none: dust or a stray mark ('_—', '`'), which would cross the gaps of a table's columns
    (a table printed without rules is found by them: ``unruled``), not a cell's text; nor has a speck glued to a
    word's end (``_GLUED``: '`2', a row's number read with a speck left of it, would start left of the column)."""
    if not any(letter.isalnum() for letter in text):
        return []
    x0, top, x1, bottom = box
    share = (x1 - x0) / max(1, len(text))
    first, last = len(text) - len(text.lstrip(_GLUED)), len(text.rstrip(_GLUED))
    return [
        Char(letter, x0 + k * share, x0 + (k + 1) * share, base, size, (top + bottom) / 2, top, bottom)
        for k, letter in enumerate(text)
        if not letter.isspace() and first <= k < last
    ]


def speck(text: str, confidence: float, height: float) -> bool:
    """Whether a word Tesseract read (its text, its confidence 0-100, its box's height in points) is a speck:
    a mark of one or two characters it has next to no confidence in (under ``SPECK_CONFIDENCE``), read as
    'ø', '.' or ':'. A number or a part's marker ('I.', '5', 'a)') never is, nor a word of two letters as
    tall as a capital (``LETTER_HEIGHT``: 'KẾ' of a bold title, read right with confidence 11, was dropped
    and the plan lost its title)."""
    text = text.strip()
    if len(text) > 2 or _MARKER.match(text) or confidence >= SPECK_CONFIDENCE:
        return False
    return not (len(text) == 2 and text.isalpha() and height >= LETTER_HEIGHT)


_DUST = frozenset(".,`'\"ˆ°„_|~")  # marks Tesseract reads specks as
_DASHES = frozenset("-–—")
_AT_END = _DUST | _DASHES | frozenset(":;*")  # at a line's end these too ('Phòng Kinh tế -', 'năm 2026; .')
_GLUED = "`ˆ°„~|"  # never printed at a word's either end: a speck read as part of the word ('`5', 'xã`')


def despeckle(words: list[str]) -> list[str]:
    """One line's words without the specks Tesseract read as lone marks ('hành chính . công', 'HĐNDvà -`
    UBND', 'Năm 2026 .'): a word of marks alone with one of ``_DUST`` among them, and at the line's end any
    word of marks; and the marks never printed at a word's ends (``_GLUED``: '`5', the number of a section
    row). A mark a word ends with is printed ('2026.', 'hội;'): a period or a comma is never set apart from
    its word; a dash alone between words ('Văn hóa - Xã hội') stays."""
    words = [word for word in words if not (set(word) <= _DUST | _DASHES and set(word) & _DUST)]
    words = [word.strip(_GLUED) for word in words if word.strip(_GLUED)]
    while words and set(words[-1]) <= _AT_END:
        words.pop()
    return words


def _read(image, dpi: int) -> None:
    """Tesseract reads the greyscale image (Pillow or an array); its results wait in the engine."""
    import numpy as np

    if _engine is None:  # called outside a worker (tests, one image)
        _start_worker(_tessdata())
    grey = np.ascontiguousarray(image, dtype=np.uint8)
    height, width = grey.shape
    _engine.SetImageBytes(grey.tobytes(), width, height, 1, width)
    _engine.SetSourceResolution(dpi)
    _engine.Recognize()


def render_page(path: str, page: int, dpi: int):
    """One PDF page as a greyscale Pillow image at ``dpi``."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(path)
    try:
        bitmap = pdf[page].render(scale=dpi / 72, grayscale=True)
        return bitmap.to_pil()
    finally:
        pdf.close()


def scanned_at(path: str, page: int) -> int | None:
    """The resolution of the scan a PDF page holds (an image covering most of the page), None for any other
    page. Rendered finer, a dithered scan's dots are only made bigger and are no longer told from ink; it
    is smoothed and enlarged as an image file of that resolution would be (``page_cv.sheets``)."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    pdf = pdfium.PdfDocument(path)
    try:
        sheet = pdf[page]
        width, height = sheet.get_size()
        for image in sheet.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=2):
            left, bottom, right, top = image.get_bounds()
            if (right - left) * (top - bottom) >= 0.8 * width * height:
                return max(72, round(image.get_px_size()[0] / ((right - left) / 72)))
        return None
    finally:
        pdf.close()


def load_frame(path: str, frame: int, dpi: int):
    """One frame of an image file, greyscale, and its resolution (``dpi`` when the file does not say)."""
    from PIL import Image

    with Image.open(path) as image:
        image.seek(frame)
        stated = image.info.get("dpi")
        resolution = round(stated[0]) if stated and stated[0] >= 72 else dpi
        return image.convert("L"), resolution
