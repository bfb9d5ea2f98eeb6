"""The body text as an outline: paragraphs (lines of one paragraph joined), their list markers and headings.

Readers give one block per printed line (plain text, OCR) or one per paragraph (Word, PDF). Both become
``Paragraph`` values here: lines are joined when the next one carries on the sentence, and each paragraph
knows its marker (``I.``, ``1.``, ``a)``, ``-``, ``+``, read by ``importer.markers``) and the headings above it.
Later stages ask the outline where a paragraph stands (in a goal part, in a task part, in the task catalogue)
instead of re-reading line breaks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from importer.markers import ARABIC, LETTER, PLUS, ROMAN, find_marker
from importer.model import Block, Document, Location
from importer.numbers import has_percentage
from importer.text import fold, mostly_capitals

# --- paragraphs ------------------------------------------------------------------------------

_MARKDOWN = re.compile(r"^[#>\s]+|\*\*|__")
_PAGE_NUMBER = re.compile(r"^[^\w%]*\d{1,3}[^\w%]*$")  # not '100%;', the end of a wrapped target
_TERMINAL = (".", ";", ":", "!", "?")
# a line that cannot end a heading: a comma, a connecting word, the head of a name ('… tại Trung tâm' + 'Phục vụ …')
_UNFINISHED = re.compile(
    r"(,|\b(va|cua|cac|voi|tai|theo|cho|trong|de|den|do|hoac|trung tam|van phong|uy ban|hoi dong|cong thong tin))$"
)


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of running text, lines joined; ``body`` is the text after its list marker."""

    text: str
    body: str
    marker: str | None = None
    level: int | None = None
    location: Location = Location()

    @property
    def folded(self) -> str:
        return fold(self.body)

    def is_heading(self) -> bool:
        """Short, unfinished text after a marker reads as a heading ('a) Mục tiêu', '1. Cải cách thể chế'); in
        capitals, a period after it is no sentence's end but a speck OCR read as one ('2. MỤC TIÊU.')."""
        body = self.body.rstrip()
        if self.level is None or self.level > LETTER and not body.endswith(":"):
            return False
        if body.endswith(".") and ":" not in body and not mostly_capitals(body):
            return False
        return len(heading_title(self.body).split()) <= 16 and not has_percentage(self.body)


@dataclass(frozen=True)
class Node:
    """A paragraph in the outline: the headings above it (outermost first) and the part of the plan it is in."""

    paragraph: Paragraph
    ancestors: tuple[Paragraph, ...]
    region: str  # "front" (header, title, preamble) | "body" | "closing" (signature) | "catalogue"


def heading_title(text: str) -> str:
    """The heading part of a paragraph: up to the first colon, else all of it."""
    head, _, _ = text.partition(":")
    return head.strip()


def strip_markdown(text: str) -> str:
    return _MARKDOWN.sub("", text).strip().strip("*_").strip()


# --- joining lines into paragraphs -------------------------------------------------------------


def split_paragraphs(document: Document) -> tuple[Paragraph, ...]:
    """Join the lines of each paragraph; tables and page numbers end a paragraph."""
    blocks = [item for item in document.items if isinstance(item, Block)]
    gaps_mean_breaks = _blank_lines_separate_paragraphs(blocks)
    paragraphs: list[Paragraph] = []
    lines: list[str] = []
    first: Block | None = None
    previous: Block | None = None
    for item in document.items:
        if not isinstance(item, Block):
            _flush(paragraphs, lines, first)
            lines, first, previous = [], None, None
            continue
        text = strip_markdown(item.text)
        if not text or _PAGE_NUMBER.match(text):
            _flush(paragraphs, lines, first)
            lines, first, previous = [], None, None
            continue
        gap = _has_gap(previous, item) if gaps_mean_breaks else False
        if lines and _continues(lines, text, gap):
            lines.append(text)
        else:
            _flush(paragraphs, lines, first)
            lines, first = [text], item
        previous = item
    _flush(paragraphs, lines, first)
    return tuple(paragraphs)


def _blank_lines_separate_paragraphs(blocks: list[Block]) -> bool:
    """Blank lines mean paragraph breaks unless nearly every line is followed by one (flattened Word text)."""
    numbered = [b.location.line for b in blocks if b.location.line is not None]
    if len(numbered) < 2:
        return False
    gaps = sum(1 for a, b in zip(numbered, numbered[1:], strict=False) if b - a > 1)
    return gaps / (len(numbered) - 1) < 0.6


def _has_gap(previous: Block | None, block: Block) -> bool:
    if previous is None or previous.location.line is None or block.location.line is None:
        return False
    return block.location.line - previous.location.line > 1


def _continues(lines: list[str], text: str, gap: bool) -> bool:
    """Does ``text`` carry on the paragraph made of ``lines``?"""
    marker, _, _ = find_marker(text)
    if marker is not None:
        return False
    starts_lower = text[:1].islower()
    if starts_lower:
        return True
    if gap:
        return False
    head = " ".join(lines)
    head_marker, head_level, head_body = find_marker(head)
    if head_level is not None and not head_body:
        return True  # a marker alone on its line ('Phần thứ nhất', 'II.'): its title is the next line
    if head.rstrip().endswith(_TERMINAL):
        return False
    if _UNFINISHED.search(fold(head)):
        return True
    if head_level is not None and Paragraph(head, head_body, head_marker, head_level).is_heading():
        return not text[:1].isupper()
    return True


def _flush(paragraphs: list[Paragraph], lines: list[str], first: Block | None) -> None:
    if not lines or first is None:
        return
    text = join_lines(lines)
    marker, level, body = find_marker(text)
    paragraphs.append(Paragraph(text=text, body=body, marker=marker, level=level, location=first.location))


def join_lines(lines: list[str]) -> str:
    """One space between lines, none after a hyphen inside a number range ('2026-' + '2030')."""
    text = lines[0].strip()
    for line in lines[1:]:
        line = line.strip()
        if re.search(r"\d\s*[-–]$", text) and line[:1].isdigit():
            text = text.rstrip() + line
        else:
            text = f"{text} {line}"
    return text


# --- the outline -------------------------------------------------------------------------------

_CATALOGUE_TITLE = re.compile(r"^(danh muc|phu luc)\b")
_CLOSING = re.compile(r"^n\S{1,2}i nh\S{1,3}n\b")


@lru_cache(maxsize=2)
def document_outline(document: Document) -> tuple[Node, ...]:
    """The document's outline, built once for the stages that all read it (header, targets, duties)."""
    return build_outline(split_paragraphs(document))


def build_outline(paragraphs: tuple[Paragraph, ...]) -> tuple[Node, ...]:
    """Each paragraph with the headings above it and the part of the plan it stands in."""
    paragraphs = rank_top_headings(paragraphs)
    catalogue = find_catalogue_start(paragraphs)
    body_start = _first_main_heading(paragraphs, catalogue)
    nodes: list[Node] = []
    stack: list[Paragraph] = []
    region = "front"
    for index, paragraph in enumerate(paragraphs):
        if index == body_start:
            region = "body"
        if catalogue is not None and index == catalogue:
            region, stack = "catalogue", []
        elif region == "body" and _CLOSING.match(fold(paragraph.text)):
            region, stack = "closing", []
        ancestors = tuple(p for p in stack if paragraph.level is None or (p.level or 99) < paragraph.level)
        nodes.append(Node(paragraph, ancestors, region))
        if paragraph.level is not None and paragraph.level <= PLUS:
            stack = [p for p in stack if (p.level or 99) < paragraph.level] + [paragraph]
    return tuple(nodes)


def rank_top_headings(paragraphs: tuple[Paragraph, ...]) -> tuple[Paragraph, ...]:
    """Parts numbered otherwise than in roman numerals take the roman rank: 'A. MỤC TIÊU', 'B. NHIỆM VỤ'
    (a capital letter before a heading in capitals) always, '1. MỤC TIÊU' when no roman heading exists."""

    def top(paragraph: Paragraph, level: int) -> bool:
        return paragraph.level == level and paragraph.is_heading() and mostly_capitals(heading_title(paragraph.body))

    ranked = tuple(
        replace(p, level=ROMAN) if top(p, LETTER) and p.marker and p.marker.isupper() else p for p in paragraphs
    )
    if any(p.level == ROMAN for p in ranked):
        return ranked
    return tuple(replace(p, level=ROMAN) if top(p, ARABIC) else p for p in ranked)


def find_catalogue_start(paragraphs: tuple[Paragraph, ...]) -> int | None:
    """Where the task catalogue (an appendix table flattened to text) begins, if it is in the text."""
    for index, paragraph in enumerate(paragraphs):
        folded = fold(paragraph.text).strip()
        if _CATALOGUE_TITLE.match(folded) and mostly_capitals(paragraph.text):
            return index
        if re.match(r"^s?tt\b.{0,20}noi dung", folded):
            return index
        if folded in ("tt", "stt") and any("noi dung" in fold(p.text) for p in paragraphs[index + 1 : index + 4]):
            return index
        if re.search(r"noi dung cong vi\S{0,2}c", folded) and re.search(r"ch\S{0,2} tr\S{0,2}|ph\S{1,3}i h", folded):
            return index
    return None


def _first_main_heading(paragraphs: tuple[Paragraph, ...], stop: int | None) -> int | None:
    """Where the body begins: the first roman heading, or before it a heading in capitals that names a part of a
    plan whatever its numeral ('1.MỤC ĐÍCH, YÊU CẦU': OCR read the roman I as '1', so the goal part under it
    would stand in the preamble)."""
    end = len(paragraphs) if stop is None else stop
    for index in range(end):
        paragraph = paragraphs[index]
        if paragraph.level == ROMAN or _names_a_part(paragraph):
            return index
    for index in range(end):
        if paragraphs[index].level == ARABIC and paragraphs[index].is_heading():
            return index
    return None


def _names_a_part(paragraph: Paragraph) -> bool:
    """A numbered heading in capitals naming a part of a plan: 'MỤC ĐÍCH, YÊU CẦU', 'NHIỆM VỤ, GIẢI PHÁP'."""
    title = heading_title(paragraph.body)
    return (
        paragraph.level is not None
        and paragraph.is_heading()
        and mostly_capitals(title)
        and heading_kind(title) is not None
    )


# --- what a heading is about -----------------------------------------------------------------------

_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern))
    for kind, pattern in (
        ("goal", r"\b(muc|chi) [t1][i1l]\S{0,2}u\b"),  # OCR reads a capital T or I as 1: "CHI 11EU"
        ("purpose", r"\bmuc [dpbđ]\S{0,2}ch\b"),
        ("requirement", r"\by\S{0,2}u c\S{0,2}u\b"),
        ("task", r"\bnhi\S{0,2}m v\S{0,2}\b|\bgiai ph\S{0,2}p\b"),
        ("organisation", r"\bt\S ch\S{1,3}c th\S{1,3}c hi\S{1,3}n\b|\btrach nhi\S{1,3}m\b"),
        ("funding", r"\bkinh ph\S\b"),
    )
)


@lru_cache(maxsize=1024)
def heading_kind(text: str) -> str | None:
    """What part of a plan a heading opens: goal, purpose, requirement, task, organisation, funding."""
    folded = fold(heading_title(text))
    found = [(m.start(), kind) for kind, pattern in _KINDS for m in [pattern.search(folded)] if m]
    return min(found)[1] if found else None


_UNTIL = re.compile(r"\bden n\S{0,2}m\s*(20\d\d)\b")


def goal_horizon(text: str) -> str | None:
    """The year a goal heading looks to ('Mục tiêu cụ thể đến năm 2030' → '2030'); None for any other line."""
    if heading_kind(text) != "goal":
        return None
    match = _UNTIL.search(fold(heading_title(text)))
    return match.group(1) if match else None


def scope_of(node: Node) -> str | None:
    """The kind of the nearest heading above the paragraph that says what part of the plan it is in."""
    for heading in reversed(node.ancestors):
        if heading.is_heading():
            kind = heading_kind(heading.body)
            if kind:
                return kind
    return None


# --- sentences ---------------------------------------------------------------------------------------

# a full stop before a capital; or a figure ending one statement before the next begins ('… 80% Tỷ lệ …')
# (a character range such as À-Ỹ holds lower-case letters too, so capitals are checked with str.isupper)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"“(]?(\w))|(?<=%)\s+(?=(\w)(\w))")
_ABBREVIATIONS = ("TP.", "Tp.", "TS.", "ThS.", "PGS.", "GS.", "KT.", "TM.", "St.")


def split_sentences(text: str) -> tuple[str, ...]:
    """Sentences of a paragraph: a full stop followed by a capital starts a new one (semicolons do not)."""
    parts: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if not (
            match[1]
            and (match[1].isupper() or match[1].isdigit())
            or match[2]
            and match[2].isupper()
            and match[3].islower()
        ):
            continue
        before = text[start : match.start()]
        last = before.split()[-1] if before.split() else ""
        if last in _ABBREVIATIONS or re.fullmatch(r"\w\.", last):
            continue
        parts.append(before.strip())
        start = match.end()
    parts.append(text[start:].strip())
    return tuple(p for p in parts if p)
