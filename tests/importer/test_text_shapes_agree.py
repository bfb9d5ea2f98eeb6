"""The same plan reads alike whichever text shape its tables come in: flattened between '|' lines (as the
site published it), a Markdown pipe table, tab-separated lines, an HTML table."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from importer.model import Block, Table
from importer.pipeline import run
from importer.readers.text import read_text
from tests.scoring import score_doc

OTHER = Path(__file__).resolve().parents[1] / "fixtures" / "other"
NAME = "dongnai_kh179_kinhteso_2026_2030"


def _write(shape: str, folder: Path) -> Path:
    items = read_text(OTHER / f"{NAME}.txt").items
    lines: list[str] = ["<html><body>"] if shape == "html" else []
    for item in items:
        if isinstance(item, Block):
            lines.append(f"<p>{item.text.replace('**', '')}</p>" if shape == "html" else item.text)
            continue
        width = max(len(row) for row in item.rows)
        rows = [[cell.replace("\n", "<br>") for cell in row] + [""] * (width - len(row)) for row in item.rows]
        if shape == "html":
            lines.append("<table>" + "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows))
            lines.append("</table>")
        elif shape == "md":
            lines += ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * width]
            lines += ["| " + " | ".join(row) + " |" for row in rows[1:]] + [""]
        else:
            lines += ["\t".join(cell.replace("<br>", " ") for cell in row) for row in rows]
    path = folder / (NAME + {"html": ".html", "md": ".md"}.get(shape, ".txt"))
    path.write_text("\n".join(lines + (["</body></html>"] if shape == "html" else [])), encoding="utf-8")
    return path


@pytest.mark.parametrize("shape", ["md", "tsv", "html"])
def test_it_reads_the_same_tasks_and_targets_from_every_shape(shape, tmp_path):
    gold = json.loads((OTHER / "gold" / f"{NAME}.json").read_text(encoding="utf-8"))
    score = score_doc(run(_write(shape, tmp_path)).to_dict(), gold)
    assert score["tasks"] == (94, 94, 94)
    assert score["targets"] == (30, 30, 30)
    assert score["fields"][0] == score["fields"][1]
    assert any(isinstance(item, Table) for item in read_text(_write(shape, tmp_path)).items)
