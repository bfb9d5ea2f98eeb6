"""Criteria frameworks in and out: a plain dict shape, YAML (for those who keep them in git) and .xlsx (for those
who keep them in Excel), the totals check, and the sample framework shipped with cchc.

The dict shape (what YAML holds)::

    name, decision_number, decision_date (YYYY-MM-DD), year, groups: [communes, wards, departments], sample, note
    criteria: [{code, title, max, part (main/bonus/penalty), method, params, evidence, groups, children: [...]}]

In the workbook, one row per criterion; a criterion's parent is the code without its last part ("1.1.2" → "1.1").
"""

from __future__ import annotations

import datetime as dt
import io
import json
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

import yaml
from django.db import transaction
from openpyxl import Workbook, load_workbook

from apps.audit.models import record
from apps.par.methods import METHODS, check_params, pts
from apps.par.models import Criterion, Framework, Part, UnitGroup
from cchc import xlsx
from cchc.versioning import claim

SAMPLE = Path(__file__).parent / "data" / "sample_framework.yaml"
TOTAL = Decimal(100)
COLUMNS = [
    "Mã",
    "Nội dung",
    "Phần",
    "Điểm tối đa",
    "Cách chấm",
    "Tham số (JSON)",
    "Tài liệu kiểm chứng",
    "Áp dụng cho khối",
]
PART_LABELS = {p.value: p.label for p in Part}
GROUP_LABELS = {g.value: g.label for g in UnitGroup}


class FrameworkError(ValueError):
    """A framework that cannot be read or saved; ``problems`` lists what to fix, one line each."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("; ".join(problems))


@dataclass
class Node:
    code: str
    title: str
    max_points: Decimal
    part: str = Part.MAIN
    method: str = "manual"
    params: dict = field(default_factory=dict)
    evidence: str = ""
    groups: list[str] = field(default_factory=list)
    children: list[Node] = field(default_factory=list)


# --- the totals check ---------------------------------------------------------------------------------------


def check(nodes: list[Node]) -> list[str]:
    """What is wrong with a tree: children that do not add up to their parent, a main part that is not 100 points,
    unknown methods or groups, bad parameters. Empty when the framework can be used."""
    problems: list[str] = []
    seen: set[str] = set()

    def walk(node: Node) -> None:
        if node.code in seen:
            problems.append(f"Mã “{node.code}” bị trùng.")
        seen.add(node.code)
        if node.max_points <= 0:
            problems.append(f"{node.code}: điểm tối đa phải lớn hơn 0.")
        bad_groups = [g for g in node.groups if g not in GROUP_LABELS]
        if bad_groups:
            problems.append(f"{node.code}: không có khối “{', '.join(bad_groups)}” (dùng {', '.join(GROUP_LABELS)}).")
        if node.children:
            total = sum((c.max_points for c in node.children), Decimal(0))
            if total != node.max_points:
                problems.append(
                    f"{node.code}: các tiêu chí con cộng lại {pts(total)} điểm, "
                    f"khác điểm tối đa {pts(node.max_points)}."
                )
            for child in node.children:
                walk(child)
        else:
            problems.extend(f"{node.code}: {p}" for p in check_params(node.method, node.params))

    for node in nodes:
        walk(node)
    main = sum((n.max_points for n in nodes if n.part == Part.MAIN), Decimal(0))
    if main != TOTAL:
        problems.append(f"Các nội dung chấm điểm cộng lại {pts(main)} điểm, phải đúng 100 điểm.")
    return problems


def check_framework(framework: Framework) -> list[str]:
    return check(to_nodes(framework))


# --- dict shape ---------------------------------------------------------------------------------------------


def _decimal(raw, where: str, problems: list[str]) -> Decimal:
    try:
        return Decimal(str(raw).replace(",", ".")).quantize(Decimal("0.01"))
    except (InvalidOperation, ValueError):
        problems.append(f"{where}: điểm tối đa “{raw}” không phải là số.")
        return Decimal(0)


def _node(data: dict, inherited_part: str, problems: list[str]) -> Node:
    code = str(data.get("code") or "").strip()
    if not code:
        problems.append(f"Một tiêu chí thiếu mã: “{str(data.get('title', ''))[:60]}”.")
    part = str(data.get("part") or inherited_part)
    if part not in PART_LABELS:
        problems.append(f"{code}: phần “{part}” không hợp lệ (main, bonus hoặc penalty).")
        part = Part.MAIN
    method = str(data.get("method") or "manual")
    if method not in METHODS:
        problems.append(f"{code}: không có cách chấm “{method}” (dùng {', '.join(METHODS)}).")
    params = data.get("params") or {}
    groups = data.get("groups") or []
    if isinstance(groups, str):
        groups = [g.strip() for g in groups.split(",") if g.strip()]
    return Node(
        code=code,
        title=str(data.get("title") or "").strip(),
        max_points=_decimal(data.get("max", 0), code, problems),
        part=part,
        method=method,
        params=params if isinstance(params, dict) else {},
        evidence=str(data.get("evidence") or "").strip(),
        groups=list(groups),
        children=[_node(c, part, problems) for c in data.get("children") or []],
    )


def _meta(data: dict, problems: list[str]) -> dict:
    groups = data.get("groups") or []
    if isinstance(groups, str):
        groups = [g.strip() for g in groups.split(",") if g.strip()]
    if not groups or any(g not in GROUP_LABELS for g in groups):
        problems.append(f"Khối áp dụng phải là một hay nhiều trong: {', '.join(GROUP_LABELS)}.")
    decision_date = data.get("decision_date")
    if isinstance(decision_date, str) and decision_date.strip():
        try:
            decision_date = dt.date.fromisoformat(decision_date.strip())
        except ValueError:
            problems.append(f"Ngày quyết định “{decision_date}” phải có dạng NNNN-TT-NN.")
            decision_date = None
    elif not isinstance(decision_date, dt.date):
        decision_date = None
    try:
        year = int(data.get("year"))
        if not 2000 <= year <= 2100:
            raise ValueError
    except (TypeError, ValueError):
        problems.append("Năm áp dụng (year) phải là một năm, VD 2025.")
        year = 0
    if not str(data.get("decision_number") or "").strip():
        problems.append("Thiếu số quyết định (decision_number).")
    return {
        "name": str(data.get("name") or "").strip() or "Bộ tiêu chí Chỉ số CCHC",
        "decision_number": str(data.get("decision_number") or "").strip(),
        "decision_date": decision_date,
        "year": year,
        "groups": groups,
        "is_sample": bool(data.get("sample")),
        "note": str(data.get("note") or ""),
    }


def from_dict(data) -> tuple[dict, list[Node]]:
    """The framework's fields and its tree; ``FrameworkError`` with every problem found."""
    if not isinstance(data, dict):
        raise FrameworkError(["Tệp không có dạng một bộ tiêu chí (cần các khóa name, decision_number, criteria…)."])
    problems: list[str] = []
    meta = _meta(data, problems)
    nodes = [_node(c, Part.MAIN, problems) for c in data.get("criteria") or []]
    if not nodes:
        problems.append("Bộ tiêu chí không có tiêu chí nào (criteria).")
    problems += check(nodes)
    if problems:
        raise FrameworkError(problems)
    return meta, nodes


def to_nodes(framework: Framework) -> list[Node]:
    rows = framework.nodes()
    made: dict[int, Node] = {}
    roots: list[Node] = []
    for row in rows:
        node = Node(
            row.code, row.title, row.max_points, row.part, row.method, row.params or {}, row.evidence, row.groups or []
        )
        made[row.pk] = node
        (made[row.parent_id].children if row.parent_id else roots).append(node)
    return roots


def _node_dict(node: Node) -> dict:
    data: dict = {"code": node.code, "title": node.title, "max": float(node.max_points)}
    if node.part != Part.MAIN:
        data["part"] = node.part
    if node.children:
        data["children"] = [_node_dict(c) for c in node.children]
    else:
        data["method"] = node.method
        if node.params:
            data["params"] = node.params
        if node.evidence:
            data["evidence"] = node.evidence
    if node.groups:
        data["groups"] = node.groups
    return data


def to_dict(framework: Framework) -> dict:
    return {
        "name": framework.name,
        "decision_number": framework.decision_number,
        "decision_date": framework.decision_date.isoformat() if framework.decision_date else None,
        "year": framework.year,
        "groups": framework.groups,
        "sample": framework.is_sample,
        "note": framework.note,
        "criteria": [_node_dict(n) for n in to_nodes(framework)],
    }


# --- saving -------------------------------------------------------------------------------------------------


def save(meta: dict, nodes: list[Node]) -> Framework:
    """Store a checked framework. The same decision for the same year replaces its criteria, unless an assessment
    already uses it (a year's assessment stays on the version it was opened with)."""
    with transaction.atomic():
        framework = Framework.objects.filter(decision_number=meta["decision_number"], year=meta["year"]).first()
        if framework is not None:
            if framework.in_use():
                raise FrameworkError(
                    [
                        f"Bộ tiêu chí theo quyết định {framework.decision_number} năm {framework.year} đã được dùng "
                        "cho năm đánh giá đã mở nên không thay được; hãy nhập với số quyết định mới."
                    ]
                )
            for key, value in meta.items():
                setattr(framework, key, value)
            framework.save()
            framework.criteria.all().delete()
        else:
            framework = Framework.objects.create(**meta)
        position = 0

        def put(node: Node, parent: Criterion | None) -> None:
            nonlocal position
            position += 1
            row = Criterion.objects.create(
                framework=framework,
                parent=parent,
                position=position,
                code=node.code,
                title=node.title,
                part=node.part,
                max_points=node.max_points,
                method=node.method if not node.children else "manual",
                params=node.params if not node.children else {},
                evidence=node.evidence,
                groups=node.groups,
            )
            for child in node.children:
                put(child, row)

        for node in nodes:
            put(node, None)
    return framework


def load_yaml(data: bytes | str) -> Framework:
    try:
        parsed = yaml.safe_load(data)
    except yaml.YAMLError as error:
        raise FrameworkError([f"Tệp YAML không đọc được: {error}".splitlines()[0]]) from error
    return save(*from_dict(parsed))


def load_sample() -> Framework:
    """The sample framework (a sample, to be replaced by the city's decision); loading it again changes nothing
    once it is in use."""
    existing = Framework.objects.filter(decision_number="MẪU", year=2025).first()
    if existing is not None and existing.in_use():
        return existing
    return load_yaml(SAMPLE.read_text(encoding="utf-8"))


def dump_yaml(framework: Framework) -> str:
    return yaml.safe_dump(to_dict(framework), allow_unicode=True, sort_keys=False, width=120)


# --- .xlsx --------------------------------------------------------------------------------------------------


def dump_xlsx(framework: Framework) -> bytes:
    book = Workbook()
    info = book.active
    info.title = "Thông tin"
    for label, value in (
        ("Tên bộ tiêu chí", framework.name),
        ("Số quyết định", framework.decision_number),
        ("Ngày quyết định", framework.decision_date.isoformat() if framework.decision_date else ""),
        ("Năm áp dụng", framework.year),
        ("Khối áp dụng", ", ".join(framework.groups)),
        ("Bộ mẫu", "có" if framework.is_sample else "không"),
        ("Ghi chú", framework.note),
    ):
        xlsx.append(info, [label, value])
    info.column_dimensions["A"].width, info.column_dimensions["B"].width = 20, 90
    sheet = book.create_sheet("Tiêu chí")
    xlsx.append(sheet, COLUMNS)
    for row in framework.nodes():
        leaf = not row.kids
        xlsx.append(
            sheet,
            [
                row.code,
                row.title,
                row.part,
                row.max_points,
                row.method if leaf else "",
                json.dumps(row.params, ensure_ascii=False) if leaf and row.params else "",
                row.evidence,
                ", ".join(row.groups or []),
            ],
        )
    for letter, width in zip("ABCDEFGH", (8, 70, 9, 11, 18, 30, 40, 18), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _text(value) -> str:
    return "" if value is None else str(value).strip()


def read_xlsx(data: bytes) -> dict:
    """The dict shape from a workbook written by ``dump_xlsx`` (or typed by hand in its shape)."""
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a file that is not a workbook
        raise FrameworkError(
            ["Tệp không phải bảng tính .xlsx đọc được; hãy lưu lại bằng Excel rồi gửi lại."]
        ) from error
    if "Thông tin" not in book.sheetnames or "Tiêu chí" not in book.sheetnames:
        raise FrameworkError(["Bảng tính cần hai trang “Thông tin” và “Tiêu chí” như tệp tải về từ cchc."])
    keys = {
        "Tên bộ tiêu chí": "name",
        "Số quyết định": "decision_number",
        "Ngày quyết định": "decision_date",
        "Năm áp dụng": "year",
        "Khối áp dụng": "groups",
        "Bộ mẫu": "sample",
        "Ghi chú": "note",
    }
    data_out: dict = {}
    for row in book["Thông tin"].iter_rows(values_only=True):
        if row and _text(row[0]) in keys:
            value = row[1] if len(row) > 1 else None
            data_out[keys[_text(row[0])]] = value.date() if isinstance(value, dt.datetime) else value
    data_out["sample"] = _text(data_out.get("sample")).lower() in ("có", "co", "yes", "true", "1")
    if data_out.get("decision_date") is not None and not isinstance(data_out["decision_date"], dt.date):
        data_out["decision_date"] = _text(data_out["decision_date"])
    problems: list[str] = []
    by_code: dict[str, dict] = {}
    roots: list[dict] = []
    for number, row in enumerate(book["Tiêu chí"].iter_rows(min_row=2, values_only=True), start=2):
        cells = [*row, *[None] * 8][:8]
        code = _text(cells[0])
        if not code and not _text(cells[1]):
            continue
        raw_params = _text(cells[5])
        try:
            params = json.loads(raw_params) if raw_params else {}
        except json.JSONDecodeError:
            problems.append(f'Dòng {number}: tham số “{raw_params}” không phải JSON (VD {{"threshold": 85}}).')
            params = {}
        node = {
            "code": code,
            "title": _text(cells[1]),
            "part": _text(cells[2]) or None,
            "max": cells[3] if cells[3] is not None else 0,
            "method": _text(cells[4]) or "manual",
            "params": params,
            "evidence": _text(cells[6]),
            "groups": _text(cells[7]),
            "children": [],
        }
        parent_code = code.rpartition(".")[0]
        if parent_code:
            parent = by_code.get(parent_code)
            if parent is None:
                problems.append(
                    f"Dòng {number}: mã {code} nằm dưới {parent_code} nhưng chưa có dòng nào mã {parent_code}."
                )
                continue
            node["part"] = node["part"] or parent["part"]
            parent["children"].append(node)
        else:
            roots.append(node)
        by_code[code] = node
    if problems:
        raise FrameworkError(problems)
    data_out["criteria"] = roots
    return data_out


def load_xlsx(data: bytes) -> Framework:
    return save(*from_dict(read_xlsx(data)))


# --- editing in the browser ---------------------------------------------------------------------------------

IN_USE = (
    "Bộ tiêu chí này đã được dùng cho một năm đánh giá đã mở (bản chấm giữ nguyên phiên bản đã mở) nên không sửa "
    "tại chỗ được; hãy tạo phiên bản mới bằng cách sao chép rồi sửa bản sao."
)


def _apply(row: Criterion, typed: dict, problems: list[str]) -> None:
    """Typed values onto one criterion (new or not); headings keep no method."""
    if "title" in typed:
        row.title = str(typed["title"]).strip() or row.title
    if "max_points" in typed:
        row.max_points = _decimal(typed["max_points"], row.code, problems)
    if "method" in typed:
        row.method = str(typed["method"] or "manual")
        if row.method not in METHODS:
            problems.append(f"{row.code}: không có cách chấm “{row.method}”.")
    if "params" in typed:
        raw = str(typed["params"]).strip()
        try:
            row.params = json.loads(raw) if raw else {}
        except json.JSONDecodeError:
            problems.append(f'{row.code}: tham số “{raw}” không phải JSON (VD {{"threshold": 85}}).')
        if not isinstance(row.params, dict):
            problems.append(f'{row.code}: tham số phải có dạng {{"tên": giá trị}}.')
            row.params = {}
    if "evidence" in typed:
        row.evidence = str(typed["evidence"]).strip()
    if "groups" in typed:
        row.groups = [g for g in typed["groups"] if g]


def edit(
    framework: Framework,
    changes: dict[int, dict],
    expected_version: int | None = None,
    removed: set[int] | frozenset = frozenset(),
    added: list[dict] = (),
    user=None,
) -> list[str]:
    """Change criteria in place (title, points, method, parameters, evidence, groups), remove some (with what is under
    them) and add new ones, all after the totals check: returns the problems and changes nothing when there are any.
    ``changes`` by criterion id, values as typed; ``added``: dicts of code, title, part, max_points, method, params,
    evidence, groups, each placed by its code as in the workbook ("1.1.3" under "1.1"). Versioned and audited. A
    framework an opened year uses is never changed in place."""
    if framework.in_use():
        return [IN_USE]
    rows = {row.pk: row for row in framework.nodes()}
    gone = {pk for pk in removed if pk in rows}
    for row in rows.values():  # in tree order: what is under a removed criterion goes with it
        if row.parent_id in gone:
            gone.add(row.pk)
    problems: list[str] = []
    for pk, typed in changes.items():
        if pk in rows and pk not in gone:
            _apply(rows[pk], typed, problems)
    kept = [row for row in rows.values() if row.pk not in gone]
    by_code = {row.code: row for row in kept}
    removed_codes = {rows[pk].code for pk in gone}
    kids: dict[int, list[Criterion]] = {id(row): [] for row in kept}
    roots: list[Criterion] = []
    for row in kept:
        (kids[id(rows[row.parent_id])] if row.parent_id else roots).append(row)
    new: list[Criterion] = []
    for typed in added:
        code = str(typed.get("code") or "").strip()
        if not code:
            problems.append(f"Tiêu chí thêm “{str(typed.get('title', ''))[:60]}” chưa có mã (VD 1.1.3).")
            continue
        parent_code = code.rpartition(".")[0]
        parent = by_code.get(parent_code) if parent_code else None
        if parent_code and parent is None:
            where = "vừa bị bỏ" if parent_code in removed_codes else "chưa có"
            problems.append(f"Mã {code} nằm dưới {parent_code} nhưng tiêu chí {parent_code} {where}.")
            continue
        part = parent.part if parent is not None else str(typed.get("part") or Part.MAIN)
        if part not in PART_LABELS:
            problems.append(f"{code}: phần “{part}” không hợp lệ.")
            part = Part.MAIN
        row = Criterion(framework=framework, code=code, title="", part=part, max_points=Decimal(0), params={})
        _apply(row, typed, problems)
        if not row.title:
            problems.append(f"{code}: hãy viết nội dung tiêu chí.")
        new.append(row)
        kids[id(row)] = []
        by_code.setdefault(code, row)
        siblings = kids[id(parent)] if parent is not None else roots
        same_part = [i for i, other in enumerate(siblings) if other.part == part]  # a content before bonus, penalty
        siblings.insert(same_part[-1] + 1 if same_part else len(siblings), row)
    if problems:
        return problems

    def node(row: Criterion) -> Node:
        children = [node(child) for child in kids[id(row)]]
        return Node(
            row.code, row.title, row.max_points, row.part, row.method, row.params, row.evidence, row.groups, children
        )

    problems = check([node(row) for row in roots])
    if problems:
        return problems
    with transaction.atomic():
        claim(framework, expected_version)
        Criterion.objects.filter(pk__in=gone).delete()
        position = 0

        def put(row: Criterion, parent: Criterion | None) -> None:
            nonlocal position
            position += 1
            row.position, row.parent = position, parent
            if kids[id(row)]:
                row.method, row.params = "manual", {}
            row.save()
            for child in kids[id(row)]:
                put(child, row)

        for row in roots:
            put(row, None)
        changed = sorted(rows[pk].code for pk in changes if pk in rows and pk not in gone)
        summary = f"Sửa bộ tiêu chí {framework}"
        for label, codes in (("thêm", [r.code for r in new]), ("bỏ", sorted(removed_codes)), ("sửa", changed)):
            if codes:
                summary += f"; {label} {', '.join(codes[:20])}"
        record(
            user,
            "par.framework_edited",
            framework,
            None,
            after={"added": [r.code for r in new], "removed": sorted(removed_codes), "changed": changed},
            summary=summary,
        )
    return []


def copy(framework: Framework, decision_number: str, year, user=None) -> Framework:
    """A new version of a framework: the same tree under another decision (number, year), to edit before use."""
    number = (decision_number or "").strip()
    problems: list[str] = []
    meta = _meta(
        {
            "name": framework.name,
            "decision_number": number,
            "decision_date": None,
            "year": year,
            "groups": framework.groups,
            "sample": framework.is_sample,
            "note": framework.note,
        },
        problems,
    )
    if not problems and Framework.objects.filter(decision_number=number, year=meta["year"]).exists():
        problems.append(f"Đã có bộ tiêu chí theo quyết định {number} năm {meta['year']}; hãy dùng số quyết định khác.")
    if problems:
        raise FrameworkError(problems)
    with transaction.atomic():
        made = save(meta, to_nodes(framework))
        record(user, "par.framework_copied", made, None, summary=f"Sao chép {framework} thành {made}")
    return made
