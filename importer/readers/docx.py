"""Word ``.docx``: paragraphs and real tables, in the order the body holds them.

Walks the document XML itself (python-docx opens and parses it) so that paragraphs and
tables stay interleaved, merged cells come out once (a horizontally merged cell gives its
text in its first column and empty strings in the columns it spans; a vertically merged
cell repeats its text in the rows it covers), and nested tables are flattened into their
cell's text. Tables split in several Word tables stay separate ``Table`` items.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

from importer.errors import UnreadableDocument, UnsupportedFormat
from importer.model import Block, Document, Location, Table

if TYPE_CHECKING:
    from importer.pipeline import Limits

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
MAX_RATIO = 100  # uncompressed / compressed size of one member; real Word XML stays under ~30


def read_docx(path: Path, limits: Limits) -> Document:
    check_zip(path, limits)
    import docx
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
    items: list[Block | Table] = []
    _walk(word.element.body, items)
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
        other = "bảng tính Excel" if "xl/workbook.xml" in names else "một tệp nén không phải văn bản Word"
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


def _walk(parent, items: list[Block | Table]) -> None:
    for child in parent.iterchildren():
        tag = child.tag
        if tag == f"{W}p":
            items.extend(Block(line) for line in paragraph_lines(child))
            for box in _text_boxes(child):
                _walk(box, items)
        elif tag == f"{W}tbl":
            table_index = sum(1 for item in items if isinstance(item, Table))
            items.append(Table(rows=table_rows(child), location=Location(table=table_index)))
        elif tag in (f"{W}sdt", f"{W}sdtContent", f"{W}customXml", f"{W}ins", f"{W}smartTag"):
            _walk(child, items)


def paragraph_lines(p) -> list[str]:
    """The text of one paragraph, split at manual line breaks (Shift+Enter)."""
    lines, parts = [], []
    for node in p.iter(f"{W}t", f"{W}tab", f"{W}br", f"{W}cr", f"{W}txbxContent", f"{MC}Fallback", f"{W}del"):
        if _inside_skipped(node, p):
            continue
        tag = node.tag
        if tag == f"{W}t":
            parts.append(node.text or "")
        elif tag == f"{W}tab":
            parts.append("\t")
        elif tag in (f"{W}br", f"{W}cr"):
            if node.get(f"{W}type") in (None, "textWrapping"):
                lines.append("".join(parts))
                parts = []
    lines.append("".join(parts))
    return [line for line in lines if line.strip()]


def _inside_skipped(node, stop) -> bool:
    """Text of text boxes, of a Fallback copy and of deleted revisions is not the paragraph's own."""
    for ancestor in node.iterancestors():
        if ancestor is stop:
            return False
        if ancestor.tag in (f"{W}txbxContent", f"{MC}Fallback", f"{W}del"):
            return True
    return False


def _text_boxes(p):
    return [box for box in p.iter(f"{W}txbxContent") if not _inside_skipped(box, p)]


def cell_text(tc) -> str:
    """A cell's paragraphs joined by newlines; a nested table adds one line per row."""
    lines: list[str] = []
    for child in tc.iterchildren():
        if child.tag == f"{W}p":
            lines.extend(paragraph_lines(child))
        elif child.tag == f"{W}tbl":
            lines.extend(" ".join(cell for cell in row if cell) for row in table_rows(child))
        elif child.tag == f"{W}sdt":
            content = child.find(f"{W}sdtContent")
            if content is not None:
                lines.append(cell_text(content))
    return "\n".join(line.strip() for line in lines if line.strip())


def _val(element, name: str) -> str | None:
    found = element.find(name) if element is not None else None
    return None if found is None else found.get(f"{W}val", "")


def table_rows(tbl) -> tuple[tuple[str, ...], ...]:
    rows: list[list[str]] = []
    above: dict[int, str] = {}  # grid column -> text of the vertically merged cell that started there
    for tr in tbl.iterchildren(f"{W}tr"):
        tr_pr = tr.find(f"{W}trPr")
        row: list[str] = [""] * int(_val(tr_pr, f"{W}gridBefore") or 0)
        cells = [c for c in tr.iterchildren(f"{W}tc", f"{W}sdt")]
        for tc in cells:
            if tc.tag == f"{W}sdt":
                content = tc.find(f"{W}sdtContent")
                tc = content.find(f"{W}tc") if content is not None else None
                if tc is None:
                    continue
            tc_pr = tc.find(f"{W}tcPr")
            span = int(_val(tc_pr, f"{W}gridSpan") or 1)
            merge = _val(tc_pr, f"{W}vMerge")
            column = len(row)
            if merge is not None and merge != "restart":
                text = above.get(column, "")
            else:
                text = cell_text(tc)
                if merge == "restart":
                    above[column] = text
                else:
                    above.pop(column, None)
            row.append(text)
            row.extend([""] * (span - 1))
        rows.append(row)
    width = max((len(row) for row in rows), default=0)
    return tuple(tuple(row + [""] * (width - len(row))) for row in rows)
