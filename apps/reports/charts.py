"""The report's charts as PNG images (matplotlib, Agg backend: no display needed)."""

from __future__ import annotations

import io

import matplotlib

matplotlib.use("Agg")
from matplotlib import pyplot as plt  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from apps.reports.content import ATTAINMENTS, BUCKETS  # noqa: E402

plt.rcParams["font.family"] = ["DejaVu Sans"]  # has every Vietnamese letter

TASK_COLOURS = {"done_on_time": "#2e7d32", "done_late": "#ef6c00", "in_progress": "#1565c0", "overdue": "#c62828"}
TARGET_COLOURS = {
    "met": "#2e7d32",
    "on_track": "#1565c0",
    "at_risk": "#ef6c00",
    "missed": "#c62828",
    "no_value": "#b0bec5",
}


def _stacked(areas: list[dict], field: str, labels: dict[str, str], colours: dict[str, str], title: str) -> bytes:
    figure = Figure(figsize=(9, 4.2), dpi=120)
    axes = figure.subplots()
    names = [row["label"] for row in areas][::-1]
    left = [0] * len(areas)
    for key, label in labels.items():
        values = [row[field].get(key, 0) for row in areas][::-1]
        axes.barh(names, values, left=left, color=colours[key], label=label)
        left = [a + b for a, b in zip(left, values, strict=True)]
    axes.set_title(title, fontsize=11)
    axes.tick_params(labelsize=8)
    axes.xaxis.get_major_locator().set_params(integer=True)
    axes.legend(fontsize=7, loc="lower center", bbox_to_anchor=(0.35, -0.3), ncol=len(labels), frameon=False)
    figure.subplots_adjust(left=0.3, right=0.97, top=0.9, bottom=0.24)
    out = io.BytesIO()
    figure.savefig(out, format="png")
    return out.getvalue()


def task_chart(content: dict) -> bytes:
    return _stacked(
        content["areas"], "tasks", dict(BUCKETS), TASK_COLOURS, "Tình hình thực hiện nhiệm vụ theo lĩnh vực"
    )


def target_chart(content: dict) -> bytes:
    return _stacked(content["areas"], "targets", ATTAINMENTS, TARGET_COLOURS, "Mức độ đạt chỉ tiêu theo lĩnh vực")
