"""Scanned pages and images: render, find the ruled tables, then Tesseract with its Vietnamese model (``vie``).

Each page is read by one Tesseract run (``image_to_data``: every word with its box). The page's
ruling lines are found on the image (``importer.readers.raster_tables``) and erased before OCR; the
same table finder as for a PDF's drawn rules (``importer.readers.pdf.place_tables``) turns them into
cells, each word goes to the cell holding its centre, and the words outside tables stay text
blocks in reading order. So a scanned task table comes out as a ``Table`` like a printed one, and a
table running over a page break gives one ``Table`` per page for the tasks stage to join.

Pages are recognised in parallel, one Tesseract per core (a process pool), each told to use a
single thread (``OMP_THREAD_LIMIT=1``): Tesseract's own OpenMP threads fight each other when
several run at once and make a page several times slower. A worker renders its own page and hands
Tesseract an uncompressed image.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path
from typing import TYPE_CHECKING

from importer.errors import ImporterError, UnreadableDocument
from importer.model import Block, Document, Problem, Table
from importer.readers.pdf import edge, in_page_order, place_tables
from importer.readers.raster_tables import Rule, binarize, erase_rules, find_rules

if TYPE_CHECKING:
    from importer.pipeline import Limits

LANG = "vie"
# psm 4 reads the page as one column of text of varying sizes, lines top to bottom: a plan's reading
# order (table cells take their words by position, whatever the order). oem 1: the LSTM recogniser
# alone. Measured on the scanned fixtures (see bench/bench_import.py).
CONFIG = "--oem 1 --psm 4"

Progress = Callable[[int, int], None]


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


def recognise(
    path: Path, kind: str, pages: Sequence[int], limits: Limits, progress: Progress | None = None
) -> dict[int, Placed]:
    """OCR the given pages (0-based) of a PDF (``kind="pdf"``) or image file; returns page -> its
    items top to bottom, as ``place_tables`` gives them."""
    if not pages:
        return {}
    _check_tesseract()
    workers = max(1, min(limits.workers or os.cpu_count() or 1, len(pages)))
    found: dict[int, Placed] = {}
    try:
        with ProcessPoolExecutor(max_workers=workers, initializer=_one_thread) as pool:
            futures = [pool.submit(_ocr_page, str(path), kind, page, limits.ocr_dpi) for page in pages]
            for done, future in enumerate(as_completed(futures), start=1):
                page, items = future.result()
                found[page] = items
                if progress:
                    progress(done, len(pages))
    except ImporterError:
        raise
    except Exception as exc:
        raise UnreadableDocument(
            f"Không nhận dạng được chữ trong “{path.name}” ({type(exc).__name__}: {str(exc)[:120]}). "
            "Hãy kiểm tra tệp quét hoặc quét lại rõ hơn rồi thử lại."
        ) from exc
    return found


def _check_tesseract() -> None:
    import pytesseract

    try:
        langs = pytesseract.get_languages()
    except (pytesseract.TesseractNotFoundError, OSError) as exc:
        raise UnreadableDocument(
            "Máy chưa cài Tesseract OCR nên không đọc được bản quét. "
            "Hãy cài gói tesseract-ocr và tesseract-ocr-vie (hoặc dùng tệp .docx/.pdf có chữ)."
        ) from exc
    if LANG not in langs:
        raise UnreadableDocument(
            "Tesseract OCR chưa có bộ tiếng Việt (vie) nên không đọc được bản quét. Hãy cài gói tesseract-ocr-vie."
        )


def _one_thread() -> None:
    os.environ["OMP_THREAD_LIMIT"] = "1"


def _ocr_page(path: str, kind: str, page: int, dpi: int) -> tuple[int, Placed]:
    """Runs in a worker process: render one page and read it."""
    if kind == "pdf":
        image = render_page(path, page, dpi)
    else:
        image, dpi = load_frame(path, page, dpi)
    return page, read_page_image(image, dpi, page + 1)


def read_page_image(image, dpi: int, number: int) -> Placed:
    """A greyscale page image's items top to bottom: its ruled tables and the text around them."""
    rules = find_rules(binarize(image), dpi)
    words = _words(erase_rules(image, rules), dpi)

    def text_in(x0: float, top: float, x1: float, bottom: float) -> str:
        lines: dict[tuple[int, int, int], list[str]] = {}
        for x, y, line, text in words:
            if x0 <= x < x1 and top <= y < bottom:
                lines.setdefault(line, []).append(text)
        return "\n".join(" ".join(line) for line in lines.values())

    scale = 72 / dpi
    edges = [_edge(rule, scale) for rule in rules]
    return place_tables(edges, image.width * scale, image.height * scale, text_in, number)


def _edge(rule: Rule, scale: float) -> dict:
    """The rule (pixels) as a table finder's edge (points)."""
    if rule.horizontal:
        middle = (rule.y0 + rule.y1) / 2 * scale
        return edge("h", rule.x0 * scale, rule.x1 * scale, middle, middle)
    middle = (rule.x0 + rule.x1) / 2 * scale
    return edge("v", middle, middle, rule.y0 * scale, rule.y1 * scale)


def _words(image, dpi: int) -> list[tuple[float, float, tuple[int, int, int], str]]:
    """Tesseract's words in its reading order: (x, y) of the word's centre in points, its line, its text.
    The image stays greyscale: Tesseract's recogniser reads the grey levels and gets more marks right
    than on a black and white copy."""
    import pytesseract

    image.format = "PPM"  # handed over as an uncompressed bitmap: no PNG to encode and decode
    data = pytesseract.image_to_data(
        image, lang=LANG, config=f"{CONFIG} --dpi {dpi}", output_type=pytesseract.Output.DICT
    )
    scale = 72 / dpi
    words = []
    for i, text in enumerate(data["text"]):
        if text.strip():
            x = (data["left"][i] + data["width"][i] / 2) * scale
            y = (data["top"][i] + data["height"][i] / 2) * scale
            words.append((x, y, (data["block_num"][i], data["par_num"][i], data["line_num"][i]), text))
    return words


def render_page(path: str, page: int, dpi: int):
    """One PDF page as a greyscale Pillow image at ``dpi``."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(path)
    try:
        bitmap = pdf[page].render(scale=dpi / 72, grayscale=True)
        return bitmap.to_pil()
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
