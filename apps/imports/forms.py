"""The upload form: a plan file checked by size, by extension and by its content (never executed)."""

from __future__ import annotations

import zipfile
from pathlib import PurePath

from django import forms
from django.conf import settings

from cchc.sizes import too_big

ALLOWED = (".docx", ".pdf", ".txt", ".md", ".html", ".htm", ".png", ".jpg", ".jpeg", ".tif", ".tiff")
_MAGIC = {
    ".pdf": (b"%PDF-",),
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".tif": (b"II*\x00", b"MM\x00*"),
    ".tiff": (b"II*\x00", b"MM\x00*"),
}
# programs and archives that are never a plan, whatever their name says
_EXECUTABLE = (b"MZ", b"\x7fELF", b"\xca\xfe\xba\xbe", b"\xcf\xfa\xed\xfe", b"#!", b"Rar!", b"7z\xbc\xaf")


def content_matches(suffix: str, upload) -> bool:
    """Whether the bytes are what the extension claims."""
    upload.seek(0)
    head = upload.read(4096)
    upload.seek(0)
    if head.startswith(_EXECUTABLE):
        return False
    if suffix in _MAGIC:
        return head.startswith(_MAGIC[suffix])
    if suffix == ".docx":
        if not head.startswith(b"PK\x03\x04"):
            return False
        try:
            with zipfile.ZipFile(upload) as archive:
                return "word/document.xml" in archive.namelist()
        except zipfile.BadZipFile:
            return False
        finally:
            upload.seek(0)
    # plain text: no NUL bytes, and readable as UTF-8 or the old Vietnamese Windows code page
    if b"\x00" in head:
        return False
    for encoding in ("utf-8", "cp1258"):
        try:
            head.decode(encoding)
            return True
        except UnicodeDecodeError:
            # the 4 KB cut may split a UTF-8 character
            try:
                head[:-3].decode(encoding)
                return True
            except UnicodeDecodeError:
                continue
    return False


class UploadForm(forms.Form):
    file = forms.FileField(
        label="Tệp kế hoạch",
        help_text="Word (.docx), PDF, ảnh quét (.png, .jpg, .tif) hoặc văn bản (.txt).",
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(ALLOWED)}),
        error_messages={
            "required": "Hãy chọn tệp kế hoạch.",
            "empty": "Tệp rỗng (0 byte). Hãy chọn lại tệp kế hoạch.",
        },
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        name = PurePath(upload.name).name
        suffix = PurePath(name).suffix.lower()
        if suffix not in ALLOWED:
            raise forms.ValidationError(
                f"Không nhận tệp “{name}”: chỉ nhận Word (.docx), PDF, ảnh quét (.png, .jpg, .tif), "
                "trang web đã lưu (.html) hoặc .txt. "
                "Nếu là tệp .doc cũ, hãy mở bằng Word và lưu lại dưới dạng .docx."
            )
        if upload.size == 0:
            raise forms.ValidationError(f"Tệp “{name}” rỗng (0 byte). Hãy chọn lại tệp kế hoạch.")
        limit = settings.UPLOAD_MAX_BYTES
        if upload.size > limit:
            raise forms.ValidationError(
                too_big(name, upload.size, limit, "một tệp kế hoạch")
                + " Hãy tách phụ lục hoặc giảm độ phân giải ảnh quét rồi thử lại."
            )
        if not content_matches(suffix, upload):
            raise forms.ValidationError(
                f"Nội dung tệp “{name}” không đúng định dạng {suffix} (tệp có thể bị đổi đuôi hoặc hỏng). "
                "Hãy mở tệp bằng chương trình gốc, lưu lại rồi tải lên lần nữa."
            )
        return upload
