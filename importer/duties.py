"""Agencies named with duties, and the reporting regime.

Agencies come from the 'Tổ chức thực hiện' part (one heading or lead-in per body: 'a) Phòng Văn hóa - Xã hội',
'2. Văn phòng HĐND và UBND xã:', 'g) Đề nghị Mặt trận Tổ quốc …'), from the lead and partner cells of the
task catalogue, and from whoever receives the periodic reports; ``importer.agencies`` reads the names.
Collective holders ('Các cơ quan, đơn vị', 'Các phòng thuộc Sở') are not agencies. The reporting regime is
read from sentences of that part that send reports 'định kỳ (quý, 6 tháng, năm)', 'hàng năm' or 'đột xuất'
to someone.
"""

from __future__ import annotations

import re

from importer.agencies import agency_named_by, bodies_in, unique_names
from importer.markers import FOLDED_NUMERAL
from importer.model import Document, Reporting, Task
from importer.sections import Node, document_outline, heading_title, scope_of, split_sentences
from importer.text import fold, fold_aligned


def extract_agencies(document: Document, tasks: tuple[Task, ...]) -> tuple[str, ...]:
    outline = document_outline(document)
    names: list[str] = []
    for node in outline:
        if node.region == "body" and _in_organisation(node):
            name = agency_named_by(node.paragraph.body)
            if name:
                names.append(name)
    if not document.low_fidelity:  # OCR'd table cells are too damaged to name a body reliably
        for task in tasks:
            for cell in (task.lead, task.partners):
                names += [name for part in bodies_in(cell or "") if (name := agency_named_by(part))]
    for reporting in extract_reporting(document):
        receiver = agency_named_by(re.split(r"\(|\bqua\b", reporting.to or "")[0])
        if receiver and not receiver.startswith(("UBND", "Ủy ban")):
            names.append(receiver)
    return unique_names(names)


def _in_organisation(node: Node) -> bool:
    return scope_of(node) == "organisation" or any(
        fold(heading.body).startswith(("to chuc thuc hien", "trach nhiem")) for heading in node.ancestors
    )


# --- reporting ------------------------------------------------------------------------------------

_REPORT = re.compile(r"\bb\S{0,2}o c\S{0,2}o\b")
_PERIODIC = re.compile(r"\b[dđbp]\S{0,2}nh k\S{0,2}\b|\bhang (quy|nam|thang)\b|\bd\S{0,2}t xu\S{0,2}t\b")
_FREQUENCIES = (
    ("quarterly", re.compile(rf"\bquy\b(?!\s+(dinh|trinh|che|mo|hoach|pham|tac|chuan|{FOLDED_NUMERAL}\b))")),
    ("semiannual", re.compile(r"\b6 th\S{0,3}ng\b(?!\s+(cu|d\S{0,2}u)\S*\s+n\S{0,2}m\s+\d)")),
    ("annual", re.compile(r"\b(hang\s+)?n\S?m\b(?!\s+(20\d\d|\d))")),
    ("ad_hoc", re.compile(r"\bd\S{0,2}t xu\S{0,2}t\b")),
)
_RECEIVER = re.compile(
    r"\b(?:gui ve|gui|ve|cho|bao cao)\s+((?:phong|van phong|so|uy ban nhan dan|ubnd|trung tam|ban chi dao)\b.*)$"
)
# 'trước ngày 10/12', 'trước ngày 15/6/2026', 'trước ngày 15 tháng cuối quý', 'trước ngày 20 tháng 12 hằng năm'
_DEADLINE = re.compile(
    r"\btr\S{1,4}\s+ng\S{0,2}y\s*\d{1,2}\s*(?:/\s*\d{1,2}(?:\s*/\s*\d{4})?"
    r"|th\S{0,2}ng\s+(?:cu\S{0,2}i\s+(?:quy|ky|nam|ky bao cao)|\d{1,2})(?:\s+h\S{1,2}ng\s+n\S{0,2}m)?)"
)


def extract_reporting(document: Document) -> tuple[Reporting, ...]:
    outline = document_outline(document)
    found: dict[str, Reporting] = {}
    for node in outline:
        if node.region != "body" or not _in_organisation(node) and "bao cao" not in _heading_text(node):
            continue
        for sentence in split_sentences(node.paragraph.body):
            for reporting in read_reporting(sentence):
                found.setdefault(reporting.frequency, reporting)
    order = [frequency for frequency, _ in _FREQUENCIES]
    return tuple(sorted(found.values(), key=lambda r: order.index(r.frequency)))


def _heading_text(node: Node) -> str:
    return " ".join(fold(heading_title(h.body)) for h in node.ancestors)


def read_reporting(sentence: str) -> list[Reporting]:
    """'báo cáo định kỳ (quý, 6 tháng, năm) và đột xuất … gửi về Phòng Văn hóa - Xã hội' → four regimes."""
    folded = fold_aligned(sentence)
    start = None
    for report in _REPORT.finditer(folded):
        start = _periodic_start(folded, report)
        if start is not None:
            break
    if start is None:
        return []
    window = folded[start : start + 90]
    frequencies = [name for name, pattern in _FREQUENCIES if pattern.search(window)]
    deadline_match = _DEADLINE.search(folded)
    receiver = None
    for match in _RECEIVER.finditer(folded, start):
        # the receiver ends where its deadline begins ('… Phòng Văn hóa - Xã hội trước ngày 15 tháng cuối quý')
        end = len(folded)
        if deadline_match and deadline_match.start() > match.start(1):
            end = deadline_match.start()
        receiver = sentence[match.start(1) : end].strip(" .;,")
        break
    deadline = sentence[deadline_match.start() : deadline_match.end()] if deadline_match else None
    return [Reporting(frequency=f, to=_shorten(receiver), deadline=deadline) for f in frequencies]


_FILLER = re.compile(
    r"^[\s,();:]*(?:(?:hang|quy|6|th\S{0,3}ng|n\S?m|hoac|va|d\S{0,2}t|xu\S{0,2}t|tong|hop)[\s,();:]*)*$"
)


def _periodic_start(folded: str, report: re.Match[str]) -> int | None:
    """Where the periodic wording tied to this 'báo cáo' begins: 'định kỳ hàng quý, …, đột xuất báo cáo'
    (a chain of cues joined only by list words) or 'báo cáo định kỳ …' right after it; else None."""
    cues = list(_PERIODIC.finditer(folded))
    # 'báo cáo định kỳ …', 'báo cáo kết quả thực hiện định kỳ …' (a short object between, no punctuation)
    if any(
        0 <= cue.start() - report.end() <= 40 and not re.search(r"[.;:,]", folded[report.end() : cue.start()])
        for cue in cues
    ):
        return report.start()
    current = report.start()
    for cue in reversed([cue for cue in cues if cue.end() <= report.start()]):
        if not _FILLER.match(folded[cue.end() : current]):
            break
        current = cue.start()
    return current if current < report.start() else None


def _shorten(receiver: str | None) -> str | None:
    """The receiver up to its '(qua …)' note; drop what follows ('… tình hình thực hiện Chương trình')."""
    if not receiver:
        return None
    closing = receiver.find(")")
    if closing != -1 and "(" in receiver[:closing]:
        return receiver[: closing + 1]
    words = receiver.split()
    return " ".join(words[:14])
