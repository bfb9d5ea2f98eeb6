"""The background worker: first clears what a dead worker left running, then runs queued jobs (django-tasks'
database worker, named after this host and process so the next sweep can tell whether it is still alive)."""

from django.core.management import call_command
from django.core.management.base import BaseCommand

from apps.imports.services import sweep
from cchc import jobs


class Command(BaseCommand):
    help = "Chạy tiến trình nền (đọc tệp quét bằng OCR, gửi nhắc hạn). Dừng bằng Ctrl-C."

    def add_arguments(self, parser):
        parser.add_argument("--batch", action="store_true", help="Chạy hết việc đang chờ rồi dừng.")
        parser.add_argument("--interval", type=float, default=1.0, help="Số giây chờ giữa hai lần xem hàng đợi.")

    def handle(self, *args, batch: bool, interval: float, verbosity: int, **options):
        runs, tasks = sweep(), jobs.fail_dead_tasks()
        if runs or tasks:
            self.stdout.write(f"Đã xử lý {runs} lượt nhập và {tasks} việc nền bị bỏ dở khi tiến trình nền trước dừng.")
        call_command(
            "db_worker",
            batch=batch,
            interval=interval,
            reload=False,
            startup_delay=False,
            worker_id=jobs.worker_name(),
            verbosity=verbosity,
            stdout=self.stdout,
            stderr=self.stderr,
        )
