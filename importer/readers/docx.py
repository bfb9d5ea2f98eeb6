"""Word ``.docx``: paragraphs and real tables, in the order the body holds them, as Word displays them.

Walks the document XML itself (python-docx opens and parses it) so that paragraphs and tables stay
interleaved, and gives the text of the final version the way Word shows it, whatever habit made it:

* automatic numbering (a heading "I.", a section row "I", the TT column "1.") is not in the text:
  ``Numbering`` counts each list as Word does and writes the number in front of the paragraph;
* tracked changes: insertions kept, deletions (deleted text, moved-away text, deleted rows) dropped;
  content controls, custom XML and text boxes give their text where they stand;
* a manual line break (Shift+Enter, also a page or column break) starts a new line, in the body (one
  block per line) and in a cell (a newline, like a new paragraph in the cell); a non-breaking space is a
  space, a non-breaking hyphen a hyphen, a soft hyphen or zero-width space nothing;
* tables: a horizontally merged cell gives its text in its first column and empty strings in the
  columns it spans; a vertically merged cell repeats its text in every row it covers (a lead named once
  for several tasks is each task's lead); the header rows Word repeats on each page (``w:tblHeader``)
  become one row, each column's texts joined (a two-row header "Cơ quan thực hiện" over "Chủ trì |
  Phối hợp" names both columns; a title merged across stays a row of its own); a row that only
  numbers the columns ("1 | 2 | 3…", "(1) | (2)…") is dropped; a nested table is flattened into its
  cell's text, but a table of one column whose cells hold tables is a frame drawn round its content (a box
  holding the appendix's title, its table and a note), read as body. Tables split in several Word tables stay
  separate ``Table`` items.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from importer.errors import UnreadableDocument, UnsupportedFormat
from importer.markers import BULLETS, roman
from importer.model import Block, Document, Location, Table
from importer.readers import OPENDOCUMENT_HINT
from importer.readers.table_head import join_head, joined, numbers_columns

if TYPE_CHECKING:
    from importer.pipeline import Limits

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
MAX_RATIO = 100  # uncompressed / compressed size of one member; real Word XML stays under ~30


def read_docx(path: Path, limits: Limits) -> Document:
    check_zip(path, limits)
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.exceptions import PackageNotFoundError

    try:
        word = docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile, SyntaxError) as exc:
        raise UnreadableDocument(
            f"Tệp “{path.name}” bị hỏng, Word không mở được phần nội dung. "
            "Hãy mở bằng Word, lưu lại dưới dạng .docx rồi thử lại."
        ) from exc
    except Exception as exc:  # lxml's XMLSyntaxError and the like: still a broken file, not a bug of ours
        raise UnreadableDocument(
            f"Tệp “{path.name}” có nội dung XML hỏng, không đọc được. Hãy mở bằng Word, lưu lại rồi thử lại."
        ) from exc
    numbering = Numbering(_part_xml(word, RT.NUMBERING), _part_xml(word, RT.STYLES))
    items: list[Block | Table] = []
    _walk(word.element.body, items, numbering)
    return Document(items=tuple(items), source=path.name)


def check_zip(path: Path, limits: Limits) -> None:
    """Refuse a broken zip, a zip that is not Word, and a zip bomb, before anything is unpacked."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise UnreadableDocument(
            f"Tệp “{path.name}” bị hỏng (không phải tệp .docx hợp lệ). "
            "Hãy mở tệp gốc bằng Word, lưu lại dưới dạng .docx rồi thử lại."
        ) from exc
    names = {member.filename for member in members}
    if "word/document.xml" not in names:
        if "content.xml" in names:  # an OpenDocument text (LibreOffice) renamed
            raise UnsupportedFormat(
                f"Tệp “{path.name}” là văn bản OpenDocument (.odt) của LibreOffice, không phải Word .docx. "
                + OPENDOCUMENT_HINT
            )
        other = "bảng tính Excel" if "xl/workbook.xml" in names else "một tệp nén"
        raise UnsupportedFormat(
            f"Tệp “{path.name}” là {other}, không phải văn bản Word .docx. Hãy chọn đúng tệp kế hoạch (.docx)."
        )
    total = sum(member.file_size for member in members)
    packed = sum(member.compress_size for member in members)
    bomb = total > limits.max_unzipped_bytes or any(
        member.file_size > 10 * 1024 * 1024 and member.file_size > MAX_RATIO * max(1, member.compress_size)
        for member in members
    )
    if bomb:
        raise UnreadableDocument(
            f"Tệp “{path.name}” khi giải nén quá lớn ({total // (1024 * 1024)} MB từ {packed // 1024} KB), "
            "có thể là tệp độc hại hoặc hỏng. Hãy mở bằng Word, lưu lại (bỏ ảnh quá lớn) rồi thử lại."
        )


def _part_xml(word, reltype: str):
    """The XML of one part of the package (numbering, styles), or None when the file has none."""
    try:
        return getattr(word.part.part_related_by(reltype), "element", None)
    except KeyError:
        return None


# --- body and paragraphs ----------------------------------------------------------------------------

_WRAPPERS = {f"{W}{tag}" for tag in ("sdt", "sdtContent", "customXml", "ins", "moveTo", "smartTag")}
_SKIPPED = (f"{W}txbxContent", f"{MC}Fallback", f"{W}del", f"{W}moveFrom")
_PRINTED = str.maketrans(
    {"\u00a0": " ", "\u202f": " ", "\u2007": " ", "\u2011": "-", "\u00ad": None, "\u200b": None, "\ufeff": None}
)


def _children(parent, *tags: str):
    """The children with one of ``tags``, looking through content controls, tracked insertions and the like."""
    for child in parent.iterchildren():
        if child.tag in tags:
            yield child
        elif child.tag in _WRAPPERS:
            yield from _children(child, *tags)


def _walk(parent, items: list[Block | Table], numbering: Numbering) -> None:
    for child in _children(parent, f"{W}p", f"{W}tbl"):
        if child.tag == f"{W}p":
            items.extend(Block(line) for line in paragraph_lines(child, numbering))
            for box in _text_boxes(child):
                _walk(box, items, numbering)
        elif _is_frame(child):  # a box drawn round a title and a table: its content is the body's
            for tc in (tc for tr in _children(child, f"{W}tr") for tc in _children(tr, f"{W}tc")):
                _walk(tc, items, numbering)
        else:
            table_index = sum(1 for item in items if isinstance(item, Table))
            items.append(Table(rows=table_rows(child, numbering), location=Location(table=table_index)))


def _is_frame(tbl) -> bool:
    """A table of one column whose cells hold tables of their own: a frame round them (a bordered box holding
    the appendix's title, its table and a note), not a table of rows."""
    cells = [list(_children(tr, f"{W}tc")) for tr in _children(tbl, f"{W}tr")]
    return (
        bool(cells)
        and all(len(row) == 1 for row in cells)
        and any(next(_children(row[0], f"{W}tbl"), None) is not None for row in cells)
    )


def paragraph_lines(p, numbering: Numbering) -> list[str]:
    """The text of one paragraph, its automatic number in front, split at manual line breaks."""
    lines, parts = [], []
    for node in p.iter(f"{W}t", f"{W}tab", f"{W}ptab", f"{W}noBreakHyphen", f"{W}br", f"{W}cr"):
        if _inside_skipped(node, p):
            continue
        tag = node.tag
        if tag == f"{W}t":
            parts.append((node.text or "").translate(_PRINTED))
        elif tag == f"{W}noBreakHyphen":
            parts.append("-")
        elif tag in (f"{W}tab", f"{W}ptab"):
            parts.append("\t")
        else:
            lines.append("".join(parts))
            parts = []
    lines.append("".join(parts))
    lines = [line for line in lines if line.strip()]
    label = numbering.label(p)
    if label:
        lines[:1] = [label + (lines[0] if lines else "")]
    return lines


def _inside_skipped(node, stop) -> bool:
    """Text of text boxes, of a Fallback copy and of deleted revisions is not the paragraph's own."""
    for ancestor in node.iterancestors():
        if ancestor is stop:
            return False
        if ancestor.tag in _SKIPPED:
            return True
    return False


def _text_boxes(p):
    return [box for box in p.iter(f"{W}txbxContent") if not _inside_skipped(box, p)]


# --- tables -------------------------------------------------------------------------------------------


def cell_text(tc, numbering: Numbering) -> str:
    """A cell's paragraphs (and text boxes) joined by newlines; a nested table adds one line per row."""
    lines: list[str] = []
    for child in _children(tc, f"{W}p", f"{W}tbl"):
        if child.tag == f"{W}p":
            lines.extend(paragraph_lines(child, numbering))
            lines.extend(cell_text(box, numbering) for box in _text_boxes(child))
        else:
            lines.extend(" ".join(cell for cell in row if cell) for row in table_rows(child, numbering))
    return "\n".join(line.strip() for line in lines if line.strip())


def _val(element, name: str) -> str | None:
    found = element.find(name) if element is not None else None
    return None if found is None else found.get(f"{W}val", "")


def _on(element, name: str) -> bool:
    """A Word on/off property: present and not switched off."""
    return _val(element, name) not in (None, "0", "false", "off")


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def table_rows(tbl, numbering: Numbering) -> tuple[tuple[str, ...], ...]:
    rows: list[list[str]] = []
    header: list[list[str]] = []  # the leading rows Word repeats on each page
    above: dict[int, str] = {}  # grid column -> text of the vertically merged cell that started there
    for tr in _children(tbl, f"{W}tr"):
        tr_pr = tr.find(f"{W}trPr")
        if tr_pr is not None and tr_pr.find(f"{W}del") is not None:
            continue  # a row deleted with changes tracked
        row: list[str] = [""] * _int(_val(tr_pr, f"{W}gridBefore"), 0)
        for tc in _children(tr, f"{W}tc"):
            tc_pr = tc.find(f"{W}tcPr")
            span = max(1, _int(_val(tc_pr, f"{W}gridSpan"), 1))
            merge = _val(tc_pr, f"{W}vMerge")
            column = len(row)
            if merge is not None and merge != "restart":
                text = above.get(column, "")
            elif _val(tc_pr, f"{W}hMerge") not in (None, "restart"):
                text = ""  # the old way of merging cells across: the first cell holds the text
            else:
                text = cell_text(tc, numbering)
                if merge == "restart":
                    above[column] = text
                else:
                    above.pop(column, None)
            row.append(text)
            row.extend([""] * (span - 1))
        if numbers_columns(row):
            continue
        if not rows and _on(tr_pr, f"{W}tblHeader"):
            header.append(row)
        else:
            rows.append(row)
    if header and rows:  # (a table whose every row repeats is not a header over rows: left as it is)
        captions = [row for row in header if sum(map(bool, row)) <= 1]  # a title merged across
        named = [row for row in header if sum(map(bool, row)) > 1]
        header = captions + ([joined(named)] if named else [])
    rows[:0] = header
    if not header:  # a head Word does not repeat: a group header over its sub-columns is two plain rows
        rows = join_head(rows)
    width = max((len(row) for row in rows), default=0)
    return tuple(tuple(row + [""] * (width - len(row))) for row in rows)


# --- automatic numbering ------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Level:
    """One level of a list: how its number is written ('decimal', 'upperRoman', 'bullet'…) and where it starts."""

    fmt: str
    text: str  # lvlText: '%1.', '%1.%2.', '-'
    start: int
    restart: int | None  # lvlRestart: restart after a use of a level above this one (0: never)
    suffix: str  # what follows the number: a tab or a space (written as a space), or nothing


def _level(lvl) -> _Level:
    fmt = _val(lvl, f"{W}numFmt") or "decimal"
    text = _val(lvl, f"{W}lvlText") or ""
    if lvl.find(f"{W}lvlPicBulletId") is not None:
        fmt, text = "bullet", "•"
    restart = _val(lvl, f"{W}lvlRestart")
    return _Level(
        fmt=fmt,
        text=text,
        start=_int(_val(lvl, f"{W}start"), 0),
        restart=None if restart is None else _int(restart, 0),
        suffix="" if _val(lvl, f"{W}suff") == "nothing" else " ",
    )


class Numbering:
    """Word's automatic numbers, counted the way Word counts them while the document is read in order.

    A paragraph is numbered by its own ``w:numPr`` or by its style's (up the ``basedOn`` chain);
    ``numId`` 0 switches numbering off. The counters belong to the abstract list definition, so lists
    (``w:num``) made from one definition continue each other; a list that overrides a level's start
    (``w:startOverride``, Word's "Restart at 1") restarts that level where the list first appears.
    Using a level restarts the levels under it, unless their ``w:lvlRestart`` says otherwise.
    """

    def __init__(self, numbering=None, styles=None) -> None:
        # styleId -> (numId, ilvl, basedOn)
        self._styles: dict[str | None, tuple[str | None, str | None, str | None]] = {}
        for style in styles.iterchildren(f"{W}style") if styles is not None else ():
            num_pr = style.find(f"{W}pPr/{W}numPr")
            numbered = (_val(num_pr, f"{W}numId"), _val(num_pr, f"{W}ilvl"))
            self._styles[style.get(f"{W}styleId")] = (*numbered, _val(style, f"{W}basedOn"))
        abstracts: dict[str | None, dict[int, _Level]] = {}
        linked: dict[str | None, str | None] = {}  # abstract list -> the list style it takes its levels from
        for abstract in numbering.iterchildren(f"{W}abstractNum") if numbering is not None else ():
            levels = {_int(lvl.get(f"{W}ilvl"), 0): _level(lvl) for lvl in abstract.iterchildren(f"{W}lvl")}
            abstracts[abstract.get(f"{W}abstractNumId")] = levels
            if abstract.find(f"{W}numStyleLink") is not None:
                linked[abstract.get(f"{W}abstractNumId")] = _val(abstract, f"{W}numStyleLink")
        nums = list(numbering.iterchildren(f"{W}num")) if numbering is not None else []
        abstract_of = {num.get(f"{W}numId"): _val(num, f"{W}abstractNumId") for num in nums}

        def definition(abstract_id: str | None) -> str | None:
            """A list defined through a list style (``w:numStyleLink``, e.g. a heading numbering kept as a
            style) is the list that style numbers with: its levels and its counters."""
            if abstract_id in linked:
                return abstract_of.get(self._styles.get(linked[abstract_id], (None,))[0], abstract_id)
            return abstract_id

        # numId -> (abstract list, its levels with this list's overrides, the levels it restarts)
        self._lists: dict[str, tuple[str | None, dict[int, _Level], tuple[int, ...]]] = {}
        for num in nums:
            abstract_id = definition(_val(num, f"{W}abstractNumId"))
            levels = dict(abstracts.get(abstract_id, {}))
            restarted = []
            for override in num.iterchildren(f"{W}lvlOverride"):
                ilvl = _int(override.get(f"{W}ilvl"), 0)
                lvl = override.find(f"{W}lvl")
                if lvl is not None:
                    levels[ilvl] = _level(lvl)
                start = _val(override, f"{W}startOverride")
                if start is not None and ilvl in levels:
                    levels[ilvl] = replace(levels[ilvl], start=_int(start, 0))
                    restarted.append(ilvl)
            self._lists[num.get(f"{W}numId")] = (abstract_id, levels, tuple(restarted))
        self._counters: dict[str | None, dict[int, int]] = {}
        self._seen: set[str] = set()

    def label(self, p) -> str:
        """The number Word shows in front of paragraph ``p`` ('I. ', '1.2. ', 'a) ', '- '), or ''; counts it."""
        found = self._list_of(p)
        if found is None:
            return ""
        num_id, ilvl = found
        abstract_id, levels, restarted = self._lists[num_id]
        level = levels.get(ilvl)
        if level is None:
            return ""
        counters = self._counters.setdefault(abstract_id, {})
        if num_id not in self._seen:
            self._seen.add(num_id)
            for restart in restarted:
                counters.pop(restart, None)
        counters[ilvl] = counters[ilvl] + 1 if ilvl in counters else level.start
        for deeper in [k for k in counters if k > ilvl]:
            limit = levels[deeper].restart if deeper in levels else None
            if limit is None or ilvl < limit:
                counters.pop(deeper)
        if level.fmt == "bullet":
            text = _bullet(level.text)
        else:
            text = re.sub(r"%([1-9])", lambda m: self._number(levels, counters, int(m[1]) - 1), level.text)
        return text + level.suffix if text.strip() else ""

    def _list_of(self, p) -> tuple[str, int] | None:
        p_pr = p.find(f"{W}pPr")
        if p_pr is None or p_pr.find(f"{W}rPr/{W}del") is not None:
            return None  # no properties (so no list), or a paragraph deleted with changes tracked
        num_pr = p_pr.find(f"{W}numPr")
        num_id, ilvl = _val(num_pr, f"{W}numId"), _val(num_pr, f"{W}ilvl")
        style, seen = _val(p_pr, f"{W}pStyle"), set()
        while style is not None and style not in seen and (num_id is None or ilvl is None):
            seen.add(style)
            style_num, style_ilvl, style = self._styles.get(style, (None, None, None))
            num_id = style_num if num_id is None else num_id
            ilvl = style_ilvl if ilvl is None else ilvl
        if num_id is None or num_id not in self._lists:
            return None  # includes numId 0: numbering switched off
        return num_id, _int(ilvl, 0)

    @staticmethod
    def _number(levels: dict[int, _Level], counters: dict[int, int], ilvl: int) -> str:
        level = levels.get(ilvl)
        value = counters.get(ilvl, level.start if level else 0)
        return format_number(value, level.fmt if level else "decimal")


def _bullet(text: str) -> str:
    """A bullet as text: a dash stays a dash; a symbol-font character ('\uf0b7', '§', 'Ø') is written '•'."""
    if len(text) == 1 and 0xF000 <= ord(text) <= 0xF0FF and chr(ord(text) - 0xF000) in "-+":
        return chr(ord(text) - 0xF000)  # a dash typed in a symbol font, which maps its glyphs to U+F0xx
    return text if text in BULLETS or not text else "•"


def format_number(value: int, fmt: str) -> str:
    """One counter written in a list format: 3 → '3', 'III', 'iii', 'C', 'c', '03'; 28 → 'BB' like Word."""
    if fmt == "none":
        return ""
    if value > 0 and fmt in ("upperRoman", "lowerRoman"):
        return roman(value) if fmt == "upperRoman" else roman(value).lower()
    if value > 0 and fmt in ("upperLetter", "lowerLetter"):
        letters = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)
        return letters.upper() if fmt == "upperLetter" else letters
    if fmt == "decimalZero":
        return f"{value:02d}"
    return str(value)
