"""Flag → response → sent → closed, the correction letter, and the reporting indicator counts."""

from __future__ import annotations

import datetime as dt
import io

import docx
import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from tests.press.conftest import NEGATIVE_TEXT, VI_TEXT
from ttdn.core.models import AuditEntry
from ttdn.press import selectors, services
from ttdn.press.models import Article, Response

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(org):
    source = services.save_source(code="bao-abc", name="Báo Điện tử ABC", actor=None)
    result = services.ingest_article(
        source=source,
        url="https://abc.vn/o-nhiem-1.html",
        title="Ô nhiễm kéo dài ở phường Tam Hiệp",
        text=NEGATIVE_TEXT,
        published_at=dt.datetime(2024, 3, 3, 8, 0, tzinfo=dt.UTC),
        context=services.analysis_context(),
    )
    return result.article


def test_officer_flags_and_opens_a_correction_for_own_unit(org, article):
    officer = org["users"]["officer_a"]
    flag = services.flag_article(article=article, reason="inaccurate", actor=officer)
    assert flag.unit == org["unit_a"]
    response = services.open_response(
        article=article,
        kind="correction",
        owner=org["unit_a"],
        deadline=dt.date(2024, 3, 10),
        actor=officer,
        flag=flag,
        note="số liệu về xả thải không đúng",
    )
    assert response.status == "open"
    assert response.recipient == "Báo Điện tử ABC"
    assert AuditEntry.objects.filter(action="open_response", object_id=str(response.pk)).exists()


def test_officer_cannot_open_a_response_for_another_unit(org, article):
    with pytest.raises(services.PressError):
        services.open_response(
            article=article,
            kind="information",
            owner=org["unit_b"],
            deadline=dt.date(2024, 3, 10),
            actor=org["users"]["officer_a"],
        )
    assert not Response.objects.exists()


def test_workflow_moves_forward_only_and_refuses_stale_forms(org, article):
    officer = org["users"]["officer_a"]
    response = services.open_response(
        article=article,
        kind="correction",
        owner=org["unit_a"],
        deadline=dt.date(2024, 3, 10),
        actor=officer,
    )
    with pytest.raises(services.PressError, match="kết quả cải chính"):
        services.update_response(
            response=response, actor=officer, version=1, status="closed", outcome="corrected"
        )
    response = services.update_response(
        response=response, actor=officer, version=1, status="in_progress"
    )
    with pytest.raises(services.PressError, match="vừa được người khác cập nhật"):
        services.update_response(response=response, actor=officer, version=1, status="sent")
    response = services.update_response(
        response=response, actor=officer, version=2, status="sent", sent_on=dt.date(2024, 3, 5)
    )
    assert timezone.localdate(response.sent_at) == dt.date(2024, 3, 5)
    with pytest.raises(services.PressError, match="Không thể chuyển"):
        services.update_response(response=response, actor=officer, version=3, status="open")
    response = services.update_response(
        response=response, actor=officer, version=3, status="closed", outcome="corrected"
    )
    assert response.outcome == "corrected"
    assert response.closed_at is not None


def test_indicator_counts_follow_the_sending_date_and_unit(org, article):
    coordinator = org["users"]["coordinator"]

    def sent(kind, unit, day):
        response = services.open_response(
            article=article, kind=kind, owner=unit, deadline=day, actor=coordinator
        )
        return services.update_response(
            response=response, actor=coordinator, version=1, status="sent", sent_on=day
        )

    sent("correction", org["unit_a"], dt.date(2024, 3, 5))
    sent("correction", org["unit_b"], dt.date(2024, 5, 1))
    sent("information", org["unit_a"], dt.date(2024, 4, 2))
    sent("correction", org["unit_a"], dt.date(2024, 7, 1))  # next period
    services.open_response(  # opened, never sent: not counted
        article=article,
        kind="information",
        owner=org["unit_a"],
        deadline=dt.date(2024, 3, 1),
        actor=coordinator,
    )
    sent("statement", org["unit_a"], dt.date(2024, 3, 6))  # feeds no indicator
    window = {"start": dt.date(2023, 12, 15), "end": dt.date(2024, 6, 14)}
    figures = selectors.press_indicator_counts(**window)
    assert figures.counts == {"corrections_requested": 2, "information_provided": 1}
    own = selectors.press_indicator_counts(**window, unit_ids=[org["unit_a"].pk])
    assert own.counts == {"corrections_requested": 1, "information_provided": 1}
    assert own.mean_days_to_send["corrections_requested"] is not None


def test_correction_letter_cites_the_article_in_the_official_format(client, org, article):
    officer = org["users"]["officer_a"]
    response = services.open_response(
        article=article,
        kind="correction",
        owner=org["unit_a"],
        deadline=dt.date(2024, 3, 10),
        actor=officer,
        note="cơ sở đã dừng xả thải từ tháng 1/2024",
    )
    client.force_login(officer)
    download = client.get(reverse("press:response_letter", args=[response.pk, "docx"]))
    assert download.status_code == 200
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(download.content)).paragraphs)
    tables = docx.Document(io.BytesIO(download.content)).tables
    cells = "\n".join(cell.text for table in tables for row in table.rows for cell in row.cells)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in cells
    assert "V/v đề nghị cải chính thông tin" in cells
    assert "Báo Điện tử ABC" in text
    assert "“Ô nhiễm kéo dài ở phường Tam Hiệp”" in text
    assert "https://abc.vn/o-nhiem-1.html" in text
    assert "03/3/2024" in text
    assert "cơ sở đã dừng xả thải từ tháng 1/2024" in text
    pdf = client.get(reverse("press:response_letter", args=[response.pk, "pdf"]))
    assert pdf.content.startswith(b"%PDF")


def test_saved_search_alert_mails_new_matches_once(
    org, province, article, django_capture_on_commit_callbacks
):
    owner = org["users"]["officer_a"]
    owner.email = "canbo@example.invalid"
    owner.save()
    services.save_search(owner=owner, name="Đầu tư", query='"nha dau tu" -"ca phe"', alert=True)
    source = article.source
    with django_capture_on_commit_callbacks(execute=True):
        services.ingest_article(
            source=source,
            url="https://abc.vn/dau-tu",
            title="Đồng Nai thu hút nhà đầu tư",
            text=VI_TEXT,
            published_at=None,
            context=services.analysis_context(),
        )
        services.ingest_article(
            source=source,
            url="https://abc.vn/khac",
            title="Tin khác",
            text="Không liên quan gì.",
            published_at=None,
            context=services.analysis_context(),
        )
        assert services.send_saved_search_alerts() == 1
    assert len(mail.outbox) == 1
    assert "Đồng Nai thu hút nhà đầu tư" in mail.outbox[0].body
    assert "Tin khác" not in mail.outbox[0].body
    assert mail.outbox[0].to == ["canbo@example.invalid"]
    assert services.send_saved_search_alerts() == 0
    assert Article.objects.count() == 3


def test_sent_response_fills_the_owner_units_draft_figures_once(org, article):
    from tests.builders import make_round
    from ttdn.reporting.models import Activity

    report_round = make_round(
        org, codes=("corrections_requested", "information_provided", "training_sessions")
    )
    draft = report_round.submissions.get(unit=org["unit_a"])
    officer = org["users"]["officer_a"]
    response = services.open_response(
        article=article,
        kind="correction",
        owner=org["unit_a"],
        deadline=dt.date(2024, 3, 10),
        actor=officer,
    )
    response = services.update_response(
        response=response, actor=officer, version=1, status="sent", sent_on=dt.date(2024, 3, 5)
    )
    services.update_response(
        response=response, actor=officer, version=2, status="closed", outcome="corrected"
    )

    activity = Activity.objects.get(unit=org["unit_a"])
    assert activity.kind == "correction_request"
    assert activity.date == dt.date(2024, 3, 5)
    assert article.title in activity.title
    values = {v.indicator.code: v for v in draft.values.select_related("indicator")}
    assert values["corrections_requested"].value == 1
    assert values["corrections_requested"].from_activities
    assert "information_provided" not in values
    other = report_round.submissions.get(unit=org["unit_b"])
    assert not other.values.exists()


def test_statement_is_logged_as_no_activity(org, article):
    from ttdn.reporting.models import Activity

    coordinator = org["users"]["coordinator"]
    response = services.open_response(
        article=article,
        kind="statement",
        owner=org["unit_a"],
        deadline=dt.date(2024, 3, 10),
        actor=coordinator,
    )
    services.update_response(
        response=response, actor=coordinator, version=1, status="sent", sent_on=dt.date(2024, 3, 6)
    )
    assert not Activity.objects.exists()
