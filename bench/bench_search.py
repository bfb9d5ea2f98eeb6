"""Time the accent-insensitive search at city size: median and p95 milliseconds and SQL queries, for the search
page (plans, tasks and targets), the plan list's ``q`` and ``GET /api/tasks?q=``.

    .venv/bin/python bench/bench_search.py [--tasks 10240] [--runs 15] [--database-url postgres://…]

Builds a throw-away SQLite database (or migrates the PostgreSQL database given, and empties its plans first), with
plans of 256 tasks and 128 targets, and searches as the city reviewer, who sees every row.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORDS = [
    "Rà soát, đơn giản hóa thủ tục hành chính",
    "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính",
    "Tuyên truyền cải cách hành chính",
    "Kiện toàn tổ chức bộ máy",
    "Nâng cao chỉ số hài lòng của người dân",
    "Triển khai chính quyền số",
]
QUERIES = ["so hoa ho so", "ĐIỀN", "trung tam phuc vu", "hai long", "không có từ này"]


def setup(database_url: str | None, workdir: Path) -> None:
    os.environ.update(
        DEBUG="1",
        DATABASE_URL=database_url or f"sqlite:///{workdir / 'bench.sqlite3'}",
        MEDIA_ROOT=str(workdir / "media"),
        ALLOWED_HOSTS="testserver",
        DJANGO_SETTINGS_MODULE="cchc.settings",
    )
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def build(tasks: int) -> None:
    from django.contrib.auth.models import User

    from apps.plans.models import Plan, PlanStatus, Target, Task
    from apps.plans.search import folded, plan_parts, target_parts, task_parts
    from apps.units.models import Membership, Role, Unit, UnitKind

    Plan.objects.all().delete()
    city = Unit.objects.get_or_create(code="bench-city", defaults={"name": "Thành phố", "kind": UnitKind.CITY})[0]
    snv = Unit.objects.get_or_create(
        code="bench-snv", defaults={"name": "Sở Nội vụ", "kind": UnitKind.DEPARTMENT, "parent": city}
    )[0]
    user = User.objects.filter(username="bench.snv").first() or User.objects.create_user("bench.snv", "", "x")
    Membership.objects.get_or_create(user=user, unit=snv, role=Role.CITY_REVIEWER)
    for n in range((tasks + 255) // 256):
        commune = Unit.objects.get_or_create(
            code=f"bench-xa-{n}", defaults={"name": f"Xã Mao Điền {n}", "kind": UnitKind.COMMUNE, "parent": city}
        )[0]
        agency = Unit.objects.get_or_create(
            code=f"bench-xa-{n}-pv",
            defaults={"name": "Trung tâm Phục vụ hành chính công", "kind": UnitKind.AGENCY, "parent": commune},
        )[0]
        plan = Plan.objects.create(unit=commune, status=PlanStatus.PUBLISHED, number=f"{n}/KH-UBND", title="Kế hoạch")
        rows = [
            Task(plan=plan, position=i, section="II", no=str(i), content=WORDS[i % len(WORDS)], lead=agency)
            for i in range(min(256, tasks - n * 256))
        ]
        for row in rows:
            row.search_text = folded(*task_parts(row))
        Task.objects.bulk_create(rows)
        targets = [Target(plan=plan, position=i, text=WORDS[i % len(WORDS)], value=Decimal(85)) for i in range(128)]
        for row in targets:
            row.search_text = folded(*target_parts(row))
        Target.objects.bulk_create(targets)
        plan.search_text = folded(*plan_parts(plan))
        Plan.objects.filter(pk=plan.pk).update(search_text=plan.search_text)
    from django.db import connection

    with connection.cursor() as cursor:  # the statistics a database that has been running for a while has
        cursor.execute("ANALYZE")


def measure(url: str, runs: int, headers: dict | None = None) -> tuple[float, float, int]:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(headers=headers or {})
    if not headers:
        from django.contrib.auth.models import User

        client.force_login(User.objects.get(username="bench.snv"))
    client.get(url)  # warm-up
    times = []
    for _ in range(runs):
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    times.sort()
    return statistics.median(times), times[max(0, int(len(times) * 0.95) - 1)], len(queries)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=int, default=10240)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--database-url")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="cchc-bench-search-") as folder:
        setup(args.database_url, Path(folder))
        from urllib.parse import quote

        from django.contrib.auth.models import User
        from django.db import connection

        from apps.api.models import ApiToken

        started = time.perf_counter()
        build(args.tasks)
        print(f"{connection.vendor}: {args.tasks} tasks built in {time.perf_counter() - started:.1f} s")
        token = ApiToken.issue(User.objects.get(username="bench.snv"))[1]
        print(f"{'page':48} {'median ms':>10} {'p95 ms':>8} {'queries':>8}")
        for query in QUERIES:
            for label, url, headers in (
                ("search page", f"/tim-kiem/?q={quote(query)}", None),
                ("plan list", f"/ke-hoach/?q={quote(query)}", None),
                ("api tasks", f"/api/tasks?q={quote(query)}", {"Authorization": f"Bearer {token}"}),
            ):
                median, p95, count = measure(url, args.runs, headers)
                print(f"{label + ' “' + query + '”':48} {median:10.1f} {p95:8.1f} {count:8d}")


if __name__ == "__main__":
    main()
