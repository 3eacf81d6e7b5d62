"""Counted quantities of narrative reports: "tổ chức 07 hội nghị tập huấn cho hơn 5.000 lượt".

A quantity is a number (or a magnitude word such as "hàng nghìn") directly followed by the noun
it counts. Everything else with digits in it is left alone: document numbers (281/KH-UBND),
dates, years, times (18h00, 6g00), section numbers, ordinals (lần thứ 4), names with digits
(VTV4, ASEAN 43), phone numbers and percentages. That rule — no counted noun, no quantity — is
what keeps precision high on real reports, which are full of digits that count nothing.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from functools import lru_cache

from ttdn.docparse.indicators import (
    DISAGGREGATION,
    KeywordTable,
    categories_for,
    indicator_for,
)
from ttdn.docparse.model import Approx, Quantity
from ttdn.text import fold, parse_vn_number, search_fold

# Words recur endlessly in reports; folding each once keeps extraction fast.
_fold_word = lru_cache(maxsize=16384)(search_fold)
_FOLDED_CHARS: dict[int, str] = {}
_SPACES = re.compile(r"\s+")


def _fold_aligned(text: str) -> str:
    """Fold ``text`` character by character, so that offsets into it are offsets into ``text``.

    Every kind of white space becomes a plain space, so the folded windows match the patterns.
    """
    for char in set(text):
        if ord(char) not in _FOLDED_CHARS:
            folded = " " if char.isspace() else fold(char).lower()
            _FOLDED_CHARS[ord(char)] = folded if len(folded) == 1 else char
    return text.translate(_FOLDED_CHARS)


def _squeeze(folded: str) -> str:
    return _SPACES.sub(" ", folded) if "  " in folded else folded


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _pairs(text: str) -> frozenset[tuple[str, str]]:
    return frozenset((a, b) for a, b in (pair.split() for pair in text.split(",")))


_LETTER = r"[^\W\d_]"
# A number standing on its own: not glued to letters (VTV4, Công an113), not part of a date,
# symbol or time (15/4, 57-KL, 18h00, 09:51), not a percentage.
_NUMBER = re.compile(
    r"(?<![\w.,/:%–-])(?P<num>\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)"
    r"(?:\s(?P<mult>triệu|nghìn|ngàn|ngàn|tỷ|tỉ|vạn)(?=\s))?"
    r"(?=\s)"
)
# The leading look-ahead lets the engine skip to the letters these can start with.
_MAGNITUDE = re.compile(
    r"(?=[Hh])(?<!\w)(?P<mag>[Hh]àng (?:chục|trăm|nghìn|ngàn|vạn|triệu)(?: (?:nghìn|ngàn|triệu))?)(?=\s)"
)
_MULTIPLIERS = {"triệu": 1_000_000, "nghìn": 1000, "ngàn": 1000, "tỷ": 10**9, "tỉ": 10**9}
_MULTIPLIERS["vạn"] = 10_000

# Qualifier words just before the number (folded, lower case) and what they say.
_QUALIFIERS: tuple[tuple[str, Approx], ...] = (
    ("gan nhu", "about"),
    ("it nhat", "at_least"),
    ("toi thieu", "at_least"),
    ("toi da", "at_most"),
    ("khong qua", "at_most"),
    ("chua den", "at_most"),
    ("chua toi", "at_most"),
    ("xap xi", "about"),
    ("trung binh", "about"),
    ("uoc tinh", "about"),
    ("khoang", "about"),
    ("chung", "about"),
    ("tren", "at_least"),
    ("hon", "at_least"),
    ("gan", "at_most"),
    ("duoi", "at_most"),
)
# The word before a number that makes it a date part, ordinal, symbol or name, not a count.
_NOT_COUNT_BEFORE = _words(
    "ngay thang nam quy tuan thu lan so khoa ky doan giai phien dieu khoan muc chuong phan tap"
    " luc gio phuong xa to khu ap khom tiet hang lo phong tang"
)
# ... unless the two words before say otherwise: "tổng số 12", "mỗi số 500 bản", "định kỳ 01 số".
_COUNT_AFTER = frozenset({("tong", "so"), ("voi", "so"), ("moi", "so"), ("dinh", "ky")})
_DOC_TYPES_BEFORE = _pairs(
    "ke hoach, quyet dinh, nghi quyet, nghi dinh, chi thi, thong tu, cong van, van ban, ket luan,"
    " huong dan, thong bao, chuong trinh, de an, bao cao, to trinh, cong dien, quy dinh"
)
_PHONE_WORDS = _words("dt sdt fax hotline tel")
_QUALIFIER_MEANING = dict(_QUALIFIERS)
# Nouns that make the figure a duration, a time or a position rather than something counted.
_NOT_COUNTED_NOUNS = (
    r"(?:thang|nam|ngay|tuan|quy|gio|phut|giay|ky|the ky|thap nien|chieu|h|g|km|m|ha|tuoi"
    r"|%|phan tram|lan thu)\b"
)
_NOT_COUNTED = re.compile("^" + _NOT_COUNTED_NOUNS)
# The same, right after the number in the folded text (where its noun phrase would start).
_NOT_COUNTED_AHEAD = re.compile(r"[ \t]+" + _NOT_COUNTED_NOUNS)
# A counted noun phrase ends at punctuation or at one of these (prepositions, verbs, links).
_STOP_WORDS = _words(
    """cho với về của trên tại để và trong được đã đang sẽ là thu nhằm phục từ theo do đến tới
    gồm bằng qua khi hoặc hay cũng như thì mà nên vào ra ở có tham tiếp phát đăng đạt tăng giảm
    thực xây giới quảng liên góp chủ kịp một các những mỗi hằng hàng định thiết duy sau trước tùy
    vì nhận này đó kia đầy kéo kể gửi"""
)
# Word pairs of one noun although the second word is a stop word elsewhere: "người theo dõi",
# "trang thông tin điện tử", "buổi nói chuyện chuyên đề", "đoàn ra".
_BIGRAMS = _pairs(
    "nguoi theo, luot theo, theo doi, nguoi dang, luot dang, dang ky, nguoi quan, quan tam,"
    " trang thong, cong thong, thong tin, dien tu, tin tu, chuyen de, cung cap, cap thong, tra loi,"
    " de nghi, cong tac, doan ra, doan vao, phat thanh, phat song, chuong trinh, thanh vien,"
    " dang vien, ban tin, tai lieu, san pham, mang xa, xa hoi, diem thong, nghi cung, luot cung,"
    " dang tai, bai dang, buoi thong, hoi nghi"
)
_MAX_NOUN_WORDS = 6
_RATE = re.compile(r"\s*/\s*(?:01\s*|1\s*|một\s+)?(năm|tháng|quý|tuần|ngày|kỳ|số)\b")
_RATES = {"năm": "year", "tháng": "month", "quý": "quarter", "tuần": "week", "ngày": "day"}
_RATES |= {"kỳ": "period", "số": "issue"}
_SENTENCE_END = re.compile(r"[.!?…](?=\s)|\n")
_NEXT_DIGIT = re.compile(r"(?<![\w.,/])\d|[Hh]àng (?:chục|trăm|nghìn|ngàn)")
_CLAUSE_BREAK = re.compile(r"[;()\n]|\.(?=\s)")
_UNIT_PREFIX = (
    r"(?:Báo|Đài|Sở|Ban|Bộ Chỉ huy|Bộ đội|UBND|Ủy ban nhân dân|Uỷ ban nhân dân|Trung tâm|Hội"
    r"|Liên hiệp|Liên đoàn|Văn phòng|Công an|Tỉnh đoàn|Tỉnh ủy|Thành ủy|Huyện ủy|Tạp chí"
    r"|Trường (?:Đại học|Cao đẳng|Chính trị)|Viện|Cục|Chi cục|Hội đồng|Mặt trận|Thông tấn xã)"
)
_ORG = re.compile(rf"(?=[BĐSUỦTHLVCM])(?<!\w){_UNIT_PREFIX}(?=\s)")
_NAME_TOKEN = re.compile(r"[\w&.']+|[,–-]")
_CONNECTORS = frozenset({"và", ",", "-", "–"})


def find_quantities(text: str, *, keywords: KeywordTable | None = None) -> list[Quantity]:
    """Return the counted quantities of ``text`` (normalised), in order of appearance.

    ``keywords`` are the catalogue's own words for its indicators (``keyword_table``).
    """
    folded_text = _fold_aligned(text)
    # Unit names are rare: found once, a number looks back for one only when one is near.
    org_starts = [match.start() for match in _ORG.finditer(text)]
    found: list[tuple[int, int, str, Approx, str | None, float | int | None]] = []
    for match in _NUMBER.finditer(text):
        # Most digits of a report are dates and durations ("15 tháng 6 năm 2023"): the word after
        # them settles it before the costlier look back.
        if _NOT_COUNTED_AHEAD.match(folded_text, match.end()):
            continue
        item = _numeric(text, folded_text, match, org_starts)
        if item is not None:
            found.append(item)
    found.extend(
        (match.start(), match.end(), match["mag"], "at_least", match["mag"], None)
        for match in _MAGNITUDE.finditer(text)
    )
    found.sort()
    quantities: list[Quantity] = []
    previous: Quantity | None = None
    mentions_of, mentions = -1, []
    cache: dict[int, str | None] = {}
    # Where clauses may begin, found once: each figure then looks its clause up by bisection.
    clause_marks = [match.start() for match in _CLAUSE_MARK.finditer(text)]
    sentence_marks = [match.start() for match in _SENTENCE_MARK.finditer(text)]
    for start, number_end, _number_text, approx, qualifier, value in found:
        noun = _noun_phrase(text, number_end)
        if noun is None:
            continue
        noun_end, unit = noun[1], noun[2]
        folded_unit = _squeeze(folded_text[noun[0] : noun_end])
        if value is None and _NOT_COUNTED.match(folded_unit):
            continue  # (numbers were checked by _NOT_COUNTED_AHEAD already)
        end = noun_end
        per = None
        rate = _RATE.match(text, noun_end)
        if rate:
            per = _RATES[rate.group(1)]
            end = rate.end()
        if previous is not None and previous.end <= start < previous.sentence_end:
            sentence_start, sentence_end = previous.sentence_start, previous.sentence_end
        else:
            sentence_start, sentence_end = _sentence(text, start, sentence_marks)
        if sentence_start != mentions_of:
            mentions_of = sentence_start
            mentions = [
                (sentence_start + end, name)
                for end, name in _org_names(text[sentence_start:sentence_end])
            ]
        clause_start, clause_end = _clause(text, start, end, clause_marks)
        # The words after a figure, up to the next figure, describe it ("96 tin, bài cho TTXVN
        # và 230 bài viết trên Facebook": Facebook is about the 230 only).
        following = _NEXT_DIGIT.search(text, end, clause_end)
        back_from = max(clause_start, previous.end if previous is not None else clause_start)
        anchor = None
        if previous is not None and previous.sentence_start == sentence_start:
            anchor = previous.indicator
        after_end = following.start() if following else clause_end
        context = _squeeze(folded_text[sentence_start:after_end])
        indicator = indicator_for(folded_unit, context, anchor=anchor, keywords=keywords)
        categories: tuple[str, ...] = ()
        if indicator in DISAGGREGATION:
            categories = categories_for(
                _squeeze(folded_text[noun[0] : after_end]), indicator
            ) or categories_for(_squeeze(folded_text[back_from:start]), indicator)
        quantity = Quantity(
            value=value,
            approx=approx,
            unit=unit,
            indicator=indicator,
            text=text[start:end],
            start=start,
            end=end,
            qualifier=qualifier,
            per=per,
            category=categories[0] if len(categories) == 1 else None,
            categories=categories,
            org_unit=_org_unit(mentions, start) or _paragraph_unit(text, sentence_start, cache),
            sentence_start=sentence_start,
            sentence_end=sentence_end,
        )
        quantities.append(quantity)
        previous = quantity
    return quantities


def _numeric(
    text: str, folded_text: str, match: re.Match[str], org_starts: list[int]
) -> tuple[int, int, str, Approx, str | None, float | int | None] | None:
    raw = match["num"]
    if "." not in raw and "," not in raw:
        if len(raw) > 2 and raw.startswith("0"):
            return None  # phone and area codes: counts have at most one leading zero ("07")
        if len(raw) >= 7:
            return None  # an ungrouped long digit string is a phone or account number
        if len(raw) == 4 and 1900 <= int(raw) <= 2100:
            return None  # a year ("APEC 2023", "giai đoạn 2021 - 2025")
    before = text[max(0, match.start() - 40) : match.start()]
    # Only the last two words matter (and the rest of the window is never looked at word by word).
    words = folded_text[max(0, match.start() - 40) : match.start()].rsplit(maxsplit=2)
    last = words[-1] if words else ""
    bare = last.strip(".:")
    pair = (words[-2], last) if len(words) >= 2 else ("", last)
    if bare in _PHONE_WORDS or (pair[0], bare) == ("dien", "thoai"):
        return None
    # "năm 2024", "lần thứ 4", "số 22", "Kế hoạch 262": parts of dates, ordinals, symbols.
    if (last in _NOT_COUNT_BEFORE or pair in _DOC_TYPES_BEFORE or last == "luat") and (
        pair not in _COUNT_AFTER
    ):
        return None
    if before[-1:].isspace() and (
        _is_name_before(before)
        or (
            last[:1].isalpha()
            and _org_within(org_starts, match.start() - 40, match.start())
            and _ends_with_unit(before)
        )
    ):
        return None
    value = parse_vn_number(raw)
    if value is None:
        return None
    start = match.start()
    approx: Approx = "exact"
    qualifier = None
    word = _qualifier(words)
    if word:
        approx = _QUALIFIER_MEANING[word]
        start = match.start() - len(word) - 1
        qualifier = text[start : match.start() - 1]
    if match["mult"]:
        value = value * _MULTIPLIERS[match["mult"]]
        if isinstance(value, float) and value.is_integer():
            value = int(value)
    return start, match.end(), match.group(0), approx, qualifier, value


def _qualifier(words: list[str]) -> str | None:
    """Return the qualifier the (folded) words before a number end with ("hon", "gan nhu").

    As in the text, the qualifier may follow a bracket or quote: "(hơn 200 …".
    """
    if len(words) >= 2:
        pair = _after_quote(words[-2]) + " " + words[-1]
        if pair in _QUALIFIER_MEANING:
            return pair
    if words:
        word = _after_quote(words[-1])
        if word in _QUALIFIER_MEANING:
            return word
    return None


def _after_quote(word: str) -> str:
    for quote in _QUOTES:
        if quote in word:
            word = word.rpartition(quote)[2]
    return word


_QUOTES = "(“\"'"


def _org_within(starts: list[int], lower: int, upper: int) -> bool:
    index = bisect_left(starts, lower)
    return index < len(starts) and starts[index] < upper


def _ends_with_unit(before: str) -> bool:
    """Tell whether the number continues a unit's name ("Ban Chỉ đạo 35", "Đoàn 871")."""
    if not _ORG.search(before):
        return False
    names = list(_org_names(before))
    return bool(names) and before.rstrip().endswith(names[-1][1])


def _is_name_before(before: str) -> bool:
    """Tell whether the word before the number is a name it belongs to ("ASEAN 43", "Khóa 5")."""
    words = before.rsplit(maxsplit=1)
    if not words:
        return False
    word = words[-1].strip("“”\"'(")
    # isupper() first: almost every word before a count is lower case, and it runs in C.
    return word.isupper() and sum(ch.isalpha() for ch in word) >= 2


def _noun_phrase(text: str, position: int) -> tuple[int, int, str] | None:
    """Return the counted noun phrase right after a number: at most a few words, no verbs."""
    span = _PHRASE.match(text, position)
    if span is None:
        return None
    start = end = -1
    previous = ""
    count = 0
    for match in _TOKEN.finditer(text, span.start(1), span.end(1)):
        word = match.group(0)
        if word == ",":
            # "tin, bài" is one noun; any other comma ends the phrase.
            if count != 1 or previous != "tin":
                break
            previous = ","
            continue
        folded, stop, name = _word_info(word)
        if count == 0:
            if name and folded not in _CAPITAL_NOUNS:
                return None  # a name, not a noun: "07 Đồng Nai"
            if stop:
                return None
            start = match.start()
        elif (stop and (previous, folded) not in _BIGRAMS) or name:
            break  # a verb or link ends the noun; so does a name after it ("phóng sự Đồng Nai…")
        end = match.end()
        previous = folded
        count += 1
        if count == _MAX_NOUN_WORDS:
            break
    if count == 0:
        return None
    return start, end, text[start:end]


@lru_cache(maxsize=16384)
def _word_info(word: str) -> tuple[str, bool, bool]:
    """Return a word's fold, whether it is a stop word, and whether it is capitalised as a name."""
    return (
        search_fold(word),
        word.lower() in _STOP_WORDS,
        word[0].isupper() and not _is_acronym(word),
    )


_PHRASE_WORD = r"[^\W\d_][\w&]*(?:-\w+)*"
# Up to seven words after the number, apart by spaces (or by ", " as in "tin, bài").
_PHRASE = re.compile(rf"[ \t]+({_PHRASE_WORD}(?:(?:[ \t]+|,[ \t]+){_PHRASE_WORD}){{0,6}})")
_TOKEN = re.compile(rf"{_PHRASE_WORD}|,")
_CAPITAL_NOUNS = frozenset({"hoi", "lop", "doan", "an", "ban", "phong", "trang", "buoi", "cuoc"})


def _is_acronym(word: str) -> bool:
    letters = [ch for ch in word if ch.isalpha()]
    return len(letters) >= 2 and sum(ch.isupper() for ch in letters) >= 2


def _sentence(text: str, position: int, marks: list[int]) -> tuple[int, int]:
    """Return the span of the sentence around ``position`` (the phrase a user reads).

    ``marks`` are the sorted positions of the sentence marks of ``text`` (``_SENTENCE_MARK``).
    """
    lower = max(0, position - 1500)
    index = bisect_left(marks, position) - 1
    start = marks[index] + 1 if index >= 0 and marks[index] >= lower else lower
    while start < position and text[start].isspace():
        start += 1
    match = _SENTENCE_END.search(text, position, min(len(text), position + 1500))
    if match is None:
        return start, min(len(text), position + 1500)
    return start, match.start() if match.group(0) == "\n" else match.end()


# Where a sentence may end before a figure: a line break, or a stop followed by a space.
_SENTENCE_MARK = re.compile(r"\n|[.!?…](?= )|\.(?=\t)")


def _clause(text: str, start: int, end: int, marks: list[int]) -> tuple[int, int]:
    """Return the clause around a figure: between semicolons, brackets and sentence ends.

    ``marks`` are the sorted positions of the clause marks of ``text`` (``_CLAUSE_MARK``).
    """
    lower = max(0, start - 300)
    index = bisect_left(marks, start) - 1
    left = marks[index] + 1 if index >= 0 and marks[index] >= lower else lower
    if start and text[start - 1] == ".":
        left = start
    match = _CLAUSE_BREAK.search(text, end, min(len(text), end + 300))
    right = match.start() if match else min(len(text), end + 300)
    return left, right


# A clause begins after a semicolon, a bracket, a line break or a full stop and a space (or a
# full stop right before the figure); the dots of "5.000" or "II.1" do not cut.
_CLAUSE_MARK = re.compile(r"[;()\n]|\.(?= )")


def _org_unit(mentions: list[tuple[int, str]], position: int) -> str | None:
    """Return the unit the figure is about: the last unit named before it in its sentence.

    Reports name the doer first ("Báo Đồng Nai thiết lập 03 trang …"); a unit named after a
    "với"/"cho" is a partner and is skipped (``_org_names``); the officer may still correct it.
    """
    named = [name for end, name in mentions if end <= position]
    return named[-1] if named else None


def _paragraph_unit(text: str, sentence_start: int, cache: dict[int, str | None]) -> str | None:
    """Return the one unit the paragraph named before this sentence, if it named exactly one.

    "Báo Đồng Nai duy trì chuyên trang …. Trong kỳ, Báo đăng 300 tin, bài": the paragraph is
    about one unit, so its later figures are too.
    """
    paragraph_start = text.rfind("\n", 0, sentence_start) + 1
    if paragraph_start >= sentence_start:
        return None
    key = sentence_start
    if key not in cache:
        names = {name for _, name in _org_names(text[paragraph_start:sentence_start])}
        cache[key] = names.pop() if len(names) == 1 else None
    return cache[key]


def _org_names(window: str) -> Iterator[tuple[int, str]]:
    covered = 0
    for match in _ORG.finditer(window):
        if match.start() < covered:
            continue  # "Tỉnh ủy" inside "Ban Tuyên giáo Tỉnh ủy"
        before = window[: match.start()].split()
        if before and before[-1].lower() in _PARTNER_BEFORE:
            continue  # "phối hợp với Sở …", "cho Thông tấn xã …": a partner, not the doer
        name = [match.group(0)]
        previous = _fold_word(match.group(0).split()[-1])
        covered = match.end()
        for token_match in _NAME_TOKEN.finditer(window, match.end()):
            if len(name) > 16:
                break
            token = token_match.group(0)
            folded = _fold_word(token)
            if token in _CONNECTORS and _ORG.match(window, token_match.end() + 1):
                break  # "UBND tỉnh, Đài Phát thanh …": two units, not one name
            if (
                token in _CONNECTORS
                or token[0].isupper()
                or (previous, folded) in _NAME_PAIRS
                or token in _PLACE_LEVELS
            ):
                name.append(token)
            else:
                break
            previous = folded
            covered = token_match.end()
        while name and name[-1] in _CONNECTORS:
            name.pop()
        if len(name) > 1 or " " in name[0]:
            yield covered, re.sub(r"\s+([,])", r"\1", " ".join(name))


_PARTNER_BEFORE = frozenset({"cho", "với", "cùng", "tới", "đến", "giữa", "và", "hợp", "mời"})
_PLACE_LEVELS = frozenset({"tỉnh", "xã", "huyện", "phường", "thành", "phố", "thị", "trấn"})
# Lower-case second syllables inside unit names ("Sở Văn hóa", "Ban Tuyên giáo Tỉnh ủy").
_NAME_PAIRS = _pairs(
    "van hoa, the thao, du lich, thong tin, truyen thong, ngoai vu, tuyen giao, tinh uy, thanh uy,"
    " huyen uy, dang uy, phat thanh, truyen hinh, truyen thanh, cong thuong, ke hoach, dau tu,"
    " tai chinh, noi vu, tu phap, giao duc, dao tao, y te, xay dung, giao thong, van tai,"
    " nong nghiep, moi truong, tai nguyen, khoa hoc, cong nghe, lao dong, thuong binh, xa hoi,"
    " dan toc, ton giao, bien phong, quan su, chi dao, nha bao, huu nghi, phu nu, nong dan,"
    " chien binh, thanh nien, xuc tien, nhan dan, cong an, tuyen truyen, thong tan, tan xa,"
    " hiep cac, cac to, to chuc, chuc huu, ban nhan, dan tinh, phat trien, doi ngoai, dien tu,"
    " tam thong, tam truyen, hoi nha, tin xuc, ngoai giao, chinh tri, dai hoc, cao dang, an ninh,"
    " quoc phong, ban chi, chi huy, kiem sat, toa an, tam van, tam xuc, van phong, lien hiep,"
    " dien anh, van nghe, nghe thuat, bao tang, thu vien, hop tac, doanh nghiep, doanh nhan,"
    " khuyen hoc, chu thap, thap do, luat su, my thuat"
)
