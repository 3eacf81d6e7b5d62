from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from tests.builders import figures, make_round
from ttdn.core.exceptions import DomainError
from ttdn.reporting import services
from ttdn.reporting.models import DataValue, Submission, SubmissionEvent

pytestmark = pytest.mark.django_db

FULL = {
    "training_sessions": 7,
    "training_attendances": 5000,
    "social_followers": 212000,
    "publications": 120,
}


@pytest.fixture
def submission(org):
    report_round = make_round(org)
    return report_round.submissions.get(unit=org["unit_a"])


def save(submission, user, **values):
    return services.save_submission(
        submission=submission,
        values=figures(**values),
        narrative={"results": "Kết quả"},
        version=submission.version,
        actor=user,
    )


def test_opening_a_round_creates_a_draft_per_unit_with_the_decree_window(org):
    report_round = make_round(org)
    assert report_round.window_start == dt.date(2023, 12, 15)
    assert report_round.window_end == dt.date(2024, 6, 14)
    assert list(report_round.submissions.values_list("status", flat=True)) == ["draft", "draft"]
    assert [s["code"] for s in report_round.sections] == [
        "results",
        "difficulties",
        "proposals",
        "next_period",
    ]


def test_a_unit_that_did_not_exist_in_the_period_cannot_be_asked(org):
    from ttdn.orgs.services import save_unit

    commune = save_unit(
        code="xa-moi",
        name="UBND xã Mới",
        kind="commune",
        actor=None,
        parent=org["province"],
        valid_from=dt.date(2025, 7, 1),
    )
    with pytest.raises(DomainError, match="UBND xã Mới"):
        services.open_round(
            title="x",
            province=org["province"],
            period_code="2024S1",
            deadline=dt.date(2024, 6, 25),
            units=[commune],
            actor=None,
        )


def test_full_cycle_submit_return_resubmit_approve(org, submission):
    officer, coordinator = org["users"]["officer_a"], org["users"]["coordinator"]
    submission = save(submission, officer, **FULL)
    submission = services.submit_submission(
        submission=submission, version=submission.version, actor=officer
    )
    assert submission.status == Submission.Status.SUBMITTED

    submission = services.return_submission(
        submission=submission, comment="Thiếu chi tiết", actor=coordinator
    )
    submission = save(submission, officer, **{**FULL, "publications": 121})
    submission = services.submit_submission(
        submission=submission, version=submission.version, actor=officer
    )
    submission = services.approve_submission(submission=submission, actor=coordinator)

    assert submission.status == Submission.Status.APPROVED
    actions = list(
        SubmissionEvent.objects.filter(submission=submission).values_list(
            "action", "actor__username"
        )
    )
    assert actions == [
        ("submit", "officer_a"),
        ("return", "coordinator"),
        ("submit", "officer_a"),
        ("approve", "coordinator"),
    ]
    assert DataValue.objects.get(submission=submission, indicator__code="publications").value == 121


def test_submitted_report_cannot_be_edited(org, submission):
    officer = org["users"]["officer_a"]
    submission = save(submission, officer, **FULL)
    submission = services.submit_submission(
        submission=submission, version=submission.version, actor=officer
    )
    with pytest.raises(services.InvalidTransition):
        save(submission, officer, **FULL)


def test_reopen_needs_a_reason_and_returns_the_report(org, submission):
    officer, coordinator = org["users"]["officer_a"], org["users"]["coordinator"]
    submission = save(submission, officer, **FULL)
    submission = services.submit_submission(
        submission=submission, version=submission.version, actor=officer
    )
    submission = services.approve_submission(submission=submission, actor=coordinator)
    with pytest.raises(DomainError, match="lý do"):
        services.reopen_submission(submission=submission, comment=" ", actor=coordinator)
    submission = services.reopen_submission(
        submission=submission, comment="Sai số liệu", actor=coordinator
    )
    assert submission.status == Submission.Status.RETURNED


def test_two_people_editing_never_overwrite_each_other(org, submission):
    officer = org["users"]["officer_a"]
    opened_version = submission.version
    save(submission, officer, training_sessions=5)

    with pytest.raises(services.SubmissionConflict, match="người khác"):
        services.save_submission(
            submission=submission,
            values=figures(training_sessions=9),
            narrative={},
            version=opened_version,
            actor=officer,
        )
    assert DataValue.objects.get(submission=submission).value == 5


def test_submit_refuses_missing_and_inconsistent_values(org, submission):
    officer = org["users"]["officer_a"]
    submission = save(submission, officer, training_sessions=7, training_attendances=3)

    with pytest.raises(services.SubmissionInvalid) as raised:
        services.submit_submission(submission=submission, version=submission.version, actor=officer)
    messages = [issue.message for issue in raised.value.issues]
    assert any("Chưa nhập" in m and "mạng xã hội" in m for m in messages)
    assert any("lượt người tham dự" in m for m in messages)
    assert Submission.objects.get(pk=submission.pk).status == Submission.Status.DRAFT


def test_negative_values_are_refused_even_in_a_draft(org, submission):
    with pytest.raises(services.SubmissionInvalid, match="lỗi"):
        save(submission, org["users"]["officer_a"], training_sessions=-1)
    assert not DataValue.objects.filter(submission=submission).exists()


def test_followers_falling_by_half_is_a_warning(org):
    from ttdn.reporting.validation import check_values

    previous = make_round(org, period="2023S2", deadline=dt.date(2023, 12, 20))
    earlier = previous.submissions.get(unit=org["unit_a"])
    officer = org["users"]["officer_a"]
    earlier = save(earlier, officer, **FULL)
    services.submit_submission(submission=earlier, version=earlier.version, actor=officer)
    current = make_round(org).submissions.get(unit=org["unit_a"])

    issues = check_values(current, figures(**{**FULL, "social_followers": 90000}), for_submit=True)

    assert [(i.level, i.kind) for i in issues] == [("warning", "drop")]
    assert "212.000 → 90.000" in issues[0].message


def test_activities_in_the_window_fill_the_figures(org, submission):
    officer = org["users"]["officer_a"]
    for day, people in ((dt.date(2024, 1, 10), 80), (dt.date(2024, 3, 5), 120)):
        services.record_activity(
            unit=org["unit_a"],
            kind="training",
            title="Tập huấn",
            date=day,
            participants=people,
            actor=officer,
        )
    services.record_activity(
        unit=org["unit_a"],
        kind="training",
        title="Ngoài kỳ",
        date=dt.date(2024, 7, 1),
        participants=999,
        actor=officer,
    )

    values = {
        (v.indicator.code): (v.value, v.from_activities)
        for v in DataValue.objects.filter(submission=submission).select_related("indicator")
    }

    assert values["training_sessions"] == (Decimal(2), True)
    assert values["training_attendances"] == (Decimal(200), True)
    # Typing a figure that activities give changes nothing: nothing is typed twice.
    submission.refresh_from_db()
    save(submission, officer, training_sessions=50)
    assert (
        DataValue.objects.get(submission=submission, indicator__code="training_sessions").value == 2
    )
