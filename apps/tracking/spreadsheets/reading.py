"""An uploaded workbook into plain rows, safely: the file is checked before openpyxl opens it (size, kind,
unpacked size), read in streaming mode with a row cap, and anything it holds comes out as JSON-ready text or
numbers. A file that cannot be read is a ``Problem`` with a Vietnamese message, never an exception."""

from __future__ import annotations

import datetime as dt
import logging
import math
import re
import zipfile
import zlib
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from openpyxl import load_workbook

from apps.tracking.spreadsheets.layout import (
    FIGURE_COLUMNS,
    FIGURE_REQUIRED,
    FIGURES,
    TASK_COLUMNS,
    TASK_REQUIRED,
    TASKS,
)
from cchc.sizes import limit_label, sizes, too_big
from importer.text import fold

log = logging.getLogger(__name__)

ZIP = b"PK\x03\x04"
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # compound file: an .xls, or an .xlsx saved with a password
ENCRYPTED = "EncryptionInfo".encode("utf-16-le")  # the stream a password-protected .xlsx keeps its key in
MAX_TEXT = 32_767  # the most Excel itself holds in a cell
CELLS_PER_ROW = 30  # a sheet holds at most SHEET_MAX_ROWS × this many cells (the plan's sheets have 10 columns)


@dataclass
class Problem:
    message: str
    sheet: str = ""
    row: int | None = None
    column: str = ""

    def __str__(self) -> str:
        if self.row and self.column:
            return f"Dòng {self.row}, cột {self.column}: {self.message}"
        if self.row:
            return f"Dòng {self.row}: {self.message}"
        return self.message


class Unreadable(Exception):
    """The file cannot be taken as the plan's workbook; the message is for the user."""


def _count(number: int) -> str:
    return f"{number:,}".replace(",", ".")


def limits() -> str:
    """The caps, as the upload page tells them."""
    size = limit_label(settings.SHEET_MAX_BYTES)
    return f"tối đa {size}, {_count(settings.SHEET_MAX_ROWS)} dòng mỗi trang tính"


def _check_file(upload) -> None:
    """Refuse, before any parsing, what is too big or is not an .xlsx (with the reason and what to do)."""
    name = upload.name or "tệp"
    if upload.size > settings.SHEET_MAX_BYTES:
        raise Unreadable(
            too_big(name, upload.size, settings.SHEET_MAX_BYTES, "một bảng tính")
            + " Hãy xóa các dòng, trang tính hoặc hình ảnh thừa rồi tải lên lại."
        )
    if upload.size == 0:
        raise Unreadable(f"Tệp “{name}” rỗng.")
    upload.seek(0)
    head = upload.read(8)
    if head.startswith(OLE):
        upload.seek(0)
        if ENCRYPTED in upload.read():
            raise Unreadable(
                f"Tệp “{name}” được đặt mật khẩu nên không đọc được. Hãy mở tệp trong Excel, bỏ mật khẩu "
                "(Tệp → Thông tin → Bảo vệ sổ làm việc → Mã hóa bằng mật khẩu, để trống) rồi tải lên lại."
            )
        raise Unreadable(
            f"Tệp “{name}” là bảng tính Excel 97–2003 (.xls). Hãy mở tệp trong Excel, chọn Lưu thành → "
            "Sổ làm việc Excel (.xlsx) rồi tải lên lại; tốt nhất là điền vào bảng tính tải về từ trang này."
        )
    if not head.startswith(ZIP):
        raise Unreadable(
            f"Nội dung tệp “{name}” không đúng định dạng .xlsx (không phải bảng tính Excel). Hãy tải bảng tính "
            "của kế hoạch về, điền rồi tải lên."
        )
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise Unreadable(f"Tệp “{name}” bị hỏng (không mở được như tệp .xlsx); hãy lưu lại tệp rồi thử lại.") from exc
    unpacked = sum(member.file_size for member in members)
    if unpacked > settings.SHEET_MAX_UNPACKED_BYTES:
        size, limit = sizes(unpacked, settings.SHEET_MAX_UNPACKED_BYTES)
        raise Unreadable(
            f"Tệp “{name}” khi giải nén nặng {size}, vượt giới hạn {limit}. Hãy xóa các dòng, trang tính hoặc "
            "hình ảnh thừa rồi tải lên lại."
        )
    if not any(member.filename == "xl/workbook.xml" for member in members):
        raise Unreadable(f"Tệp “{name}” không phải là bảng tính Excel (.xlsx) (có thể là tệp Word đổi tên).")
    try:
        with zipfile.ZipFile(upload) as archive:
            for member in members:
                if member.filename.startswith("xl/worksheets/") and member.filename.endswith(".xml"):
                    _check_size(archive, member)
    except Unreadable:
        raise
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, RuntimeError, NotImplementedError, ValueError) as exc:
        # a damaged member, a zip password (RuntimeError), a compression zipfile does not know
        raise Unreadable(f"Tệp “{name}” bị hỏng (không mở được như tệp .xlsx); hãy lưu lại tệp rồi thử lại.") from exc


ROW_OR_CELL = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(row|c)[\s>/]")


def _check_size(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> None:
    """Count a sheet's rows and cells in its raw XML, before openpyxl parses it: openpyxl reads a whole sheet
    that does not state its size just to find it (a million rows: 15 s), and builds a row's cells all at once.
    Streaming and in C (a million rows: 0.2 s); time and memory bounded by SHEET_MAX_UNPACKED_BYTES."""
    rows = cells = 0
    cap, cell_cap = settings.SHEET_MAX_ROWS, settings.SHEET_MAX_ROWS * CELLS_PER_ROW
    tail = b""
    with archive.open(member) as source:
        while chunk := source.read(1 << 20):
            data = tail + chunk
            cut = data.rfind(b"<")  # a tag may go on in the next chunk: count it there
            if cut < 0:
                tail = b""
                continue
            found = ROW_OR_CELL.findall(data, 0, cut)
            tail = data[cut:]
            row_tags = found.count(b"row")
            rows, cells = rows + row_tags, cells + len(found) - row_tags
    if tail:
        found = ROW_OR_CELL.findall(tail)
        rows, cells = rows + found.count(b"row"), cells + len(found) - found.count(b"row")
    if rows - 1 > cap:
        raise Unreadable(
            f"Một trang tính của tệp có {_count(rows - 1)} dòng, vượt giới hạn {_count(cap)} dòng mỗi trang "
            "tính. Hãy xóa các dòng thừa (cả dòng trống đã tô màu hay kẻ khung ở cuối) rồi tải lên lại."
        )
    if cells > cell_cap:
        raise Unreadable(
            f"Một trang tính của tệp có {_count(cells)} ô, vượt giới hạn {_count(cell_cap)} ô mỗi trang tính "
            f"({_count(cap)} dòng × {CELLS_PER_ROW} cột). Hãy xóa các cột, dòng thừa rồi tải lên lại."
        )


def _text(value: str) -> str | None:
    # control characters (a NUL breaks PostgreSQL) never get here: XML cannot hold them, the parser refuses them
    value = value.strip()[:MAX_TEXT]
    return value or None


def _cell(cell):
    """A cell's value as JSON-ready data; a percent-formatted number (0.855 shown as 85,5%) becomes 85.5."""
    value = cell.value
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        if isinstance(value, float) and not math.isfinite(value):
            return str(value)
        if "%" in (cell.number_format or ""):
            return float(Decimal(str(value)) * 100)
        return value
    if isinstance(value, (dt.datetime, dt.date)):
        return value.strftime("%d/%m/%Y")
    return _text(str(value))


def _columns(header_row, columns: dict[str, str]) -> dict[str, int]:
    wanted = {fold(label).replace(" ", ""): key for key, label in columns.items()}
    found = {}
    for index, cell in enumerate(header_row):
        key = wanted.get(fold(str(cell.value or "")).replace(" ", ""))
        if key and key not in found:
            found[key] = index
    return found


def _sheet(wb, name: str):
    for sheet in wb.worksheets:
        if fold(sheet.title).strip() == fold(name):
            return sheet
    return None


def _read_sheet(sheet, name: str, columns: dict, required: tuple, out: list, problems: list[Problem]) -> None:
    cap = settings.SHEET_MAX_ROWS
    sheet.reset_dimensions()  # a <dimension> smaller than the sheet would hide rows: read them all, up to the cap
    rows = sheet.iter_rows()
    where = _columns(next(rows, ()), columns)
    missing = [columns[k] for k in required if k not in where]
    if missing:
        problems.append(Problem(f"Trang tính “{name}” thiếu cột: {', '.join(missing)}."))
        return
    for number, cells in enumerate(rows, start=2):
        if number - 1 > cap:  # rows numbered far apart (r="1000000") come as empty rows in between
            raise Unreadable(
                f"Trang tính “{name}” có hơn {_count(cap)} dòng, vượt giới hạn {_count(cap)} dòng mỗi trang "
                "tính. Hãy xóa các dòng thừa (cả dòng trống đã tô màu hay kẻ khung ở cuối) rồi tải lên lại."
            )
        values = {k: _cell(cells[i]) if i < len(cells) else None for k, i in where.items()}
        if any(v is not None for v in values.values()):
            out.append([number, values])


def read_workbook(upload) -> tuple[dict, list[Problem]]:
    """The figure and task rows of an uploaded workbook (a file object with ``name`` and ``size``) as plain
    data: ``{'figures': [[row, {key: value}]], 'tasks': […]}``, and the problems that stop it being read."""
    rows: dict = {"figures": [], "tasks": []}
    problems: list[Problem] = []
    try:
        _check_file(upload)
        upload.seek(0)
        try:
            wb = load_workbook(upload, read_only=True, data_only=True)
        except Exception as exc:  # a hostile or broken file can fail anywhere inside openpyxl or lxml
            raise Unreadable(_broken(upload, exc)) from exc
        try:
            found_any = False
            for key, name, columns, required in (
                ("figures", FIGURES, FIGURE_COLUMNS, FIGURE_REQUIRED),
                ("tasks", TASKS, TASK_COLUMNS, TASK_REQUIRED),
            ):
                sheet = _sheet(wb, name)
                if sheet is not None:
                    found_any = True
                    try:
                        _read_sheet(sheet, name, columns, required, rows[key], problems)
                    except Unreadable:
                        raise
                    except Exception as exc:
                        raise Unreadable(_broken(upload, exc)) from exc
        finally:
            wb.close()
        if not found_any:
            problems.append(Problem(f"Không thấy trang tính “{FIGURES}” hoặc “{TASKS}” trong tệp."))
    except Unreadable as error:
        return {}, [Problem(str(error))]
    return rows, problems


def _broken(upload, exc: Exception) -> str:
    log.info("unreadable workbook %r: %r", upload.name, exc)
    return (
        f"Tệp “{upload.name}” bị hỏng hoặc không phải bảng tính Excel (.xlsx) đọc được. Hãy mở tệp trong Excel, "
        "lưu lại dưới dạng .xlsx rồi tải lên lại."
    )
