"""A plan's figures and tasks as an Excel workbook: download it prefilled, fill it in, upload it back.

``export_plan`` writes the workbook (``writing``; every cell through ``cchc.xlsx``, so text is never a formula).
An upload is read safely into plain rows (``read_workbook`` in ``reading``: size and row caps, streaming), stored
server-side as a ``SheetUpload``, checked against the database (``review`` in ``changes``) into changes,
conflicts with what others changed since the download, and errors by row and column, shown, and saved only when
the user confirms and the rows check again (``apply``). A file with any error saves nothing.
"""

from apps.tracking.spreadsheets.changes import FigureChange, Review, RowConflict, TaskChange, apply, review
from apps.tracking.spreadsheets.layout import FIGURES, TASKS, XLSX
from apps.tracking.spreadsheets.reading import Problem, limits, read_workbook
from apps.tracking.spreadsheets.writing import export_plan

__all__ = [
    "FIGURES",
    "TASKS",
    "XLSX",
    "FigureChange",
    "Problem",
    "Review",
    "RowConflict",
    "TaskChange",
    "apply",
    "export_plan",
    "limits",
    "read_workbook",
    "review",
]
