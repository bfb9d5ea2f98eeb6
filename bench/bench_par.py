"""PAR Index at city scale: 114 commune-level units with a full assessment each (35 leaves self-scored, locked,
both appraisal rounds), then the time and queries of what the city and a unit open.

    .venv/bin/python bench/bench_par.py [--units 114]

SQLite in a throw-away folder (DEBUG on, so load_demo-style data may be made). Prints, for the ranking (service,
page, .xlsx, .docx) and one unit's assessment page and score sheet: wall time (median of 3) and SQL queries.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--units", type=int, default=114)
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="cchc-bench-par-")
    os.environ.update(
        DEBUG="true",
        ALLOWED_HOSTS="testserver",
        DATABASE_URL=f"sqlite:///{folder}/db.sqlite3",
        MEDIA_ROOT=f"{folder}/media",
    )
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cchc.settings")
    import datetime as dt
    from decimal import Decimal

    import django

    django.setup()
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.core.management import call_command
    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from apps.par import exports, frameworks, services
    from apps.units.models import Membership, Role, Unit, UnitKind

    call_command("migrate", verbosity=0)
    from django.contrib.auth.models import User

    city = Unit.objects.create(name="Thành phố Hải Phòng", kind=UnitKind.CITY, code="hp")
    snv = Unit.objects.create(name="Sở Nội vụ", kind=UnitKind.DEPARTMENT, parent=city, code="snv")
    reviewer = User.objects.create_user("snv", password="x")
    Membership.objects.create(user=reviewer, unit=snv, role=Role.CITY_REVIEWER)
    framework = frameworks.load_sample()
    year = services.open_year(2025, dt.date(2099, 1, 1), {"communes": framework}, reviewer)
    started = time.perf_counter()
    first = None
    for i in range(args.units):
        unit = Unit.objects.create(name=f"Xã {i:03d}", kind=UnitKind.COMMUNE, parent=city, code=f"xa-{i}")
        officer = User.objects.create_user(f"xa{i}", password="x")
        Membership.objects.create(user=officer, unit=unit, role=Role.STANDING_OFFICER)
        assessment, _ = services.open_assessment(year, unit, officer)
        for score in assessment.scores.select_related("criterion"):
            share = 0 if score.criterion.part == "penalty" else (0.6 + (i % 40) / 100)
            value = (score.criterion.max_points * Decimal(str(share))).quantize(Decimal("0.01"))
            services.set_self_score(score, officer, value, "Có hồ sơ")
        services.lock(assessment, officer, SimpleUploadedFile("ky.pdf", b"%PDF-1.4 ky"))
        services.finish_round(assessment, reviewer, 1)
        services.finish_round(assessment, reviewer, 2)
        first = first or (assessment, officer)
    print(f"{args.units} assessments made and appraised in {time.perf_counter() - started:.1f} s")

    client = Client()
    client.force_login(reviewer)
    unit_client = Client()
    unit_client.force_login(first[1])

    def measure(label, call):
        times, queries = [], 0
        for _ in range(3):
            reset_queries()
            with CaptureQueriesContext(connection) as captured:
                t = time.perf_counter()
                result = call()
                times.append(time.perf_counter() - t)
            queries = len(captured)
            status = getattr(result, "status_code", 200)
            assert status == 200, (label, status)
        print(f"{label:<42} {statistics.median(times) * 1000:8.0f} ms {queries:6d} queries")

    measure("ranking (services.ranking)", lambda: services.ranking(year))
    measure("ranking page (city)", lambda: client.get(f"/chi-so-cchc/nam/{year.pk}/xep-hang/"))
    measure("ranking .xlsx", lambda: exports.ranking_xlsx(year))
    measure("ranking .docx", lambda: exports.ranking_docx(year))
    measure("one unit's assessment page", lambda: unit_client.get(f"/chi-so-cchc/ban-cham/{first[0].pk}/"))
    measure("one unit's score sheet .docx", lambda: exports.score_sheet_docx(first[0]))
    from apps.api.models import ApiToken

    token = {"Authorization": f"Bearer {ApiToken.issue(reviewer)[1]}"}
    measure(
        "API GET /api/par/ranking?year=2025 (city)", lambda: client.get("/api/par/ranking?year=2025", headers=token)
    )


if __name__ == "__main__":
    main()
