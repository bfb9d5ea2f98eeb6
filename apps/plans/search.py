"""Search that ignores diacritics and case: "mao dien", "điền" and "ĐIỀN" find the same rows.

Plans, tasks and targets keep a folded copy of the words people search for (``search_text``: lower case, no
diacritics, đ → d, by ``importer.text.fold``, the one folding of the project; punctuation made spaces, so
"94/KH-UBND" is the words 94, kh, ubnd), rewritten on every save. A search folds its words the same way and asks
for rows whose copy has each of them as a word, the last one as the start of a word, as it may be half typed
("cong an" is not found in "hanh chinh cong", "so hoa" not in "soat ... hoa"; "mao di" finds Mao Điền), a plain
``LIKE`` that SQLite and PostgreSQL run alike (a scan of 10,000 tasks' copies takes milliseconds). The parts of
each row are listed here once, for the models and for the migration that filled the rows that existed before.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Self

from django.db import models

from importer.text import fold

_NOT_WORD = re.compile(r"[\W_]+")
MAX_WORDS = 8  # a pasted paragraph is not a search


def folded(*parts: object) -> str:
    """The words of the parts, folded, each after one space (so " word" finds a word by its start)."""
    text = _NOT_WORD.sub(" ", " ".join(fold(str(p)) for p in parts if p)).strip()
    return f" {text} " if text else ""


def words(query: str | None) -> list[str]:
    """The folded words of a search, at most ``MAX_WORDS``."""
    return folded(query or "").split()[:MAX_WORDS]


def _needles(query: str | None) -> list[str]:
    """What the folded copy must contain: each word whole, the last one as a word's start."""
    found = words(query)
    return [f" {word} " for word in found[:-1]] + [f" {word}" for word in found[-1:]]


def matching(queryset, query: str | None, field: str = "search_text"):
    """Rows whose folded copy (at ``field``, e.g. ``"plan__search_text"``) has every word of ``query``."""
    for needle in _needles(query):
        queryset = queryset.filter(**{f"{field}__contains": needle})
    return queryset


def found_in(text: str, query: str | None) -> bool:
    """Whether a folded copy holds every word of ``query`` (for rows already loaded)."""
    return all(needle in text for needle in _needles(query))


def _name(unit) -> str:
    return unit.name if unit is not None else ""


def plan_parts(plan) -> list:
    return [plan.number, plan.title, plan.issuer, plan.signer, _name(plan.unit) if plan.unit_id else ""]


def task_parts(task) -> list:
    lead = _name(task.lead) if task.lead_id else ""
    code = ".".join(p for p in (task.section, task.no) if p)
    return [code, task.content, task.lead_text, lead, task.partners_text, task.output, task.deadline_text]


def target_parts(target) -> list:
    agency = _name(target.agency) if target.agency_id else ""
    return [target.text, target.phase, target.unit, agency]


class Searchable(models.Model):
    """A model with a folded copy of its searched words; ``search_fields`` are the fields that copy is made of (a
    save limited to other fields leaves it as it is)."""

    search_text = models.TextField(editable=False, blank=True, default="")
    search_fields: frozenset[str] = frozenset()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs) -> None:
        fields = kwargs.get("update_fields")
        if fields is None or self.search_fields & set(fields):
            self._fold()
            if fields is not None:
                kwargs["update_fields"] = {*fields, "search_text"}
        super().save(*args, **kwargs)

    def search_parts(self) -> list:
        raise NotImplementedError

    def _fold(self) -> None:
        self.search_text = folded(*self.search_parts())

    @classmethod
    def with_search_text(cls, rows: Iterable[Self]) -> list[Self]:
        """Unsaved rows for ``bulk_create``, which calls no ``save()``: each given its folded copy."""
        rows = list(rows)
        for row in rows:
            row._fold()
        return rows


def refresh(queryset, parts) -> int:
    """Rewrite the folded copy of the rows of ``queryset`` (a unit renamed, the rows of before the column): one
    UPDATE per batch, no version claimed, nothing audited, since no value people see changes."""
    changed = []
    for row in queryset.iterator(chunk_size=500):
        text = folded(*parts(row))
        if text != row.search_text:
            row.search_text = text
            changed.append(row)
    queryset.model.objects.bulk_update(changed, ["search_text"], batch_size=500)
    return len(changed)
