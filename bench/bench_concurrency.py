"""Many people at once: N clients read dashboards, plan and task pages and post task updates and figures for a
while against the real app under gunicorn, then the bench counts what reached the database.

    .venv/bin/python bench/bench_concurrency.py [--clients 20,50] [--seconds 30] [--worker-class sync|gthread]
                                                [--workers N] [--threads 8]
                                                [--reads-per-write 4] [--think SECONDS] [--keep]
    DATABASE_URL=postgres://user@host/db .venv/bin/python bench/bench_concurrency.py

SQLite by default, in a throw-away folder; with a postgres:// DATABASE_URL a throw-away database ``<db>_conc`` is
created beside the named one and dropped afterwards. ``migrate`` + ``load_demo`` fill it; the server listens on
loopback only, with DEBUG off and the static files collected (into var/static, as in production).

Half the clients use the pages with a session, half the API with a token, each account both ways. A client sends
its next request as soon as the last one is answered (no pause: a stress test, not a day at the office; with
``--think S`` it pauses a random 0–2 S seconds first, as a person reading the page does) and reads
four times for every write (--reads-per-write; 0 for writes only). Each (target, period) cell of figures belongs to
one client, so the last value it saw accepted must be the one stored. Latency is CPU time queued: on a machine
shared with other work it says as much about the machine as about the app, so the load average is printed too.

The server is gunicorn with sync workers, one per CPU, by default: each worker answers one request at a time and
the others wait in the kernel's queue in order of arrival, so a request waits its turn and then has a CPU to
itself; with threads (``--worker-class gthread``) every request in flight shares the CPUs with all the others
and the slow ones (a plan's page) take longest. Sync workers need a buffering proxy (nginx) before them in
production, so that a slow phone does not hold a worker.

Prints per run: throughput, the CPU the server and the bench's own clients spent per request, p50/p95/p99
latency per kind of request, errors by status, and what was written (task update rows, figure versions, audit
entries) against what was accepted — "lost" must be 0.
Targets: 0 errors, 0 lost, p95 < 300 ms at 20 clients.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[1]
PASSWORD = "demo12345"  # the demo accounts' (apps/units/demo.py)
SEEN = re.compile(r'name="seen"[^>]*?value="([^"]*)"')  # the figure form's "<period id>:<version>" being corrected
# the demo's accounts that read and write, cycled over the clients
ACCOUNTS = ["maodien.vhxh", "songoaivu.vp", "hungthang.vhxh", "maodien.pvhcc", "kesat.vhxh", "snv.cchc"]

# --- the database and the server -------------------------------------------------------------------------------


def django_json(env: dict[str, str], code: str):
    """Run ``code`` in a fresh Django process on the bench database; it prints one JSON value last."""
    prelude = "import django, json; django.setup()\n"
    result = subprocess.run(
        [sys.executable, "-c", prelude + code], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        sys.exit(f"bench helper failed:\n{result.stderr}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def manage(env: dict[str, str], *command: str) -> None:
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "manage.py", *command], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        sys.exit(f"manage.py {' '.join(command)} failed:\n{result.stdout}\n{result.stderr}")
    print(f"manage.py {command[0]}: {time.perf_counter() - started:.1f} s", file=sys.stderr)


def postgres_admin(url: str, sql: str) -> None:
    import psycopg

    parts = urlsplit(url)
    with psycopg.connect(urlunsplit(parts._replace(scheme="postgresql")), autocommit=True) as connection:
        connection.execute(sql)


def throwaway_database(workdir: Path) -> tuple[str, str, str | None]:
    """(engine label, DATABASE_URL, postgres URL to drop afterwards or None)."""
    given = os.environ.get("DATABASE_URL", "")
    if not given.startswith(("postgres://", "postgresql://")):
        return "sqlite", f"sqlite:///{workdir / 'bench.sqlite3'}", None
    parts = urlsplit(given)
    name = parts.path.lstrip("/") + "_conc"
    postgres_admin(given, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    postgres_admin(given, f'CREATE DATABASE "{name}"')
    return "postgresql", urlunsplit(parts._replace(path="/" + name)), given


def server_env(url: str, workdir: Path) -> dict[str, str]:
    """The environment of a production-like server (DEBUG off) on the throwaway database and media folder."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cchc.settings",
        "DEBUG": "0",
        "SECRET_KEY": "bench-only-secret-key-" + "x" * 40,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_COOKIES": "0",
        "DATABASE_URL": url,
        "MEDIA_ROOT": str(workdir / "media"),
        "LOG_LEVEL": "WARNING",
    }


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(
    env: dict[str, str], port: int, workers: int, threads: int, worker_class: str, log: Path
) -> subprocess.Popen:
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "cchc.wsgi:application",
        f"--bind=127.0.0.1:{port}",
        f"--workers={workers}",
        # gunicorn runs a sync worker with more than one thread as gthread: threads only for gthread
        f"--threads={threads if worker_class == 'gthread' else 1}",
        f"--worker-class={worker_class}",
        "--timeout=60",
    ]
    with open(log, "ab") as output:  # the app's own errors (tracebacks of 500s) land here too
        server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=output, stderr=output)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit(f"gunicorn exited with {server.returncode}; see {log}:\n{log.read_text()[-3000:]}")
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", "/dang-nhap/")
            if connection.getresponse().status == 200:
                return server
        except OSError:
            time.sleep(0.3)
    server.terminate()
    sys.exit("gunicorn did not answer within 60 s")


# what each account may read and write, as the app's own rules say (apps.units.access)
SCOPE = """
from django.contrib.auth import get_user_model
from apps.plans.models import Plan, PlanStatus, Target, Task
from apps.tracking.figures import entry_periods
from apps.tracking.services import tasks_for
from apps.units.access import Access
out = {}
for name in ACCOUNTS:
    user = get_user_model().objects.get(username=name)
    access = Access(user)
    plans = access.visible(Plan.objects.filter(status=PlanStatus.PUBLISHED)).order_by("pk")
    tasks = list(tasks_for(access).values_list("pk", flat=True))
    cells = []
    for target in Target.objects.filter(plan__in=plans).select_related("plan__unit").order_by("pk"):
        if access.can_enter_measurement(target):
            cells += [[target.pk, p.pk] for p in entry_periods(target.plan)]
    out[name] = {
        "unit": access.home_unit.pk,
        "city": access.is_city,
        "plans": list(plans.values_list("pk", flat=True)),
        "read_tasks": list(Task.objects.filter(plan__in=plans).values_list("pk", flat=True)[:200]),
        "tasks": tasks,
        "cells": cells,
    }
print(json.dumps(out))
"""

COUNTS = """
from django.db.models import Sum
from apps.audit.models import AuditEntry
from apps.tracking.models import Measurement, TaskUpdate
rows = Measurement.objects.values_list("target", "period", "value")
cells = {f"{t}:{p}": str(v) for t, p, v in rows}
print(json.dumps({
    "task_updates": TaskUpdate.objects.count(),
    "figure_versions": Measurement.objects.aggregate(s=Sum("version"))["s"] or 0,
    "audit_task": AuditEntry.objects.filter(action="task.update").count(),
    "audit_figure": AuditEntry.objects.filter(action__in=["measurement.create", "measurement.update"]).count(),
    "cells": cells,
}))
"""


# --- the clients ---------------------------------------------------------------------------------------------


class Browser:
    """One HTTP/1.1 keep-alive connection with its cookies, like one person's browser tab (or API script)."""

    def __init__(self, port: int):
        self.port = port
        self.cookies: dict[str, str] = {}
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)

    def request(self, method: str, path: str, body: bytes | None = None, headers: dict | None = None):
        headers = dict(headers or {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        for attempt in (1, 2):
            try:
                self.connection.request(method, path, body=body, headers=headers)
                response = self.connection.getresponse()
                data = response.read()
                break
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                # the server closed an idle keep-alive connection: reconnect once, as a browser does
                self.connection.close()
                self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
                if attempt == 2:
                    raise
        for header in response.msg.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                if morsel.value:
                    self.cookies[name] = morsel.value
                else:
                    self.cookies.pop(name, None)
        return response.status, response.getheader("Location", ""), data


@dataclass
class Tally:
    """What every client saw, merged after the run."""

    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: Counter = field(default_factory=Counter)  # (kind, status)
    conflicts: Counter = field(default_factory=Counter)  # kind -> 409/412 answers (a refusal that says why)
    accepted: Counter = field(default_factory=Counter)  # "task" / "figure"
    last_value: dict[str, str] = field(default_factory=dict)  # "target:period" -> last value accepted

    def merge(self, other: Tally) -> None:
        for kind, values in other.latencies.items():
            self.latencies[kind] += values
        self.errors.update(other.errors)
        self.conflicts.update(other.conflicts)
        self.accepted.update(other.accepted)
        self.last_value.update(other.last_value)


class Client(threading.Thread):
    def __init__(self, index: int, username: str, port: int, scope: dict, cells: list, api: bool, seed: int):
        super().__init__(daemon=True)
        self.index, self.username, self.port = index, username, port
        self.scope, self.cells, self.api = scope, cells, api
        self.browser = Browser(port)
        self.random = random.Random(seed)
        self.tally = Tally()
        self.token = ""
        self.stop_at = 0.0
        self.reads_per_write = 4
        self.think = 0.0  # mean pause before each request, seconds

    # sign in before the clock starts
    def sign_in(self) -> None:
        username = self.username
        if self.api:
            body = json.dumps({"username": username, "password": PASSWORD}).encode()
            status, _, data = self.browser.request(
                "POST", "/api/auth/token", body, {"Content-Type": "application/json"}
            )
            if status != 200:
                sys.exit(f"{username} could not get a token: {status} {data[:300]!r}")
            self.token = json.loads(data)["token"]
            return
        self.browser.request("GET", "/dang-nhap/")
        form = {"username": username, "password": PASSWORD, "csrfmiddlewaretoken": self.browser.cookies["csrftoken"]}
        status, location, data = self.browser.request("POST", "/dang-nhap/", *self.form(form))
        if status != 302:
            sys.exit(f"{username} could not sign in: {status} {data[:300]!r}")

    def form(self, fields: dict) -> tuple[bytes, dict]:
        return urlencode(fields).encode(), {"Content-Type": "application/x-www-form-urlencoded"}

    def timed(self, kind: str, method: str, path: str, body=None, headers=None, ok=(200,)):
        if self.token:
            headers = {**(headers or {}), "Authorization": f"Bearer {self.token}"}
        started = time.perf_counter()
        status, location, data = self.browser.request(method, path, body, headers)
        self.tally.latencies[kind].append((time.perf_counter() - started) * 1000)
        if status in (409, 412):
            self.tally.conflicts[kind] += 1
        elif status not in ok:
            self.tally.errors[(kind, status)] += 1
        return status, location, data

    # one request of each kind
    def read(self) -> None:
        s, r = self.scope, self.random
        plan = r.choice(s["plans"])
        task = r.choice(s["read_tasks"]) if s["read_tasks"] else None  # a unit's plan may have no task rows
        if self.api:
            paths = [f"/api/tasks?plan={plan}&limit=50", f"/api/plans/{plan}"] + (
                [f"/api/tasks/{task}"] if task else []
            )
            self.timed("api read", "GET", r.choice(paths))
            return
        dashboard = "/tong-quan/thanh-pho/" if s["city"] else f"/tong-quan/don-vi/{s['unit']}/"
        pages = [
            ("page dashboard", dashboard),
            ("page plan", f"/ke-hoach/{plan}/"),
            ("page task list", f"/ke-hoach/{plan}/nhiem-vu/"),
        ] + ([("page task", f"/nhiem-vu/{task}/")] if task else [])
        kind, path = r.choice(pages)
        self.timed(kind, "GET", path)

    def write(self) -> None:
        r = self.random
        kinds = (["task"] if self.scope["tasks"] else []) + (["figure"] if self.cells else [])
        if not kinds:
            return self.read()
        if r.choice(kinds) == "task":
            task, progress = r.choice(self.scope["tasks"]), r.randint(1, 99)
            comment = f"Bench client {self.index}: {progress}%"
            if self.api:
                body = json.dumps({"status": "in_progress", "progress": progress, "comment": comment}).encode()
                status, _, _ = self.timed(
                    "api task update",
                    "POST",
                    f"/api/tasks/{task}/updates",
                    body,
                    {"Content-Type": "application/json"},
                    ok=(201,),
                )
                accepted = status == 201
            else:
                fields = {"state": "in_progress", "progress": progress, "comment": comment}
                status, location, _ = self.post_form("page task update", f"/nhiem-vu/{task}/cap-nhat/", fields)
                accepted = status == 302 and location.endswith(f"/nhiem-vu/{task}/")
            self.tally.accepted["task"] += accepted
            return None
        target, period = r.choice(self.cells)
        value = f"{r.randint(0, 1000) / 10:.1f}"
        if self.api:
            body = json.dumps({"period": period, "value": value, "source": "bench"}).encode()
            status, _, _ = self.timed(
                "api figure",
                "POST",
                f"/api/targets/{target}/measurements",
                body,
                {"Content-Type": "application/json"},
                ok=(200, 201),
            )
            accepted = status in (200, 201)
        else:
            # as a browser does: open the period's form, which carries the version of the value it shows
            _, _, page = self.timed("page figure form", "GET", f"/chi-tieu/{target}/?period={period}")
            seen = SEEN.search(page.decode(errors="replace"))
            fields = {"period": period, "value": value, "source": "bench", "seen": seen[1] if seen else ""}
            status, location, _ = self.post_form("page figure", f"/chi-tieu/{target}/", fields)
            accepted = status == 302 and location.endswith(f"/chi-tieu/{target}/")
        if accepted:
            self.tally.accepted["figure"] += 1
            self.tally.last_value[f"{target}:{period}"] = value
        return None

    def post_form(self, kind: str, path: str, fields: dict):
        body, headers = self.form({**fields, "csrfmiddlewaretoken": self.browser.cookies.get("csrftoken", "")})
        # a POST that a form refuses answers 200 with the errors: not accepted, so an error here
        return self.timed(kind, "POST", path, body, headers, ok=(302,))

    def run(self) -> None:
        while time.monotonic() < self.stop_at:
            if self.think:
                time.sleep(self.random.uniform(0, 2 * self.think))
            try:
                if self.random.randrange(self.reads_per_write + 1) == 0:
                    self.write()
                else:
                    self.read()
            except (OSError, http.client.HTTPException) as exc:
                self.tally.errors[("connection", type(exc).__name__)] += 1
                self.browser.connection.close()
                self.browser.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)


def percentile(values: list[float], q: int) -> float:
    if len(values) < 2:
        return values[0] if values else 0.0
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


def cpu_seconds(pid: int) -> float:
    """CPU seconds (user + system) used so far by a process and its live children: the server's master and workers."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:  # a process that ended meanwhile
            continue
        if int(stat.parent.name) == pid or int(fields[1]) == pid:  # fields[1]: the parent's pid
            total += (int(fields[11]) + int(fields[12])) / ticks  # utime, stime
    return total


def run_load(
    env: dict, port: int, server_pid: int, scope: dict, clients: int, args: argparse.Namespace, seed: int
) -> None:
    # each (target, period) cell is written by one client only (two accounts may share a target: the standing
    # officer and the agency's officer), dealt out over the clients of the account with the fewest cells first
    sharing = defaultdict(list)
    for index in range(clients):
        sharing[ACCOUNTS[index % len(ACCOUNTS)]].append(index)
    dealt, taken = {}, set()
    for username, peers in sorted(sharing.items(), key=lambda item: len(scope[item[0]]["cells"])):
        free = [cell for cell in scope[username]["cells"] if tuple(cell) not in taken]
        taken.update(tuple(cell) for cell in free)
        for n, index in enumerate(peers):
            dealt[index] = free[n :: len(peers)]
    team = []
    for index in range(clients):
        username = ACCOUNTS[index % len(ACCOUNTS)]
        api = (index + index // len(ACCOUNTS)) % 2 == 1  # pages and API alternate, and change over every round
        client = Client(index, username, port, scope[username], dealt[index], api=api, seed=seed * 1000 + index)
        client.reads_per_write, client.think = args.reads_per_write, args.think
        client.sign_in()
        team.append(client)
    before = django_json(env, COUNTS)
    cpu_before = cpu_seconds(server_pid), time.process_time()
    started = time.monotonic()
    for client in team:
        client.stop_at = started + args.seconds
        client.start()
    for client in team:
        client.join()
    elapsed = time.monotonic() - started
    cpu = cpu_seconds(server_pid) - cpu_before[0], time.process_time() - cpu_before[1]
    after = django_json(env, COUNTS)

    tally = Tally()
    for client in team:
        tally.merge(client.tally)
    report(env, clients, elapsed, cpu, tally, before, after)


def report(
    env: dict, clients: int, elapsed: float, cpu: tuple[float, float], tally: Tally, before: dict, after: dict
) -> None:
    total = sum(len(v) for v in tally.latencies.values())
    print(
        f"\n== {clients} clients, {elapsed:.1f} s: {total} requests, {total / elapsed:.1f} req/s "
        f"(load average now {os.getloadavg()[0]:.1f})\n"
        f"CPU per request: server {cpu[0] * 1000 / max(total, 1):.1f} ms, "
        f"these clients {cpu[1] * 1000 / max(total, 1):.1f} ms"
    )
    print(f"{'kind':<20} {'n':>6} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'errors':>7} {'409/412':>8}")
    every = []
    for kind in sorted(tally.latencies):
        values = tally.latencies[kind]
        every += values
        errors = sum(n for (k, _), n in tally.errors.items() if k == kind)
        print(
            f"{kind:<20} {len(values):>6} {percentile(values, 50):>8.0f} {percentile(values, 95):>8.0f} "
            f"{percentile(values, 99):>8.0f} {errors:>7} {tally.conflicts[kind]:>8}"
        )
    print(
        f"{'all':<20} {len(every):>6} {percentile(every, 50):>8.0f} {percentile(every, 95):>8.0f} "
        f"{percentile(every, 99):>8.0f} {sum(tally.errors.values()):>7} {sum(tally.conflicts.values()):>8}"
    )
    if tally.errors:
        print("errors by status: " + ", ".join(f"{k} {s}: {n}" for (k, s), n in sorted(tally.errors.items())))
    else:
        print("errors by status: none")

    updates = after["task_updates"] - before["task_updates"]
    audit_task = after["audit_task"] - before["audit_task"]
    versions = after["figure_versions"] - before["figure_versions"]
    audit_figure = after["audit_figure"] - before["audit_figure"]
    stored = after["cells"]
    wrong = [c for c, v in tally.last_value.items() if c not in stored or Decimal(stored[c]) != Decimal(v)]
    sent_tasks, sent_figures = tally.accepted["task"], tally.accepted["figure"]
    lost = max(sent_tasks - updates, 0) + max(sent_tasks - audit_task, 0)
    lost += max(sent_figures - versions, 0) + max(sent_figures - audit_figure, 0) + len(wrong)
    print(
        f"task updates: {sent_tasks} accepted, {updates} rows written, {audit_task} audit entries\n"
        f"figures:      {sent_figures} accepted, {versions} versions written, {audit_figure} audit entries, "
        f"{len(tally.last_value)} cells whose last accepted value {'is' if not wrong else 'is NOT'} stored"
        + (f" ({len(wrong)} wrong: {wrong[:5]})" if wrong else "")
    )
    extra = (updates - sent_tasks) + (versions - sent_figures)
    print(f"lost: {lost}" + (f"; written but answered as refused: {extra}" if extra else ""))


def log_summary(log: Path) -> str:
    """Tracebacks in the server's log, counted by the message logged with each (the line before the first of a
    chain), token prefixes and numbers left out so alike messages count together."""
    lines = [line for line in log.read_text(errors="replace").splitlines() if line.strip()]
    chained = ("The above exception", "During handling")
    messages = Counter(
        re.sub(r"cchc_\S+|\d+", "…", lines[i - 1])[:100]
        for i, line in enumerate(lines)
        if i and line.startswith("Traceback") and not lines[i - 1].startswith(chained)
    )
    if not messages:
        return "no tracebacks"
    return f"{sum(messages.values())} tracebacks: " + "; ".join(f"{n} × {m}" for m, n in messages.most_common(5))


def first_traceback(log: Path) -> str:
    """The first traceback of a 500 in the server's log (of anything else logged when there was none), whole with
    its chain and the line logged before it: where to start reading when a run had errors."""
    lines = log.read_text(errors="replace").splitlines()
    starts = [i for i, line in enumerate(lines) if i and line.startswith("Traceback")]
    start = next((i for i in starts if lines[i - 1].startswith("Internal Server Error")), starts[0] if starts else None)
    if start is None:
        return ""
    chained = ("The above exception", "During handling")
    end = start
    while end < len(lines):
        line = lines[end]
        end += 1
        if line.startswith((" ", "Traceback")) or line.startswith(chained) or not line.strip():
            continue
        # the exception's own line: the traceback ends here unless the next link of a chain follows
        following = next((other for other in lines[end:] if other.strip()), "")
        if not following.startswith(chained):
            break
    return "\n".join(lines[max(start - 1, 0) : end])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", default="20,50", help="comma-separated client counts, one run each")
    parser.add_argument("--seconds", type=float, default=30, help="length of each run")
    parser.add_argument(
        "--workers", type=int, default=os.cpu_count() or 2, help="gunicorn worker processes (default: one a CPU)"
    )
    parser.add_argument("--threads", type=int, default=8, help="threads per gunicorn worker (gthread)")
    parser.add_argument(
        "--worker-class",
        default="sync",
        choices=["sync", "gthread"],
        help="gthread: threads in each worker, keep-alive; sync: one request at a time, a connection each",
    )
    parser.add_argument("--reads-per-write", type=int, default=4, help="reads a client makes for each write")
    parser.add_argument("--think", type=float, default=0, help="mean pause before each request, seconds (0: none)")
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (and database) and say where")
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="cchc-conc-"))
    engine, url, drop = throwaway_database(workdir)
    env = server_env(url, workdir)
    server = None
    try:
        manage(env, "migrate", "--noinput", "--verbosity", "0")
        manage(env, "load_demo", "--force")  # the demo refuses to load with DEBUG off unless told
        manage(env, "collectstatic", "--noinput", "--verbosity", "0")
        scope = django_json(env, f"ACCOUNTS = {ACCOUNTS!r}\n" + SCOPE)
        port = free_port()
        log = workdir / "gunicorn.log"
        server = start_server(env, port, args.workers, args.threads, args.worker_class, log)
        print(
            f"cchc concurrency bench: {engine}, gunicorn {args.workers} {args.worker_class} workers"
            + (f" × {args.threads} threads" if args.worker_class == "gthread" else "")
            + f" on 127.0.0.1:{port}, {args.seconds:.0f} s per run, {args.reads_per_write} reads per write, "
            + (f"a pause of {args.think:g} s on average before each request, " if args.think else "no pause, ")
            + "half the clients on pages, half on the API; "
            f"load average before: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs"
        )
        for run, clients in enumerate(int(c) for c in args.clients.split(",")):
            run_load(env, port, server.pid, scope, clients, args, args.seed + run)
        print("\nserver log: " + log_summary(log) + (f" (see {log})" if args.keep else ""))
        first = first_traceback(log)
        if first:
            print("first traceback in the server log:\n" + first)
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
        if args.keep:
            print(f"kept: {workdir}" + (f" and database {urlsplit(url).path.lstrip('/')}" if drop else ""))
        else:
            shutil.rmtree(workdir, ignore_errors=True)
            if drop:
                postgres_admin(drop, f'DROP DATABASE IF EXISTS "{urlsplit(url).path.lstrip("/")}" WITH (FORCE)')


if __name__ == "__main__":
    main()
