"""Load the demo: Hải Phòng, two departments, three communes with their agencies, accounts, the five seed plans
and a year of task updates and figures. Idempotent."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from apps.par.demo import add_par
from apps.units import demo


class Command(BaseCommand):
    help = "Nạp dữ liệu minh họa (đơn vị, tài khoản, 5 kế hoạch mẫu, một năm cập nhật). Chạy lại không tạo trùng."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force", action="store_true", help="Cho phép chạy khi DEBUG tắt (máy thật). Chỉ dùng cho máy thử nghiệm."
        )

    def handle(self, *args, **options):
        if not settings.DEBUG and not options["force"]:
            raise CommandError(
                "Không nạp dữ liệu minh họa khi DEBUG đang tắt (có thể đây là máy chạy thật). "
                "Nếu chắc chắn, chạy lại với --force."
            )
        report = demo.load(say=self.stdout.write)
        add_par(say=self.stdout.write)
        for warning in report.warnings:
            self.stderr.write(self.style.WARNING(f"Lưu ý: {warning}"))
        if report.created:
            self.stdout.write("Đã tạo: " + ", ".join(f"{n} {what}" for what, n in report.created.items()) + ".")
        else:
            self.stdout.write("Dữ liệu minh họa đã có sẵn; không thay đổi gì.")
        self.stdout.write(f"\nTài khoản (mật khẩu chung: {demo.PASSWORD}):")
        for account in demo.ACCOUNTS:
            self.stdout.write(f"  {account.username:<16} {account.full_name}")
