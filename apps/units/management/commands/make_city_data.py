"""Make a city-size data set (128 units with their agencies, plans, five years of figures, updates, audit entries and
reports) for measuring speed. Idempotent; refuses to run with DEBUG off."""

import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from apps.units import city_data


class Command(BaseCommand):
    help = (
        "Tạo bộ dữ liệu cỡ thành phố (128 đơn vị, mỗi đơn vị ~8 cơ quan, 80 nhiệm vụ, 40 chỉ tiêu, số liệu 5 năm, "
        "cập nhật, nhật ký, báo cáo) để đo tốc độ. Chạy lại không tạo trùng. Chỉ chạy khi DEBUG bật."
    )

    def add_arguments(self, parser):
        parser.add_argument("--units", type=int, default=city_data.CITY_UNITS, help="số đơn vị (mặc định 128)")
        parser.add_argument("--tasks", type=int, default=80, help="số nhiệm vụ mỗi đơn vị (mặc định 80)")
        parser.add_argument("--targets", type=int, default=40, help="số chỉ tiêu mỗi đơn vị (mặc định 40)")
        parser.add_argument("--agencies", type=int, default=8, help="số cơ quan mỗi đơn vị (mặc định 8)")
        parser.add_argument("--reports", type=int, default=4, help="số kỳ gần nhất có báo cáo (mặc định 4)")

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError(
                "Không tạo dữ liệu thử nghiệm khi DEBUG đang tắt (có thể đây là máy chạy thật). "
                "Chạy trên máy thử nghiệm với DEBUG=1."
            )
        for name in ("units", "tasks", "targets", "agencies"):
            if options[name] < 1:
                raise CommandError(f"--{name} phải là số nguyên dương.")
        if options["reports"] < 0:
            raise CommandError("--reports không được âm.")
        size = city_data.Size(
            units=options["units"],
            agencies=options["agencies"],
            tasks=options["tasks"],
            targets=options["targets"],
            report_periods=options["reports"],
        )
        started = time.perf_counter()
        made = city_data.make(size, say=self.stdout.write)
        if made.created:
            self.stdout.write("Đã tạo: " + ", ".join(f"{n:,} {what}" for what, n in made.created.items()) + ".")
        else:
            self.stdout.write("Dữ liệu cỡ thành phố đã có sẵn; không thay đổi gì.")
        self.stdout.write(f"Thời gian: {time.perf_counter() - started:.0f} s.")
