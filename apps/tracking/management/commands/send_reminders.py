"""Daily: remind lead agencies of tasks due in 7 days and in 1 day, and of overdue tasks (with the standing officer).

The reminders are a background job: this command queues it for the day and the worker sends them."""

import datetime as dt

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from cchc import jobs


class Command(BaseCommand):
    help = (
        "Xếp việc gửi nhắc hạn nhiệm vụ vào hàng đợi (trước hạn 7 ngày, 1 ngày; quá hạn: ngày sau hạn, rồi hằng tuần). "
        "Chạy mỗi ngày; tiến trình nền (manage.py run_worker) gửi."
    )

    def add_arguments(self, parser):
        parser.add_argument("--date", help="Ngày gửi (YYYY-MM-DD), mặc định hôm nay.")

    def handle(self, *args, **options):
        today = timezone.localdate()
        if options["date"]:
            try:
                today = dt.date.fromisoformat(options["date"])
            except ValueError as exc:
                raise CommandError(f"Ngày không hợp lệ: {options['date']} (cần dạng YYYY-MM-DD).") from exc
        result = jobs.send_reminders.enqueue(today.isoformat())
        if result.is_finished and result.status == "SUCCESSFUL":  # a backend that runs jobs at once
            sent = result.return_value
            self.stdout.write(
                f"Đã tạo {sent['notifications']} thông báo, gửi {sent['emails']} thư cho {sent['tasks']} nhiệm vụ."
            )
        else:
            self.stdout.write(
                f"Đã xếp việc gửi nhắc hạn ngày {today:%d/%m/%Y} vào hàng đợi (mã {result.id}); tiến trình nền sẽ gửi."
            )
