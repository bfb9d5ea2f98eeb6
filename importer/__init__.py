"""cchc importer: turns a plan document (DOCX, PDF, scan, text) into a structured ``Plan``.

Framework-free on purpose: nothing here imports Django, settings or a database.
"""

from importer.errors import ImporterError, NotAPlan, UnreadableDocument, UnsupportedFormat
from importer.model import Plan, Status
from importer.pipeline import Limits, run

__all__ = ["ImporterError", "Limits", "NotAPlan", "Plan", "Status", "UnreadableDocument", "UnsupportedFormat", "run"]
