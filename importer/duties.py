"""Agencies named with duties, and the reporting regime."""

from importer.model import Document, Reporting, Task


def extract_agencies(document: Document, tasks: tuple[Task, ...]) -> tuple[str, ...]:
    return ()


def extract_reporting(document: Document) -> tuple[Reporting, ...]:
    return ()
