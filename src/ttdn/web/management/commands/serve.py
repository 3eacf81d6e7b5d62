"""``ttdn serve``: serve the web interface with a small threaded WSGI server.

Enough for the embedded setup of one office; production runs gunicorn in front of
``ttdn.wsgi`` (see docs/operations.md).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser
from django.core.servers.basehttp import run
from django.core.wsgi import get_wsgi_application


class Command(BaseCommand):
    help = "Chạy máy chủ web / Serve the web interface."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)

    def handle(self, *args: Any, **options: Any) -> None:
        host, port = options["host"], options["port"]
        settings.STATIC_ROOT.mkdir(parents=True, exist_ok=True)
        self.stdout.write(
            f"Đang phục vụ tại / Serving on http://{host}:{port}/ (Ctrl+C để dừng / to stop)"
        )
        self.stdout.flush()
        try:
            run(host, port, get_wsgi_application(), ipv6=":" in host, threading=True)
        except KeyboardInterrupt:
            self.stdout.write("Đã dừng / Stopped.")
