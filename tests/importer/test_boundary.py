"""The importer is a library: it must never pull in Django."""

import subprocess
import sys


def test_it_imports_without_django():
    code = (
        "import sys, importer, importer.cli, importer.pipeline\n"
        "import importer.readers.text\n"
        "bad = sorted(m for m in sys.modules if m == 'django' or m.startswith('django.'))\n"
        "print(','.join(bad))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == ""
