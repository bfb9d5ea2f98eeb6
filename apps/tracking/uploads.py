"""Evidence files: what may be uploaded, and how it is stored.

A file is accepted when its extension is allowed AND its first bytes say it is that kind of file
(a renamed script or archive is refused). It is stored under a random name, never served by the web
server, and only downloaded through a permission-checked view as an attachment.
"""

from __future__ import annotations

import uuid
import zipfile
from dataclasses import dataclass
from pathlib import PurePath

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError

from apps.tracking.models import Evidence
from cchc.sizes import too_big

PDF = b"%PDF-"
ZIP = b"PK\x03\x04"
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy Word/Excel (compound file)
JPEG = b"\xff\xd8\xff"
PNG = b"\x89PNG\r\n\x1a\n"


@dataclass(frozen=True)
class FileKind:
    extension: str
    content_type: str
    magic: bytes
    zip_member: str = ""  # an Office Open XML file is a zip holding this folder


KINDS = {
    kind.extension: kind
    for kind in (
        FileKind("pdf", "application/pdf", PDF),
        FileKind(
            "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ZIP, zip_member="word/"
        ),
        FileKind("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ZIP, zip_member="xl/"),
        FileKind("doc", "application/msword", OLE),
        FileKind("xls", "application/vnd.ms-excel", OLE),
        FileKind("jpg", "image/jpeg", JPEG),
        FileKind("jpeg", "image/jpeg", JPEG),
        FileKind("png", "image/png", PNG),
    )
}
ALLOWED_LABEL = "PDF, Word (.doc, .docx), Excel (.xls, .xlsx), ảnh JPG hoặc PNG"


def _extension(name: str) -> str:
    return PurePath(name).suffix.lower().lstrip(".")


def _looks_like_office_xml(upload, member: str) -> bool:
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            return any(name.startswith(member) for name in archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return False
    finally:
        upload.seek(0)


def validate_upload(upload) -> FileKind:
    """The kind of an uploaded evidence file; ``ValidationError`` (Vietnamese) when it is refused."""
    name = upload.name or ""
    if upload.size > settings.UPLOAD_MAX_BYTES:
        raise ValidationError(
            too_big(name, upload.size, settings.UPLOAD_MAX_BYTES, "một tệp minh chứng")
            + " Hãy nén tệp, giảm độ phân giải ảnh quét hoặc tách thành nhiều tệp."
        )
    if upload.size == 0:
        raise ValidationError(f"Tệp “{name}” rỗng.")
    kind = KINDS.get(_extension(name))
    if kind is None:
        raise ValidationError(f"Không nhận loại tệp của “{name}”. Chỉ nhận: {ALLOWED_LABEL}.")
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    if not head.startswith(kind.magic) or (kind.zip_member and not _looks_like_office_xml(upload, kind.zip_member)):
        raise ValidationError(f"Nội dung tệp “{name}” không đúng định dạng .{kind.extension}; hãy kiểm tra lại tệp.")
    return kind


def store_evidence(subject, upload, user) -> Evidence:
    """Validate and save one file as evidence of ``subject`` under a random name."""
    kind = validate_upload(upload)
    evidence = Evidence(
        content_type=ContentType.objects.get_for_model(subject),
        object_id=subject.pk,
        original_name=PurePath(upload.name).name[:255],
        content_kind=kind.content_type,
        size=upload.size,
        uploaded_by=user,
    )
    evidence.file.save(f"{uuid.uuid4().hex}.{kind.extension}", upload, save=False)
    evidence.save()
    return evidence


def evidence_unit(evidence: Evidence):
    """The unit whose plan the evidence belongs to (for the permission check), or None."""
    subject = evidence.subject
    if subject is None:
        return None
    if hasattr(subject, "task"):
        return subject.task.plan.unit
    if hasattr(subject, "target"):
        return subject.target.plan.unit
    if hasattr(subject, "plan"):
        return subject.plan.unit
    return getattr(subject, "unit", None)
