"""Readers turn a file into a ``Document`` of blocks and tables; they know nothing of plans.

The reader is picked by what the file holds (its first bytes), not only by its name, so a
renamed file gets a clear message instead of a library's traceback.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from importer.errors import UnreadableDocument, UnsupportedFormat
from importer.model import Document

if TYPE_CHECKING:
    from importer.pipeline import Limits

TEXTS = (".txt", ".md", ".html", ".htm")  # read by the text reader (HTML saved from a web page too)
SUPPORTED = (".docx", ".pdf", *TEXTS, ".png", ".jpg", ".jpeg", ".tif", ".tiff")
IMAGES = (".png", ".jpg", ".jpeg", ".tif", ".tiff")
# what to do with a LibreOffice (OpenDocument) file, which is not read
OPENDOCUMENT_HINT = (
    "Hãy mở bằng LibreOffice Writer, chọn Tệp → Lưu thành (Save As) định dạng Word (.docx) hoặc xuất ra PDF "
    "rồi thử lại."
)

_KIND_NAMES = {
    "pdf": "PDF",
    "zip": "tệp nén ZIP (như .docx, .xlsx)",
    "ole": "Word/Excel đời cũ (.doc/.xls)",
    "image": "ảnh",
    "rtf": "RTF",
    "html": "HTML",
}


def sniff(head: bytes) -> str | None:
    """What the first bytes say the file is: pdf, zip, ole, image, rtf, html, or None (text or unknown)."""
    if head.startswith(b"%PDF-") or b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return "zip"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "ole"
    if head.startswith((b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")):
        return "image"
    if head.startswith(b"{\\rtf"):
        return "rtf"
    lowered = head[:512].lstrip().lower()
    if lowered.startswith((b"<!doctype html", b"<html")):
        return "html"
    return None


def read(path: Path, limits: Limits, progress: Callable[[int, int], None] | None = None) -> Document:
    """Pick the reader by the file's type, after checking it exists, is not empty and not too big."""
    suffix = path.suffix.lower()
    if suffix == ".odt":
        raise UnsupportedFormat(
            f"Không đọc được tệp “{path.name}”: văn bản OpenDocument (.odt) chưa được hỗ trợ. {OPENDOCUMENT_HINT}"
        )
    if suffix not in SUPPORTED:
        raise UnsupportedFormat(
            f"Không đọc được tệp “{path.name}”: định dạng {suffix or '(không có đuôi)'} chưa được hỗ trợ. "
            "Hãy lưu kế hoạch dưới dạng .docx, .pdf, ảnh quét (.png, .jpg, .tif), .txt hoặc .html rồi thử lại."
        )
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(2048)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise UnreadableDocument(f"Không mở được tệp “{path}”: {reason}. Hãy kiểm tra đường dẫn.") from exc
    if size == 0:
        raise UnreadableDocument(f"Tệp “{path.name}” rỗng (0 byte). Hãy chọn lại tệp kế hoạch.")
    if size > limits.max_bytes:
        raise UnreadableDocument(
            f"Tệp “{path.name}” quá lớn ({size // (1024 * 1024)} MB, giới hạn {limits.max_bytes // (1024 * 1024)} MB). "
            "Hãy tách phụ lục hoặc giảm độ phân giải ảnh quét rồi thử lại."
        )
    _check_content(path, suffix, sniff(head))
    if suffix in TEXTS:
        from importer.readers.text import read_text

        return read_text(path)
    if suffix == ".docx":
        from importer.readers.docx import read_docx

        return read_docx(path, limits)
    if suffix == ".pdf":
        from importer.readers.pdf import read_pdf

        return read_pdf(path, limits, progress)
    from importer.readers.ocr import read_image

    return read_image(path, limits, progress)


def _check_content(path: Path, suffix: str, kind: str | None) -> None:
    """Refuse a file whose content does not match its name, saying what it really is."""
    expected = {".docx": "zip", ".pdf": "pdf"}.get(suffix, "image" if suffix in IMAGES else None)
    if suffix in TEXTS:
        if kind in ("pdf", "zip", "ole", "image"):
            raise UnsupportedFormat(
                f"Tệp “{path.name}” mang đuôi {suffix} nhưng thực chất là {_KIND_NAMES[kind]}. "
                "Hãy đổi lại đúng đuôi tệp (ví dụ .pdf, .docx) rồi thử lại."
            )
        return
    if kind == expected:
        return
    if kind == "ole" and suffix == ".docx" and _encrypted_office(path):
        raise UnreadableDocument(
            f"Tệp “{path.name}” có mật khẩu nên không đọc được. "
            "Hãy mở bằng Word, gỡ mật khẩu (Tệp → Thông tin → Bảo vệ tài liệu), lưu lại rồi thử lại."
        )
    if kind == "ole" and suffix == ".docx":
        raise UnsupportedFormat(
            f"Tệp “{path.name}” là văn bản Word đời cũ (.doc) dù mang đuôi .docx. "
            "Hãy mở bằng Word, chọn Lưu thành (Save As) định dạng .docx rồi thử lại."
        )
    if kind is None:
        what = {".docx": "Word .docx", ".pdf": "PDF"}.get(suffix, "ảnh")
        raise UnreadableDocument(
            f"Tệp “{path.name}” bị hỏng hoặc không phải tệp {what} thật (nội dung không đúng định dạng). "
            "Hãy mở tệp gốc và lưu hoặc xuất lại, rồi thử lại."
        )
    raise UnsupportedFormat(
        f"Tệp “{path.name}” mang đuôi {suffix} nhưng thực chất là {_KIND_NAMES[kind]}. "
        "Hãy đổi lại đúng đuôi tệp hoặc lưu lại đúng định dạng rồi thử lại."
    )


def _encrypted_office(path: Path) -> bool:
    """A password-protected .docx is an OLE file holding an ``EncryptedPackage`` stream."""
    with path.open("rb") as handle:
        return "EncryptedPackage".encode("utf-16-le") in handle.read(1024 * 1024)
