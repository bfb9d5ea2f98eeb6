"""Time the main list pages on the demo data: median milliseconds and SQL queries per page.

    .venv/bin/python bench/bench_pages.py [--runs 15] [--keep]

Builds a throw-away SQLite database (``migrate`` + ``load_demo`` with DEBUG=1), then requests each page with
Django's test Client, logged in as the demo user who would open it. The first request of each page is a warm-up.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Page:
    label: str
    username: str
    url_name: str  # a URL name of cchc.urls; the API's path when api is set
    needs: str = ""  # "plan": the biggest published plan; "unit": the unit that owns it
    api: bool = False


OFFICER = "<officer>"  # the standing officer of the unit that owns the biggest published plan

PAGES = [
    Page("plan list", OFFICER, "plans-list"),
    Page("plan detail", OFFICER, "plans-detail", "plan"),
    Page("my tasks (standing officer)", OFFICER, "tracking-my-tasks"),
    Page("my tasks (agency officer)", "maodien.pvhcc", "tracking-my-tasks"),
    Page("task list of a plan", OFFICER, "tracking-plan-tasks", "plan"),
    Page("dashboard unit", OFFICER, "dashboards-unit", "unit"),
    Page("dashboard city", "snv.cchc", "dashboards-city"),
    Page("api tasks", "snv.cchc", "/api/tasks", api=True),
    Page("review queue", "maodien.vhxh", "tracking-review"),
    Page("api review queue", "maodien.vhxh", "/api/review", api=True),
    Page("notifications", "maodien.vhxh", "tracking-notifications"),
    Page("api notifications", "maodien.vhxh", "/api/notifications", api=True),
]


def build_database(workdir: Path) -> dict[str, str]:
    env = {
        **os.environ,
        "DEBUG": "1",
        "DATABASE_URL": f"sqlite:///{workdir / 'bench.sqlite3'}",
        "MEDIA_ROOT": str(workdir / "media"),
        "ALLOWED_HOSTS": "testserver,localhost",
    }
    for command in (["migrate", "--verbosity", "0"], ["load_demo"]):
        started = time.perf_counter()
        result = subprocess.run(
            [sys.executable, "manage.py", *command], cwd=ROOT, env=env, capture_output=True, text=True
        )
        if result.returncode != 0:
            sys.exit(f"manage.py {' '.join(command)} failed:\n{result.stdout}\n{result.stderr}")
        print(f"manage.py {command[0]}: {time.perf_counter() - started:.1f} s", file=sys.stderr)
        for line in result.stderr.splitlines():
            if line.startswith("Lưu ý"):
                print("  " + line, file=sys.stderr)
    return env


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="timed requests per page (after one warm-up)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary database and print its path")
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="cchc-bench-"))
    try:
        os.environ.update(build_database(workdir))
        run(args.runs)
    finally:
        if args.keep:
            print(f"database kept in {workdir}", file=sys.stderr)
        else:
            shutil.rmtree(workdir, ignore_errors=True)


def run(runs: int) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cchc.settings")
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import connection, reset_queries
    from django.db.models import Count
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import NoReverseMatch, reverse

    from apps.plans.models import Plan, PlanStatus
    from apps.units.models import Membership, Role

    users = {u.username: u for u in get_user_model().objects.all()}
    plan = (
        Plan.objects.filter(status=PlanStatus.PUBLISHED)
        .annotate(n=Count("tasks"))
        .order_by("-n")
        .select_related("unit")
        .first()
    )
    if plan is None:
        sys.exit("the demo has no published plan: load_demo did not import the seeds")
    membership = Membership.objects.filter(unit=plan.unit, role=Role.STANDING_OFFICER).select_related("user").first()
    if membership is None:
        sys.exit(f"the demo has no standing officer for {plan.unit.name}")
    officer = membership.user.username
    print(
        f"biggest published plan: {plan.number} of {plan.unit.name}, {plan.tasks.count()} tasks, "
        f"{plan.targets.count()} targets; its standing officer: {officer}",
        file=sys.stderr,
    )

    def url_for(page: Page) -> str | None:
        if page.api:
            return page.url_name
        args = {"plan": [plan.pk], "unit": [plan.unit_id], "": []}[page.needs]
        try:
            return reverse(page.url_name, args=args)
        except NoReverseMatch:
            return None

    print(f"{'page':<30} {'user':<14} {'status':>6} {'median ms':>10} {'min ms':>8} {'queries':>8}  url")
    for page in PAGES:
        username = officer if page.username == OFFICER else page.username
        url = url_for(page)
        if url is None:
            print(f"{page.label:<30} {username:<14} {'—':>6}  (no URL named {page.url_name!r})")
            continue
        client = Client()
        headers = {}
        if page.api:
            response = client.post(
                "/api/auth/token",
                {"username": username, "password": "demo12345"},
                content_type="application/json",
            )
            headers["HTTP_AUTHORIZATION"] = f"Bearer {response.json()['token']}"
        else:
            client.force_login(users[username])
        client.get(url, **headers)  # warm-up
        reset_queries()  # DEBUG keeps at most 9000 queries; a full log would count none
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url, **headers)
        timings = []
        for _ in range(runs):
            started = time.perf_counter()
            client.get(url, **headers)
            timings.append((time.perf_counter() - started) * 1000)
        print(
            f"{page.label:<30} {username:<14} {response.status_code:>6} {statistics.median(timings):>10.1f} "
            f"{min(timings):>8.1f} {len(queries):>8}  {url}"
        )


if __name__ == "__main__":
    main()
