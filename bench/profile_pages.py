"""CPU milliseconds and SQL queries per request for each kind of request bench_concurrency.py sends, in one process.

    .venv/bin/python bench/profile_pages.py [--runs 20] [--only KIND] [--profile KIND] [--keep]

Builds the concurrency bench's throw-away SQLite database (``migrate`` + ``load_demo`` + ``collectstatic``, DEBUG
off, as the bench's server runs), then sends each kind of request through Django's test Client as the bench's
accounts do: a page reader with a session, an API script with a token. Prints per kind the median CPU time of the
process (``time.process_time``: what a request costs the machine, whatever else runs beside it), the median wall
time and the SQL queries of one request. Under the bench's closed loop of 20 clients on 2 CPUs, p95 < 300 ms needs
about 15 ms of CPU per request on average. ``--profile KIND`` prints cProfile's heaviest functions for one kind.
"""

from __future__ import annotations

import argparse
import cProfile
import logging
import os
import pstats
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_concurrency import ACCOUNTS, PASSWORD, ROOT, SCOPE, SEEN, django_json, manage, server_env  # noqa: E402


def build(workdir: Path, fresh: bool) -> dict[str, str]:
    env = server_env(f"sqlite:///{workdir / 'bench.sqlite3'}", workdir)
    env["ALLOWED_HOSTS"] = "testserver,127.0.0.1,localhost"
    if fresh:
        manage(env, "migrate", "--noinput", "--verbosity", "0")
        manage(env, "load_demo", "--force")
        manage(env, "collectstatic", "--noinput", "--verbosity", "0")
    return env


def kinds(scope: dict) -> list[tuple[str, str, str, bool]]:
    """(kind as the concurrency bench names it, account, method + path, api?) — one representative request each."""
    officer, agency, city = "maodien.vhxh", "maodien.pvhcc", "snv.cchc"
    s = scope[officer]
    plan, task = s["plans"][0], s["tasks"][0]
    target, period = s["cells"][0]
    return [
        ("page dashboard", officer, f"GET /tong-quan/don-vi/{s['unit']}/", False),
        ("page dashboard city", city, "GET /tong-quan/thanh-pho/", False),
        ("page plan", officer, f"GET /ke-hoach/{plan}/", False),
        ("page task list", officer, f"GET /ke-hoach/{plan}/nhiem-vu/", False),
        ("page task", officer, f"GET /nhiem-vu/{task}/", False),
        ("page figure form", officer, f"GET /chi-tieu/{target}/?period={period}", False),
        ("page task update", agency if scope[agency]["tasks"] else officer, "POST task", False),
        ("page figure", officer, f"POST /chi-tieu/{target}/ {period}", False),
        ("api read tasks", city, f"GET /api/tasks?plan={plan}&limit=50", True),
        ("api read plan", officer, f"GET /api/plans/{plan}", True),
        ("api read task", officer, f"GET /api/tasks/{task}", True),
        ("api task update", officer, f"POST /api/tasks/{task}/updates", True),
        ("api figure", officer, f"POST /api/targets/{target}/measurements {period}", True),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20, help="timed requests per kind (after two warm-ups)")
    parser.add_argument("--only", default="", help="only the kinds whose name contains this")
    parser.add_argument("--profile", default="", help="print cProfile's top functions for the kinds matching this")
    parser.add_argument("--focus", default="", help="with --profile: only functions whose file matches (a regex)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder and say where")
    parser.add_argument("--reuse", type=Path, help="a folder kept by an earlier --keep run: no new database")
    args = parser.parse_args()

    workdir = args.reuse or Path(tempfile.mkdtemp(prefix="cchc-prof-"))
    try:
        env = build(workdir, fresh=not args.reuse)
        scope = django_json(env, f"ACCOUNTS = {ACCOUNTS!r}\n" + SCOPE)
        os.environ.update(env)
        run(scope, args)
    finally:
        if args.keep or args.reuse:
            print(f"kept: {workdir}", file=sys.stderr)
        else:
            shutil.rmtree(workdir, ignore_errors=True)


def run(scope: dict, args: argparse.Namespace) -> None:
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    logging.getLogger("django.request").setLevel(logging.ERROR)  # the 409s the bench's API clients get too
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    rng = random.Random(8)
    clients: dict[tuple[str, bool], tuple[Client, dict]] = {}

    def client_for(username: str, api: bool) -> tuple[Client, dict]:
        if (username, api) not in clients:
            client, headers = Client(), {}
            if api:
                response = client.post(
                    "/api/auth/token", {"username": username, "password": PASSWORD}, content_type="application/json"
                )
                headers["HTTP_AUTHORIZATION"] = f"Bearer {response.json()['token']}"
            else:
                assert client.login(username=username, password=PASSWORD), username
            clients[(username, api)] = client, headers
        return clients[(username, api)]

    def prepare(kind: str, username: str, what: str, api: bool):
        """The request to time, as a function of nothing; what a browser does first (open the form) done here."""
        client, headers = client_for(username, api)
        method, path, *rest = what.split(" ")
        if method == "GET":
            return lambda: client.get(path, **headers)
        progress = rng.randint(1, 99)
        if kind == "page task update":
            task = rng.choice(scope[username]["tasks"])
            fields = {"state": "in_progress", "progress": progress, "comment": f"profile {progress}%"}
            return lambda: client.post(f"/nhiem-vu/{task}/cap-nhat/", fields, **headers)
        if kind == "api task update":
            body = {"status": "in_progress", "progress": progress, "comment": f"profile {progress}%"}
            return lambda: client.post(path, body, content_type="application/json", **headers)
        value = f"{rng.randint(0, 1000) / 10:.1f}"
        if kind == "page figure":  # the form carries the version of the value it shows
            seen = SEEN.search(client.get(f"{path}?period={rest[0]}", **headers).content.decode())
            fields = {"period": rest[0], "value": value, "source": "profile", "seen": seen[1] if seen else ""}
            return lambda: client.post(path, fields, **headers)
        # as the bench's API clients: without If-Match, so a period that has a value answers 409 with it
        body = {"period": int(rest[0]), "value": value, "source": "profile"}
        return lambda: client.post(path, body, content_type="application/json", **headers)

    print(f"{'kind':<22} {'user':<14} {'status':>6} {'cpu ms':>8} {'wall ms':>8} {'queries':>8}  request")
    total_cpu = []
    for kind, username, what, api in kinds(scope):
        if args.only and args.only not in kind:
            continue
        for _ in range(2):
            prepare(kind, username, what, api)()
        request = prepare(kind, username, what, api)
        with CaptureQueriesContext(connection) as queries:
            response = request()
        count = len(queries)  # now: the next request empties the log
        cpu, wall = [], []
        profiler = cProfile.Profile() if args.profile and args.profile in kind else None
        for _ in range(args.runs):
            request = prepare(kind, username, what, api)
            started_cpu, started = time.process_time(), time.perf_counter()
            if profiler:
                profiler.enable()
            request()
            if profiler:
                profiler.disable()
            cpu.append((time.process_time() - started_cpu) * 1000)
            wall.append((time.perf_counter() - started) * 1000)
        total_cpu.append(statistics.median(cpu))
        print(
            f"{kind:<22} {username:<14} {response.status_code:>6} {statistics.median(cpu):>8.1f} "
            f"{statistics.median(wall):>8.1f} {count:>8}  {what}"
        )
        if profiler:
            focus = (args.focus,) if args.focus else ()
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(*focus, 45)
            pstats.Stats(profiler).sort_stats("tottime").print_stats(*focus, 25)
    if total_cpu:
        print(f"{'mean of the medians':<22} {'':<14} {'':>6} {statistics.mean(total_cpu):>8.1f}")


if __name__ == "__main__":
    main()
