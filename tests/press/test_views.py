"""The press pages as users see them: stream, article, board, attention, sources."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from tests.press.conftest import EN_TEXT, NEGATIVE_TEXT, OTHER_TEXT, VI_TEXT
from ttdn.press import services
from ttdn.press.models import Response, Source

pytestmark = pytest.mark.django_db


@pytest.fixture
def articles(org, province):
    source = services.save_source(
        code="bao-thu",
        name="Báo Thử",
        actor=None,
        collections=[("trung-uong", "Báo chí Trung ương")],
    )
    foreign = services.save_source(code="dn-news", name="Dong Nai News", actor=None, language="en")
    context = services.analysis_context()
    made = {}
    for key, src, title, text, day in [
        ("vi", source, "Đồng Nai thu hút nhà đầu tư", VI_TEXT, 2),
        ("en", foreign, "Dong Nai draws record investors", EN_TEXT, 3),
        ("neg", source, "Ô nhiễm kéo dài ở phường Tam Hiệp", NEGATIVE_TEXT, 10),
        ("other", source, "Giá cà phê biến động", OTHER_TEXT, 11),
    ]:
        made[key] = services.ingest_article(
            source=src,
            url=f"https://example.vn/{key}",
            title=title,
            text=text,
            published_at=dt.datetime(2026, 3, day, 3, 0, tzinfo=dt.UTC),
            context=context,
        ).article
    return made


def test_stream_filters_by_search_topic_tone_and_mentions(client, org, articles):
    client.force_login(org["users"]["viewer"])
    url = reverse("press:article_list")
    body = client.get(url, {"q": "o nhiem"}).content.decode()
    assert "Ô nhiễm kéo dài ở phường Tam Hiệp" in body
    assert "Giá cà phê" not in body
    body = client.get(url, {"topic": "investment"}).content.decode()
    assert "Đồng Nai thu hút nhà đầu tư" in body
    assert "Dong Nai draws" in body
    assert "Ô nhiễm kéo dài" not in body
    body = client.get(url, {"tone": "negative"}).content.decode()
    assert "Ô nhiễm kéo dài" in body
    assert "Đồng Nai thu hút" not in body
    body = client.get(url, {"mentions": "on"}).content.decode()
    assert "Giá cà phê" not in body
    assert "Ô nhiễm kéo dài" in body
    body = client.get(url, {"language": "en"}).content.decode()
    assert "Dong Nai draws" in body
    assert "Đồng Nai thu hút" not in body


def test_malformed_search_shows_a_message_not_an_error_page(client, org, articles):
    client.force_login(org["users"]["viewer"])
    response = client.get(reverse("press:article_list"), {"q": "(dong nai"})
    assert response.status_code == 422
    assert "Thiếu dấu đóng ngoặc" in response.content.decode()


def test_article_page_shows_why_each_label_was_given(client, org, articles):
    client.force_login(org["users"]["officer_a"])
    body = client.get(reverse("press:article_detail", args=[articles["neg"].pk])).content.decode()
    assert "Phường Tam Hiệp" in body
    assert "Người dân phường Tam Hiệp, tỉnh Đồng Nai bức xúc" in body  # the matching sentence
    assert "“o nhiem” ×2" in body  # why the tone
    assert "Tiêu cực" in body
    assert "Môi trường" in body  # topic, with its keywords
    assert "“nuoc thai” ×1" in body


def test_officer_edits_own_response_but_not_another_units(client, org, articles):
    response = services.open_response(
        article=articles["neg"],
        kind="information",
        owner=org["unit_a"],
        deadline=dt.date(2026, 3, 20),
        actor=org["users"]["officer_a"],
    )
    url = reverse("press:response_detail", args=[response.pk])
    client.force_login(org["users"]["officer_b"])
    assert client.post(url, {"version": 1, "status": "sent"}).status_code == 404
    client.force_login(org["users"]["viewer"])
    assert client.post(url, {"version": 1, "status": "sent"}).status_code == 404
    client.force_login(org["users"]["officer_a"])
    answer = client.post(url, {"version": 1, "status": "sent", "sent_on": "2026-03-12"})
    assert answer.status_code == 302
    response.refresh_from_db()
    assert response.status == Response.Status.SENT
    stale = client.post(url, {"version": 1, "status": "closed", "outcome": "done"})
    assert stale.status_code == 422
    assert "vừa được người khác cập nhật" in stale.content.decode()


def test_response_links_registry_documents_by_number(client, org, articles):
    from tests.builders import official_text
    from ttdn.documents.services import ingest_document

    document = ingest_document(data=official_text().encode(), filename="kh.txt").document
    response = services.open_response(
        article=articles["neg"],
        kind="correction",
        owner=org["unit_a"],
        deadline=dt.date(2026, 3, 20),
        actor=org["users"]["officer_a"],
    )
    client.force_login(org["users"]["officer_a"])
    url = reverse("press:response_detail", args=[response.pk])
    missing = client.post(url, {"version": 1, "status": "open", "documents": "999/KH-UBND"})
    assert missing.status_code == 422
    assert "Không tìm thấy văn bản số 999/KH-UBND" in missing.content.decode()
    client.post(url, {"version": 1, "status": "open", "documents": "281/KH-UBND"})
    assert list(response.documents.all()) == [document]


def test_board_shows_overdue_responses_of_visible_units_only(client, org, articles):
    services.open_response(
        article=articles["neg"],
        kind="correction",
        owner=org["unit_a"],
        deadline=dt.date(2020, 1, 1),
        actor=org["users"]["officer_a"],
    )
    client.force_login(org["users"]["officer_a"])
    body = client.get(reverse("press:response_board")).content.decode()
    assert "Đề nghị cải chính" in body
    assert "quá hạn" in body
    client.force_login(org["users"]["officer_b"])
    assert (
        "Đề nghị cải chính</a>" not in client.get(reverse("press:response_board")).content.decode()
    )


def test_attention_chart_by_topic_and_language(client, org, articles):
    client.force_login(org["users"]["viewer"])
    body = client.get(
        reverse("press:attention"), {"by": "topic", "interval": "week"}
    ).content.decode()
    assert "<svg" in body
    assert "Đầu tư, kinh tế (2)" in body
    body = client.get(
        reverse("press:attention"), {"by": "language", "interval": "day"}
    ).content.decode()
    assert "vi (3)" in body
    assert "en (1)" in body


def test_sources_page_shows_health(client, org, articles):
    client.force_login(org["users"]["viewer"])
    body = client.get(reverse("press:source_list")).content.decode()
    assert "Báo Thử" in body
    assert "Báo chí Trung ương" in body
    assert "Chưa lấy tin" in body


def test_pages_speak_english_when_asked(client, org, articles):
    client.force_login(org["users"]["viewer"])
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    body = client.get(reverse("press:article_list")).content.decode()
    assert "Articles about the province" in body
    assert ">Press</a>" in body  # the navigation link, from this app's catalogue
    assert "Investment and economy" in body  # topics are named in the reader's language
    assert "Đầu tư, kinh tế" not in body


def test_board_gives_the_period_indicator_counts(client, org, articles):
    response = services.open_response(
        article=articles["neg"],
        kind="correction",
        owner=org["unit_a"],
        deadline=dt.date(2024, 3, 20),
        actor=org["users"]["officer_a"],
    )
    services.update_response(
        response=response,
        actor=org["users"]["officer_a"],
        version=1,
        status="sent",
        sent_on=dt.date(2024, 3, 5),
    )
    client.force_login(org["users"]["coordinator"])
    body = client.get(reverse("press:response_board"), {"period": "2024S1"}).content.decode()
    assert '<strong id="corrections-requested">1</strong>' in body
    assert '<strong id="information-provided">0</strong>' in body
    client.force_login(org["users"]["officer_b"])  # another unit's response is not theirs
    body = client.get(reverse("press:response_board"), {"period": "2024S1"}).content.decode()
    assert '<strong id="corrections-requested">0</strong>' in body
    body = client.get(reverse("press:response_board"), {"period": "2024S2"}).content.decode()
    assert "15/06/2024" in body


def test_coordinator_adds_a_source_and_bad_addresses_are_refused(client, org):
    client.force_login(org["users"]["coordinator"])
    data = {
        "code": "bao-moi",
        "name": "Báo Mới",
        "kind": "central",
        "language": "VI",
        "country": "vn",
        "feed_urls": "https://baomoi.example/rss.xml\nftp://sai.example/feed",
        "sitemap_urls": "",
        "collections": "Báo chí Trung ương",
        "poll_minutes": 30,
        "timeout_seconds": 10,
    }
    refused = client.post(reverse("press:source_create"), data)
    assert refused.status_code == 422
    assert "“ftp://sai.example/feed” không phải địa chỉ http/https." in refused.content.decode()
    data["feed_urls"] = "https://baomoi.example/rss.xml"
    assert client.post(reverse("press:source_create"), data).status_code == 302
    source = Source.objects.get(code="bao-moi")
    assert source.feed_urls == ["https://baomoi.example/rss.xml"]
    assert source.language == "vi"
    assert source.country == "VN"
    assert [c.name for c in source.collections.all()] == ["Báo chí Trung ương"]
    assert not source.active  # the box was not ticked: the source is paused
    assert source.health() == Source.Health.INACTIVE
