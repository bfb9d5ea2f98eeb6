"""Time and memory of reading hostile workbooks: a million rows, with and without a stated size, small and as
big as the issue's (1,000,000 rows × 8 columns), each refused by ``read_workbook``.

    .venv/bin/python bench/bench_sheet_read.py

Each case runs in a fresh process, so the peak resident memory printed is that case's alone.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CASE = r"""
import io, os, resource, sys, time
import django
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cchc.settings")
os.environ.setdefault("DEBUG", "1")
django.setup()
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from apps.tracking.spreadsheets import read_workbook
from tests.web.sheet_files import task_sheet
rows, dimension = int(sys.argv[1]), "auto" if sys.argv[2] == "1" else ""
wide, lift = sys.argv[3] == "1", sys.argv[4] == "1"
if lift:  # past the size caps, to time the row count
    settings.SHEET_MAX_BYTES = settings.SHEET_MAX_UNPACKED_BYTES = 1 << 30
data = task_sheet(rows, dimension=dimension)
if wide:  # eight cells per row, as a real sheet has: 5 MB as sent, like the issue's file
    data = task_sheet(0, dimension=dimension, extra=[[str(i), "II.1", "Nội dung %d" % i, "Chủ trì", "31/12/2026",
                                                      "Đang thực hiện", "40", "Ghi chú %d" % i] for i in range(rows)])
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
started = time.perf_counter()
_, problems = read_workbook(SimpleUploadedFile("big.xlsx", data))
elapsed = time.perf_counter() - started
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(f"{len(data) / 1e6:6.1f} MB sent  {elapsed:6.2f} s  peak RSS {peak / 1024:6.0f} MB "
      f"(+{(peak - before) / 1024:.0f} MB while reading)  {problems[0] if problems else 'read'}")
"""


def main() -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    for label, args in (
        ("1,000,000 rows, no stated size", ["1000000", "0", "0", "0"]),
        ("1,000,000 rows, no stated size, size caps lifted", ["1000000", "0", "0", "1"]),
        ("1,000,000 rows, stated size, size caps lifted", ["1000000", "1", "0", "1"]),
        ("1,000,000 rows x 8 columns, no stated size, size caps lifted", ["1000000", "0", "1", "1"]),
        ("4,000 rows x 8 columns (under the caps)", ["4000", "1", "1", "0"]),
    ):
        print(f"{label}:")
        subprocess.run([sys.executable, "-c", CASE, *args], cwd=ROOT, env=env, check=True)


if __name__ == "__main__":
    main()
