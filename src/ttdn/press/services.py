"""Writes of press monitoring: ingest, analyse, poll, flag and respond, alert.

Every multi-row write runs in one transaction; mail and queued tasks go out on commit.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Max, Q
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from ttdn.core.audit import record_change
from ttdn.core.exceptions import DomainError
from ttdn.orgs import permissions
from ttdn.orgs.models import Membership, OrgUnit
from ttdn.press import analysis, feeds
from ttdn.press.models import (
    Article,
    ArticleMention,
    ArticleTopic,
    Flag,
    PollAttempt,
    Response,
    SavedSearch,
    Source,
    Tone,
    Topic,
)
from ttdn.press.query import matches, parse_query
from ttdn.press.taxonomy import NEGATIVE_WORDS, POSITIVE_WORDS
from ttdn.reporting.models import Activity
from ttdn.reporting.services import record_activity
from ttdn.text import search_fold

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

    from ttdn.documents.models import Document

    Actor = AbstractBaseUser | AnonymousUser | None

logger = logging.getLogger(__name__)

MAX_NEW_PER_POLL = 200
MAX_BACKOFF = dt.timedelta(hours=24)
IMPORT_MAX_BYTES = 10 * 1024 * 1024


class PressError(DomainError):
    pass


# --- analysis -------------------------------------------------------------------------------

_ADMIN_PREFIXES = ("uy ban nhan dan ", "ubnd ")
_LEVEL_PREFIXES = ("tinh ", "thanh pho ", "huyen ", "thi xa ")


def _place_terms(unit: OrgUnit) -> list[str]:
    """Return how the press names a province or a place: "Đồng Nai", "tỉnh Đồng Nai"."""
    name = unit.name
    folded = search_fold(name)
    for prefix in _ADMIN_PREFIXES:
        if folded.startswith(prefix):
            # Folding keeps the length of NFC Vietnamese, so offsets carry over.
            name, folded = name[len(prefix) :], folded[len(prefix) :]
    terms = [name]
    # "Biên Hòa", "Long Thành" alone name the city and the district; a commune keeps its level
    # word ("phường Tam Hiệp"), since commune names repeat ("phường 1", "xã Phú Lý").
    if unit.kind in {OrgUnit.Kind.PROVINCE, OrgUnit.Kind.DISTRICT}:
        terms += [name[len(p) :] for p in _LEVEL_PREFIXES if folded.startswith(p)]
    return terms


@dataclass
class AnalysisContext:
    """What analysis needs, loaded once for a batch of articles (not once per article)."""

    mentions: analysis.MentionMatcher
    topics: analysis.TopicMatcher
    topic_ids: dict[str, int]
    tone: analysis.ToneScorer
    generic_units: frozenset[int]


def analysis_context(*, today: dt.date | None = None) -> AnalysisContext:
    """Load the province units and places, their aliases and the active taxonomy."""
    today = today or timezone.localdate()
    units = {unit.pk: unit for unit in OrgUnit.objects.prefetch_related("aliases")}

    def province_id(unit: OrgUnit) -> int | None:
        seen: set[int] = set()
        current: OrgUnit | None = unit
        while current is not None and current.pk not in seen:
            if current.kind == OrgUnit.Kind.PROVINCE:
                return current.pk
            seen.add(current.pk)
            current = units.get(current.parent_id) if current.parent_id else None
        return None

    places: dict[int, list[str]] = {}  # province id → its place names (folded)
    by_term: dict[str, set[int]] = {}
    for unit in units.values():
        if province_id(unit) is None:
            continue  # central bodies are not "the province"
        terms = [unit.name, *(alias.name for alias in unit.aliases.all())]
        if unit.short_name:
            terms.append(unit.short_name)
        if unit.kind in {OrgUnit.Kind.PROVINCE, OrgUnit.Kind.DISTRICT, OrgUnit.Kind.COMMUNE}:
            place = _place_terms(unit)
            terms += place
            if unit.kind == OrgUnit.Kind.PROVINCE:
                places[unit.pk] = [search_fold(term) for term in place]
        for term in terms:
            key = " ".join(analysis.folded_words(term))
            if key:
                by_term.setdefault(key, set()).add(unit.pk)
    resolved: list[tuple[str, int]] = []
    generic: set[int] = set()
    for key, ids in by_term.items():
        # The same name for a unit before and after a merger: the unit of today answers.
        current = [pk for pk in ids if units[pk].exists_on(today)]
        chosen = next(iter(ids)) if len(ids) == 1 else current[0] if len(current) == 1 else None
        if chosen is None:
            continue
        unit = units[chosen]
        province = province_id(unit)
        if unit.kind != OrgUnit.Kind.PROVINCE and not any(
            place in key for place in places.get(province or 0, [])
        ):
            # "Sở Thông tin và Truyền thông" alone could be any province's: it counts only in
            # an article that also names the province (see ``analyse_article``).
            resolved.append((key, -chosen))
            generic.add(chosen)
        else:
            resolved.append((key, chosen))
    topics = list(Topic.objects.filter(active=True))
    return AnalysisContext(
        mentions=analysis.MentionMatcher(resolved),
        topics=analysis.TopicMatcher(
            analysis.TopicRule(code=topic.code, keywords=topic.keywords) for topic in topics
        ),
        topic_ids={topic.code: topic.pk for topic in topics},
        tone=analysis.ToneScorer(POSITIVE_WORDS, NEGATIVE_WORDS),
        generic_units=frozenset(generic),
    )


@dataclass(frozen=True)
class Analysis:
    mentions: list[analysis.Mention]
    topics: list[analysis.TopicMatch]
    tone: analysis.ToneResult


def analyse(
    *, title: str, text: str, context: AnalysisContext, folded: analysis.Folded | None = None
) -> Analysis:
    """Return the mentions, topics and tone of a text (nothing stored)."""
    found = context.mentions.find(title, text)
    specific = [mention for mention in found if mention.unit_id > 0]
    # Generic names (negative ids, see ``analysis_context``) count only beside a specific one.
    generic = [
        analysis.Mention(-mention.unit_id, mention.term, mention.sentence)
        for mention in found
        if mention.unit_id < 0
    ]
    folded = folded or analysis.Folded.of(title, text)
    return Analysis(
        mentions=specific + (generic if specific else []),
        topics=context.topics.find(title, text, folded=folded),
        tone=context.tone.score(title, text, folded=folded),
    )


def _apply(article: Article, result: Analysis) -> None:
    article.mentions_province = bool(result.mentions)
    article.tone_suggested = result.tone.tone
    article.tone_score = result.tone.score
    article.tone_why = {
        "positive": [list(pair) for pair in result.tone.positive],
        "negative": [list(pair) for pair in result.tone.negative],
    }


def _store_labels(article: Article, result: Analysis, context: AnalysisContext) -> None:
    ArticleMention.objects.bulk_create(
        ArticleMention(article=article, unit_id=m.unit_id, term=m.term, sentence=m.sentence)
        for m in result.mentions
    )
    ArticleTopic.objects.bulk_create(
        ArticleTopic(
            article=article,
            topic_id=context.topic_ids[topic.code],
            score=topic.score,
            matched=[list(pair) for pair in topic.matched],
        )
        for topic in result.topics
    )


@transaction.atomic
def analyse_article(*, article: Article, context: AnalysisContext) -> Article:
    """Recompute mentions, topics and the suggested tone of a stored article (after the units,
    aliases or taxonomy changed); keep why each label was given."""
    result = analyse(title=article.title, text=article.text, context=context)
    article.mentions.all().delete()
    article.topics.all().delete()
    _store_labels(article, result, context)
    _apply(article, result)
    article.save(update_fields=["mentions_province", "tone_suggested", "tone_score", "tone_why"])
    return article


# --- ingestion ------------------------------------------------------------------------------


@dataclass(frozen=True)
class IngestResult:
    outcome: Literal["new", "copy", "duplicate", "empty"]
    article: Article | None


def _find_original(value: int) -> Article | None:
    bands = analysis.fingerprint_bands(value)
    candidates = Article.objects.filter(
        Q(band0=bands[0]) | Q(band1=bands[1]) | Q(band2=bands[2]) | Q(band3=bands[3]),
        original__isnull=True,
    ).only("id", "fingerprint")[:50]
    for candidate in candidates:
        if (
            analysis.fingerprint_distance(candidate.fingerprint, value)
            <= analysis.MAX_COPY_DISTANCE
        ):
            return candidate
    return None


def ingest_article(
    *,
    source: Source,
    url: str,
    title: str,
    text: str,
    published_at: dt.datetime | None,
    context: AnalysisContext,
    now: dt.datetime | None = None,
) -> IngestResult:
    """Store one article (if new), group it with an earlier copy, and analyse it."""
    url_key = analysis.normalise_url(url)
    if Article.objects.filter(url_key=url_key).exists():
        return IngestResult("duplicate", None)
    title = analysis.clean_text(title)[:500]
    text = analysis.clean_text(text)
    first_line, _sep, rest = text.partition("\n")
    if title and search_fold(first_line) == search_fold(title):
        # trafilatura keeps the page's <h1>; the title is stored apart, and a syndicating
        # outlet's own headline must not make its copy look like another text.
        text = rest.strip()
    if not title and not text:
        return IngestResult("empty", None)
    if published_at is not None and timezone.is_naive(published_at):
        published_at = timezone.make_aware(published_at)
    folded = analysis.Folded.of(title, text)
    # Short texts (a headline with a line of summary) are too short to call copies of anything.
    value = analysis.fingerprint(text, words=folded.text_words) if len(text) >= 200 else 0
    bands = analysis.fingerprint_bands(value) if value else (0, 0, 0, 0)
    result = analyse(title=title, text=text, context=context, folded=folded)
    article = Article(
        source=source,
        url=url[:1000],
        url_key=url_key,
        title=title or text[:120],
        published_at=published_at,
        seen_at=now or timezone.now(),
        language=analysis.detect_language(f"{title}\n{text}"),
        text=text,
        search_text=folded.search_text,
        fingerprint=value,
        band0=bands[0],
        band1=bands[1],
        band2=bands[2],
        band3=bands[3],
    )
    _apply(article, result)
    try:
        with transaction.atomic():
            article.original = _find_original(value) if value else None
            article.save(force_insert=True)
            _store_labels(article, result, context)
    except IntegrityError:
        # Another worker stored the same URL a moment ago.
        return IngestResult("duplicate", None)
    return IngestResult("copy" if article.original_id else "new", article)


def _entry_text(entry: feeds.FeedEntry, *, timeout: float) -> tuple[str, str, dt.datetime | None]:
    """Return title, main text and date of an entry: from its page, else from the feed."""
    try:
        page = feeds.extract_page(feeds.fetch(entry.url, timeout=timeout), url=entry.url)
    except feeds.FetchError:
        page = None
    text = page.text if page and page.text else feeds.html_fragment_text(entry.content)
    title = entry.title or (page.title if page else "")
    return title, text, entry.published_at or (page.published_at if page else None)


@dataclass(frozen=True)
class PollResult:
    ok: bool
    new: int
    copies: int
    duplicates: int
    error: str


def poll_source(*, source: Source, now: dt.datetime | None = None) -> PollResult:
    """Read every feed and sitemap of a source, store the new articles, record its health.

    A source fails when none of its feeds can be read; the next try then backs off
    exponentially (poll interval × 2^failures, at most a day), and after ``alert_after_failures``
    failures in a row the coordinators get one e-mail (again only after a success).
    """
    started = now or timezone.now()
    context = analysis_context()
    counts = {"new": 0, "copy": 0, "duplicate": 0, "empty": 0}
    errors: list[str] = []
    readable = 0
    for kind, urls in (("feed", source.feed_urls), ("sitemap", source.sitemap_urls)):
        for url in urls:
            try:
                body = feeds.fetch(url, timeout=source.timeout_seconds)
                entries = feeds.parse_feed(body) if kind == "feed" else feeds.parse_sitemap(body)
            except feeds.FetchError as error:
                errors.append(error.message)
                continue
            readable += 1
            for entry in entries:
                if sum(counts.values()) - counts["duplicate"] >= MAX_NEW_PER_POLL:
                    break
                if Article.objects.filter(url_key=analysis.normalise_url(entry.url)).exists():
                    counts["duplicate"] += 1
                    continue
                title, text, published = _entry_text(entry, timeout=source.timeout_seconds)
                result = ingest_article(
                    source=source,
                    url=entry.url,
                    title=title,
                    text=text,
                    published_at=published,
                    context=context,
                    now=started,
                )
                counts[result.outcome] += 1
    ok = readable > 0 or not (source.feed_urls or source.sitemap_urls)
    finished = timezone.now() if now is None else started
    _record_poll(
        source=source, ok=ok, counts=counts, errors=errors, started=started, finished=finished
    )
    if counts["new"] or counts["copy"]:
        from ttdn.press import tasks

        transaction.on_commit(tasks.send_saved_search_alerts.enqueue)
    return PollResult(ok, counts["new"], counts["copy"], counts["duplicate"], "\n".join(errors))


@transaction.atomic
def _record_poll(
    *,
    source: Source,
    ok: bool,
    counts: dict[str, int],
    errors: list[str],
    started: dt.datetime,
    finished: dt.datetime,
) -> None:
    source = Source.objects.select_for_update().get(pk=source.pk)
    PollAttempt.objects.create(
        source=source,
        started_at=started,
        finished_at=finished,
        ok=ok,
        new_articles=counts["new"] + counts["copy"],
        duplicates=counts["duplicate"],
        error="\n".join(errors)[:4000],
    )
    source.last_polled_at = started
    interval = dt.timedelta(minutes=source.poll_minutes)
    if ok:
        source.last_success_at = started
        source.consecutive_failures = 0
        source.alerted_at = None
        source.next_poll_at = started + interval
        if counts["new"] or counts["copy"]:
            source.last_article_at = started
    else:
        source.consecutive_failures += 1
        source.next_poll_at = started + min(
            interval * 2 ** min(source.consecutive_failures, 10), MAX_BACKOFF
        )
    source.last_error = "\n".join(errors)[:4000]
    source.save()
    health = source.health(started)
    if health in {Source.Health.FAILING, Source.Health.QUIET} and source.alerted_at is None:
        source.alerted_at = started
        source.save(update_fields=["alerted_at"])
        transaction.on_commit(lambda: _send_source_alert(source, health))


def _coordinator_emails() -> list[str]:
    return sorted(
        set(
            Membership.objects.filter(role=Membership.Role.COORDINATOR)
            .exclude(user__email="")
            .values_list("user__email", flat=True)
        )
    )


def _send_source_alert(source: Source, health: str) -> None:
    recipients = _coordinator_emails()
    if not recipients:
        return
    if health == Source.Health.FAILING:
        body = _(
            "Nguồn tin “%(source)s” không lấy được tin %(count)s lần liên tiếp.\nLỗi gần nhất: %(error)s"
        ) % {
            "source": source.name,
            "count": source.consecutive_failures,
            "error": source.last_error,
        }
    else:
        body = _("Nguồn tin “%(source)s” không có tin mới trong %(days)s ngày.") % {
            "source": source.name,
            "days": source.quiet_days,
        }
    send_mail(
        _("[TTĐN] Cảnh báo nguồn tin: %(source)s") % {"source": source.name},
        body,
        settings.DEFAULT_FROM_EMAIL,
        recipients,
    )


def check_quiet_sources(*, now: dt.datetime | None = None) -> int:
    """Alert once about every active source that has gone quiet; return how many."""
    now = now or timezone.now()
    alerted = 0
    for source in Source.objects.filter(active=True, alerted_at__isnull=True):
        if source.health(now) == Source.Health.QUIET:
            source.alerted_at = now
            source.save(update_fields=["alerted_at"])
            _send_source_alert(source, Source.Health.QUIET)
            alerted += 1
    return alerted


def sources_due(*, now: dt.datetime) -> list[Source]:
    return list(
        Source.objects.filter(active=True).filter(
            Q(next_poll_at__isnull=True) | Q(next_poll_at__lte=now)
        )
    )


def queue_due_sources(*, now: dt.datetime | None = None) -> int:
    """Queue a poll of every source that is due; return how many were queued."""
    from ttdn.press import tasks

    now = now or timezone.now()
    due = sources_due(now=now)
    for source in due:
        # Mark it as taken so that the next run of the command does not queue it twice.
        Source.objects.filter(pk=source.pk).update(
            next_poll_at=now + dt.timedelta(minutes=source.poll_minutes)
        )
        tasks.poll_source.enqueue(source_id=source.pk)
    return len(due)


@transaction.atomic
def save_source(
    *,
    code: str,
    name: str,
    actor: Actor,
    homepage: str = "",
    kind: str = Source.Kind.CENTRAL,
    language: str = "",
    country: str = "VN",
    feed_urls: Sequence[str] = (),
    sitemap_urls: Sequence[str] = (),
    collections: Sequence[tuple[str, str]] = (),
    poll_minutes: int = 60,
    timeout_seconds: int = 20,
    active: bool = True,
) -> Source:
    """Create or update the source with this code."""
    from ttdn.press.models import Collection

    source, created = Source.objects.update_or_create(
        code=code,
        defaults={
            "name": name,
            "homepage": homepage,
            "kind": kind,
            "language": language,
            "country": country,
            "feed_urls": list(feed_urls),
            "sitemap_urls": list(sitemap_urls),
            "poll_minutes": poll_minutes,
            "timeout_seconds": timeout_seconds,
            "active": active,
        },
    )
    for collection_code, collection_name in collections:
        collection, _created = Collection.objects.get_or_create(
            code=collection_code, defaults={"name": collection_name}
        )
        source.collections.add(collection)
    record_change(actor=actor, obj=source, action="create_source" if created else "update_source")
    return source


# --- manual import --------------------------------------------------------------------------


@dataclass(frozen=True)
class ImportReport:
    name: str
    new: int = 0
    copies: int = 0
    duplicates: int = 0
    error: str = ""


def _source_for(url: str, site_name: str, actor: Actor) -> Source:
    host = (urlsplit(url).hostname or "").lower().removeprefix("www.")
    if host:
        for source in Source.objects.exclude(homepage=""):
            if (urlsplit(source.homepage).hostname or "").lower().removeprefix("www.") == host:
                return source
    code = slugify(host or site_name)[:60] or "nhap-thu-cong"
    existing = Source.objects.filter(code=code).first()
    if existing:
        return existing
    return save_source(
        code=code,
        name=site_name or host or _("Nhập thủ công"),
        homepage=f"https://{host}/" if host else "",
        kind=Source.Kind.OTHER,
        actor=actor,
    )


def import_file(
    *, name: str, data: bytes, actor: Actor, source: Source | None = None
) -> ImportReport:
    """Import a saved HTML page or a feed file (RSS/Atom) as if it had been polled.

    A feed file's entries are taken with the text the feed carries (no network access); a
    page's URL is its canonical link. A file that is neither gets a clear error; nothing of a
    rejected file is stored.
    """
    if len(data) > IMPORT_MAX_BYTES:
        return ImportReport(name, error=_("Tệp quá lớn (tối đa 10 MB)."))
    head = data[:2048].lstrip().lower()
    context = analysis_context()
    counts = {"new": 0, "copy": 0, "duplicate": 0, "empty": 0}
    looks_like_feed = (head.startswith(b"<?xml") and b"<html" not in head) or head.startswith(
        (b"<rss", b"<feed", b"<rdf")
    )
    with transaction.atomic():
        if looks_like_feed:
            try:
                entries = feeds.parse_feed(data)
            except feeds.FeedError as error:
                return ImportReport(
                    name, error=_("Tệp RSS/Atom không hợp lệ: %(e)s") % {"e": error}
                )
            if not entries:
                return ImportReport(name, error=_("Tệp RSS/Atom không có tin, bài nào."))
            for entry in entries:
                target = source or _source_for(entry.url, "", actor)
                result = ingest_article(
                    source=target,
                    url=entry.url,
                    title=entry.title,
                    text=feeds.html_fragment_text(entry.content),
                    published_at=entry.published_at,
                    context=context,
                )
                counts[result.outcome] += 1
        elif b"<html" in head or b"<!doctype html" in head or b"<body" in data[:20000].lower():
            page = feeds.extract_page(data)
            if not page.url or not page.url.startswith(("http://", "https://")):
                return ImportReport(
                    name,
                    error=_(
                        "Trang đã lưu không có địa chỉ gốc (thẻ canonical hoặc og:url); "
                        "không xác định được bài báo."
                    ),
                )
            if not page.text:
                return ImportReport(name, error=_("Không tìm thấy nội dung bài viết trong tệp."))
            result = ingest_article(
                source=source or _source_for(page.url, page.site_name, actor),
                url=page.url,
                title=page.title,
                text=page.text,
                published_at=page.published_at,
                context=context,
            )
            counts[result.outcome] += 1
        else:
            return ImportReport(name, error=_("Tệp không phải trang HTML đã lưu hay tệp RSS/Atom."))
    if counts["new"] or counts["copy"]:
        from ttdn.press import tasks

        transaction.on_commit(tasks.send_saved_search_alerts.enqueue)
    return ImportReport(name, counts["new"], counts["copy"], counts["duplicate"] + counts["empty"])


def import_paths(*, paths: Iterable[Path], actor: Actor) -> list[ImportReport]:
    reports = []
    for path in paths:
        try:
            data = path.read_bytes()
        except OSError as error:
            reports.append(ImportReport(str(path), error=f"{error.strerror}"))
            continue
        reports.append(import_file(name=str(path), data=data, actor=actor))
    return reports


# --- officers' labels -----------------------------------------------------------------------


@transaction.atomic
def confirm_tone(*, article: Article, tone: str, actor: Actor) -> Article:
    if tone not in Tone.values:
        raise PressError(_("Sắc thái không hợp lệ."))
    article = Article.objects.select_for_update().get(pk=article.pk)
    before = article.tone
    article.tone_confirmed = tone
    article.tone_confirmed_by = actor if actor is not None and actor.is_authenticated else None  # type: ignore[assignment]
    article.tone_confirmed_at = timezone.now()
    article.save(update_fields=["tone_confirmed", "tone_confirmed_by", "tone_confirmed_at"])
    record_change(actor=actor, obj=article, action="confirm_tone", changes={"tone": [before, tone]})
    return article


def _actor_unit(actor: Actor, unit: OrgUnit | None) -> OrgUnit:
    """Return the unit an officer acts for: the one asked for when they may, else their own."""
    if unit is not None:
        if actor is None or not permissions.can_edit_unit_data(actor, unit):
            raise PressError(_("Bạn không được thao tác thay cho đơn vị này."))
        return unit
    memberships = Membership.objects.filter(user=actor).exclude(role=Membership.Role.VIEWER)
    membership = memberships.select_related("unit").first()
    if membership is not None:
        return membership.unit
    if actor is not None and permissions.is_administrator(actor):
        # An administrator without a role acts for the province (a flag needs a unit).
        province = OrgUnit.objects.filter(kind=OrgUnit.Kind.PROVINCE, valid_to__isnull=True).first()
        if province is not None:
            return province
    raise PressError(_("Tài khoản của bạn chưa thuộc đơn vị nào."))


@transaction.atomic
def flag_article(
    *, article: Article, reason: str, actor: Actor, note: str = "", unit: OrgUnit | None = None
) -> Flag:
    if reason not in Flag.Reason.values:
        raise PressError(_("Lý do đánh dấu không hợp lệ."))
    flag = Flag.objects.create(
        article=article,
        reason=reason,
        note=note.strip(),
        unit=_actor_unit(actor, unit),
        created_by=actor if actor is not None and actor.is_authenticated else None,
    )
    record_change(actor=actor, obj=article, action="flag_article", changes={"reason": reason})
    return flag


@transaction.atomic
def open_response(
    *,
    article: Article,
    kind: str,
    owner: OrgUnit,
    deadline: dt.date,
    actor: Actor,
    note: str = "",
    flag: Flag | None = None,
) -> Response:
    """Open a response to an article, owned by a unit the actor may act for."""
    if kind not in Response.Kind.values:
        raise PressError(_("Hình thức phản hồi không hợp lệ."))
    if actor is None or not permissions.can_edit_unit_data(actor, owner):
        raise PressError(_("Bạn chỉ mở phản hồi cho đơn vị của mình."))
    response = Response.objects.create(
        article=article,
        flag=flag,
        kind=kind,
        owner=owner,
        deadline=deadline,
        note=note.strip(),
        recipient=article.source.name,
        created_by=actor if actor.is_authenticated else None,
    )
    record_change(
        actor=actor,
        obj=response,
        action="open_response",
        changes={"kind": kind, "owner": owner.code, "deadline": deadline.isoformat()},
    )
    return response


_TRANSITIONS: dict[str, set[str]] = {
    Response.Status.OPEN: {
        Response.Status.IN_PROGRESS,
        Response.Status.SENT,
        Response.Status.CLOSED,
    },
    Response.Status.IN_PROGRESS: {Response.Status.SENT, Response.Status.CLOSED},
    Response.Status.SENT: {Response.Status.CLOSED},
    Response.Status.CLOSED: set(),
}


# A sent response of these kinds is an activity of its owner unit, counted in the period's
# figures like a press conference is; statements and rebuttal articles feed no indicator.
_ACTIVITY_OF_RESPONSE = {
    Response.Kind.INFORMATION: Activity.Kind.PRESS_INFORMATION,
    Response.Kind.CORRECTION: Activity.Kind.CORRECTION_REQUEST,
}


def _log_sent_response(response: Response, *, actor: Actor) -> Activity | None:
    kind = _ACTIVITY_OF_RESPONSE.get(Response.Kind(response.kind))
    if kind is None or response.activity_id is not None or response.sent_at is None:
        return response.activity
    article = response.article
    title = f"{Response.Kind(response.kind).label}: {article.title}"
    return record_activity(
        unit=response.owner,
        kind=kind,
        title=title[:255],
        date=timezone.localdate(response.sent_at),
        actor=actor,
        note=f"{article.source.name} — {article.url}",
    )


@transaction.atomic
def update_response(
    *,
    response: Response,
    actor: Actor,
    version: int,
    status: str | None = None,
    outcome: str = "",
    note: str | None = None,
    deadline: dt.date | None = None,
    sent_on: dt.date | None = None,
    documents: Sequence[Document] | None = None,
) -> Response:
    """Move a response along its workflow; refuse a stale form and an impossible step."""
    response = Response.objects.select_for_update().get(pk=response.pk)
    if response.version != version:
        raise PressError(
            _("Phản hồi này vừa được người khác cập nhật; hãy tải lại trang rồi thử lại.")
        )
    changes: dict[str, object] = {}
    if status and status != response.status:
        if status not in _TRANSITIONS.get(response.status, set()):
            raise PressError(
                _("Không thể chuyển từ “%(a)s” sang “%(b)s”.")
                % {
                    "a": Response.Status(response.status).label,
                    "b": Response.Status(status).label
                    if status in Response.Status.values
                    else status,
                }
            )
        now = timezone.now()
        if status == Response.Status.SENT:
            response.sent_at = (
                timezone.make_aware(dt.datetime.combine(sent_on, dt.time(12))) if sent_on else now
            )
            response.activity = _log_sent_response(response, actor=actor)
        if status == Response.Status.CLOSED:
            if outcome not in Response.Outcome.values:
                raise PressError(_("Hãy chọn kết quả khi kết thúc phản hồi."))
            if response.sent_at is None and outcome in {
                Response.Outcome.CORRECTED,
                Response.Outcome.NOT_CORRECTED,
            }:
                raise PressError(
                    _(
                        "Chưa gửi văn bản thì chưa thể ghi kết quả cải chính; chọn “Không còn cần thiết”."
                    )
                )
            response.outcome = outcome
            response.closed_at = now
        changes["status"] = [response.status, status]
        response.status = status
    if note is not None and note.strip() != response.note:
        response.note = note.strip()
        changes["note"] = True
    if deadline is not None and deadline != response.deadline:
        changes["deadline"] = [response.deadline.isoformat(), deadline.isoformat()]
        response.deadline = deadline
    response.version += 1
    response.save()
    if documents is not None:
        response.documents.set(documents)
        changes["documents"] = [document.pk for document in documents]
    record_change(actor=actor, obj=response, action="update_response", changes=changes)
    return response


# --- saved searches and alerts --------------------------------------------------------------


@transaction.atomic
def save_search(*, owner: AbstractBaseUser, name: str, query: str, alert: bool) -> SavedSearch:
    parse_query(query)  # refuse a malformed query now, not in the nightly alert
    last = Article.objects.aggregate(last=Max("id"))["last"] or 0
    return SavedSearch.objects.create(
        owner=owner,
        name=name.strip()[:255] or query[:255],
        query=query,
        alert=alert,
        checked_up_to=last,
    )


def send_saved_search_alerts() -> int:
    """E-mail each owner the new articles matching their alerting searches; return mails sent."""
    last = Article.objects.aggregate(last=Max("id"))["last"] or 0
    sent = 0
    for search in SavedSearch.objects.filter(alert=True, checked_up_to__lt=last).select_related(
        "owner"
    ):
        with transaction.atomic():
            locked = SavedSearch.objects.select_for_update().get(pk=search.pk)
            if locked.checked_up_to >= last:
                continue
            try:
                node = parse_query(locked.query)
            except DomainError:
                locked.checked_up_to = last
                locked.save(update_fields=["checked_up_to"])
                continue
            new = [
                article
                for article in Article.objects.filter(
                    id__gt=locked.checked_up_to, id__lte=last, original__isnull=True
                ).only("id", "title", "url", "search_text")
                if matches(node, article.search_text)
            ]
            locked.checked_up_to = last
            locked.save(update_fields=["checked_up_to"])
            if new and search.owner.email:
                lines = [f"- {article.title}\n  {article.url}" for article in new[:50]]
                subject = _("[TTĐN] %(count)s tin, bài mới khớp “%(name)s”") % {
                    "count": len(new),
                    "name": locked.name,
                }
                body = "\n".join(lines)
                owner_email = search.owner.email
                transaction.on_commit(
                    lambda s=subject, b=body, e=owner_email: send_mail(
                        s, b, settings.DEFAULT_FROM_EMAIL, [e]
                    )
                )
                sent += 1
    return sent
