"""Reading what outlets publish: fetch a URL, parse RSS/Atom or a sitemap, extract a page.

No Django here. Errors are ``FetchError``/``FeedError`` with a Vietnamese message for the source
health page; nothing else escapes.
"""

from __future__ import annotations

import calendar
import datetime as dt
import socket
import urllib.error
import urllib.request
from dataclasses import dataclass

import feedparser
import trafilatura
from lxml import etree
from lxml import html as lxml_html

from ttdn.press.analysis import clean_text

MAX_BYTES = 10 * 1024 * 1024
USER_AGENT = "TTDN-press-monitor/0.1 (+https://github.com/ttdn)"


class FetchError(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class FeedError(FetchError):
    pass


@dataclass(frozen=True)
class FeedEntry:
    url: str
    title: str
    published_at: dt.datetime | None
    #: HTML or text the feed itself carries (summary or content:encoded).
    content: str


@dataclass(frozen=True)
class Page:
    title: str
    text: str
    published_at: dt.datetime | None
    url: str
    site_name: str


def fetch(url: str, *, timeout: float) -> bytes:
    """Return the body at ``url`` (http/https only, at most 10 MB)."""
    if not url.lower().startswith(("http://", "https://")):
        raise FetchError(f"Địa chỉ không hợp lệ (chỉ http/https): {url}")
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            body: bytes = response.read(MAX_BYTES + 1)
    except urllib.error.HTTPError as error:
        raise FetchError(f"Máy chủ trả lỗi HTTP {error.code} cho {url}") from error
    except TimeoutError as error:
        raise FetchError(f"Quá thời gian chờ ({timeout:g} giây) khi tải {url}") from error
    except (urllib.error.URLError, OSError) as error:
        reason = getattr(error, "reason", error)
        if isinstance(reason, TimeoutError | socket.timeout):
            raise FetchError(f"Quá thời gian chờ ({timeout:g} giây) khi tải {url}") from error
        raise FetchError(f"Không kết nối được tới {url}: {reason}") from error
    if len(body) > MAX_BYTES:
        raise FetchError(f"Nội dung tại {url} lớn hơn {MAX_BYTES // 1024 // 1024} MB")
    return body


def _utc(parsed: object) -> dt.datetime | None:
    # feedparser gives struct_time already converted to UTC.
    if parsed is None:
        return None
    return dt.datetime.fromtimestamp(calendar.timegm(parsed), tz=dt.UTC)  # type: ignore[arg-type]


def parse_feed(data: bytes) -> list[FeedEntry]:
    """Return the entries of an RSS or Atom document; ``FeedError`` when it is not one."""
    parsed = feedparser.parse(data)
    if not parsed.get("version") and not parsed.entries:
        problem = parsed.get("bozo_exception")
        raise FeedError("Dữ liệu không phải RSS/Atom hợp lệ" + (f": {problem}" if problem else ""))
    entries: list[FeedEntry] = []
    for entry in parsed.entries:
        link = entry.get("link") or ""
        if not link:
            continue
        content = ""
        if entry.get("content"):
            content = entry["content"][0].get("value", "")
        content = content or entry.get("summary", "")
        entries.append(
            FeedEntry(
                url=link.strip(),
                title=clean_text(entry.get("title", "")),
                published_at=_utc(entry.get("published_parsed") or entry.get("updated_parsed")),
                content=content,
            )
        )
    return entries


_SITEMAP_NS = {
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "n": "http://www.google.com/schemas/sitemap-news/0.9",
}


def parse_sitemap(data: bytes) -> list[FeedEntry]:
    """Return the pages of a (news) sitemap: URL, news title and publication date when given."""
    try:
        root = etree.fromstring(
            data, parser=etree.XMLParser(resolve_entities=False, no_network=True)
        )
    except etree.XMLSyntaxError as error:
        raise FeedError(f"Sitemap không hợp lệ: {error}") from error
    entries: list[FeedEntry] = []
    for node in root.findall("s:url", _SITEMAP_NS):
        loc = node.findtext("s:loc", default="", namespaces=_SITEMAP_NS).strip()
        if not loc:
            continue
        raw_date = node.findtext(
            "n:news/n:publication_date", namespaces=_SITEMAP_NS
        ) or node.findtext("s:lastmod", namespaces=_SITEMAP_NS)
        entries.append(
            FeedEntry(
                url=loc,
                title=clean_text(
                    node.findtext("n:news/n:title", default="", namespaces=_SITEMAP_NS)
                ),
                published_at=parse_datetime(raw_date or ""),
                content="",
            )
        )
    return entries


def parse_datetime(value: str) -> dt.datetime | None:
    value = value.strip()
    if not value:
        return None
    try:
        parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    # A date without a zone: outlets of the province write Vietnam time.
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.timezone(dt.timedelta(hours=7)))


def extract_page(html: str | bytes, *, url: str = "") -> Page:
    """Return the main text (comments excluded), title, date and canonical URL of a page."""
    if isinstance(html, bytes):
        html = html.decode("utf-8", errors="replace")
    text = trafilatura.extract(
        html, include_comments=False, include_tables=True, favor_precision=True, url=url or None
    )
    metadata = trafilatura.extract_metadata(html, default_url=url or None)
    title = (metadata.title if metadata else "") or ""
    site = (metadata.sitename if metadata else "") or ""
    canonical = (metadata.url if metadata else "") or url
    published = parse_datetime(metadata.date) if metadata and metadata.date else None
    return Page(
        title=clean_text(title),
        text=clean_text(text or ""),
        published_at=published,
        url=canonical,
        site_name=clean_text(site),
    )


def html_fragment_text(fragment: str) -> str:
    """Return the text of a feed's HTML summary (feeds carry fragments, not pages)."""
    if not fragment.strip():
        return ""
    try:
        root = lxml_html.fromstring(fragment)
    except (etree.ParserError, ValueError):
        return clean_text(fragment)
    for bad in root.xpath("//script|//style"):
        bad.drop_tree()
    return clean_text("\n".join(part.strip() for part in root.itertext() if part.strip()))
