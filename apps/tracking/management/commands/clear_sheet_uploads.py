"""Remove uploaded workbooks that were never confirmed or cancelled (older than SHEET_UPLOAD_HOURS)."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from apps.tracking.models import SheetUpload


class Command(BaseCommand):
    help = "Xóa các bảng tính đã tải lên nhưng không được xác nhận hay hủy trong thời hạn (SHEET_UPLOAD_HOURS)."

    def handle(self, *args, **options):
        count = SheetUpload.clear_expired()
        self.stdout.write(f"Đã xóa {count} bảng tính chờ xác nhận quá hạn.")
