from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core import mail
from django.core.management import call_command

from tests.builders import figures, make_round
from ttdn.reporting import services
from ttdn.reporting.models import Reminder

pytestmark = pytest.mark.django_db


@pytest.fixture
def report_round(org):
    for name in ("officer_a", "officer_b"):
        user = org["users"][name]
        user.email = f"{name}@example.gov.vn"
        user.save()
    return make_round(org, deadline=dt.date.today() + dt.timedelta(days=2))


def test_units_that_have_not_sent_are_reminded_once_a_day(org, report_round):
    submission = report_round.submissions.get(unit=org["unit_a"])
    submission = services.save_submission(
        submission=submission,
        values=figures(
            training_sessions=1, training_attendances=10, social_followers=5, publications=1
        ),
        narrative={},
        version=submission.version,
        actor=None,
    )
    services.submit_submission(submission=submission, version=submission.version, actor=None)

    today = dt.date.today()
    assert services.send_round_reminders(report_round=report_round, today=today) == 1
    assert services.send_round_reminders(report_round=report_round, today=today) == 0

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["officer_b@example.gov.vn"]
    assert "Sở Nội vụ tỉnh Thử Nghiệm" in message.body
    assert "còn 2 ngày" in message.body


def test_the_daily_command_queues_the_task_that_sends_them(org, report_round):
    out = io.StringIO()
    call_command("send_round_reminders", "--days", "3", stdout=out)  # immediate backend in tests

    assert "1 đợt" in out.getvalue()
    assert Reminder.objects.filter(round=report_round).count() == 2
    assert sorted(m.to[0] for m in mail.outbox) == [
        "officer_a@example.gov.vn",
        "officer_b@example.gov.vn",
    ]


def test_rounds_far_from_their_deadline_are_left_alone(org):
    make_round(org, deadline=dt.date.today() + dt.timedelta(days=30))
    call_command("send_round_reminders", "--days", "3", stdout=io.StringIO())
    assert mail.outbox == []
