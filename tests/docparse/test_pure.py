"""The parser runs without Django: ``ttdn parse`` works on any machine."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src"


def test_importing_text_and_docparse_loads_no_django():
    code = (
        "import sys, ttdn.text, ttdn.docparse; "
        "ttdn.docparse.parse('Kế hoạch số 1/KH-UBND'); "
        "loaded = [m for m in sys.modules if m == 'django' or m.startswith('django.')]; "
        "assert not loaded, loaded"
    )
    environment = {
        **os.environ,
        "PYTHONPATH": f"{SRC}{os.pathsep}{os.environ.get('PYTHONPATH', '')}",
    }
    completed = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, env=environment
    )
    assert completed.returncode == 0, completed.stderr
