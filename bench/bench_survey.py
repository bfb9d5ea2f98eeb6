"""A burst of SIPAS survey submissions: N people (200 by default) send their answers at the same moment to the
real app under gunicorn, half through the public page's form and half through the API; then the bench counts what
reached the database. Nothing may be lost: every answer the server accepted is stored, and none is refused but
for the reasons the survey gives (there are none here: each visitor opens its own page first).

    .venv/bin/python bench/bench_survey.py [--submissions 200] [--workers 4] [--threads 8] [--rounds 1] [--keep]
    DATABASE_URL=postgres://user@host/db .venv/bin/python bench/bench_survey.py

SQLite by default, in a throw-away folder (WAL, busy timeout, IMMEDIATE transactions, each answer one short
INSERT retried while the database is locked); with a postgres:// DATABASE_URL a throw-away database
``<db>_conc`` beside the named one (bench_concurrency.py's helpers). All the submissions come from 127.0.0.1, so
the per-address limit is raised for the bench (SURVEY_RESPONSES_PER_ADDRESS) and the too-fast flag turned off.

Prints per round: accepted (201 / 302 to the thank-you page), refused by status, stored, lost (= accepted − stored,
must be 0), the burst's wall time and p50/p95/max latency of the submissions, and the load average.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import shutil
import statistics
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlencode, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_concurrency import (  # noqa: E402  (the one home of the bench's database and server)
    django_json,
    free_port,
    log_summary,
    manage,
    percentile,
    postgres_admin,
    server_env,
    start_server,
    throwaway_database,
)

TOKEN = re.compile(r'name="token" value="([^"]+)"')

SETUP = """
from apps.surveys.models import Questionnaire
from apps.units.models import Unit, UnitKind
city, _ = Unit.objects.get_or_create(code="hai-phong", defaults={"name": "Thành phố Hải Phòng", "kind": UnitKind.CITY})
units = []
for code, name in (("ke-sat", "Xã Kẽ Sắt"), ("mao-dien", "Xã Mao Điền"), ("hung-thang", "Xã Hưng Thắng")):
    unit, _ = Unit.objects.get_or_create(code=code, defaults={"name": name, "kind": UnitKind.COMMUNE, "parent": city})
    units.append(unit.pk)
form = Questionnaire.current().form
print(json.dumps({"units": units, "items": [item.code for item in form.items]}))
"""

COUNT = """
from apps.surveys.models import Response
print(json.dumps(Response.objects.count()))
"""


def answers(n: int, items: list[str]) -> dict[str, int]:
    return {code: 3 + (n + i) % 3 for i, code in enumerate(items)}


def prepare(port: int, n: int, unit: int, items: list[str]):
    """Open the survey as visitor ``n`` would (page or API): the request to send when everyone is ready."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    if n % 2 == 0:
        connection.request("GET", f"/khao-sat/{unit}/")
        token = TOKEN.search(connection.getresponse().read().decode())[1]
        fields = {f"q-{code}": str(level) for code, level in answers(n, items).items()}
        body = urlencode({**fields, "token": token, "comment": f"Phiếu thử {n}"}).encode()
        request = ("POST", f"/khao-sat/{unit}/", body, {"Content-Type": "application/x-www-form-urlencoded"})
    else:
        connection.request("GET", f"/api/surveys/{unit}/form")
        token = json.loads(connection.getresponse().read())["visit_token"]
        body = json.dumps({"visit_token": token, "answers": answers(n, items), "comment": f"Phiếu thử {n}"}).encode()
        request = ("POST", f"/api/surveys/{unit}/responses", body, {"Content-Type": "application/json"})
    connection.close()  # a phone sends its answers minutes later, on a new connection
    return request


def burst(port: int, submissions: int, setup: dict) -> tuple[Counter, list[float], float]:
    statuses: Counter = Counter()
    latencies: list[float] = []
    lock = threading.Lock()
    ready = threading.Barrier(submissions + 1)

    def visitor(n: int) -> None:
        unit = setup["units"][n % len(setup["units"])]
        method, path, body, headers = prepare(port, n, unit, setup["items"])
        ready.wait()
        started = time.perf_counter()
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            response.read()
            status = response.status
        except OSError as error:
            status = type(error).__name__
        with lock:
            statuses[status] += 1
            latencies.append(time.perf_counter() - started)
        connection.close()

    threads = [threading.Thread(target=visitor, args=(n,)) for n in range(submissions)]
    for thread in threads:
        thread.start()
    ready.wait()  # every visitor has opened its page: now all send at once
    started = time.perf_counter()
    for thread in threads:
        thread.join()
    return statuses, latencies, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--submissions", type=int, default=200, help="answers sent at the same moment")
    parser.add_argument("--rounds", type=int, default=1, help="bursts, one after the other")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn worker processes")
    parser.add_argument("--threads", type=int, default=8, help="threads per gunicorn worker")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (and database) and say where")
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="cchc-survey-"))
    engine, url, drop = throwaway_database(workdir)
    env = {
        **server_env(url, workdir),
        "SURVEY_RESPONSES_PER_ADDRESS": str(10 * args.submissions * args.rounds),
        "SURVEY_MIN_SECONDS": "0",
    }
    server = None
    try:
        manage(env, "migrate", "--noinput", "--verbosity", "0")
        manage(env, "collectstatic", "--noinput", "--verbosity", "0")
        setup = django_json(env, SETUP)
        port = free_port()
        log = workdir / "gunicorn.log"
        server = start_server(env, port, args.workers, args.threads, "gthread", log)
        print(
            f"cchc survey bench: {engine}, gunicorn {args.workers} workers × {args.threads} threads on "
            f"127.0.0.1:{port}, {args.submissions} submissions at once (half the page's form, half the API) over "
            f"{len(setup['units'])} communes; load average before: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs"
        )
        total_accepted = 0
        for round_ in range(1, args.rounds + 1):
            before = django_json(env, COUNT)
            statuses, latencies, elapsed = burst(port, args.submissions, setup)
            stored = django_json(env, COUNT) - before
            accepted = statuses[201] + statuses[302]
            total_accepted += accepted
            refused = {k: v for k, v in statuses.items() if k not in (201, 302)}
            print(
                f"round {round_}: sent {args.submissions}, accepted {accepted}, refused {sum(refused.values())}"
                f"{' ' + json.dumps(refused) if refused else ''}, stored {stored}, lost {accepted - stored}; "
                f"burst {elapsed:.2f} s, latency p50 {statistics.median(latencies) * 1000:.0f} ms, "
                f"p95 {percentile(latencies, 95) * 1000:.0f} ms, max {max(latencies) * 1000:.0f} ms; "
                f"load average {os.getloadavg()[0]:.1f}"
            )
        print(f"stored in all: {django_json(env, COUNT)} of {total_accepted} accepted")
        print("server log: " + log_summary(log) + (f" (see {log})" if args.keep else ""))
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
