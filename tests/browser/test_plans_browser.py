"""The coordinator turns a plan document into tracked tasks in the browser (issue #5)."""

from __future__ import annotations

import pytest

from tests.plans.builders import add_aliases, plan_document
from ttdn.plans.models import Plan

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(page, live_server, username):
    page.goto(f"{live_server.url}/dang-nhap/")
    page.fill("#id_username", username)
    page.fill("#id_password", "mat-khau-123")
    with page.expect_navigation():
        page.click("button[type=submit]")


def test_coordinator_reviews_proposed_tasks_and_sees_the_plan_page(page, live_server, org):
    add_aliases(org)
    plan_document()
    sign_in(page, live_server, "coordinator")

    page.goto(f"{live_server.url}/ke-hoach/")
    with page.expect_navigation():
        page.click("text=Tạo kế hoạch từ văn bản")
    with page.expect_navigation():
        page.click("button:has-text('Đề xuất nhiệm vụ')")

    rows = page.locator(".proposed-task")
    assert rows.count() == 6
    assert Plan.objects.count() == 0
    # Row 5 names a department the tree does not know: the coordinator gives it to Sở Nội vụ.
    assert rows.nth(4).locator(".unresolved").is_visible()
    rows.nth(4).locator("select[name='t-4-lead']").select_option(label="Sở Nội vụ tỉnh Thử Nghiệm")
    rows.nth(5).locator("input[name='t-5-keep']").uncheck()  # the request to the Party body
    rows.nth(1).locator("input[name='t-1-merge_into']").fill("1")
    with page.expect_navigation():
        page.click("button:has-text('Lưu thành kế hoạch')")

    assert page.locator(".message.success").inner_text() == "Đã tạo kế hoạch với 4 nhiệm vụ."
    assert page.locator("#tasks tr.task-row").count() == 4
    assert page.locator("#overall .progress").is_visible()
    assert page.locator(".unit-group").count() == 2  # the two departments, each with its bar
    with page.expect_navigation():
        page.click("text=Chuỗi triển khai: chỉ đạo → kế hoạch → nhiệm vụ → minh chứng")
    assert "57-KL/TW" in page.locator("#chain").inner_text()
