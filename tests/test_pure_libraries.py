"""The pure packages load and run without Django (so `ttdn parse` works anywhere)."""

from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.parametrize("package", ["ttdn.text", "ttdn.docparse", "ttdn.aggregation"])
def test_pure_package_imports_no_django(package):
    code = (
        f"import sys, {package}; "
        "loaded = [m for m in sys.modules if m == 'django' or m.startswith('django.')]; "
        "assert not loaded, loaded"
    )
    completed = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert completed.returncode == 0, completed.stderr
