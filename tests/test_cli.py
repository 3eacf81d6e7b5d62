from __future__ import annotations

import json
import subprocess
import sys

from tests.builders import docx_bytes, official_text


def clean_env(**overrides: str) -> dict[str, str]:
    """This process's environment without TTDN_* settings and test-only switches."""
    import os

    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("TTDN_") and k != "DJANGO_ALLOW_ASYNC_UNSAFE"
    }
    return {**env, **overrides}


def run_ttdn(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ttdn", *args], capture_output=True, text=True, check=False
    )


def test_parse_json_follows_the_contract(tmp_path):
    path = tmp_path / "kh281.docx"
    path.write_bytes(docx_bytes(official_text()))

    completed = run_ttdn("parse", str(path), "--json")

    assert completed.returncode == 0, completed.stderr
    result = json.loads(completed.stdout)
    assert set(result) >= {
        "source",
        "kind",
        "metadata",
        "citations",
        "quantities",
        "assignments",
        "sections",
        "warnings",
    }
    assert result["kind"] == "administrative"
    assert result["metadata"]["number"] == "281/KH-UBND"
    assert result["metadata"]["issued_at"] == "2024-08-21"
    assert {c["key"] for c in result["citations"]} == {"47/NQ-CP", "57-KL/TW"}


def test_parse_several_files_gives_a_list(tmp_path):
    first = tmp_path / "a.txt"
    first.write_text(official_text(), encoding="utf-8")
    second = tmp_path / "b.txt"
    second.write_text(official_text(number="12/KH-UBND"), encoding="utf-8")

    completed = run_ttdn("parse", str(first), str(second), "--json")

    results = json.loads(completed.stdout)
    assert [r["metadata"]["number"] for r in results] == ["281/KH-UBND", "12/KH-UBND"]


def test_parse_does_not_boot_django(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(official_text(), encoding="utf-8")
    code = (
        "import sys; from ttdn.cli import main; main(['parse', sys.argv[1]]); "
        "assert not [m for m in sys.modules if m.startswith('django')], 'django was imported'"
    )
    completed = subprocess.run(
        [sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=False
    )
    assert completed.returncode == 0, completed.stderr


def test_missing_file_is_a_clear_error(tmp_path):
    completed = run_ttdn("parse", str(tmp_path / "khong-co.docx"))
    assert completed.returncode == 1
    assert "Không" in completed.stdout


def test_django_commands_are_available():
    completed = run_ttdn("help")
    assert completed.returncode == 0
    for command in ("demo", "serve", "ingest", "migrate", "createsuperuser", "db_worker"):
        assert command in completed.stdout


def test_unreadable_file_gives_error_line_and_exit_code(tmp_path):
    bad = tmp_path / "hong.pdf"
    bad.write_bytes(b"%PDF-1.4 truncated")

    completed = run_ttdn("parse", str(bad))

    assert completed.returncode == 1
    assert "LỖI" in completed.stdout


def test_production_settings_pass_the_deployment_check(tmp_path):
    env = clean_env(
        TTDN_DATA_DIR=str(tmp_path),
        TTDN_SECRET_KEY="x" * 20 + "a-long-random-production-secret-0123456789",
        TTDN_ALLOWED_HOSTS="ttdn.example.gov.vn",
        TTDN_SSL_REDIRECT="true",
        TTDN_HSTS_SECONDS="31536000",
    )
    completed = subprocess.run(
        [sys.executable, "-m", "ttdn", "check", "--deploy", "--fail-level", "WARNING"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr


def test_default_secret_is_refused_by_the_deployment_check(tmp_path):
    env = clean_env(TTDN_DATA_DIR=str(tmp_path))
    completed = subprocess.run(
        [sys.executable, "-m", "ttdn", "check", "--deploy", "--fail-level", "WARNING"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert completed.returncode != 0
    assert "SECRET_KEY" in completed.stdout + completed.stderr
