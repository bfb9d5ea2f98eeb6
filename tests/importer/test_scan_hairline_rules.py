"""A table ruled with hairlines (a LibreOffice table's thinnest border, printed from an .odt): scanned at 300 dpi a
rule is one pixel of pale grey, and on the half-size copy the rules are looked for on (``page_cv.rules_and_clean``)
it is paler still. It was taken for paper (lighter than ``PAPER``), the table lost every rule and its columns were
read as one; the rules are looked for down to ``FAINT`` now, the speckle still on the darker ink."""

from __future__ import annotations

import pytest
from PIL import Image, ImageDraw

from importer.readers import page_cv


@pytest.mark.parametrize("grey", [150, 160])
def test_it_finds_the_rules_of_a_table_ruled_with_hairlines(grey):
    image = Image.new("L", (2480, 3508), 255)
    draw = ImageDraw.Draw(image)
    for y in (400, 600, 800):
        draw.line((200, y, 2200, y), fill=grey, width=1)
    for x in (200, 600, 2200):
        draw.line((x, 400, x, 800), fill=grey, width=1)

    rules = page_cv.rules_and_clean(image, 300)[0]

    assert sorted(round((r.y0 + r.y1) / 2) for r in rules if r.horizontal) == pytest.approx([400, 600, 800], abs=2)
    assert sorted(round((r.x0 + r.x1) / 2) for r in rules if not r.horizontal) == pytest.approx([200, 600, 2200], abs=2)
