"""A text PDF's page made in code for the PDF reader's tests: characters printed at given places, and the table
read from them between given rules across; or a real PDF's line printed run by run in given fonts."""

from __future__ import annotations

import ctypes
import io
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from importer.model import Table
from importer.readers.pdf import (
    Char,
    PageText,
    close_cut_tables,
    edge,
    find_tables,
    open_table_columns,
    place_tables,
)

SIZE = 10.0
WIDTH, HEIGHT = 400, 300


def printed(x: float, base: float, text: str) -> list[Char]:
    """``text`` printed from ``x`` on baseline ``base``: 6 points a letter, a space a third of the font's height;
    a letter's box 10 points high, 8 above the baseline (lines 10 points apart leave no gap between them)."""
    chars = []
    for letter in text:
        if letter != " ":
            chars.append(Char(letter, x, x + 5.5, base, SIZE, base - 3, base - 0.8 * SIZE, base + 0.2 * SIZE))
        x += 6 if letter != " " else 3
    return chars


def page(words: list[tuple[float, float, str]]) -> PageText:
    """A page's text from ``(x, base, text)`` triples."""
    return PageText([char for x, base, text in words for char in printed(x, base, text)])


def table_rows(words: list[tuple[float, float, str]], rules: tuple[float, ...]) -> tuple[tuple[str, ...], ...]:
    """The rows of the table read from ``words`` between rules across the page at the heights ``rules``."""
    text = page(words)
    edges = [edge("h", 0, WIDTH, y, y) for y in rules]
    return rows_read(edges, text)


def rows_read(edges: list[dict], text: PageText) -> tuple[tuple[str, ...], ...]:
    """The rows of the first table read from ``edges`` and ``text``, as ``read_ruled_page`` reads them."""

    def text_in(x0: float, top: float, x1: float, bottom: float) -> str:
        return "\n".join(text.lines(x0, top, x1, bottom))

    edges = edges + open_table_columns(edges, text)
    placed = place_tables(find_tables(close_cut_tables(edges), WIDTH, HEIGHT), WIDTH, HEIGHT, text_in, 1)
    return next(item for _, item in placed if isinstance(item, Table)).rows


def pdf_line(runs: list[tuple[str, str, float]], size: float = 13.0, scale: float = 1.0) -> bytes:
    """A one-page PDF with one line printed as ``(font file, text, gap)`` runs, each a text object of its own
    and no space character between them, as a producer that switches fonts mid-line writes it: a run starts
    ``gap`` points (of the font's size) after where the previous run advances to, by its font's widths; the
    whole page drawn at ``scale`` (Chromium draws at 0.75)."""
    pdf = pdfium.PdfDocument.new()
    page = pdf.new_page(WIDTH, HEIGHT)
    held, fonts, width, x = [], {}, ctypes.c_float(), 20.0
    for path, text, gap in runs:
        if path not in fonts:
            data = ctypes.create_string_buffer(Path(path).read_bytes())
            held.append(data)
            fonts[path] = pdfium_c.FPDFText_LoadFont(
                pdf.raw,
                ctypes.cast(data, ctypes.POINTER(ctypes.c_uint8)),
                len(data) - 1,
                pdfium_c.FPDF_FONT_TRUETYPE,
                1,
            )
        obj = pdfium_c.FPDFPageObj_CreateTextObj(pdf.raw, fonts[path], size)
        utf16 = ctypes.create_string_buffer((text + "\0").encode("utf-16-le"))
        held.append(utf16)
        pdfium_c.FPDFText_SetText(obj, ctypes.cast(utf16, pdfium_c.FPDF_WIDESTRING))
        x += gap
        pdfium_c.FPDFPageObj_Transform(obj, scale, 0, 0, scale, x * scale, HEIGHT / 2)
        pdfium_c.FPDFPage_InsertObject(page.raw, obj)
        for letter in text:
            pdfium_c.FPDFFont_GetGlyphWidth(fonts[path], ord(letter), size, ctypes.byref(width))
            x += width.value
    pdfium_c.FPDFPage_GenerateContent(page.raw)
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()
