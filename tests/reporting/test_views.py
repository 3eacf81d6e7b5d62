from __future__ import annotations

import pytest
from django.urls import reverse

from tests.builders import make_round
from ttdn.reporting.forms import value_key
from ttdn.reporting.models import Activity, Indicator, ReportRound, Submission

pytestmark = pytest.mark.django_db


@pytest.fixture
def report_round(org):
    return make_round(org)


@pytest.fixture
def submission(org, report_round):
    return report_round.submissions.get(unit=org["unit_a"])


def form_data(submission, **values):
    data = {"version": submission.version, "s__results": "Tổ chức tập huấn cho cán bộ."}
    for code, value in values.items():
        data[value_key(Indicator.objects.get(code=code), "")] = value
    return data


def login(client, org, role):
    client.force_login(org["users"][role])
    return client


def test_coordinator_opens_a_round_from_the_form(client, org):
    login(client, org, "coordinator")
    page = client.get(reverse("reporting:round_create"))
    assert "Sở Nội vụ tỉnh Thử Nghiệm" in page.content.decode()

    response = client.post(
        reverse("reporting:round_create"),
        {
            "title": "Báo cáo 6 tháng đầu năm 2024",
            "period_code": "2024s1",
            "deadline": "2024-06-25",
            "units": [org["unit_a"].pk, org["unit_b"].pk],
        },
    )

    report_round = ReportRound.objects.get()
    assert response.status_code == 302
    assert report_round.period_code == "2024S1"
    assert report_round.submissions.count() == 2


def test_round_form_explains_a_bad_period(client, org):
    login(client, org, "coordinator")
    response = client.post(
        reverse("reporting:round_create"),
        {
            "title": "x",
            "period_code": "2024H1",
            "deadline": "2024-06-25",
            "units": [org["unit_a"].pk],
        },
    )
    assert response.status_code == 422
    assert "Mã kỳ báo cáo không hợp lệ" in response.content.decode()


def test_officer_saves_figures_and_narrative(client, org, submission):
    login(client, org, "officer_a")
    response = client.post(
        submission.get_absolute_url(),
        form_data(submission, training_sessions=7, training_attendances=5000),
    )

    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.narrative["results"] == "Tổ chức tập huấn cho cán bộ."
    assert submission.values.get(indicator__code="training_sessions").value == 7


def test_stale_form_gets_a_clear_conflict_message(client, org, submission):
    login(client, org, "officer_a")
    stale = form_data(submission, training_sessions=1)
    client.post(submission.get_absolute_url(), form_data(submission, training_sessions=2))

    response = client.post(submission.get_absolute_url(), stale)

    assert response.status_code == 409
    assert "người khác cập nhật" in response.content.decode()
    assert submission.values.get(indicator__code="training_sessions").value == 2


def test_inline_check_returns_the_problems_as_a_fragment(client, org, submission):
    login(client, org, "officer_a")
    response = client.post(
        reverse("reporting:submission_check", args=[submission.pk]),
        form_data(submission, training_sessions=7, training_attendances=3),
        headers={"HX-Request": "true"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith('<div id="issues"')
    assert "lượt người tham dự" in html
    assert "Chưa nhập" in html


def test_officer_sends_then_coordinator_returns_with_a_reason(client, org, submission):
    login(client, org, "officer_a")
    client.post(
        submission.get_absolute_url(),
        form_data(
            submission,
            training_sessions=7,
            training_attendances=5000,
            social_followers=212000,
            publications=120,
        ),
    )
    submission.refresh_from_db()
    client.post(
        reverse("reporting:submission_submit", args=[submission.pk]),
        {"version": submission.version},
    )
    assert Submission.objects.get(pk=submission.pk).status == "submitted"

    login(client, org, "coordinator")
    client.post(
        reverse("reporting:submission_review", args=[submission.pk]),
        {"action": "return", "comment": "Bổ sung số liệu theo nền tảng"},
    )

    login(client, org, "officer_a")
    page = client.get(submission.get_absolute_url()).content.decode()
    assert "Bổ sung số liệu theo nền tảng" in page
    assert Submission.objects.get(pk=submission.pk).status == "returned"


def test_sending_an_incomplete_report_lists_what_is_missing(client, org, submission):
    login(client, org, "officer_a")
    response = client.post(
        reverse("reporting:submission_submit", args=[submission.pk]),
        {"version": submission.version},
        follow=True,
    )
    assert "Chưa nhập" in response.content.decode()
    assert Submission.objects.get(pk=submission.pk).status == "draft"


def test_viewer_reads_a_submission_without_inputs(client, org, submission):
    login(client, org, "viewer")
    html = client.get(submission.get_absolute_url()).content.decode()
    assert '<input type="number"' not in html
    response = client.post(submission.get_absolute_url(), form_data(submission))
    assert response.status_code == 403


def test_round_board_shows_completeness_and_both_roll_ups(client, org, report_round):
    login(client, org, "coordinator")
    html = client.get(report_round.get_absolute_url()).content.decode()
    assert "0/2" in html
    assert "Theo đơn vị hiện nay" in html
    assert client.get(report_round.get_absolute_url(), {"theo": "hien-nay"}).status_code == 200


def test_activity_log_adds_an_activity(client, org):
    login(client, org, "officer_a")
    response = client.post(
        reverse("reporting:activity_list"),
        {
            "kind": "press_conference",
            "title": "Họp báo quý I",
            "date": "2024-03-28",
        },
    )
    assert response.status_code == 302
    assert Activity.objects.get().unit == org["unit_a"]


def test_import_of_a_broken_file_shows_the_error(client, org, report_round):
    from django.core.files.uploadedfile import SimpleUploadedFile

    login(client, org, "coordinator")
    response = client.post(
        reverse("reporting:round_import", args=[report_round.pk]),
        {"file": SimpleUploadedFile("mau.xlsx", b"not excel")},
    )
    assert response.status_code == 422
    assert "Excel" in response.content.decode()


def test_officer_attaches_the_signed_report_and_others_cannot_fetch_it(client, org, submission):
    from django.core.files.uploadedfile import SimpleUploadedFile

    login(client, org, "officer_a")
    client.post(
        reverse("reporting:submission_attach", args=[submission.pk]),
        {"file": SimpleUploadedFile("bao-cao-ky.pdf", b"%PDF-1.4 signed")},
    )
    attachment = submission.attachments.get()
    url = reverse("reporting:attachment_file", args=[submission.pk, attachment.pk])
    assert b"".join(client.get(url).streaming_content) == b"%PDF-1.4 signed"

    login(client, org, "officer_b")
    assert client.get(url).status_code == 404


def test_attaching_to_a_submitted_report_is_refused(client, org, submission):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from ttdn.reporting import services

    Submission.objects.filter(pk=submission.pk).update(status="submitted")
    with pytest.raises(services.InvalidTransition):
        services.attach_file(submission=submission, name="x.pdf", data=b"x", actor=None)
    login(client, org, "officer_a")
    response = client.post(
        reverse("reporting:submission_attach", args=[submission.pk]),
        {"file": SimpleUploadedFile("x.pdf", b"x")},
        follow=True,
    )
    assert "Chỉ đính kèm được" in response.content.decode()
    assert not submission.attachments.exists()


def test_unit_officer_sees_their_reports_not_the_province_board(client, org, report_round):
    login(client, org, "officer_b")
    html = client.get(reverse("reporting:round_list")).content.decode()
    assert "Sở Nội vụ tỉnh Thử Nghiệm" in html  # their own report to send
    assert "Các đợt báo cáo" not in html


def test_submission_form_names_indicators_in_english_when_asked(client, org):
    submission = make_round(org).submissions.get(unit=org["unit_a"])
    client.force_login(org["users"]["officer_a"])
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    body = client.get(submission.get_absolute_url()).content.decode()
    assert "Training sessions" in body
    assert "Hội nghị tập huấn" not in body
