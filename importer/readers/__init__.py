"""Readers turn a file into a ``Document`` of blocks and tables; they know nothing of plans."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from importer.errors import UnreadableDocument, UnsupportedFormat
from importer.model import Document

if TYPE_CHECKING:
    from importer.pipeline import Limits

SUPPORTED = (".docx", ".pdf", ".txt", ".md", ".png", ".jpg", ".jpeg", ".tif", ".tiff")


def read(path: Path, limits: Limits, progress: Callable[[int, int], None] | None = None) -> Document:
    """Pick the reader by the file's type, after checking it exists, is not empty and not too big."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise UnsupportedFormat(
            f"Không đọc được tệp “{path.name}”: định dạng {suffix or '(không có đuôi)'} chưa được hỗ trợ. "
            "Hãy lưu kế hoạch dưới dạng .docx, .pdf, ảnh quét (.png, .jpg, .tif) hoặc .txt rồi thử lại."
        )
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise UnreadableDocument(f"Không mở được tệp “{path}”: {exc.strerror}. Hãy kiểm tra đường dẫn.") from exc
    if size == 0:
        raise UnreadableDocument(f"Tệp “{path.name}” rỗng (0 byte). Hãy chọn lại tệp kế hoạch.")
    if size > limits.max_bytes:
        raise UnreadableDocument(
            f"Tệp “{path.name}” quá lớn ({size // (1024 * 1024)} MB, giới hạn {limits.max_bytes // (1024 * 1024)} MB). "
            "Hãy tách phụ lục hoặc giảm độ phân giải ảnh quét rồi thử lại."
        )
    if suffix in (".txt", ".md"):
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
