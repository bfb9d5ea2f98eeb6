"""Daily: remind lead agencies of tasks due in 7 days and in 1 day, and of overdue tasks (with the standing officer)."""

import datetime as dt

from django.core.management.base import BaseCommand, CommandError

from apps.tracking.services import send_reminders


class Command(BaseCommand):
    help = "Gửi nhắc hạn nhiệm vụ (trước hạn 7 ngày, 1 ngày; quá hạn: ngày sau hạn, rồi hằng tuần). Chạy mỗi ngày."

    def add_arguments(self, parser):
        parser.add_argument("--date", help="Ngày gửi (YYYY-MM-DD), mặc định hôm nay.")

    def handle(self, *args, **options):
        today = None
        if options["date"]:
            try:
                today = dt.date.fromisoformat(options["date"])
            except ValueError as exc:
                raise CommandError(f"Ngày không hợp lệ: {options['date']} (cần dạng YYYY-MM-DD).") from exc
        result = send_reminders(today)
        self.stdout.write(
            f"Đã tạo {result.notifications} thông báo, gửi {result.emails} thư cho {len(result.tasks)} nhiệm vụ."
        )
