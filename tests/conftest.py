from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
SEEDS_DIR = REPO_ROOT.parent / "shared" / "seeds"
DEMO_DOCUMENTS_DIR = REPO_ROOT / "src" / "ttdn" / "demo" / "documents"

# Playwright's sync API runs an event loop in the test thread; Django refuses ORM calls from a
# thread with a running loop unless told this is intended (the tests are synchronous).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture
def seeds_dir() -> Path:
    if not SEEDS_DIR.is_dir():
        pytest.skip("../shared/seeds is not beside this checkout")
    return SEEDS_DIR


@pytest.fixture
def officer(django_user_model):
    """A unit officer of a department (may upload documents, sees only their unit's data)."""
    from ttdn.orgs.services import grant_role, save_unit

    unit = save_unit(
        code="so-vhttdl", name="Sở Văn hóa, Thể thao và Du lịch", kind="department", actor=None
    )
    user = django_user_model.objects.create_user(
        username="canbo", password="mat-khau-123", first_name="Lan", last_name="Nguyễn"
    )
    grant_role(user=user, unit=unit, role="unit_officer", actor=None)
    return user


@pytest.fixture
def org():
    from tests.builders import make_org_tree

    return make_org_tree()


@pytest.fixture
def officer_client(client, officer):
    client.force_login(officer)
    return client


def chromium_path() -> str | None:
    return shutil.which("chromium") or (
        "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None
    )


@pytest.fixture
def pdftoppm() -> str:
    """Poppler's pdftoppm, to render generated PDFs to page images as a reader would see them.

    Like Chromium it is a Debian package (poppler-utils): skipped where absent, but required
    where the run says every tool must be there (CI sets TTDN_REQUIRE_BROWSER).
    """
    path = shutil.which("pdftoppm")
    if path is None:
        if os.environ.get("TTDN_REQUIRE_BROWSER"):
            pytest.fail("pdftoppm is required here (TTDN_REQUIRE_BROWSER) but is not installed")
        pytest.skip("poppler-utils is not installed (apt-get install poppler-utils)")
    return path
