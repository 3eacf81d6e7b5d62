"""Pure-package tests: no database, no Django settings."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _test_settings() -> None:
    # The project-wide autouse fixture tweaks Django settings; these tests never touch Django, and
    # overriding it by name lets them run with ``-p no:django`` (no pytest-django at all).
    return None
