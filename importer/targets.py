"""Targets stage: every quantitative target (chỉ tiêu) in the plan's goal sections."""

from importer.model import Document, Meta, Problem, Target


def extract_targets(document: Document, meta: Meta) -> tuple[tuple[Target, ...], tuple[Problem, ...]]:
    return (), ()
