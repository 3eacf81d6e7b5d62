"""`ttdn demo` as a new user runs it: a fresh data directory, the printed account, the browser."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time

import pytest

pytestmark = pytest.mark.browser


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def demo_server(tmp_path):
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("TTDN_")}
    env["TTDN_DATA_DIR"] = str(tmp_path / "var")
    log_path = tmp_path / "demo.log"
    with log_path.open("w") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "ttdn", "demo", "--port", str(port)],
            stdout=log,
            stderr=subprocess.STDOUT,
            env=env,
            cwd=tmp_path,
        )
    try:
        deadline = time.monotonic() + 120
        while "Serving on" not in log_path.read_text():
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"ttdn demo did not start:\n{log_path.read_text()}")
            time.sleep(0.3)
        yield f"http://127.0.0.1:{port}", log_path.read_text(), env
    finally:
        process.terminate()
        process.wait(timeout=20)


def test_demo_serves_the_registry_to_the_printed_account(demo_server, page):
    url, output, _env = demo_server
    password = re.search(r"password: (\S+?)\)", output)
    assert password, output
    assert re.search(r"^\s+daumoi\s", output, re.MULTILINE), output

    page.goto(url)
    page.fill("#id_username", "daumoi")
    page.fill("#id_password", password.group(1))
    with page.expect_navigation():
        page.click("button[type=submit]")
    page.click("nav >> text=Văn bản")
    page.fill("input[name=q]", "ke hoach 281")
    page.wait_for_function(
        "document.querySelector('#result-count').textContent.trim().startsWith('1 ')"
    )
    page.click("#document-results a:has-text('281/KH-UBND')")

    chain = page.locator("#chain").text_content()
    for key in ("57-KL/TW", "47/NQ-CP", "281/KH-UBND"):
        assert key in chain


def test_demo_can_run_twice(demo_server, tmp_path):
    _url, _output, env = demo_server
    completed = subprocess.run(
        [sys.executable, "-m", "ttdn", "demo", "--no-serve"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        check=False,
        timeout=120,
    )
    assert completed.returncode == 0, completed.stderr
    assert re.search(r"0 mới / new, \d+ đã có / already there", completed.stdout)
