"""Scans, faxes and phone photos made by code from a text PDF, as offices make them.

The sources are the text PDFs of other producers (``tests/fixtures/other-pdf``), whose gold was written by
reading them, never the seeds' gold. Each maker renders the pages, damages them in more than one way and
writes the file an office would send: an image-only PDF, a multi-page TIFF fax, a PDF of phone photos.
Every random choice comes from a ``numpy`` generator seeded by the maker's name, so a file is the same
on every run.

- ``office_scan``: 200 dpi (or ``dpi``), a little out of focus, the ink printed faint so its greys and thin
  rules come out dotted when dithered to 1-bit, speckle of the glass;
- ``fax``: 200 dpi 1-bit, each sheet 2-3° askew the other way, lines lost, a streak down the sheet, a
  multi-page TIFF (CCITT group 4);
- ``photo``: each page photographed from above at an angle (perspective), lit from one side, on a
  darker desk, colour JPEG of ordinary quality;
- ``two_up``: two portrait pages scanned side by side on one landscape A4 sheet (each shrunk to A5);
  landscape pages stay one to a sheet;
- ``askew_grey``: 300 dpi greyscale JPEG pages fed 4.5° askew.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable
from pathlib import Path

import numpy as np


def render(pdf: Path, dpi: int) -> list[np.ndarray]:
    """The PDF's pages as greyscale arrays at ``dpi``."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(pdf))
    try:
        return [np.asarray(page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")) for page in document]
    finally:
        document.close()


def _rng(name: str) -> np.random.Generator:
    return np.random.default_rng(zlib.crc32(name.encode()))


def _rotate(page: np.ndarray, degrees: float, fill: int = 255) -> np.ndarray:
    import cv2

    height, width = page.shape[:2]
    turn = cv2.getRotationMatrix2D((width / 2, height / 2), degrees, 1.0)
    return cv2.warpAffine(page, turn, (width, height), flags=cv2.INTER_LINEAR, borderValue=fill)


def _speckle(page: np.ndarray, rng: np.random.Generator, share: float) -> np.ndarray:
    """Dust on the glass: black dots of one to three pixels over ``share`` of the page."""
    import cv2

    dots = (rng.random(page.shape) < share).astype(np.uint8)
    dots = cv2.dilate(dots, np.ones((2, 2), np.uint8)) if share < 0.001 else dots
    page = page.copy()
    page[dots > 0] = 0
    return page


def _save_pdf(pages: list, target: Path, dpi: int) -> Path:
    from PIL import Image

    images = [page if isinstance(page, Image.Image) else Image.fromarray(page) for page in pages]
    images[0].save(target, "PDF", resolution=dpi, save_all=True, append_images=images[1:])
    return target


def office_scan(pdf: Path, target: Path, dpi: int = 200) -> Path:
    """Blur, faint ink dithered to 1-bit (greys and thin rules dotted), speckle; an image-only PDF."""
    import cv2
    from PIL import Image

    rng = _rng(f"office{dpi}")
    pages = []
    for page in render(pdf, dpi):
        page = cv2.GaussianBlur(page, (0, 0), 0.6 * dpi / 200)
        page = (255 - (255 - page.astype(np.float32)) * 0.62).astype(np.uint8)  # ink at about 40 % grey
        page = _speckle(page, rng, 0.0006)
        pages.append(Image.fromarray(page).convert("1"))  # Floyd-Steinberg dithering, as scanners do
    return _save_pdf(pages, target, dpi)


def fax(pdf: Path, target: Path, dpi: int = 200) -> Path:
    """200 dpi 1-bit, each sheet 2-3° askew (alternating), a few lines lost, a black streak from top to bottom
    (dust on the scanner's head); a multi-page TIFF."""
    from PIL import Image

    rng = _rng("fax")
    frames = []
    for number, page in enumerate(render(pdf, dpi)):
        angle = (2.0 + rng.random()) * (1 if number % 2 == 0 else -1)
        page = _rotate(page, angle)
        page = _speckle(page, rng, 0.0003)
        for _ in range(3):  # a line the fax lost: white right across the sheet
            row = int(rng.integers(0, page.shape[0]))
            page[row, :] = 255
        column = int(rng.integers(page.shape[1] // 5, 4 * page.shape[1] // 5))  # dust on the scanner's head
        page[:, column : column + 2] = 0
        frames.append(Image.fromarray(np.where(page < 150, 0, 255).astype(np.uint8)).convert("1"))
    frames[0].save(target, "TIFF", compression="group4", dpi=(dpi, dpi), save_all=True, append_images=frames[1:])
    return target


def photo(pdf: Path, target: Path, dpi: int = 300) -> Path:
    """Each page photographed: on a darker desk, at an angle, lit from one side, colour JPEG; in a PDF."""
    import cv2
    from PIL import Image

    rng = _rng("photo")
    pages = []
    for page in render(pdf, dpi):
        height, width = page.shape
        margin = int(0.08 * max(height, width))
        sheet = np.full((height + 2 * margin, width + 2 * margin), 70, np.uint8)  # the desk
        sheet[margin : margin + height, margin : margin + width] = page
        corners = np.float32(
            [[margin, margin], [margin + width, margin], [margin + width, margin + height], [margin, margin + height]]
        )
        moved = corners + rng.uniform(-0.045, 0.045, (4, 2)).astype(np.float32) * np.float32([width, height])
        warp = cv2.getPerspectiveTransform(corners, moved)
        shot = cv2.warpPerspective(sheet, warp, sheet.shape[::-1], flags=cv2.INTER_LINEAR, borderValue=70)
        light = np.linspace(1.0, 0.55, shot.shape[1], dtype=np.float32)[None, :]  # lamp on the left
        light = light * np.linspace(1.0, 0.85, shot.shape[0], dtype=np.float32)[:, None]
        shot = cv2.GaussianBlur(shot.astype(np.float32) * light, (0, 0), 0.8)
        colour = np.stack([shot * 0.93, shot * 0.97, shot], axis=-1)  # warm light: paper a little yellow
        noise = rng.normal(0, 4, colour.shape)
        colour = np.clip(colour + noise, 0, 255).astype(np.uint8)
        image = Image.fromarray(colour, "RGB")
        image = image.resize((image.width * 2 // 3, image.height * 2 // 3), Image.Resampling.BILINEAR)  # ~200 dpi
        pages.append(image)
    # Pillow writes an RGB page of a PDF as a JPEG (quality 75 by default); the resolution is a phone's guess
    return _save_pdf(pages, target, dpi * 2 // 3)


def two_up(pdf: Path, target: Path, dpi: int = 300) -> Path:
    """Portrait pages two to a landscape A4 sheet (each shrunk to A5), as a copier's 2-in-1 makes them;
    landscape pages one to a sheet. Greyscale, an image-only PDF."""
    import cv2

    pages = render(pdf, dpi)
    sheets: list[np.ndarray] = []
    pending: list[np.ndarray] = []

    def put_pending() -> None:
        height, width = pending[0].shape
        sheet = np.full((width, height), 255, np.uint8)  # landscape: A4 turned
        half = height // 2
        for index, page in enumerate(pending):
            small = cv2.resize(page, (half, width), interpolation=cv2.INTER_AREA)
            sheet[:, index * half : index * half + half] = small
        sheets.append(sheet)
        pending.clear()

    for page in pages:
        if page.shape[0] > page.shape[1]:
            pending.append(page)
            if len(pending) == 2:
                put_pending()
        else:
            if pending:
                put_pending()
            sheets.append(page)
    if pending:
        put_pending()
    return _save_pdf([np.where(sheet < 140, 0, 255).astype(np.uint8) for sheet in sheets], target, dpi)


def askew_grey(pdf: Path, target: Path, dpi: int = 300) -> Path:
    """Greyscale pages fed 4.5° askew (alternating), JPEG of ordinary quality in a PDF."""
    from PIL import Image

    pages = [Image.fromarray(_rotate(page, 4.5 if n % 2 == 0 else -4.5)) for n, page in enumerate(render(pdf, dpi))]
    jpegs = []
    for page in pages:  # Pillow stores a greyscale page losslessly: go through JPEG so the page carries its artefacts
        from io import BytesIO

        buffer = BytesIO()
        page.save(buffer, "JPEG", quality=70)
        jpegs.append(Image.open(BytesIO(buffer.getvalue())))
    return _save_pdf(jpegs, target, dpi)


MAKERS: dict[str, tuple[Callable[[Path, Path], Path], str]] = {
    "office-200": (office_scan, ".pdf"),
    "office-150": (lambda pdf, target: office_scan(pdf, target, 150), ".pdf"),
    "fax-200": (fax, ".tif"),
    "photo": (photo, ".pdf"),
    "two-up": (two_up, ".pdf"),
    "askew-4.5": (askew_grey, ".pdf"),
}


def make(kind: str, pdf: Path, folder: Path) -> Path:
    """The ``kind`` (a key of ``MAKERS``) of the PDF, written into ``folder``."""
    maker, suffix = MAKERS[kind]
    return maker(pdf, folder / f"{pdf.stem}.{kind}{suffix}")
