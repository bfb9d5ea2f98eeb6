"""Time every list page, dashboard and API read on the demo and then on a city-size data set.

    .venv/bin/python bench/bench_city.py [--runs 15] [--units 128] [--database URL] [--keep]
    .venv/bin/python bench/bench_city.py --database URL --measured-only     # a database that has both already

Builds a throw-away SQLite database (or uses ``--database``, e.g. ``postgres://postgres@127.0.0.1:5432/bench``,
which it empties first), loads the demo and measures; then runs ``make_city_data`` and measures again. Each page
is requested with Django's test Client as the user who would open it (one warm-up, then ``--runs`` timed
requests), and the script prints median and p95 milliseconds and SQL queries per page for the demo and for the
city, with how each grew. The city's pages are opened for one of the generated units (``tp-064``), which has what
every generated unit has: ~8 agencies, 80 tasks, 40 targets, five years of figures.
"""

from __future__ import annotations

import argparse
import json
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
CITY_UNIT = "tp-064"
LIMIT = 300.0  # ms, p95 at city size (issue 10)


@dataclass(frozen=True)
class Page:
    label: str
    who: str  # "officer", "agency" (an agency officer of the officer's unit) or a username
    path: str  # a path with {plan}, {unit}, {target}; /api/… for the API


PAGES = [
    Page("plan list (city reviewer)", "snv.cchc", "/ke-hoach/"),
    Page("plan list (standing officer)", "officer", "/ke-hoach/"),
    Page("plan detail", "officer", "/ke-hoach/{plan}/"),
    Page("task list of a plan", "officer", "/ke-hoach/{plan}/nhiem-vu/"),
    Page("my tasks (standing officer)", "officer", "/nhiem-vu/cua-toi/"),
    Page("my tasks (agency officer)", "agency", "/nhiem-vu/cua-toi/"),
    Page("task detail", "officer", "/nhiem-vu/{task}/"),
    Page("figures of a plan", "officer", "/ke-hoach/{plan}/so-lieu/"),
    Page("figures of a target", "officer", "/chi-tieu/{target}/"),
    Page("dashboard unit", "officer", "/tong-quan/don-vi/{unit}/"),
    Page("dashboard city", "snv.cchc", "/tong-quan/thanh-pho/"),
    Page("audit log (city)", "snv.cchc", "/nhat-ky/"),
    Page("audit log (unit)", "officer", "/nhat-ky/{unit}/"),
    Page("reports of the unit", "officer", "/bao-cao/don-vi/{unit}/"),
    Page("reports to review", "snv.cchc", "/bao-cao/cho-tham-dinh/"),
    Page("consolidation (city)", "snv.cchc", "/bao-cao/tong-hop/"),
    Page("unit tree", "snv.cchc", "/don-vi/"),
    Page("indicators", "officer", "/chi-so/"),
    Page("review queue page", "officer", "/cho-duyet/"),
    Page("api plans", "snv.cchc", "/api/plans"),
    Page("api plan detail", "snv.cchc", "/api/plans/{plan}"),
    Page("api tasks", "snv.cchc", "/api/tasks"),
    Page("api tasks overdue (city)", "snv.cchc", "/api/tasks?overdue=true"),
    Page("api tasks overdue (officer)", "officer", "/api/tasks?overdue=true"),
    Page("api tasks by status", "snv.cchc", "/api/tasks?status=done_late"),
    Page("api targets", "snv.cchc", "/api/targets"),
    Page("api measurements", "officer", "/api/targets/{target}/measurements"),
    Page("api periods", "officer", "/api/periods"),
    Page("api reports", "snv.cchc", "/api/reports"),
    Page("api consolidation", "snv.cchc", "/api/consolidation"),
    Page("api review queue", "officer", "/api/review"),
]


def manage(env: dict[str, str], *command: str) -> str:
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"manage.py {' '.join(command)} failed:\n{result.stdout}\n{result.stderr}")
    print(f"manage.py {' '.join(command)}: {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return result.stdout


def empty_postgres(url: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("DROP SCHEMA public CASCADE")
        conn.execute("CREATE SCHEMA public")


def measure(env: dict[str, str], phase: str, runs: int, only: str) -> dict:
    """Run the timing in a child process (its own Django, its own database connection)."""
    command = [sys.executable, __file__, "--child", phase, "--runs", str(runs), "--only", only]
    result = subprocess.run(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)  # progress on stderr
    if result.returncode != 0:
        sys.exit(f"measuring {phase} failed:\n{result.stdout}")
    return json.loads(result.stdout)


def child(phase: str, runs: int, only: str) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cchc.settings")
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import connection, reset_queries
    from django.db.models import Count
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from apps.plans.models import Plan, PlanStatus
    from apps.units.models import Membership, Role, Unit

    if phase == "city":
        unit = Unit.objects.get(code=CITY_UNIT)
        plan = Plan.objects.filter(unit=unit, status=PlanStatus.PUBLISHED).first()
    else:
        plan = (
            Plan.objects.filter(status=PlanStatus.PUBLISHED)
            .annotate(n=Count("tasks"))
            .order_by("-n")
            .select_related("unit")
            .first()
        )
        unit = plan.unit
    officer = Membership.objects.filter(unit=unit, role=Role.STANDING_OFFICER).order_by("pk").first().user
    agencies = Membership.objects.filter(role=Role.AGENCY_OFFICER).order_by("pk")
    agency = (agencies.filter(unit__parent=unit, unit__led_tasks__plan=plan).first() or agencies.first()).user
    users = {"officer": officer, "agency": agency}
    task = plan.tasks.annotate(n=Count("updates")).order_by("-n", "pk").first()
    target = plan.targets.annotate(n=Count("measurements")).order_by("-n", "pk").first()
    values = {"plan": plan.pk, "unit": unit.pk, "task": task.pk, "target": target.pk}
    print(
        f"[{phase}] {unit.name}: plan {plan.pk} ({plan.tasks.count()} tasks, {plan.targets.count()} targets); "
        f"officer {officer.username}, agency officer {agency.username}",
        file=sys.stderr,
    )
    out = {}
    tokens: dict[str, str] = {}
    for page in PAGES:
        if only and only not in page.label:
            continue
        user = users.get(page.who) or get_user_model().objects.get(username=page.who)
        url = page.path.format(**values)
        client = Client()
        headers = {}
        if url.startswith("/api/"):
            if user.username not in tokens:
                response = client.post(
                    "/api/auth/token", {"username": user.username, "password": "demo12345"}, "application/json"
                )
                tokens[user.username] = response.json()["token"]
            headers["HTTP_AUTHORIZATION"] = f"Bearer {tokens[user.username]}"
        else:
            client.force_login(user)
        client.get(url, **headers)  # warm-up
        reset_queries()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url, **headers)
        timings, cpu = [], []
        for _ in range(runs):
            started, started_cpu = time.perf_counter(), time.process_time()
            client.get(url, **headers)
            timings.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - started_cpu) * 1000)
        timings.sort()
        p95 = timings[min(len(timings) - 1, round(0.95 * (len(timings) - 1)))]
        out[page.label] = {
            "status": response.status_code,
            "median": statistics.median(timings),
            "cpu": statistics.median(cpu),
            "p95": p95,
            "queries": len(queries),
            "bytes": len(response.content),
            "url": url,
        }
        print(
            f"  {page.label:<30} {statistics.median(timings):8.1f} {p95:8.1f} {statistics.median(cpu):8.1f} "
            f"{len(queries):5}",
            file=sys.stderr,
        )
    print(json.dumps(out))


def report(demo: dict, city: dict, vendor: str) -> None:
    print(f"\n{vendor}: median / p95 ms and SQL queries per page, demo → city (limit p95 {LIMIT:.0f} ms)")
    print(
        "cpu: median CPU ms of this process per request (the app, and SQLite's own work; not PostgreSQL's), "
        f"which a busy machine inflates less than wall time; load average {os.getloadavg()[0]:.1f}"
    )
    print(
        f"{'page':<30} {'demo med':>8} {'p95':>6} {'q':>4}   {'city med':>8} {'p95':>6} {'cpu':>5} {'q':>4}  "
        f"{'×p95':>5}  note"
    )
    worst = 0.0
    for label, c in city.items():
        d = demo.get(label)
        note = [] if c["status"] == 200 else [f"status {c['status']}"]
        if c["p95"] >= LIMIT:
            note.append("SLOW")
        if d and c["queries"] > d["queries"] + 2:
            note.append("queries grow")
        worst = max(worst, c["p95"])
        demo_cols = f"{d['median']:>8.0f} {d['p95']:>6.0f} {d['queries']:>4}" if d else f"{'—':>8} {'':>6} {'':>4}"
        growth = f"{c['p95'] / d['p95']:>5.1f}" if d and d["p95"] else f"{'':>5}"
        print(
            f"{label:<30} {demo_cols}   {c['median']:>8.0f} {c['p95']:>6.0f} {c.get('cpu', 0):>5.0f} "
            f"{c['queries']:>4}  {growth}  "
            f"{' '.join(note)}"
        )
    print(f"worst p95 at city size: {worst:.0f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="timed requests per page (after one warm-up)")
    parser.add_argument("--units", type=int, default=128, help="units of the city data set (default 128)")
    parser.add_argument("--database", help="a database URL to use (emptied first) instead of a temporary SQLite file")
    parser.add_argument("--keep", action="store_true", help="keep the temporary SQLite database and print its path")
    parser.add_argument(
        "--measured-only",
        action="store_true",
        help="the database already holds the demo and the city data: measure the city only",
    )
    parser.add_argument("--only", default="", help="measure only the pages whose label contains this text")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.runs, args.only)
        return

    workdir = Path(tempfile.mkdtemp(prefix="cchc-city-"))
    url = args.database or f"sqlite:///{workdir / 'city.sqlite3'}"
    env = {
        **os.environ,
        "DEBUG": "1",
        "DATABASE_URL": url,
        "MEDIA_ROOT": str(workdir / "media"),
        "ALLOWED_HOSTS": "testserver,localhost",
    }
    vendor = "PostgreSQL" if url.startswith("postgres") else "SQLite"
    try:
        if args.measured_only:
            report({}, measure(env, "city", args.runs, args.only), vendor)
            return
        if url.startswith("postgres"):
            empty_postgres(url)
        manage(env, "migrate", "--verbosity", "0")
        manage(env, "load_demo")
        demo = measure(env, "demo", args.runs, args.only)
        print(manage(env, "make_city_data", "--units", str(args.units)).strip().splitlines()[-2], file=sys.stderr)
        city = measure(env, "city", args.runs, args.only)
        report(demo, city, vendor)
    finally:
        if args.keep or args.database:
            print(f"database kept: {url}", file=sys.stderr)
        else:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
