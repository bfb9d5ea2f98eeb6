"""An office scan's percent sign has its upper ring read as a 9 as well ('98%' read '989%', so Nghệ An's health
department and Tuyên Quang's plans aimed at 989 per cent of files settled on time). A figure before a '%' that is
over 100 with a last 9 and 100 at most without it is read back without the 9; any other figure stays."""

from __future__ import annotations

from importer.ocrfix import percent_sign
from importer.targets import find_figures


def test_it_reads_a_ring_read_as_a_nine_back_as_the_sign():
    assert [percent_sign(w) for w in ("989%.", "1009%", "(959%)", "989%;")] == ["98%.", "100%", "(95%)", "98%;"]


def test_it_keeps_every_other_figure():
    words = ("99%", "9%", "150%", "200%", "1999%", "98,59%", "2029", "989")
    assert [percent_sign(w) for w in words] == list(words)


def test_the_target_read_back_is_the_printed_one():
    line = " ".join(percent_sign(w) for w in "Tỷ lệ hồ sơ giải quyết đúng hạn đạt trên 989%.".split())
    assert [(f.value, f.unit) for f in find_figures(line)] == [(98.0, "%")]
