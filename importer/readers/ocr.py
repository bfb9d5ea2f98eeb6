"""Scanned pages and images: render, then Tesseract with its Vietnamese model (``vie``).

Pages are recognised in parallel, one Tesseract per core (a process pool), each told to use a
single thread (``OMP_THREAD_LIMIT=1``): Tesseract's own OpenMP threads fight each other when
several run at once and make a page several times slower. The text comes back as lines; tables
come back flattened into lines too, and the table stage rebuilds them.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path
from typing import TYPE_CHECKING

from importer.errors import ImporterError, UnreadableDocument
from importer.model import Block, Document, Location, Problem

if TYPE_CHECKING:
    from importer.pipeline import Limits

LANG = "vie"
# psm 4 reads one column of text of varying sizes; it keeps table rows on one line better than the
# default page segmentation (3), which splits a ruled table into column blocks. Measured on the
# scanned fixtures (see bench/bench_import.py).
CONFIG = "--psm 4 -c preserve_interword_spaces=1"

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
    texts = recognise(path, "image", list(range(frames)), limits, progress)
    items = tuple(_blocks(texts))
    return Document(items=items, source=path.name, pages=frames, problems=(ocr_problem(frames, frames),))


def ocr_problem(count: int, total: int) -> Problem:
    pages = "mọi trang" if count == total else f"{count}/{total} trang"
    return Problem(
        "ocr",
        f"Văn bản được nhận dạng chữ (OCR) từ ảnh quét ({pages}); chữ và bảng có thể sai, "
        "hãy đối chiếu với bản gốc khi duyệt.",
    )


def _blocks(texts: dict[int, str]):
    for index in sorted(texts):
        for line in texts[index].splitlines():
            if line.strip():
                yield Block(line, Location(page=index + 1))


def recognise(
    path: Path, kind: str, pages: Sequence[int], limits: Limits, progress: Progress | None = None
) -> dict[int, str]:
    """OCR the given pages (0-based) of a PDF (``kind="pdf"``) or image file; returns page -> text."""
    if not pages:
        return {}
    _check_tesseract()
    workers = max(1, min(limits.workers or os.cpu_count() or 1, len(pages)))
    texts: dict[int, str] = {}
    try:
        with ProcessPoolExecutor(max_workers=workers, initializer=_one_thread) as pool:
            futures = [pool.submit(_ocr_page, str(path), kind, page, limits.ocr_dpi) for page in pages]
            for done, future in enumerate(as_completed(futures), start=1):
                page, text = future.result()
                texts[page] = text
                if progress:
                    progress(done, len(pages))
    except ImporterError:
        raise
    except Exception as exc:
        raise UnreadableDocument(
            f"Không nhận dạng được chữ trong “{path.name}” ({type(exc).__name__}: {str(exc)[:120]}). "
            "Hãy kiểm tra tệp quét hoặc quét lại rõ hơn rồi thử lại."
        ) from exc
    return texts


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


def _ocr_page(path: str, kind: str, page: int, dpi: int) -> tuple[int, str]:
    """Runs in a worker process: render one page and OCR it."""
    import pytesseract

    image = render_page(path, page, dpi) if kind == "pdf" else load_frame(path, page)
    return page, pytesseract.image_to_string(image, lang=LANG, config=CONFIG)


def render_page(path: str, page: int, dpi: int):
    """One PDF page as a greyscale Pillow image at ``dpi``."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(path)
    try:
        bitmap = pdf[page].render(scale=dpi / 72, grayscale=True)
        return bitmap.to_pil()
    finally:
        pdf.close()


def load_frame(path: str, frame: int):
    from PIL import Image

    with Image.open(path) as image:
        image.seek(frame)
        return image.convert("L")
