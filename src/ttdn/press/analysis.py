"""What an article says about the province, found without a model download: plain functions.

Everything here works on text folded by ``ttdn.text.search_fold`` (no diacritics, đ→d, lower
case), so "Đồng Nai", "DONG NAI" and "dong nai" meet the same key. Each automatic label keeps
the words that produced it, so an officer can see why it was given. No Django here.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from ttdn.text import fold, normalize, search_fold

_WORD = re.compile(r"[^\W_]+")
# A sentence ends at . ! ? … (followed by a space) or at a line break.
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|\n+")
# Control and format characters (zero-width spaces, BOM, soft hyphen) that pages leave in text.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u2060\ufeff]")
_TRACKING_PARAMS = re.compile(r"^(utm_\w+|fbclid|gclid|zarsrc|mc_cid|mc_eid|ref|source)$", re.I)


def normalise_url(url: str) -> str:
    """Return the comparison key of an article URL.

    Scheme and host in lower case, no "www.", no default port, no fragment, no tracking
    parameters (utm_*, fbclid, gclid, zarsrc…), remaining parameters sorted, no trailing slash.
    The same story reached through a newsletter link and through the feed gets one key.
    """
    parts = urlsplit(url.strip())
    scheme = (parts.scheme or "http").lower()
    host = (parts.hostname or "").lower().removeprefix("www.")
    if parts.port and not (
        (scheme == "http" and parts.port == 80) or (scheme == "https" and parts.port == 443)
    ):
        host = f"{host}:{parts.port}"
    query = urlencode(
        sorted(
            (key, value)
            for key, value in parse_qsl(parts.query, keep_blank_values=True)
            if not _TRACKING_PARAMS.match(key)
        )
    )
    path = parts.path.rstrip("/") or "/"
    # http and https copies of a page are the same article.
    return urlunsplit(("", host, path, query, "")).removeprefix("//")


def folded_words(text: str) -> list[str]:
    return _WORD.findall(search_fold(text))


def search_text_of(*parts: str) -> str:
    """Return the folded search column: words separated by single spaces, with a leading space.

    The leading space lets a search for " word" match the beginning of any word, the first too.
    """
    return " " + " ".join(word for part in parts if part for word in folded_words(part)) + " "


@dataclass(frozen=True)
class Folded:
    """An article's title and text folded once, for every matcher (folding is the costly part)."""

    title: str  # folded words joined by single spaces
    text: str
    text_words: tuple[str, ...]

    @classmethod
    def of(cls, title: str, text: str) -> Folded:
        words = tuple(folded_words(text))
        return cls(" ".join(folded_words(title)), " ".join(words), words)

    @property
    def search_text(self) -> str:
        """Return the search column (see ``search_text_of``)."""
        return f" {self.title} {self.text} ".replace("  ", " ")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Return the (start, end) offsets of the sentences of ``text``, as ``split_sentences`` cuts."""
    spans: list[tuple[int, int]] = []
    start = 0
    for boundary in _SENTENCE_END.finditer(text):
        spans.append((start, boundary.start()))
        start = boundary.end()
    spans.append((start, len(text)))
    return spans


def split_sentences(text: str) -> list[str]:
    return [part.strip() for part in _SENTENCE_END.split(text) if part and part.strip()]


# --- near-identical text -------------------------------------------------------------------

FINGERPRINT_BITS = 64
BAND_COUNT = 4
BAND_BITS = FINGERPRINT_BITS // BAND_COUNT
#: Two texts whose fingerprints differ in at most this many bits are copies of one story
#: (an edited lead and an added "Nguồn: TTXVN" line move a 120-word story by about 4 bits;
#: unrelated stories differ by ~32, and ≤ 6 of 64 happens by chance about once in 10^11).
MAX_COPY_DISTANCE = 6


_BYTES_WITH_BIT = tuple(tuple(v for v in range(256) if v >> bit & 1) for bit in range(8))


def fingerprint(text: str, *, words: Sequence[str] | None = None) -> int:
    """Return a 64-bit SimHash of the text's folded 3-word shingles, as a signed integer.

    Syndicated copies (the same agency story with another headline, a different footer, a
    corrected typo) differ in a few shingles only and so in a few bits; unrelated texts differ
    in about half of the 64 bits. Signed, so that it fits a database BIGINT. ``words`` are the
    folded words when the caller has them already.
    """
    words = folded_words(text) if words is None else words
    shingles = Counter(" ".join(words[i : i + 3]) for i in range(max(1, len(words) - 2)))
    # Count per byte value and byte position (8 × 256 counters), then per bit: the work per
    # shingle is 8 additions instead of 64.
    tables = [[0] * 256 for _ in range(8)]
    total = 0
    for shingle, count in shingles.items():
        digest = hashlib.blake2b(shingle.encode(), digest_size=8).digest()
        total += count
        for position, byte in enumerate(digest):
            tables[position][byte] += count
    result = 0
    for position, table in enumerate(tables):
        for bit, values in enumerate(_BYTES_WITH_BIT):
            if 2 * sum(map(table.__getitem__, values)) > total:
                result |= 1 << ((7 - position) * 8 + bit)
    return result - (1 << FINGERPRINT_BITS) if result >= 1 << (FINGERPRINT_BITS - 1) else result


def fingerprint_bands(value: int) -> tuple[int, ...]:
    """Split a fingerprint into 4 bands of 16 bits, the keys under which copies are looked up.

    Copies within 3 bits always share a band (pigeonhole); at 4–6 bits most still do (about
    nine in ten at 4, six in ten at 6), which is the price of looking up only 4 indexed keys.
    """
    unsigned = value & ((1 << FINGERPRINT_BITS) - 1)
    mask = (1 << BAND_BITS) - 1
    return tuple(unsigned >> (BAND_BITS * index) & mask for index in range(BAND_COUNT))


def fingerprint_distance(first: int, second: int) -> int:
    return ((first ^ second) & ((1 << FINGERPRINT_BITS) - 1)).bit_count()


# --- language -------------------------------------------------------------------------------

# Lingua has no Lao or Khmer model; both have a script of their own, which decides.
_SCRIPTS = (("lo", 0x0E80, 0x0EFF), ("km", 0x1780, 0x17FF))


@cache
def _detector():  # type: ignore[no-untyped-def]
    from lingua import Language, LanguageDetectorBuilder

    # Only the languages of our sources and publications: smaller, faster, fewer mistakes.
    return LanguageDetectorBuilder.from_languages(
        Language.VIETNAMESE, Language.ENGLISH, Language.CHINESE, Language.JAPANESE, Language.KOREAN
    ).build()


def detect_language(text: str) -> str:
    """Return the ISO 639-1 code of the text's language (vi, en, zh, ja, ko, lo, km) or ""."""
    sample = text[:1000]
    for code, first, last in _SCRIPTS:
        if sum(1 for char in sample if first <= ord(char) <= last) > len(sample) // 4:
            return code
    if not _WORD.search(sample):
        return ""
    language = _detector().detect_language_of(sample)
    return language.iso_code_639_1.name.lower() if language is not None else ""


# --- mentions -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Mention:
    unit_id: int
    term: str
    sentence: str


class MentionMatcher:
    """Find the names of units and places in text, whole words, diacritic-insensitive."""

    def __init__(self, terms: Iterable[tuple[str, int]]) -> None:
        unit_of: dict[str, int | None] = {}
        for term, unit_id in terms:
            key = " ".join(folded_words(term))
            if len(key) < 3:
                continue
            # A name shared by two units says nothing certain about either: drop it.
            unit_of[key] = unit_id if unit_of.get(key, unit_id) == unit_id else None
        self._unit_of = {key: unit for key, unit in unit_of.items() if unit is not None}
        keys = sorted(self._unit_of, key=len, reverse=True)
        # Between the words of a name, any run of punctuation and spaces ("Sở Văn hóa, Thể thao").
        pattern = "|".join(re.escape(key).replace(r"\ ", r"[\W_]+") for key in keys)
        self._pattern = re.compile(rf"(?<![^\W_])(?:{pattern})(?![^\W_])") if keys else None

    def find(self, title: str, text: str) -> list[Mention]:
        """Return one mention per unit and sentence (the title counts as a sentence)."""
        if self._pattern is None:
            return []
        found: list[Mention] = []
        seen: set[tuple[int, str]] = set()
        for part in (title, text):
            folded = fold(part).lower()
            if len(folded) != len(part):  # offsets would not carry over: go sentence by sentence
                for sentence in split_sentences(part):
                    self._collect(sentence, fold(sentence).lower(), found, seen)
                continue
            spans: list[tuple[int, int]] | None = None
            for match in self._pattern.finditer(folded):
                if spans is None:
                    spans = sentence_spans(part)
                index = bisect.bisect_right([start for start, _end in spans], match.start()) - 1
                start, end = spans[max(index, 0)]
                self._add(match.group(0), part[start:end].strip(), found, seen)
        return found

    def _collect(
        self, sentence: str, folded: str, found: list[Mention], seen: set[tuple[int, str]]
    ) -> None:
        assert self._pattern is not None
        for match in self._pattern.finditer(folded):
            self._add(match.group(0), sentence, found, seen)

    def _add(
        self, matched: str, sentence: str, found: list[Mention], seen: set[tuple[int, str]]
    ) -> None:
        key = " ".join(_WORD.findall(matched))
        unit_id = self._unit_of.get(key)
        if unit_id is not None and (unit_id, sentence) not in seen:
            seen.add((unit_id, sentence))
            found.append(Mention(unit_id=unit_id, term=key, sentence=sentence[:1000]))


# --- keyword labels: topics and tone --------------------------------------------------------


def _phrase_pattern(phrases: Iterable[str]) -> re.Pattern[str] | None:
    keys = sorted({" ".join(folded_words(p)) for p in phrases} - {""}, key=len, reverse=True)
    if not keys:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(k) for k in keys) + r")(?!\w)")


@dataclass(frozen=True)
class TopicRule:
    code: str
    keywords: Sequence[str]


@dataclass(frozen=True)
class TopicMatch:
    code: str
    score: int
    #: (keyword, times found), most frequent first: why the topic was given.
    matched: tuple[tuple[str, int], ...]


class TopicMatcher:
    """Give an article the topics of the taxonomy whose keywords it uses.

    A topic is given when a keyword is in the title, or when the text uses at least two of its
    keywords (one passing word is not a subject). The score weighs title hits double.
    """

    def __init__(self, rules: Iterable[TopicRule]) -> None:
        # One pattern for all keywords, one pass over the text; a keyword may serve several topics.
        self._topics_of: dict[str, list[str]] = {}
        self._codes: list[str] = []
        for rule in rules:
            self._codes.append(rule.code)
            for keyword in rule.keywords:
                key = " ".join(folded_words(keyword))
                if key and rule.code not in self._topics_of.setdefault(key, []):
                    self._topics_of[key].append(rule.code)
        self._pattern = _phrase_pattern(self._topics_of)

    def find(self, title: str, text: str, *, folded: Folded | None = None) -> list[TopicMatch]:
        if self._pattern is None:
            return []
        folded = folded or Folded.of(title, text)
        in_title: dict[str, Counter[str]] = {}
        in_text: dict[str, Counter[str]] = {}
        for target, part in ((in_title, folded.title), (in_text, folded.text)):
            for keyword in self._pattern.findall(part):
                for code in self._topics_of[keyword]:
                    target.setdefault(code, Counter())[keyword] += 1
        matches: list[TopicMatch] = []
        for code in self._codes:
            title_hits = in_title.get(code, Counter())
            text_hits = in_text.get(code, Counter())
            if not title_hits and len(text_hits) < 2:
                continue
            counts = title_hits + text_hits
            matches.append(
                TopicMatch(
                    code=code,
                    score=2 * sum(title_hits.values()) + sum(text_hits.values()),
                    matched=tuple(sorted(counts.items(), key=lambda item: (-item[1], item[0]))),
                )
            )
        return sorted(matches, key=lambda match: -match.score)


@dataclass(frozen=True)
class ToneResult:
    tone: str  # positive | neutral | negative
    score: float
    positive: tuple[tuple[str, int], ...] = field(default=())
    negative: tuple[tuple[str, int], ...] = field(default=())


class ToneScorer:
    """Suggest the tone of an article by counting words of a positive and a negative lexicon.

    score = (positive − negative) / (positive + negative), in [−1, 1]. A tone other than neutral
    needs a lead of at least two words and |score| ≥ 0.3, so one stray word never decides.
    """

    def __init__(self, positive: Iterable[str], negative: Iterable[str]) -> None:
        self._positive = _phrase_pattern(positive)
        self._negative = _phrase_pattern(negative)

    def score(self, title: str, text: str, *, folded: Folded | None = None) -> ToneResult:
        both = folded or Folded.of(title, text)
        folded_both = f"{both.title} . {both.text}"
        positive = Counter(self._positive.findall(folded_both)) if self._positive else Counter()
        negative = Counter(self._negative.findall(folded_both)) if self._negative else Counter()
        p, n = sum(positive.values()), sum(negative.values())
        value = (p - n) / (p + n) if p + n else 0.0
        tone = "neutral"
        if p - n >= 2 and value >= 0.3:
            tone = "positive"
        elif n - p >= 2 and value <= -0.3:
            tone = "negative"

        def ordered(counts: Counter[str]) -> tuple[tuple[str, int], ...]:
            return tuple(sorted(counts.items(), key=lambda item: (-item[1], item[0])))

        return ToneResult(tone, round(value, 3), ordered(positive), ordered(negative))


def clean_text(text: str) -> str:
    """Return NFC text with control characters dropped and blank lines collapsed."""
    text = _CONTROL.sub("", normalize(text))
    return re.sub(r"\n{3,}", "\n\n", text).strip()
