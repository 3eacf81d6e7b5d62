"""The document generator is a pure package: it loads without Django."""

from __future__ import annotations

import subprocess
import sys


def test_docgen_imports_no_django():
    code = (
        "import sys, ttdn.docgen; "
        "loaded = [m for m in sys.modules if m == 'django' or m.startswith('django.')]; "
        "assert not loaded, loaded"
    )
    completed = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert completed.returncode == 0, completed.stderr
