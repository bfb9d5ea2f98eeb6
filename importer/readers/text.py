"""Plain text and Markdown: one block per line, with its line number."""

from __future__ import annotations

from pathlib import Path

from importer.errors import UnreadableDocument
from importer.model import Block, Document, Location


def read_text(path: Path) -> Document:
    raw = path.read_bytes()
    if b"\x00" in raw[:4096]:
        raise UnreadableDocument(
            f"Tệp “{path.name}” không phải văn bản thuần (có dữ liệu nhị phân). "
            "Hãy mở bằng Word và lưu lại dưới dạng .docx hoặc .txt (UTF-8)."
        )
    for encoding in ("utf-8-sig", "cp1258"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # cp1258 decodes almost anything, this is a safety net
        raise UnreadableDocument(f"Không nhận ra bảng mã của tệp “{path.name}”. Hãy lưu lại dưới dạng UTF-8.")
    blocks = tuple(Block(line, Location(line=number)) for number, line in enumerate(text.splitlines(), start=1))
    return Document(items=blocks, source=path.name)
