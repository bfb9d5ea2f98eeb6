"""Tasks stage: rows of the task catalogue (danh mục nhiệm vụ) from the document's tables."""

from importer.model import Document, Problem, Task


def extract_tasks(document: Document) -> tuple[tuple[Task, ...], tuple[Problem, ...]]:
    return (), ()
