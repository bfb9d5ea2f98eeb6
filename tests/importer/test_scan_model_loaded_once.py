"""The OCR workers of a scan start ready: where they are forked, Tesseract's Vietnamese model is loaded once,
before them, and each finds it loaded (two workers a document had loaded it each, 0.2 s of CPU, a twentieth of a
four-page scan's)."""

from __future__ import annotations

import multiprocessing
import os

import pytest
from PIL import Image, ImageDraw, ImageFont

from importer.pipeline import Limits
from importer.readers import ocr

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"

pytestmark = [
    pytest.mark.ocr,
    pytest.mark.skipif(multiprocessing.get_start_method() != "fork", reason="workers are forked only here"),
]


def _two_page_tiff(path):
    pages = []
    for text in ("Xây dựng kế hoạch", "Văn phòng"):
        page = Image.new("L", (1200, 500), 255)
        ImageDraw.Draw(page).text((100, 200), text, font=ImageFont.truetype(FONT, 46), fill=0)
        pages.append(page)
    pages[0].save(path, save_all=True, append_images=pages[1:], dpi=(250, 250))
    return path


def _recorded(path) -> list[str]:
    return path.read_text().split() if path.exists() else []


def test_it_loads_the_model_once_for_all_the_workers(tmp_path, monkeypatch):
    import tesserocr

    loads = tmp_path / "loads"
    real = tesserocr.PyTessBaseAPI

    def loading(*args, **kwargs):
        with loads.open("a") as record:
            record.write(f"{os.getpid()}\n")
        return real(*args, **kwargs)

    monkeypatch.setattr(tesserocr, "PyTessBaseAPI", loading)
    monkeypatch.setattr(ocr, "_engine", None)

    found = ocr.recognise(_two_page_tiff(tmp_path / "fax.tif"), "image", [0, 1], Limits(workers=2))

    assert len(_recorded(loads)) == 1
    assert [bool(items) for items in found.values()] == [True, True]  # both pages read with it
