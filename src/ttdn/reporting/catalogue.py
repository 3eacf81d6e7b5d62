"""The default indicator catalogue, keyed to the channels of Thông tư 22/2016/TT-BTTTT Điều 5.

No official national indicator set exists, so this is a starting point that administrators edit.
It covers every kind of figure the provinces' reports give (training sessions, attendances,
publications and copies, websites, TV reports, followers, press conferences, foreign reporters…).
"""

from __future__ import annotations

from typing import Any

# (code, Vietnamese name, English name, unit of measure, value type, aggregation, channel,
#  disaggregation)
DEFAULT_INDICATORS: list[tuple[str, str, str, str, str, str, str, str]] = [
    (
        "training_sessions",
        "Hội nghị tập huấn",
        "Training sessions",
        "hội nghị",
        "count",
        "sum",
        "training",
        "",
    ),
    ("courses", "Lớp bồi dưỡng", "Training courses", "lớp", "count", "sum", "training", ""),
    (
        "training_attendances",
        "Lượt người tham dự tập huấn, bồi dưỡng",
        "Training attendances",
        "lượt người",
        "count",
        "sum",
        "training",
        "",
    ),
    (
        "talks",
        "Buổi nói chuyện, báo cáo chuyên đề",
        "Talks",
        "buổi",
        "count",
        "sum",
        "training",
        "",
    ),
    (
        "publications",
        "Ấn phẩm thông tin đối ngoại",
        "Publications",
        "ấn phẩm",
        "count",
        "sum",
        "publications",
        "language",
    ),
    (
        "publication_copies",
        "Số bản ấn phẩm phát hành",
        "Copies distributed",
        "bản",
        "count",
        "sum",
        "publications",
        "language",
    ),
    (
        "bulletins",
        "Bản tin thông tin đối ngoại",
        "Bulletins",
        "số",
        "count",
        "sum",
        "publications",
        "",
    ),
    (
        "websites",
        "Trang thông tin điện tử đang hoạt động",
        "Websites in operation",
        "trang",
        "count",
        "last",
        "websites",
        "",
    ),
    (
        "website_articles",
        "Tin, bài trên trang thông tin điện tử",
        "Website articles",
        "tin, bài",
        "count",
        "sum",
        "websites",
        "language",
    ),
    (
        "tv_reports",
        "Phóng sự, chương trình truyền hình",
        "TV reports and programmes",
        "phóng sự",
        "count",
        "sum",
        "domestic_press",
        "",
    ),
    (
        "broadcasts",
        "Chương trình phát thanh",
        "Radio programmes",
        "chương trình",
        "count",
        "sum",
        "domestic_press",
        "",
    ),
    (
        "press_articles",
        "Tin, bài trên báo chí trong nước",
        "Domestic press articles",
        "tin, bài",
        "count",
        "sum",
        "domestic_press",
        "",
    ),
    (
        "foreign_press_articles",
        "Tin, bài trên báo chí nước ngoài",
        "Foreign press articles",
        "tin, bài",
        "count",
        "sum",
        "foreign_press",
        "language",
    ),
    (
        "social_pages",
        "Trang mạng xã hội",
        "Social media pages",
        "trang",
        "count",
        "last",
        "internet",
        "platform",
    ),
    (
        "social_followers",
        "Người theo dõi trên mạng xã hội",
        "Social media followers",
        "người",
        "count",
        "last",
        "internet",
        "platform",
    ),
    (
        "social_posts",
        "Bài đăng trên mạng xã hội",
        "Social media posts",
        "bài",
        "count",
        "sum",
        "internet",
        "platform",
    ),
    (
        "press_conferences",
        "Họp báo",
        "Press conferences",
        "cuộc",
        "count",
        "sum",
        "press_relations",
        "",
    ),
    (
        "press_briefings",
        "Giao ban báo chí",
        "Press briefings",
        "cuộc",
        "count",
        "sum",
        "press_relations",
        "",
    ),
    (
        "information_provided",
        "Lượt cung cấp thông tin cho báo chí",
        "Information provided to the press",
        "lượt",
        "count",
        "sum",
        "press_relations",
        "",
    ),
    (
        "corrections_requested",
        "Văn bản đề nghị cải chính thông tin sai sự thật",
        "Correction requests",
        "văn bản",
        "count",
        "sum",
        "press_relations",
        "",
    ),
    (
        "foreign_press_delegations",
        "Đoàn phóng viên nước ngoài được đón tiếp",
        "Foreign press delegations received",
        "đoàn",
        "count",
        "sum",
        "foreign_press_contact",
        "",
    ),
    (
        "foreign_press_visitors",
        "Phóng viên nước ngoài được đón tiếp",
        "Foreign reporters received",
        "người",
        "count",
        "sum",
        "foreign_press_contact",
        "",
    ),
    (
        "delegations_received",
        "Đoàn khách quốc tế được đón tiếp",
        "International delegations received",
        "đoàn",
        "count",
        "sum",
        "external_relations",
        "",
    ),
    (
        "delegations_sent",
        "Đoàn công tác ra nước ngoài",
        "Delegations sent abroad",
        "đoàn",
        "count",
        "sum",
        "external_relations",
        "",
    ),
    ("exhibitions", "Triển lãm, trưng bày", "Exhibitions", "cuộc", "count", "sum", "events", ""),
    (
        "events_covered",
        "Sự kiện lớn được truyền thông",
        "Major events covered",
        "sự kiện",
        "count",
        "sum",
        "events",
        "",
    ),
    (
        "enterprises_supported",
        "Doanh nghiệp được hỗ trợ thông tin",
        "Enterprises supported",
        "doanh nghiệp",
        "count",
        "sum",
        "other",
        "",
    ),
    (
        "languages_used",
        "Ngôn ngữ sử dụng trong sản phẩm thông tin",
        "Languages used",
        "ngôn ngữ",
        "count",
        "max",
        "other",
        "",
    ),
    (
        "border_gate_points",
        "Điểm thông tin đối ngoại tại cửa khẩu",
        "Information points at border gates",
        "điểm",
        "count",
        "last",
        "border_gates",
        "",
    ),
    (
        "database_items",
        "Tư liệu trong cơ sở dữ liệu quảng bá",
        "Items in the promotion database",
        "tư liệu",
        "count",
        "last",
        "database",
        "",
    ),
]

# (left, operator, right, message): checked before a unit submits.
DEFAULT_RULES = [
    (
        "training_attendances",
        ">=",
        "training_sessions",
        "Số lượt người tham dự không thể ít hơn số hội nghị tập huấn.",
    ),
    ("publication_copies", ">=", "publications", "Số bản phát hành không thể ít hơn số ấn phẩm."),
    (
        "foreign_press_visitors",
        ">=",
        "foreign_press_delegations",
        "Số phóng viên nước ngoài không thể ít hơn số đoàn.",
    ),
]

DEFAULT_SECTIONS = [
    {"code": "results", "title": "Kết quả thực hiện theo các kênh thông tin đối ngoại"},
    {"code": "difficulties", "title": "Khó khăn, vướng mắc"},
    {"code": "proposals", "title": "Kiến nghị, đề xuất"},
    {"code": "next_period", "title": "Phương hướng, nhiệm vụ kỳ tới"},
]

# What one logged activity adds to a submission: (indicator, what is counted).
ACTIVITY_INDICATORS: dict[str, list[tuple[str, str]]] = {
    "training": [("training_sessions", "one"), ("training_attendances", "participants")],
    "course": [("courses", "one"), ("training_attendances", "participants")],
    "press_conference": [("press_conferences", "one")],
    "press_briefing": [("press_briefings", "one")],
    "delegation_in": [
        ("foreign_press_delegations", "one"),
        ("foreign_press_visitors", "participants"),
    ],
    "delegation_out": [("delegations_sent", "one")],
    "exhibition": [("exhibitions", "one")],
    "publication": [("publications", "one"), ("publication_copies", "copies")],
    "press_information": [("information_provided", "one")],
    "correction_request": [("corrections_requested", "one")],
}


def load_default_catalogue(indicator_model: Any, rule_model: Any) -> None:
    """Create the default indicators and validation rules that do not exist yet (idempotent)."""
    for position, row in enumerate(DEFAULT_INDICATORS, start=1):
        code, name_vi, name_en, uom, value_type, aggregation, channel, disaggregation = row
        indicator_model.objects.get_or_create(
            code=code,
            defaults={
                "name_vi": name_vi,
                "name_en": name_en,
                "unit_of_measure": uom,
                "value_type": value_type,
                "aggregation": aggregation,
                "channel": channel,
                "disaggregation": disaggregation,
                "position": position * 10,
            },
        )
    if any(field.name == "keywords" for field in indicator_model._meta.get_fields()):
        fill_default_keywords(indicator_model)  # not before migration 0008 added the field
    by_code = {i.code: i for i in indicator_model.objects.all()}
    for left, operator, right, message in DEFAULT_RULES:
        rule_model.objects.get_or_create(
            left=by_code[left],
            operator=operator,
            right=by_code[right],
            defaults={"message": message},
        )


def fill_default_keywords(indicator_model: Any) -> None:
    """Give the default indicators that have none the words the parser knows them by.

    An administrator's own words are never overwritten; they are what the parser maps by.
    """
    from ttdn.docparse import DEFAULT_KEYWORDS

    for indicator in indicator_model.objects.filter(code__in=DEFAULT_KEYWORDS, keywords=""):
        indicator.keywords = "\n".join(DEFAULT_KEYWORDS[indicator.code])
        indicator.save(update_fields=["keywords"])
