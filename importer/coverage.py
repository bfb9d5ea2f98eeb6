"""Coverage: how much of the text a reader gave ended in some field of the plan, and which pages gave nothing.

Each printed line (a block, or a table cell) is looked for in the plan's fields by its runs of three
folded words: a line whose runs all turn up in a task, a target or the header counts whole, one whose
runs never do counts nothing. Short lines (one or two words) count when they appear in a field as they
are. A page none of whose lines counts is listed, so a reviewer looks there first: a page the reader
could not read, a table no stage understood, a part of the plan nothing was taken from.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from importer.model import Block, Coverage, Document, Plan
from importer.text import fold

_WORD = re.compile(r"[0-9a-z%]+")
_RUN = 3
_COUNTS = 0.5  # a line is "used" for its page when at least this share of it is found in a field


def measure_coverage(document: Document, plan: Plan) -> Coverage:
    fields = [_words(text) for text in _field_texts(plan)]
    runs = {tuple(words[i : i + _RUN]) for words in fields for i in range(max(1, len(words) - _RUN + 1))}
    joined = " " + " | ".join(" ".join(words) for words in fields) + " "
    total = found = 0.0
    used_pages: set[int] = set()
    for page, text in _printed_lines(document):
        words = _words(text)
        if not words:
            continue
        share = _found_share(words, runs, joined)
        total += len(words)
        found += share * len(words)
        if share >= _COUNTS and page is not None:
            used_pages.add(page)
    pages = range(1, (document.pages or 0) + 1)
    return Coverage(
        share=round(found / total, 3) if total else 0.0,
        words=int(total),
        pages_without_fields=tuple(page for page in pages if page not in used_pages),
    )


def _found_share(words: list[str], runs: set[tuple[str, ...]], joined: str) -> float:
    if len(words) < _RUN:
        return 1.0 if f" {' '.join(words)} " in joined else 0.0
    own = [tuple(words[i : i + _RUN]) for i in range(len(words) - _RUN + 1)]
    hit = [False] * len(words)
    for i, run in enumerate(own):
        if run in runs:
            hit[i : i + _RUN] = [True] * _RUN
    return sum(hit) / len(words)


def _words(text: str | None) -> list[str]:
    return _WORD.findall(fold(text))


def _printed_lines(document: Document) -> Iterable[tuple[int | None, str]]:
    for item in document.items:
        if isinstance(item, Block):
            yield item.location.page, item.text
        else:
            for row in item.rows:
                for cell in dict.fromkeys(row):  # a merged cell repeats its text: count it once
                    yield item.location.page, cell


def _field_texts(plan: Plan) -> Iterable[str | None]:
    meta = plan.meta
    yield from (meta.number, meta.issuer, meta.title, meta.signer, meta.signer_title, *meta.bases, *meta.supersedes)
    for target in plan.targets:
        yield target.text
    for task in plan.tasks:
        yield from (task.section, task.no, task.content, task.lead, task.partners, task.deadline, task.output)
    yield from plan.agencies
    for report in plan.reporting:
        yield from (report.to, report.deadline)
