"""``ttdn demo``: a working TTĐN on this machine in one command.

Creates the database (SQLite in TTDN_DATA_DIR by default), migrates, loads the demo data set
(the organisation of Đồng Nai through the 2025 merger, directive documents, a plan, a report),
creates one account per role, prints them and serves. Re-running it is safe: units are updated in
place, documents are recognised as duplicates, accounts are reset to the printed password.
"""

from __future__ import annotations

from importlib import resources
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction

from ttdn.demo.organisation import load_demo_organisation
from ttdn.demo.plans import load_demo_plans
from ttdn.demo.press import load_demo_press
from ttdn.demo.reporting import load_demo_reporting
from ttdn.demo.reports import load_demo_reports
from ttdn.documents.services import ingest_document
from ttdn.orgs.models import Membership, OrgUnit
from ttdn.orgs.services import grant_role

DEMO_PASSWORD = "ttdn-demo-2024"
Role = Membership.Role
# (username, full name, role, unit code, description printed for the user)
DEMO_ACCOUNTS = [
    (
        "quantri",
        ("Quản trị", "Hệ thống"),
        Role.ADMINISTRATOR,
        "dong-nai",
        "Quản trị / Administrator",
    ),
    (
        "daumoi",
        ("Lan", "Nguyễn Thị"),
        Role.COORDINATOR,
        "dong-nai",
        "Cơ quan đầu mối (Sở VHTTDL) / Coordinator",
    ),
    (
        "canbo.vhttdl",
        ("Minh", "Trần Văn"),
        Role.UNIT_OFFICER,
        "so-vhttdl-dong-nai",
        "Cán bộ Sở VHTTDL / Unit officer",
    ),
    (
        "canbo.bao",
        ("Hà", "Lê Thu"),
        Role.UNIT_OFFICER,
        "bao-ptth-dong-nai",
        "Cán bộ Báo và PT-TH Đồng Nai (sửa báo cáo bị trả lại) / Unit officer",
    ),
    ("lanhdao", ("Dũng", "Phạm Quốc"), Role.VIEWER, "dong-nai", "Lãnh đạo (chỉ xem) / Viewer"),
]


def load_demo_documents() -> dict[str, int]:
    """Ingest the documents shipped in ``ttdn/demo/documents``; return counts by outcome."""
    counts: dict[str, int] = {"ingested": 0, "new_version": 0, "duplicate": 0}
    folder = resources.files("ttdn.demo") / "documents"
    for entry in sorted(folder.iterdir(), key=lambda item: item.name):
        if not entry.name.endswith(".txt"):
            continue
        result = ingest_document(data=entry.read_bytes(), filename=entry.name)
        counts[result.outcome] += 1
    return counts


@transaction.atomic
def ensure_demo_accounts(units: dict[str, OrgUnit]) -> None:
    """Create one account per role (or reset it to the printed password)."""
    for username, (first, last), role, unit_code, _label in DEMO_ACCOUNTS:
        user, _created = get_user_model().objects.get_or_create(
            username=username,
            defaults={
                "first_name": first,
                "last_name": last,
                "email": f"{username}@example.invalid",
            },
        )
        user.set_password(DEMO_PASSWORD)
        user.is_staff = user.is_superuser = role == Role.ADMINISTRATOR
        user.save()
        grant_role(user=user, unit=units[unit_code], role=role, actor=None)


class Command(BaseCommand):
    help = "Tạo dữ liệu mẫu và chạy thử / Set up the demo data and serve it."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument(
            "--no-serve", action="store_true", help="load the demo data set and stop"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        settings.DATA_DIR.mkdir(parents=True, exist_ok=True)
        self.stdout.write(f"Dữ liệu / Data: {settings.DATA_DIR}")
        call_command("migrate", interactive=False, verbosity=0)
        units = load_demo_organisation()
        counts = load_demo_documents()
        load_demo_reporting(units)
        load_demo_plans(units)
        load_demo_reports()
        load_demo_press(units)
        ensure_demo_accounts(units)
        self.stdout.write(
            f"Văn bản mẫu / Demo documents: {counts['ingested']} mới / new, "
            f"{counts['duplicate']} đã có / already there"
        )
        self.stdout.write(f"Tài khoản demo / Demo accounts (mật khẩu / password: {DEMO_PASSWORD}):")
        for username, _name, _role, _unit, label in DEMO_ACCOUNTS:
            self.stdout.write(f"  {username:<14} {label}")
        if not options["no_serve"]:
            call_command("serve", host=options["host"], port=options["port"])
