"""Typed values passed between importer stages.

Readers produce a ``Document`` (blocks of text and tables, in reading order);
the pipeline turns it into a ``Plan``. Everything here is frozen: a stage returns
new values, it never edits the ones it was given.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import StrEnum


class Status(StrEnum):
    SUCCESS = "success"
    PARTIAL = "partial"
    FAILED = "failed"


class Area(StrEnum):
    """The seven CCHC reform areas, as the plan schema spells them."""

    CHI_DAO_DIEU_HANH = "chi_dao_dieu_hanh"
    THE_CHE = "the_che"
    TTHC = "tthc"
    BO_MAY = "bo_may"
    CONG_VU = "cong_vu"
    TAI_CHINH_CONG = "tai_chinh_cong"
    CHINH_PHU_SO = "chinh_phu_so"


@dataclass(frozen=True)
class Location:
    """Where something was found: page (1-based), table (0-based), row (0-based), line (1-based)."""

    page: int | None = None
    table: int | None = None
    row: int | None = None
    line: int | None = None

    def describe(self) -> str:
        parts = []
        if self.page is not None:
            parts.append(f"trang {self.page}")
        if self.table is not None:
            parts.append(f"bảng {self.table + 1}")
        if self.row is not None:
            parts.append(f"dòng {self.row + 1} của bảng")
        if self.line is not None:
            parts.append(f"dòng {self.line}")
        return ", ".join(parts) or "không rõ vị trí"


@dataclass(frozen=True)
class Problem:
    """A doubt about the content: not an error, the import goes on and is marked partial."""

    code: str
    message: str
    location: Location = field(default_factory=Location)


# --- what readers produce -------------------------------------------------------------


@dataclass(frozen=True)
class Block:
    """One line or paragraph of running text."""

    text: str
    location: Location = field(default_factory=Location)


@dataclass(frozen=True)
class Table:
    """A table as rows of cell texts (merged cells repeat or are empty)."""

    rows: tuple[tuple[str, ...], ...]
    location: Location = field(default_factory=Location)


@dataclass(frozen=True)
class Document:
    """What a reader returns: the content in reading order, and what it knows of the source."""

    items: tuple[Block | Table, ...]
    source: str = ""
    pages: int | None = None
    low_fidelity: bool = False
    problems: tuple[Problem, ...] = ()

    @property
    def blocks(self) -> tuple[Block, ...]:
        return tuple(item for item in self.items if isinstance(item, Block))

    @property
    def tables(self) -> tuple[Table, ...]:
        return tuple(item for item in self.items if isinstance(item, Table))

    @property
    def read_by_ocr(self) -> bool:
        """Whether some of its pages were read by OCR (the reader said so in an 'ocr' problem)."""
        return any(problem.code == "ocr" for problem in self.problems)


# --- what the pipeline produces ---------------------------------------------------------


@dataclass(frozen=True)
class Meta:
    number: str | None = None
    issuer: str | None = None
    issuer_level: str | None = None  # "xa" | "so" | "tinh"
    date: str | None = None  # YYYY-MM-DD
    title: str | None = None
    period_start: str | None = None  # YYYY-MM
    period_end: str | None = None  # YYYY-MM
    bases: tuple[str, ...] = ()
    supersedes: tuple[str, ...] = ()
    signer: str | None = None
    signer_title: str | None = None


@dataclass(frozen=True)
class Target:
    text: str
    value: float
    unit: str = "%"
    comparator: str = "="  # ">=" | "=" | "<="
    area: str | None = None
    phase: str | None = None
    location: Location = field(default_factory=Location)


@dataclass(frozen=True)
class Task:
    content: str
    section: str | None = None
    no: str | None = None
    lead: str | None = None
    partners: str | None = None
    deadline: str | None = None
    output: str | None = None
    area: str | None = None  # the reform area its section heading or its "Lĩnh vực" cell names ("the_che", …)
    location: Location = field(default_factory=Location)


@dataclass(frozen=True)
class Reporting:
    frequency: str  # "quarterly" | "semiannual" | "annual" | "ad_hoc"
    to: str | None = None
    deadline: str | None = None


@dataclass(frozen=True)
class Coverage:
    """How much of what was read ended in some field of the plan, and the pages that gave none."""

    share: float  # of the words read (text and table cells), the part found again in a field; 0–1
    words: int  # words read
    pages_without_fields: tuple[int, ...] = ()  # 1-based pages from which no field came


@dataclass(frozen=True)
class Plan:
    doc: str
    status: Status
    meta: Meta
    targets: tuple[Target, ...] = ()
    tasks: tuple[Task, ...] = ()
    agencies: tuple[str, ...] = ()
    reporting: tuple[Reporting, ...] = ()
    low_fidelity: bool = False
    problems: tuple[Problem, ...] = ()
    coverage: Coverage | None = None

    def to_dict(self) -> dict:
        """The plan in the shape of plan.schema.json (plus status, warnings and locations)."""
        data = asdict(self)
        data["status"] = self.status.value
        data["warnings"] = [
            {"code": p.code, "message": p.message, "where": p.location.describe(), **asdict(p.location)}
            for p in self.problems
        ]
        del data["problems"]
        return data
