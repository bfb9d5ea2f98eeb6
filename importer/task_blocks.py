"""Tasks written as prose blocks instead of a table: a task's text, then its cells as labelled lines.

    1. Rà soát, sửa đổi quy chế làm việc của Ủy ban nhân dân tỉnh.
    - Đơn vị chủ trì: Văn phòng UBND tỉnh.
    - Đơn vị phối hợp: Các sở, ban, ngành.
    - Thời gian thực hiện: Quý II/2026.
    - Sản phẩm: Quyết định của UBND tỉnh.

The labels may also follow the text in the same paragraph ('… (Cơ quan chủ trì: Sở Nội vụ; thời gian: năm
2026)'), and the text may have a label of its own ('- Nội dung: …'). A block is a task only when it names
who leads it: a plan's own 'Thời gian thực hiện: 2026–2030' line is not a task.

A department's work programme gives the lead in a sentence of the item instead ('a) Rà soát … . Giao Phòng Pháp
chế chủ trì, phối hợp với Văn phòng Sở thực hiện; hoàn thành trong Quý II/2026.'): ``assigned``.
"""

from __future__ import annotations

import re

from importer.model import Document, Task
from importer.sections import Node, Paragraph, document_outline
from importer.text import fold_aligned

_LABEL = re.compile(
    r"(?:^|(?<=[\s;.(,]))(?P<label>(?:don vi|co quan)\s+(?:chu tri|thuc hien)(?: thuc hien)?|chu tri(?: thuc hien)?"
    r"|(?:(?:don vi|co quan)\s+)?phoi hop(?: thuc hien)?"
    r"|thoi (?:gian|han)(?: thuc hien| hoan thanh| trien khai)?|tien do(?: thuc hien)?"
    r"|san pham(?: dau ra| chu yeu)?|ket qua (?:du kien|dau ra)|noi dung(?: thuc hien| cong viec| nhiem vu)?)\s*:",
    re.IGNORECASE,
)
_ROLES = (
    ("content", r"noi dung"),
    ("partners", r"phoi hop"),
    ("deadline", r"thoi|tien do"),
    ("output", r"san pham|ket qua"),
    ("lead", r""),
)


def extract_task_blocks(document: Document) -> list[Task]:
    """Every prose task block in the plan's body, in order."""
    tasks: list[Task] = []
    pending: Paragraph | None = None
    current: dict | None = None
    for node in document_outline(document):
        paragraph = node.paragraph
        if node.region != "body":
            _flush(tasks, current)
            pending, current = None, None
            continue
        cells = assigned(paragraph.body)
        if cells:
            _flush(tasks, current)
            _flush(tasks, {"no": paragraph.marker, "location": paragraph.location} | cells)
            pending, current = None, None
            continue
        folded = fold_aligned(paragraph.body)
        labels = list(_LABEL.finditer(folded))
        if not labels:
            _flush(tasks, current)
            pending, current = paragraph, None
            continue
        head = paragraph.body[: labels[0].start()].strip(" ;.,(-–")
        opens = _role(labels[0]) == "content" and (current is None or "content" in current or "lead" in current)
        if head or opens:
            _flush(tasks, current)
            current = {"no": paragraph.marker, "location": paragraph.location} | ({"content": head} if head else {})
        elif current is None:
            if pending is None:
                continue
            current = {"content": pending.body, "no": pending.marker, "location": pending.location}
        for label, after in zip(labels, labels[1:] + [None], strict=True):
            value = paragraph.body[label.end() : after.start() if after else None].strip(" ;.,)(-–")
            role = _role(label)
            if value and role not in current:
                current[role] = value
        pending = None
    _flush(tasks, current)
    return tasks


# '… . Giao <lead> chủ trì[, phối hợp với <partners>] thực hiện; hoàn thành trong <deadline>.' (folded)
_ASSIGNED = re.compile(
    r"(?<=[.;])\s+giao\s+(?P<lead>\S.*?)\s+chu tri\b(?:\s*,?\s*phoi hop voi\s+(?P<partners>\S.*?))?"
    r"(?:\s+thuc hien\s*[;,]|\s+thuc hien(?=[\s.]*$)|\s*;|(?=[\s.]*$))\s*(?P<deadline>\S.*?)?[\s.]*$"
)
# '… (<lead> chủ trì[, <partners> phối hợp | , phối hợp với <partners>][; hoàn thành trong <deadline>]).' (folded)
_BRACKETED = re.compile(
    r"\s*\((?P<lead>[^();]+?)\s+chu tri\b"
    r"(?:\s*,\s*(?:phoi hop voi\s+(?P<partners>[^();]+?)|(?P<with>[^();]+?)\s+phoi hop))?"
    r"\s*(?:;\s*(?P<deadline>[^()]+?))?\s*\)[\s.;]*$"
)
_WHEN = re.compile(
    r"^(?:(?:hoan thanh(?: trong)?|thuc hien(?: trong)?|thoi (?:gian|han)(?: thuc hien| hoan thanh)?\s*:?|trong)\s*)?"
)


def assigned(text: str) -> dict | None:
    """The cells of a task whose lead a sentence of its own gives ('Rà soát … . Giao Phòng Pháp chế chủ trì,
    phối hợp với Văn phòng Sở thực hiện; hoàn thành trong Quý II/2026.') or brackets at its end ('Rà soát …
    (Văn phòng HĐND-UBND chủ trì; hoàn thành trong Quý II).'): content, lead, partners and deadline; None
    unless the item says what to do before that."""
    folded = fold_aligned(text)
    said = _ASSIGNED.search(folded) or _BRACKETED.search(folded)
    if not said:
        return None
    cells = {"content": text[: said.start()].strip(" ;-–")}
    for role in ("lead", "partners", "deadline"):
        group = "with" if role == "partners" and said.re is _BRACKETED and said["with"] else role
        value = text[said.start(group) : said.end(group)].strip(" ;.,") if said[group] else ""
        if role == "deadline":
            value = value[_WHEN.match(fold_aligned(value)).end() :]
        if value:
            cells[role] = value
    return cells


def _role(label: re.Match[str]) -> str:
    return next(role for role, cue in _ROLES if re.search(cue, label["label"].lower()))


def _flush(tasks: list[Task], block: dict | None) -> None:
    if not block or not block.get("lead") or not block.get("content"):
        return
    no = block["no"]
    tasks.append(
        Task(
            content=block["content"],
            no=no.strip("()") if no and no not in ("-", "+", "•") else None,
            lead=block.get("lead"),
            partners=block.get("partners"),
            deadline=block.get("deadline"),
            output=block.get("output"),
            location=block["location"],
        )
    )


# the headings of a plan's task part: 'II. NHIỆM VỤ TRỌNG TÂM', 'B. NHIỆM VỤ VÀ GIẢI PHÁP', 'III. GIẢI PHÁP'
_TASK_PART = re.compile(r"^(cac )?(nhiem vu|giai phap)\b")
_ITEM_LEVELS = (2, 3, 4, 5, 6)  # arabic, dotted, letter, dash, plus (importer.sections)


def task_paragraphs(document: Document) -> list[Paragraph]:
    """The list items of the task part of a prose plan ('II. NHIỆM VỤ …' and what it holds), headings and labelled
    lines excepted: what an officer may make tasks of when the plan has no task table."""
    return [node.paragraph for node in task_paragraph_nodes(document)]


def task_paragraph_nodes(document: Document) -> list[Node]:
    """The paragraphs of ``task_paragraphs`` with the headings above each."""
    found = []
    for node in document_outline(document):
        paragraph = node.paragraph
        if node.region != "body" or paragraph.level not in _ITEM_LEVELS or paragraph.is_heading():
            continue
        if not any(_TASK_PART.match(fold_aligned(heading.body).strip()) for heading in node.ancestors):
            continue
        body = paragraph.body.strip()
        if len(body) < 15 or _LABEL.match(fold_aligned(body)):
            continue
        found.append(node)
    return found
