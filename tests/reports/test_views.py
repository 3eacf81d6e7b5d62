"""The report pages as the coordinator and a leader use them."""

from __future__ import annotations

import pytest
from django.urls import reverse

from ttdn.reports.models import ConsolidatedReport

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator_client(client, coordinator):
    client.force_login(coordinator)
    return client


def _generate(client, demo) -> ConsolidatedReport:
    response = client.post(
        reverse("reports:create", args=[demo["round"].pk]),
        {"document_format": "state", "as_of": "then"},
    )
    report = ConsolidatedReport.objects.get()
    assert response.status_code == 302
    assert response["Location"] == report.get_absolute_url()
    return report


def test_coordinator_generates_a_draft_and_sees_what_is_missing(coordinator_client, demo):
    report = _generate(coordinator_client, demo)
    page = coordinator_client.get(report.get_absolute_url()).content.decode()
    assert "Chưa có trong báo cáo" in page
    assert "Đài Phát thanh - Truyền hình Đồng Nai" in page
    assert "Bị trả lại" in page
    assert "07 hội nghị tập huấn" in page


def test_section_edit_by_htmx_returns_the_saved_section(coordinator_client, demo):
    report = _generate(coordinator_client, demo)
    form = coordinator_client.get(reverse("reports:section_edit", args=[report.pk, "proposals"]))
    assert 'name="text"' in form.content.decode()
    response = coordinator_client.post(
        reverse("reports:section_edit", args=[report.pk, "proposals"]),
        {
            "version": report.version,
            "title": "Kiến nghị, đề xuất",
            "text": "Đề nghị bổ sung kinh phí.",
        },
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    assert "Đề nghị bổ sung kinh phí." in response.content.decode()
    report.refresh_from_db()
    assert report.version == 2


def test_stale_section_edit_gets_a_clear_conflict(coordinator_client, demo):
    report = _generate(coordinator_client, demo)
    url = reverse("reports:section_edit", args=[report.pk, "proposals"])
    coordinator_client.post(
        url, {"version": 1, "title": "Kiến nghị", "text": "A"}, HTTP_HX_REQUEST="true"
    )
    response = coordinator_client.post(
        url, {"version": 1, "title": "Kiến nghị", "text": "B"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 409
    assert "người khác sửa" in response.content.decode()


def test_downloads_have_the_right_types(coordinator_client, demo):
    report = _generate(coordinator_client, demo)
    for file_format, start in (("docx", b"PK"), ("xlsx", b"PK"), ("pdf", b"%PDF")):
        response = coordinator_client.get(
            reverse("reports:download", args=[report.pk, file_format])
        )
        assert response.status_code == 200
        assert response.content.startswith(start)
        assert f".{file_format}" in response["Content-Disposition"]
    assert (
        coordinator_client.get(reverse("reports:download", args=[report.pk, "exe"])).status_code
        == 404
    )


def test_leader_reads_but_cannot_edit(client, demo, coordinator, django_user_model):
    from ttdn.reports import services

    report = services.request_report(report_round=demo["round"], actor=coordinator)
    client.force_login(django_user_model.objects.get(username="lanhdao"))
    page = client.get(report.get_absolute_url())
    assert page.status_code == 200
    assert "Sửa" not in page.content.decode().split('id="sections"')[1]
    assert (
        client.get(reverse("reports:section_edit", args=[report.pk, "context"])).status_code == 403
    )


def test_unit_officer_cannot_see_the_province_report(client, demo, coordinator, django_user_model):
    from ttdn.reports import services

    report = services.request_report(report_round=demo["round"], actor=coordinator)
    client.force_login(django_user_model.objects.get(username="canbo.vhttdl"))
    assert client.get(report.get_absolute_url()).status_code == 404


def test_progress_fragment_polls_until_ready(coordinator_client, demo, coordinator):
    report = ConsolidatedReport.objects.create(
        round=demo["round"], created_by=coordinator, progress=40, status="running"
    )
    fragment = coordinator_client.get(
        reverse("reports:progress", args=[report.pk]), HTTP_HX_REQUEST="true"
    )
    assert "40%" in fragment.content.decode()
    assert 'hx-trigger="every 1s"' in fragment.content.decode()
