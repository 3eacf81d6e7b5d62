"""What an article says about the province, found without a model download: plain functions.

Everything here works on text folded by ``ttdn.text.search_fold`` (no diacritics, đ→d, lower
case), so "Đồng Nai", "DONG NAI" and "dong nai" meet the same key. Each automatic label keeps
the words that produced it, so an officer can see why it was given. No Django here.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from ttdn.text import normalize, search_fold

_WORD = re.compile(r"[^\W_]+")
# A sentence ends at . ! ? … (followed by a space) or at a line break.
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|\n+")
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


def fingerprint(text: str) -> int:
    """Return a 64-bit SimHash of the text's folded 3-word shingles, as a signed integer.

    Syndicated copies (the same agency story with another headline, a different footer, a
    corrected typo) differ in a few shingles only and so in a few bits; unrelated texts differ
    in about half of the 64 bits. Signed, so that it fits a database BIGINT.
    """
    words = folded_words(text)
    shingles = Counter(" ".join(words[i : i + 3]) for i in range(max(1, len(words) - 2)))
    weights = [0] * FINGERPRINT_BITS
    for shingle, count in shingles.items():
        value = int.from_bytes(hashlib.blake2b(shingle.encode(), digest_size=8).digest(), "big")
        for bit in range(FINGERPRINT_BITS):
            weights[bit] += count if value >> bit & 1 else -count
    result = sum(1 << bit for bit, weight in enumerate(weights) if weight > 0)
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
    sample = text[:2000]
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
        pattern = "|".join(re.escape(key) for key in keys)
        self._pattern = re.compile(rf"(?<!\w)(?:{pattern})(?!\w)") if keys else None

    def find(self, title: str, text: str) -> list[Mention]:
        """Return one mention per unit and sentence (the title counts as a sentence)."""
        if self._pattern is None:
            return []
        found: list[Mention] = []
        seen: set[tuple[int, str]] = set()
        for sentence in [title, *split_sentences(text)]:
            if not sentence:
                continue
            # Punctuation goes: "Sở Văn hóa, Thể thao và Du lịch" meets its key.
            for match in self._pattern.finditer(" ".join(folded_words(sentence))):
                key = match.group(0)
                unit_id = self._unit_of[key]
                if (unit_id, sentence) not in seen:
                    seen.add((unit_id, sentence))
                    found.append(Mention(unit_id=unit_id, term=key, sentence=sentence[:1000]))
        return found


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
        self._rules = [(rule.code, _phrase_pattern(rule.keywords)) for rule in rules]

    def find(self, title: str, text: str) -> list[TopicMatch]:
        folded_title = " ".join(folded_words(title))
        folded_text = " ".join(folded_words(text))
        matches: list[TopicMatch] = []
        for code, pattern in self._rules:
            if pattern is None:
                continue
            in_title = Counter(pattern.findall(folded_title))
            in_text = Counter(pattern.findall(folded_text))
            if not in_title and len(in_text) < 2:
                continue
            counts = in_title + in_text
            matches.append(
                TopicMatch(
                    code=code,
                    score=2 * sum(in_title.values()) + sum(in_text.values()),
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

    def score(self, title: str, text: str) -> ToneResult:
        folded = " ".join(folded_words(title)) + " . " + " ".join(folded_words(text))
        positive = Counter(self._positive.findall(folded)) if self._positive else Counter()
        negative = Counter(self._negative.findall(folded)) if self._negative else Counter()
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
    text = normalize(text)
    text = "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch)[0] != "C")
    return re.sub(r"\n{3,}", "\n\n", text).strip()
