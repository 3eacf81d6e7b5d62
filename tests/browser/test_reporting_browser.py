from __future__ import annotations

import pytest

from tests.builders import make_round
from ttdn.reporting.models import Submission

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(page, live_server, username):
    page.goto(f"{live_server.url}/dang-nhap/")
    page.fill("#id_username", username)
    page.fill("#id_password", "mat-khau-123")
    with page.expect_navigation():
        page.click("button[type=submit]")


def test_officer_sees_problems_while_typing_then_sends(page, live_server, org):
    submission = make_round(org).submissions.get(unit=org["unit_a"])
    sign_in(page, live_server, "officer_a")
    page.goto(f"{live_server.url}/bao-cao/")
    with page.expect_navigation():
        page.click(f"#to-report a[href='{submission.get_absolute_url()}']")

    page.fill("#id_v__training_sessions__", "7")
    page.fill("#id_v__training_attendances__", "3")
    # The check runs as the officer types (htmx), before anything is saved or sent.
    page.wait_for_selector("#issues li.error:has-text('lượt người tham dự')")

    page.fill("#id_v__training_attendances__", "5000")
    page.fill("#id_v__social_followers__", "212000")
    page.fill("#id_v__publications__", "120")
    page.wait_for_selector("#issues p.ok")
    page.click("button:has-text('Lưu nháp')")
    page.wait_for_selector("text=Đã lưu báo cáo.")
    page.click("button:has-text('Gửi báo cáo')")
    page.wait_for_selector("text=Đã gửi báo cáo tới cơ quan đầu mối.")

    submission.refresh_from_db()
    assert submission.status == Submission.Status.SUBMITTED
    assert submission.values.get(indicator__code="training_attendances").value == 5000
