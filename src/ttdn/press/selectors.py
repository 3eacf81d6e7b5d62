"""Reads of press monitoring: the article stream, attention over time, responses, health."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db.models import Count, F, Prefetch, Q, QuerySet
from django.db.models.functions import TruncDate, TruncWeek
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from ttdn.core.exceptions import NotFound
from ttdn.orgs import permissions
from ttdn.press.models import Article, ArticleTopic, Response, SavedSearch, Source, Topic
from ttdn.press.query import parse_query, to_q

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

    User = AbstractBaseUser | AnonymousUser


@dataclass(frozen=True)
class ArticleFilters:
    query: str = ""
    topic: str = ""
    source: int | None = None
    language: str = ""
    tone: str = ""
    mentions_only: bool = False
    start: dt.date | None = None
    end: dt.date | None = None


def _filtered(filters: ArticleFilters) -> QuerySet[Article]:
    """Apply the filters; syndicated copies are left out (each story counts once)."""
    queryset = Article.objects.filter(original__isnull=True)
    if filters.query.strip():
        queryset = queryset.filter(to_q(parse_query(filters.query)))
    if filters.topic:
        queryset = queryset.filter(topics__topic__code=filters.topic)
    if filters.source:
        queryset = queryset.filter(source_id=filters.source)
    if filters.language:
        queryset = queryset.filter(language=filters.language)
    if filters.tone:
        queryset = queryset.filter(
            Q(tone_confirmed=filters.tone) | Q(tone_confirmed="", tone_suggested=filters.tone)
        )
    if filters.mentions_only:
        queryset = queryset.filter(mentions_province=True)
    tz = timezone.get_current_timezone()
    if filters.start:
        queryset = queryset.filter(
            published_at__gte=dt.datetime.combine(filters.start, dt.time.min, tzinfo=tz)
        )
    if filters.end:
        queryset = queryset.filter(
            published_at__lt=dt.datetime.combine(
                filters.end + dt.timedelta(days=1), dt.time.min, tzinfo=tz
            )
        )
    return queryset


def search_articles(filters: ArticleFilters) -> QuerySet[Article]:
    """Return the stream: newest first, with outlet, topics and the number of copies."""
    return (
        _filtered(filters)
        .select_related("source")
        .prefetch_related(Prefetch("topics", queryset=ArticleTopic.objects.select_related("topic")))
        .annotate(copy_count=Count("copies", distinct=True))
        .order_by(F("published_at").desc(nulls_last=True), "-id")
    )


def count_articles(filters: ArticleFilters) -> int:
    return _filtered(filters).count()


def access_article(user: User, pk: int) -> Article:
    """Return an article to a signed-in user (published press is readable by every role)."""
    article = (
        Article.objects.select_related("source", "original", "tone_confirmed_by")
        .filter(pk=pk)
        .first()
        if user.is_authenticated
        else None
    )
    if article is None:
        raise NotFound(_("Không tìm thấy tin, bài."))
    return article


def article_context(article: Article) -> dict[str, object]:
    """Return what the article page shows: mentions by unit, topics with why, copies, responses."""
    by_unit: dict[int, dict[str, object]] = {}
    for mention in article.mentions.select_related("unit"):
        entry = by_unit.setdefault(
            mention.unit_id, {"unit": mention.unit, "terms": set(), "sentences": []}
        )
        entry["terms"].add(mention.term)  # type: ignore[attr-defined]
        entry["sentences"].append(mention.sentence)  # type: ignore[attr-defined]
    original = article.original or article
    copies = (
        Article.objects.filter(Q(original=original) | Q(pk=original.pk))
        .exclude(pk=article.pk)
        .select_related("source")
        .order_by("seen_at")
    )
    return {
        "mentions": list(by_unit.values()),
        "topics": article.topics.select_related("topic"),
        "copies": copies,
        "flags": article.flags.select_related("unit", "created_by"),
    }


def visible_responses(user: User) -> QuerySet[Response]:
    """Return the responses of the units whose data the user may read."""
    queryset = Response.objects.select_related("article", "article__source", "owner")
    ids = permissions.visible_unit_ids(user)
    return queryset if ids is None else queryset.filter(owner_id__in=ids)


def access_response(user: User, pk: int, *, for_edit: bool = False) -> Response:
    """Return a response of a unit the user may read (edit); 404 for any other."""
    response = visible_responses(user).filter(pk=pk).first() if user.is_authenticated else None
    if response is None or (for_edit and not permissions.can_edit_unit_data(user, response.owner)):
        raise NotFound(_("Không tìm thấy phản hồi."))
    return response


def response_board(user: User) -> dict[str, list[Response]]:
    columns: dict[str, list[Response]] = {status: [] for status in Response.Status.values}
    for response in visible_responses(user).order_by("deadline", "id"):
        columns[response.status].append(response)
    return columns


def sources_with_health() -> list[Source]:
    """Return the sources with ``items_per_day`` over the last 7 days."""
    since = timezone.now() - dt.timedelta(days=7)
    sources = list(
        Source.objects.prefetch_related("collections").annotate(
            recent=Count("articles", filter=Q(articles__seen_at__gte=since))
        )
    )
    for source in sources:
        source.items_per_day = round(source.recent / 7, 1)  # type: ignore[attr-defined]
    return sources


def saved_searches_of(user: User) -> QuerySet[SavedSearch]:
    return SavedSearch.objects.filter(owner_id=user.pk)


def access_saved_search(user: User, pk: int) -> SavedSearch:
    search = saved_searches_of(user).filter(pk=pk).first()
    if search is None:
        raise NotFound(_("Không tìm thấy câu tìm kiếm đã lưu."))
    return search


# --- attention over time --------------------------------------------------------------------


@dataclass(frozen=True)
class Series:
    label: str
    points: dict[dt.date, int]

    @property
    def total(self) -> int:
        return sum(self.points.values())


def attention(
    *,
    filters: ArticleFilters,
    by: str = "topic",
    interval: str = "week",
    limit: int = 8,
) -> tuple[list[dt.date], list[Series]]:
    """Return the buckets and the article counts per bucket, one series per topic/outlet/language.

    Copies count once (they are filtered out); an article with two topics counts in both.
    """
    trunc = TruncWeek if interval == "week" else TruncDate
    tz = timezone.get_current_timezone()
    queryset = _filtered(filters).exclude(published_at=None)
    if by == "topic":
        rows = ArticleTopic.objects.filter(article__in=queryset).annotate(
            bucket=trunc("article__published_at", tzinfo=tz)
        )
        key = "topic__name_en" if (get_language() or "vi").startswith("en") else "topic__name_vi"
    elif by == "source":
        rows = queryset.annotate(bucket=trunc("published_at", tzinfo=tz))  # type: ignore[assignment]
        key = "source__name"
    else:
        rows = queryset.annotate(bucket=trunc("published_at", tzinfo=tz))  # type: ignore[assignment]
        key = "language"
    counts: dict[str, dict[dt.date, int]] = defaultdict(dict)
    for row in rows.values(key, "bucket").annotate(n=Count("id")).order_by():
        bucket = row["bucket"]
        day = bucket.date() if isinstance(bucket, dt.datetime) else bucket
        counts[row[key] or "—"][day] = counts[row[key] or "—"].get(day, 0) + row["n"]
    if not counts:
        return [], []
    days = sorted({day for points in counts.values() for day in points})
    step = dt.timedelta(days=7 if interval == "week" else 1)
    buckets = []
    day = days[0]
    while day <= days[-1]:
        buckets.append(day)
        day += step
    series = sorted(
        (Series(label, points) for label, points in counts.items()), key=lambda s: -s.total
    )
    return buckets, series[:limit]


def topic_choices() -> list[Topic]:
    return list(Topic.objects.filter(active=True))


def language_choices() -> list[str]:
    return sorted(
        set(Article.objects.exclude(language="").values_list("language", flat=True).distinct())
    )


# --- reporting indicators -------------------------------------------------------------------

#: Reporting catalogue codes (ttdn.reporting.catalogue) fed by responses, by response kind.
INDICATOR_KINDS = {
    "corrections_requested": Response.Kind.CORRECTION,
    "information_provided": Response.Kind.INFORMATION,
}


@dataclass(frozen=True)
class ResponseFigures:
    counts: dict[str, int]
    #: Mean days from opening to sending, per indicator code (None when nothing was sent).
    mean_days_to_send: dict[str, float | None]


def press_indicator_counts(
    *, start: dt.date, end: dt.date, unit_ids: Iterable[int] | None = None
) -> ResponseFigures:
    """Count the responses sent in [start, end] that feed reporting indicators.

    A correction request counts in ``corrections_requested`` and information provided to the
    press in ``information_provided``, in the period in which it was sent (not opened), by its
    owner unit; ``unit_ids`` restricts to some units (a unit's own report).
    """
    tz = timezone.get_current_timezone()
    queryset = Response.objects.filter(
        sent_at__gte=dt.datetime.combine(start, dt.time.min, tzinfo=tz),
        sent_at__lt=dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min, tzinfo=tz),
    )
    if unit_ids is not None:
        queryset = queryset.filter(owner_id__in=list(unit_ids))
    counts: dict[str, int] = {}
    means: dict[str, float | None] = {}
    for code, kind in INDICATOR_KINDS.items():
        rows = list(queryset.filter(kind=kind).values_list("created_at", "sent_at"))
        counts[code] = len(rows)
        means[code] = (
            round(
                sum((sent - opened).total_seconds() for opened, sent in rows) / len(rows) / 86400, 1
            )
            if rows
            else None
        )
    return ResponseFigures(counts, means)


def period_figures(
    user: User, code: str | None = None, *, today: dt.date | None = None
) -> dict[str, object]:
    """Return the response indicators of a reporting period (by default the half-year whose data
    window holds today), over the units the user may read."""
    from ttdn.aggregation import parse_period
    from ttdn.aggregation.periods import PeriodError

    today = today or timezone.localdate()
    period = None
    if code:
        try:
            period = parse_period(code)
        except PeriodError:
            period = None
    if period is None:
        candidates = [
            parse_period(f"{year}S{half}")
            for year in (today.year, today.year + 1)
            for half in (1, 2)
        ]
        period = next(p for p in candidates if p.window_start <= today <= p.window_end)
    ids = permissions.visible_unit_ids(user)
    figures = press_indicator_counts(start=period.window_start, end=period.window_end, unit_ids=ids)
    return {"period": period, "figures": figures}
