"""HTML saved or copied from a web page: its text as lines, its tables as rows of cells.

Block elements (p, div, h1–h6, li, br, tr…) end a line; a table becomes ``(rows, first line)``, each cell's
paragraphs joined by newlines as the Word reader joins them, a merged cell (colspan, rowspan) repeated in each
place it covers. Scripts, styles and forms are left out.
What is the site's and what is the document's is told apart afterwards, the same way for every text
reader (``importer.readers.text.drop_site_chrome``).
"""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

_BLOCKS = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li ul ol br tr table section article header footer nav blockquote pre dt dd".split()
)
_SKIPPED = frozenset("script style noscript template select button svg head".split())
_SPACES = re.compile(r"[ \t\r\n\u00a0]+")

HtmlLine = str | tuple[tuple[tuple[str, ...], ...], int]


def looks_like_html(text: str) -> bool:
    """Markup a browser would render: a doctype or html tag, or several paragraph and table tags."""
    head = text[:4000].lower()
    if re.search(r"<!doctype html|<html[\s>]", head):
        return True
    return len(re.findall(r"</(p|div|td|tr|li|h\d)>", text[:20000], re.IGNORECASE)) >= 5


def html_lines(text: str) -> list[HtmlLine]:
    """The page's lines in reading order; a table is one entry (its rows, its line number)."""
    parser = _Parser()
    parser.feed(text)
    parser.close()
    parser.end_line()
    return parser.out


def _span(value: str | None) -> int:
    try:
        return max(1, min(int(value or 1), 50))
    except ValueError:
        return 1


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[HtmlLine] = []
        self.line: list[str] = []
        self.skip = 0
        self.tables: list[dict] = []  # open tables (nested ones are read into their cell)

    # --- text ---
    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        if self.tables and self.tables[-1]["cell"] is not None:
            self.tables[-1]["cell"][-1].append(data)
        else:
            self.line.append(data)

    def end_line(self) -> None:
        text = _SPACES.sub(" ", unescape("".join(self.line))).strip()
        self.line = []
        if text:
            self.out.append(text)

    # --- tags ---
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self.skip += 1
            return
        if self.skip:
            return
        if tag == "table":
            if self.tables and self.tables[-1]["cell"] is not None:  # a table inside a cell: one line per row
                self.tables[-1]["cell"].append([])
            else:
                self.end_line()
            self.tables.append({"rows": [], "row": None, "cell": None, "line": len(self.out) + 1, "down": {}})
        elif tag == "tr" and self.tables:
            self._close_row()
            self.tables[-1]["row"] = []
        elif tag in ("td", "th") and self.tables:
            table = self.tables[-1]
            self._close_cell()
            if table["row"] is None:
                table["row"] = []
            spans = dict(attrs)
            table["span"] = (_span(spans.get("colspan")), _span(spans.get("rowspan")))
            table["cell"] = [[]]
        elif tag in _BLOCKS:
            self._break()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self.skip = max(0, self.skip - 1)
            return
        if self.skip:
            return
        if tag == "table" and self.tables:
            self._close_row()
            table = self.tables.pop()
            rows = tuple(tuple(row) for row in table["rows"] if any(cell for cell in row))
            if self.tables and self.tables[-1]["cell"] is not None:
                self.tables[-1]["cell"].extend([[" ".join(cell for cell in row if cell)] for row in rows])
                self.tables[-1]["cell"].append([])
            elif rows:
                self.out.append((rows, table["line"]))
        elif tag in ("td", "th") and self.tables:
            self._close_cell()
        elif tag == "tr" and self.tables:
            self._close_row()
        elif tag in _BLOCKS:
            self._break()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self._break()

    def _break(self) -> None:
        if self.tables and self.tables[-1]["cell"] is not None:
            self.tables[-1]["cell"].append([])
        else:
            self.end_line()

    def _close_cell(self) -> None:
        table = self.tables[-1]
        if table["cell"] is None:
            return
        paragraphs = [_SPACES.sub(" ", unescape("".join(part))).strip() for part in table["cell"]]
        text = "\n".join(p for p in paragraphs if p)
        columns, rows = table["span"]
        for _ in range(columns):
            self._fill_down(table)
            if rows > 1:
                table["down"][len(table["row"])] = (text, rows - 1)
            table["row"].append(text)
        table["cell"] = None

    def _fill_down(self, table: dict) -> None:
        """Cells of the rows above spanning down into this row take their place in it (merged cells repeat)."""
        while len(table["row"]) in table["down"]:
            column = len(table["row"])
            text, left = table["down"].pop(column)
            if left > 1:
                table["down"][column] = (text, left - 1)
            table["row"].append(text)

    def _close_row(self) -> None:
        table = self.tables[-1]
        self._close_cell()
        if table["row"] is not None:
            self._fill_down(table)
            table["rows"].append(table["row"])
        table["row"] = None
