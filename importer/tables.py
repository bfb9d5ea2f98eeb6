"""Table recovery: rebuild tables that plain text flattened (one cell per line, interleaved columns)."""

from importer.model import Document


def recover_tables(document: Document) -> Document:
    return document
