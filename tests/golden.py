"""A fixture's tasks as the importer reads them beside those its gold holds, for the end-to-end tests of a habit."""

from __future__ import annotations

import json
from pathlib import Path

from importer.pipeline import run


def tasks_and_gold(folder: Path, name: str, fields: tuple[str, ...]) -> tuple[list[tuple], list[tuple]]:
    """The tasks read from the document of ``folder``'s gold ``name`` and those the gold holds, each as the
    tuple of its ``fields``."""
    gold = json.loads((folder / "gold" / f"{name}.json").read_text(encoding="utf-8"))
    read = [tuple(task[f] for f in fields) for task in run(folder / gold["doc"]).to_dict()["tasks"]]
    return read, [tuple(task[f] for f in fields) for task in gold["tasks"]]
