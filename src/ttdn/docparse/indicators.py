"""Which indicator a counted noun phrase measures (pure; mirrors the default catalogue's codes).

The reporting app's catalogue lives in the database and administrators may edit it; this module
only knows the default codes and the words reports use for them. A code the database does not
have is simply not pre-filled there. Matching works on folded, lower-cased text so that a report
typed without diacritics ("hoi nghi tap huan") maps the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ttdn.text import search_fold

#: Indicator code → the breakdown its values may carry ("platform", "language" or "").
DISAGGREGATION: dict[str, str] = {
    "publications": "language",
    "publication_copies": "language",
    "website_articles": "language",
    "foreign_press_articles": "language",
    "social_pages": "platform",
    "social_followers": "platform",
    "social_posts": "platform",
}

TRAINING = frozenset({"training_sessions", "courses", "talks"})

#: The words reports use for the default catalogue's indicators, as an administrator reads them.
#: The rules below decide these with their context; a catalogue that carries other words for an
#: indicator (``keyword_table``) gets those mapped by the words alone.
DEFAULT_KEYWORDS: dict[str, tuple[str, ...]] = {
    "training_sessions": ("hội nghị tập huấn", "buổi tập huấn", "hội nghị bồi dưỡng"),
    "courses": ("lớp bồi dưỡng", "lớp tập huấn", "khóa bồi dưỡng", "lớp đào tạo"),
    "training_attendances": ("lượt người", "đại biểu", "học viên"),
    "talks": ("buổi nói chuyện", "buổi báo cáo chuyên đề", "hội nghị báo cáo viên"),
    "publications": ("ấn phẩm", "tờ gấp", "sách", "cẩm nang", "tài liệu"),
    "publication_copies": ("bản", "cuốn"),
    "bulletins": ("bản tin", "số bản tin"),
    "websites": ("trang thông tin điện tử", "cổng thông tin điện tử", "website"),
    "website_articles": ("tin, bài", "bài viết"),
    "tv_reports": ("phóng sự", "phim tài liệu", "chương trình truyền hình"),
    "broadcasts": ("chương trình phát thanh", "chuyên mục"),
    "press_articles": ("tin, bài", "bài báo"),
    "foreign_press_articles": ("tin, bài", "bài viết"),
    "social_pages": ("trang mạng xã hội", "tài khoản mạng xã hội", "fanpage", "kênh youtube"),
    "social_followers": ("người theo dõi", "người đăng ký", "lượt theo dõi"),
    "social_posts": ("bài đăng", "video", "clip"),
    "press_conferences": ("cuộc họp báo", "họp báo", "hội nghị thông tin báo chí"),
    "press_briefings": ("cuộc giao ban", "giao ban báo chí"),
    "information_provided": ("lượt cung cấp thông tin", "lượt trả lời phỏng vấn", "cuộc phỏng vấn"),
    "corrections_requested": ("văn bản đề nghị cải chính",),
    "foreign_press_delegations": ("đoàn phóng viên", "đoàn nhà báo"),
    "foreign_press_visitors": ("phóng viên nước ngoài", "nhà báo nước ngoài"),
    "delegations_received": ("đoàn khách", "đoàn vào", "đoàn quốc tế"),
    "delegations_sent": ("đoàn công tác", "đoàn ra"),
    "exhibitions": ("cuộc triển lãm", "triển lãm", "trưng bày"),
    "events_covered": ("sự kiện",),
    "enterprises_supported": ("doanh nghiệp", "hợp tác xã"),
    "languages_used": ("ngôn ngữ", "thứ tiếng"),
    "border_gate_points": ("điểm thông tin",),
    "database_items": ("tư liệu", "hình ảnh"),
}


@dataclass(frozen=True)
class KeywordTable:
    """A catalogue's own words for its indicators, folded, longest first (see ``keyword_table``)."""

    entries: tuple[tuple[str, str], ...] = ()

    def code_for(self, noun: str) -> str | None:
        """Return the indicator whose word the folded ``noun`` starts with (the longest word)."""
        for word, code in self.entries:
            if noun.startswith(word) and (len(noun) == len(word) or noun[len(word)] == " "):
                return code
        return None


def keyword_table(catalogue: dict[str, tuple[str, ...] | list[str]]) -> KeywordTable:
    """Return the table of a catalogue's extraction words: {indicator code: its words}.

    The default words of a default indicator are left to the context rules (which tell "tin, bài"
    on a website from those in the press); every other word maps by itself, longest first, and
    before the rules: an administrator who adds "tọa đàm" to an indicator means it.
    """
    entries: dict[str, str] = {}
    for code, words in catalogue.items():
        defaults = {search_fold(word) for word in DEFAULT_KEYWORDS.get(code, ())}
        for word in words:
            folded = " ".join(search_fold(word).split())
            if folded and folded not in defaults:
                entries.setdefault(folded, code)
    ordered = sorted(entries.items(), key=lambda item: (-len(item[0]), item[0]))
    return KeywordTable(tuple(ordered))


@dataclass(frozen=True)
class _Rule:
    code: str
    noun: re.Pattern[str]
    context: re.Pattern[str] | None = None
    without: re.Pattern[str] | None = None


def _rule(code: str, noun: str, context: str | None = None, without: str | None = None) -> _Rule:
    return _Rule(
        code,
        re.compile(rf"^(?:{noun})\b"),
        re.compile(context) if context else None,
        re.compile(without) if without else None,
    )


_TV = r"truyen hinh|vtv|tren song|phat song truyen"
_RADIO = r"phat thanh|vov|truyen thanh"
_FOREIGN = r"nuoc ngoai|quoc te"
_WEB = r"trang thong tin dien tu|cong thong tin|website|trang web"
_SOCIAL = r"mang xa hoi|facebook|youtube|tiktok|zalo|fanpage"

# First rule that matches wins: the noun phrase must start with ``noun``; ``context`` (if any) must
# occur in the clause around the figure and ``without`` must not.
_RULES: tuple[_Rule, ...] = (
    _rule("foreign_press_delegations", r"(?:doan|luot doan) (?:phong vien|nha bao|bao chi)"),
    _rule("delegations_sent", r"doan cong tac|doan ra|doan cong tac nuoc ngoai"),
    _rule("delegations_received", r"doan vao|doan khach|doan quoc te|doan dai bieu"),
    _rule("delegations_sent", r"doan", r"ra nuoc ngoai|di nuoc ngoai|sang|cu doan|xuc tien"),
    _rule("delegations_received", r"doan", r"don tiep|tiep|den tham|lam viec"),
    _rule("foreign_press_visitors", r"phong vien|nha bao", _FOREIGN),
    _rule("training_sessions", r"(?:hoi nghi|buoi|dot|cuoc) (?:tap huan|boi duong|dao tao)"),
    _rule("courses", r"(?:lop|khoa) (?:tap huan|boi duong|dao tao|hoc)|lop|khoa boi duong"),
    _rule(
        "talks",
        r"(?:buoi|cuoc) (?:noi chuyen|bao cao chuyen de|sinh hoat chuyen de)"
        r"|(?:cuoc ?|buoi )?hoi nghi bao cao vien|(?:buoi|cuoc) thong tin thoi su",
    ),
    _rule("press_briefings", r"(?:cuoc |buoi |hoi nghi |phien )?giao ban"),
    _rule(
        "press_conferences",
        r"(?:cuoc |buoi )?hop bao|(?:cuoc )?hoi nghi thong tin bao chi",
    ),
    _rule("press_conferences", r"(?:cuoc )?hoi nghi cung cap", r"bao chi"),
    _rule("training_sessions", r"(?:cuoc )?hoi nghi", r"tap huan|boi duong"),
    _rule(
        "information_provided",
        r"luot (?:cung cap thong tin|tra loi phong van|phat ngon)|cuoc phong van"
        r"|thong cao bao chi|luot tra loi",
    ),
    _rule("corrections_requested", r"van ban", r"cai chinh"),
    _rule("social_followers", r"(?:nguoi|luot) (?:theo doi|dang ky|quan tam)"),
    _rule("social_followers", r"thanh vien", _SOCIAL),
    _rule(
        "social_pages",
        r"(?:trang|tai khoan|kenh) (?:mang xa hoi|facebook|youtube|tiktok|zalo)|fanpage"
        r"|trang mxh|kenh youtube|kenh tiktok",
    ),
    _rule("websites", r"(?:trang|cong) thong tin dien tu|website|trang web|trang tin dien tu"),
    _rule("social_pages", r"tai khoan|kenh", r"thiet lap|van hanh|duy tri|quan tri|lap moi"),
    _rule("bulletins", r"ban tin|so ban tin|so", r"ban tin"),
    _rule("bulletins", r"ban tin"),
    _rule(
        "tv_reports",
        r"phong su|phim tai lieu|chuong trinh truyen hinh|chuyen de truyen hinh|tieu pham"
        r"|(?:luot )?chuong trinh",
        _TV,
    ),
    _rule("broadcasts", r"(?:luot )?chuong trinh|chuyen muc|tiet muc|ban tin", _RADIO),
    _rule("tv_reports", r"phong su|phim tai lieu|phim"),
    _rule(
        "social_posts",
        r"bai dang|video|clip|bai viet|tin,? bai|tin|bai|san pham",
        _SOCIAL,
        r"trang thong tin dien tu|bao chi|cong thong tin",
    ),
    _rule(
        "foreign_press_articles", r"tin,? bai|bai viet|bai|tin", _FOREIGN + r"|bao (?:chi )?nuoc"
    ),
    _rule("website_articles", r"tin,? bai|bai viet|bai|tin", _WEB),
    _rule("press_articles", r"tin,? bai|bai viet|bai bao|bai|tin"),
    _rule("publication_copies", r"ban|cuon|to", r"phat hanh|in an|cap phat|in |xuat ban"),
    _rule(
        "publications",
        r"an pham|to gap|to roi|to roi|sach|cuon sach|dau sach|so tay|cam nang|tai lieu"
        r"|brochure|tap gap|poster|ap phich|pano",
    ),
    _rule("exhibitions", r"(?:cuoc |dot |buoi )?(?:trien lam|trung bay)"),
    _rule("events_covered", r"su kien"),
    _rule("enterprises_supported", r"doanh nghiep|hop tac xa"),
    _rule("languages_used", r"ngon ngu|thu tieng|thu ngon ngu"),
    _rule("border_gate_points", r"diem thong tin|diem", r"cua khau"),
    _rule("database_items", r"tu lieu|hinh anh|anh|video", r"co so du lieu|kho du lieu"),
)

# Counted people: who they are depends on what the clause counts just before them.
_PEOPLE = re.compile(
    r"^(?:luot nguoi|luot|nguoi|dai bieu|hoc vien|can bo|cbcc|cong chuc|vien chuc|hoc sinh"
    r"|sinh vien|doan vien|hoi vien|dang vien|khach)\b"
)
_OWN_CHANNELS = frozenset({"social_pages", "social_posts", "social_followers", "websites"})
_HOSTILE = re.compile(r"xau doc|sai su that|go bo|vi pham|phan dong|thu dich|xuyen tac|gia mao")
_COPIES = re.compile(r"^(?:ban|cuon)\b")
_PRESS_INFO = re.compile(r"phong van|cung cap thong tin|phat ngon|tra loi")
_TRAINING_CONTEXT = re.compile(r"tap huan|boi duong|dao tao|noi chuyen|bao cao vien|hoc vien")

_PLATFORMS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("facebook", re.compile(r"\bfacebook\b|\bfanpage\b")),
    ("youtube", re.compile(r"\byoutube\b")),
    ("tiktok", re.compile(r"\btiktok\b")),
    ("zalo", re.compile(r"\bzalo\b")),
)
_LANGUAGES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("vi", re.compile(r"\btieng viet\b|\bviet\b(?= *[-–]| *\))")),
    ("en", re.compile(r"\btieng anh\b|\bsong ngu anh\b|\banh ngu\b")),
    ("zh", re.compile(r"\btieng (?:trung|hoa)\b")),
    ("ja", re.compile(r"\btieng nhat\b")),
    ("ko", re.compile(r"\btieng han\b")),
    ("lo", re.compile(r"\btieng lao\b")),
    ("km", re.compile(r"\btieng khmer\b|\btieng campuchia\b")),
    ("fr", re.compile(r"\btieng phap\b")),
    ("ru", re.compile(r"\btieng nga\b")),
)


def map_indicator(
    unit: str, clause: str, *, anchor: str | None = None, keywords: KeywordTable | None = None
) -> str | None:
    """Return the indicator code ``unit`` (a counted noun phrase) measures in ``clause``, or None.

    ``anchor`` is the indicator of the figure just before in the same clause: "12 lớp bồi dưỡng
    cho hơn 5.000 lượt" counts attendances of those courses, "10 đoàn phóng viên nước ngoài với
    198 người" counts reporters.
    """
    return indicator_for(search_fold(unit), search_fold(clause), anchor=anchor, keywords=keywords)


def indicator_for(
    noun: str, context: str, *, anchor: str | None = None, keywords: KeywordTable | None = None
) -> str | None:
    """Return what ``map_indicator`` returns, for an already folded noun and clause."""
    if keywords is not None and keywords.entries:
        code = keywords.code_for(noun)
        if code is not None:
            return code
    if anchor in {"publications", "bulletins"} and _COPIES.match(noun):
        return "publication_copies"
    if (
        noun == "luot" or noun.startswith(("luot phong van", "luot tra loi", "luot cung cap"))
    ) and _PRESS_INFO.search(context):
        return "information_provided"
    if _PEOPLE.match(noun) and not noun.startswith("luot chuong trinh"):
        if noun.startswith(("nguoi theo doi", "nguoi dang ky", "luot theo doi", "luot dang ky")):
            return "social_followers"
        if noun.startswith("luot tra loi"):
            return "information_provided"
        if anchor in TRAINING:
            return "training_attendances"
        if anchor in {"foreign_press_delegations", "foreign_press_visitors"}:
            return "foreign_press_visitors"
        if anchor is None and _TRAINING_CONTEXT.search(context):
            return "training_attendances"
        return None
    for rule in _rules_for(noun):
        if rule.code in _OWN_CHANNELS and _HOSTILE.search(context):
            return None  # pages and posts taken down are not the unit's own channels
        if rule.context is not None and not rule.context.search(context):
            continue
        if rule.without is not None and rule.without.search(context):
            continue
        return rule.code
    return None


@lru_cache(maxsize=8192)
def _rules_for(noun: str) -> tuple[_Rule, ...]:
    """Return the rules whose noun pattern ``noun`` matches, in order (reports reuse nouns)."""
    return tuple(rule for rule in _RULES if rule.noun.match(noun))


def categories_in(clause: str, code: str | None) -> tuple[str, ...]:
    """Return the breakdown categories ("platform:facebook", "language:en") ``clause`` names.

    Only for an indicator broken down that way; order of first mention, no duplicates.
    """
    return categories_for(search_fold(clause), code)


def categories_for(folded: str, code: str | None) -> tuple[str, ...]:
    """Return what ``categories_in`` returns, for an already folded clause."""
    kind = DISAGGREGATION.get(code or "", "")
    if not kind:
        return ()
    table = _PLATFORMS if kind == "platform" else _LANGUAGES
    found = [(match.start(), name) for name, pattern in table if (match := pattern.search(folded))]
    return tuple(f"{kind}:{name}" for _, name in sorted(found))
