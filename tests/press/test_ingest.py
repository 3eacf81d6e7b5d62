"""Polling sources served from 127.0.0.1: RSS, Atom, broken, slow, duplicate, syndicated copy."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone

from tests.press.conftest import EN_TEXT, OTHER_TEXT, VI_TEXT, atom, page, rss
from ttdn.press import services
from ttdn.press.models import Article, PollAttempt, Source

pytestmark = pytest.mark.django_db

RFC_DATE = "Thu, 12 Mar 2026 01:30:00 GMT"


def make_source(code: str, **fields) -> Source:
    return services.save_source(code=code, name=fields.pop("name", code), actor=None, **fields)


def serve_vi_feed(server) -> Source:
    server.add(
        "/dau-tu.html",
        page("Đồng Nai thu hút nhà đầu tư", VI_TEXT, url=server.base + "/dau-tu.html"),
    )
    server.add(
        "/ca-phe.html", page("Giá cà phê biến động", OTHER_TEXT, url=server.base + "/ca-phe.html")
    )
    feed = server.add(
        "/rss.xml",
        rss(
            server.base,
            [
                ("Đồng Nai thu hút nhà đầu tư", "/dau-tu.html", RFC_DATE),
                ("Giá cà phê biến động", "/ca-phe.html", RFC_DATE),
            ],
        ),
        "application/rss+xml",
    )
    return make_source("bao-thu", name="Báo Thử", feed_urls=[feed], timeout_seconds=2)


def test_rss_poll_stores_articles_with_main_text_and_time_zone(feed_server, province):
    source = serve_vi_feed(feed_server)
    result = services.poll_source(source=source)
    assert result.ok
    assert result.new == 2
    article = Article.objects.get(title="Đồng Nai thu hút nhà đầu tư")
    assert "1,5 tỷ USD vốn FDI" in article.text
    assert "Bình luận của bạn đọc" not in article.text  # comments excluded
    assert "Liên hệ quảng cáo" not in article.text  # boilerplate dropped
    assert article.published_at == dt.datetime(2026, 3, 12, 1, 30, tzinfo=dt.UTC)
    assert article.language == "vi"
    assert article.url_key.startswith("127.0.0.1:")
    source.refresh_from_db()
    assert source.last_success_at is not None
    assert source.consecutive_failures == 0
    assert source.health() == Source.Health.OK


def test_atom_poll_in_english(feed_server, province):
    feed_server.add(
        "/en/invest",
        page("Dong Nai draws record investors", EN_TEXT, url=feed_server.base + "/en/invest"),
    )
    feed = feed_server.add(
        "/atom.xml",
        atom(
            feed_server.base,
            [("Dong Nai draws record investors", "/en/invest", "2026-03-11T23:00:00Z")],
        ),
        "application/atom+xml",
    )
    source = make_source("dn-news", feed_urls=[feed], language="en", country="VN")
    assert services.poll_source(source=source).new == 1
    article = Article.objects.get()
    assert article.language == "en"
    assert article.published_at == dt.datetime(2026, 3, 11, 23, 0, tzinfo=dt.UTC)
    assert article.mentions_province


def test_second_poll_and_tracking_parameters_are_duplicates(feed_server, province):
    source = serve_vi_feed(feed_server)
    services.poll_source(source=source)
    again = services.poll_source(source=source)
    assert again.new == 0
    assert again.duplicates == 2
    feed_server.add(
        "/rss2.xml",
        rss(
            feed_server.base,
            [("Đồng Nai thu hút nhà đầu tư", "/dau-tu.html/?utm_source=zalo#top", RFC_DATE)],
        ),
    )
    other = make_source("bao-khac", feed_urls=[feed_server.base + "/rss2.xml"])
    assert services.poll_source(source=other).duplicates == 1
    assert Article.objects.count() == 2


def test_syndicated_copy_is_grouped_under_the_first_article(feed_server, province):
    source = serve_vi_feed(feed_server)
    services.poll_source(source=source)
    copy_text = VI_TEXT.replace("Sáng 12/3", "Sáng ngày 12/3") + "\nNguồn: TTXVN."
    feed_server.add(
        "/copy.html",
        page(
            "Đồng Nai: hơn 300 nhà đầu tư dự hội nghị",
            copy_text,
            url=feed_server.base + "/copy.html",
        ),
    )
    feed_server.add(
        "/rss3.xml",
        rss(
            feed_server.base, [("Đồng Nai: hơn 300 nhà đầu tư dự hội nghị", "/copy.html", RFC_DATE)]
        ),
    )
    syndicating = make_source("bao-dang-lai", feed_urls=[feed_server.base + "/rss3.xml"])
    result = services.poll_source(source=syndicating)
    assert result.copies == 1
    assert result.new == 0
    original = Article.objects.get(title="Đồng Nai thu hút nhà đầu tư")
    copy = Article.objects.get(source=syndicating)
    assert copy.original == original
    unrelated = Article.objects.get(title="Giá cà phê biến động")
    assert unrelated.original is None


def test_broken_feed_fails_and_backs_off(feed_server, province):
    feed = feed_server.add("/broken.xml", "<html><body>Máy chủ bảo trì <b>", "text/html")
    source = make_source("hong", feed_urls=[feed], poll_minutes=30)
    start = timezone.now()
    result = services.poll_source(source=source, now=start)
    assert not result.ok
    assert "RSS/Atom" in result.error
    source.refresh_from_db()
    assert source.consecutive_failures == 1
    assert source.next_poll_at == start + dt.timedelta(minutes=60)
    services.poll_source(source=source, now=start + dt.timedelta(hours=1))
    source.refresh_from_db()
    assert source.next_poll_at == start + dt.timedelta(hours=1, minutes=120)
    assert PollAttempt.objects.filter(source=source, ok=False).count() == 2


def test_timeout_is_a_failure_with_a_clear_message(feed_server, province):
    feed = feed_server.add("/slow.xml", rss(feed_server.base, []))
    feed_server.delay["/slow.xml"] = 2.5
    source = make_source("cham", feed_urls=[feed], timeout_seconds=1)
    result = services.poll_source(source=source)
    assert not result.ok
    assert "Quá thời gian chờ" in result.error


def test_repeated_failures_alert_coordinators_once(
    feed_server, province, django_user_model, django_capture_on_commit_callbacks
):
    from ttdn.orgs.services import grant_role

    coordinator = django_user_model.objects.create_user("daumoi", email="daumoi@example.invalid")
    grant_role(user=coordinator, unit=province["province"], role="coordinator", actor=None)
    source = make_source("hong", feed_urls=[feed_server.base + "/khong-co.xml"])
    now = timezone.now()
    for hour in range(5):
        with django_capture_on_commit_callbacks(execute=True):
            services.poll_source(source=source, now=now + dt.timedelta(hours=hour))
    source.refresh_from_db()
    assert source.health() == Source.Health.FAILING
    alerts = [m for m in mail.outbox if "Cảnh báo nguồn tin" in m.subject]
    assert len(alerts) == 1
    assert "404" in alerts[0].body
    assert alerts[0].to == ["daumoi@example.invalid"]


def test_quiet_source_is_reported(feed_server, province):
    source = serve_vi_feed(feed_server)
    long_ago = timezone.now() - dt.timedelta(days=10)
    services.poll_source(source=source, now=long_ago)
    source.refresh_from_db()
    assert source.health() == Source.Health.QUIET
    assert services.check_quiet_sources() == 1
    assert services.check_quiet_sources() == 0  # once per episode


def test_poll_sources_command_queues_only_due_sources(feed_server, province, settings):
    from django.core.management import call_command

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    due = serve_vi_feed(feed_server)
    later = make_source("sau", feed_urls=[feed_server.base + "/rss.xml"])
    Source.objects.filter(pk=later.pk).update(next_poll_at=timezone.now() + dt.timedelta(hours=1))
    from django_tasks import default_task_backend

    call_command("poll_sources")
    queued = [result.args or result.kwargs for result in default_task_backend.results]
    assert queued == [{"source_id": due.pk}]
    call_command("poll_sources")  # already taken: not queued twice
    assert len(default_task_backend.results) == 1


def test_news_sitemap_poll(feed_server, province):
    feed_server.add(
        "/bai/dau-tu",
        page("Đồng Nai thu hút nhà đầu tư", VI_TEXT, url=feed_server.base + "/bai/dau-tu"),
    )
    sitemap = feed_server.add(
        "/sitemap-news.xml",
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">'
        f"<url><loc>{feed_server.base}/bai/dau-tu</loc><news:news>"
        "<news:publication_date>2026-03-12T08:30:00+07:00</news:publication_date>"
        "<news:title>Đồng Nai thu hút nhà đầu tư</news:title></news:news></url></urlset>",
        "application/xml",
    )
    source = make_source("so-do", sitemap_urls=[sitemap])
    assert services.poll_source(source=source).new == 1
    article = Article.objects.get()
    assert article.published_at == dt.datetime(2026, 3, 12, 1, 30, tzinfo=dt.UTC)
    assert "vốn FDI" in article.text


def test_analysis_and_feed_reading_need_no_django():
    import subprocess
    import sys

    code = (
        "import sys, ttdn.press.analysis, ttdn.press.feeds; "
        "sys.exit(1 if any(m == 'django' or m.startswith('django.') for m in sys.modules) else 0)"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
