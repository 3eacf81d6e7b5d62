from __future__ import annotations

import csv
import io

import openpyxl
import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from ttdn.core.models import AuditEntry
from ttdn.demo.organisation import load_demo_organisation
from ttdn.orgs.models import OrgUnit
from ttdn.orgs.tree_io import COLUMNS

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, org):
    client.force_login(org["users"]["admin"])
    return client


def csv_bytes(rows) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer).writerows([COLUMNS, *rows])
    return buffer.getvalue().encode("utf-8")


def import_file(client, data: bytes, name="don-vi.csv"):
    return client.post(reverse("orgs:tree_import"), {"file": SimpleUploadedFile(name, data)})


def test_tree_as_on_a_date_versus_today(admin_client):
    load_demo_organisation()

    before = admin_client.get(reverse("orgs:tree"), {"ngay": "2024-01-01"}).content.decode()
    today = admin_client.get(reverse("orgs:tree")).content.decode()

    assert "Ủy ban nhân dân huyện Trảng Bom" in before
    assert "Ủy ban nhân dân tỉnh Bình Phước" in before
    assert "Ủy ban nhân dân xã Trảng Bom" not in before
    assert "Ủy ban nhân dân huyện Trảng Bom" not in today
    assert "Ủy ban nhân dân xã Trảng Bom" in today


def test_tree_accepts_vietnamese_date_and_ignores_garbage(admin_client):
    load_demo_organisation()
    assert (
        "huyện Trảng Bom"
        in admin_client.get(reverse("orgs:tree"), {"ngay": "01/01/2024"}).content.decode()
    )
    assert admin_client.get(reverse("orgs:tree"), {"ngay": "hôm qua"}).status_code == 200


def test_unit_page_shows_lineage_and_successors(admin_client):
    units = load_demo_organisation()

    html = admin_client.get(units["trang-bom"].get_absolute_url()).content.decode()

    assert "Chia tách" in html
    assert "Ủy ban nhân dân xã Bàu Hàm" in html
    assert "đã kết thúc hoạt động" in html


def test_import_creates_units_with_parents_in_any_order(admin_client, org):
    data = csv_bytes(
        [
            [
                "xa-moi",
                "Ủy ban nhân dân xã Mới",
                "",
                "commune",
                "huyen-moi",
                "",
                "2025-07-01",
                "",
                "",
            ],
            [
                "huyen-moi",
                "Ủy ban nhân dân huyện Mới",
                "",
                "district",
                "thu-nghiem",
                "",
                "",
                "30/6/2025",
                "UBND huyện Mới; huyện Mới",
            ],
        ]
    )

    response = import_file(admin_client, data)

    assert response.status_code == 302
    commune = OrgUnit.objects.get(code="xa-moi")
    assert commune.parent.code == "huyen-moi"
    assert OrgUnit.objects.get(code="huyen-moi").valid_to.isoformat() == "2025-06-30"
    assert AuditEntry.objects.filter(action="create_unit", actor=org["users"]["admin"]).count() == 2


def test_malformed_import_reports_rows_and_leaves_tree_unchanged(admin_client, org):
    before = list(OrgUnit.objects.order_by("code").values_list("code", "name"))
    data = csv_bytes(
        [
            ["so-a", "Tên mới của sở A", "", "department", "thu-nghiem", "", "", "", ""],
            ["xa-loi", "Xã lỗi", "", "lang-xa", "khong-co", "", "31/02/2025", "", ""],
            ["so-a", "Trùng mã", "", "department", "", "", "", "", ""],
        ]
    )

    response = import_file(admin_client, data)

    html = response.content.decode()
    assert response.status_code == 422
    assert "Dòng 3" in html  # the bad row, numbered as the spreadsheet shows it
    assert "Dòng 4" in html
    assert "khong-co" in html
    assert list(OrgUnit.objects.order_by("code").values_list("code", "name")) == before


def test_import_of_non_utf8_csv_is_a_clear_error(admin_client, org):
    data = b"code,name,kind\nx,S\xf4 X\xe2y d\xf0ng,department\n"  # Windows-1258, not UTF-8
    response = import_file(admin_client, data)
    assert response.status_code == 422
    assert "UTF-8" in response.content.decode()


def test_import_of_broken_xlsx_is_a_clear_error(admin_client, org):
    response = import_file(admin_client, b"PK\x03\x04 broken", "don-vi.xlsx")
    assert response.status_code == 422
    assert "Excel" in response.content.decode()


def test_export_then_import_xlsx_round_trips(admin_client, org):
    response = admin_client.get(reverse("orgs:tree_export", args=["xlsx"]))
    data = b"".join([response.content])
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == COLUMNS
    assert {row[0] for row in rows[1:]} == {"thu-nghiem", "so-a", "so-b"}

    response = import_file(admin_client, data, "don-vi.xlsx")

    assert response.status_code == 302
    assert OrgUnit.objects.count() == 3


def test_export_csv_opens_in_excel_with_vietnamese(admin_client, org):
    response = admin_client.get(reverse("orgs:tree_export", args=["csv"]))
    assert response.content.startswith("\ufeff".encode())
    assert "Sở Nội vụ tỉnh Thử Nghiệm" in response.content.decode("utf-8-sig")


def test_failed_logins_are_throttled(client, org):
    for _ in range(5):
        client.post(reverse("login"), {"username": "officer_a", "password": "sai"})

    response = client.post(reverse("login"), {"username": "officer_a", "password": "mat-khau-123"})

    assert "quá nhiều lần" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_password_reset_sends_a_link_that_works(client, org):
    user = org["users"]["officer_a"]
    user.email = "canbo@example.gov.vn"
    user.save()

    client.post(reverse("password_reset"), {"email": "canbo@example.gov.vn"})

    assert len(mail.outbox) == 1
    link = next(line for line in mail.outbox[0].body.splitlines() if "/mat-khau/dat-lai/" in line)
    path = link[link.index("/mat-khau/") :].strip()
    form_page = client.get(path, follow=True)
    response = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "Mat-khau-moi-2025", "new_password2": "Mat-khau-moi-2025"},
        follow=True,
    )
    assert "Đã đổi mật khẩu" in response.content.decode()
    assert client.login(username="officer_a", password="Mat-khau-moi-2025")
