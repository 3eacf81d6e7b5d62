"""The demo reporting rounds: Đồng Nai's external-information report for the first half of 2024
(the figures the real report gives: 07 hội nghị tập huấn, 12 lớp bồi dưỡng, hơn 5.000 lượt người,
68 trang thông tin điện tử, 212.000 người theo dõi …), and the same round of 2023 to compare with.
Some submissions are approved, one returned, one waiting for review, one missing.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from ttdn.documents.models import Document
from ttdn.orgs.models import OrgUnit
from ttdn.reporting import services
from ttdn.reporting.models import Activity, Indicator, ReportRound, Submission

INDICATORS = [
    "training_sessions",
    "courses",
    "training_attendances",
    "publications",
    "publication_copies",
    "websites",
    "press_articles",
    "tv_reports",
    "social_pages",
    "social_followers",
    "press_conferences",
    "press_briefings",
    "foreign_press_delegations",
    "foreign_press_visitors",
    "exhibitions",
]
UNITS = [
    "so-tttt-dong-nai",
    "so-vhttdl-dong-nai-2024",
    "so-ngoai-vu-dong-nai",
    "bao-dong-nai",
    "dai-ptth-dong-nai",
    "bien-hoa",
    "trang-bom",
    "long-khanh",
]

# unit → figures for 2024S1 (indicators not listed are reported as 0); then the final status.
FIGURES_2024 = {
    "so-tttt-dong-nai": (
        {
            "training_sessions": 4,
            "courses": 5,
            "training_attendances": 2600,
            "websites": 68,
            "press_briefings": 6,
        },
        "approved",
    ),
    "so-vhttdl-dong-nai-2024": ({"publications": 120, "publication_copies": 13350}, "approved"),
    "so-ngoai-vu-dong-nai": (
        {
            "training_sessions": 3,
            "courses": 7,
            "training_attendances": 2450,
            "press_conferences": 2,
            "foreign_press_delegations": 10,
            "foreign_press_visitors": 198,
        },
        "approved",
    ),
    "bao-dong-nai": (
        {"press_articles": 650, "social_pages": 3, "social_followers": 120000},
        "approved",
    ),
    "dai-ptth-dong-nai": (
        {"tv_reports": 180, "social_pages": 2, "social_followers": 92000},
        "returned",
    ),
    "bien-hoa": ({"training_sessions": 1, "training_attendances": 150, "websites": 1}, "submitted"),
    "trang-bom": ({"websites": 1, "press_articles": 12}, "approved"),
    "long-khanh": ({}, "draft"),
}
FIGURES_2023 = {
    "so-tttt-dong-nai": {
        "training_sessions": 3,
        "courses": 4,
        "training_attendances": 2100,
        "websites": 64,
        "press_briefings": 6,
    },
    "so-vhttdl-dong-nai-2024": {"publications": 95, "publication_copies": 11000, "exhibitions": 1},
    "so-ngoai-vu-dong-nai": {
        "training_sessions": 2,
        "courses": 6,
        "training_attendances": 2000,
        "press_conferences": 2,
        "foreign_press_delegations": 8,
        "foreign_press_visitors": 150,
    },
    "bao-dong-nai": {"press_articles": 600, "social_pages": 2, "social_followers": 95000},
    "dai-ptth-dong-nai": {"tv_reports": 160, "social_pages": 2, "social_followers": 80000},
}
TITLE = "Báo cáo kết quả công tác thông tin đối ngoại 6 tháng đầu năm {year}"


def _values(figures: dict[str, int]) -> dict[tuple[str, str], Decimal | None]:
    return {(code, ""): Decimal(figures.get(code, 0)) for code in INDICATORS}


def _round(year: int, units: dict[str, OrgUnit], deadline: dt.date) -> ReportRound:
    title = TITLE.format(year=year)
    existing = ReportRound.objects.filter(title=title, province=units["dong-nai-2024"]).first()
    if existing:
        return existing
    requesting = Document.objects.filter(key="2608-CV/BTGTU").first() if year == 2024 else None
    return services.open_round(
        title=title,
        province=units["dong-nai-2024"],
        period_code=f"{year}S1",
        deadline=deadline,
        units=[units[code] for code in UNITS if code in units],
        indicators=Indicator.objects.filter(code__in=INDICATORS),
        requesting_document=requesting,
        actor=None,
    )


def _fill(submission: Submission, figures: dict[str, int], status: str, sent: dt.datetime) -> None:
    submission = services.save_submission(
        submission=submission,
        values=_values(figures),
        narrative={
            "results": "Đơn vị đã triển khai các nhiệm vụ thông tin đối ngoại theo "
            "Kế hoạch số 262/KH-UBND của UBND tỉnh.",
            "difficulties": "Cán bộ làm công tác thông tin đối ngoại còn kiêm nhiệm.",
        },
        version=submission.version,
        actor=None,
    )
    if status == "draft":
        return
    submission = services.submit_submission(
        submission=submission, version=submission.version, actor=None
    )
    if status == "approved":
        services.approve_submission(submission=submission, actor=None)
    elif status == "returned":
        services.return_submission(
            submission=submission,
            actor=None,
            comment="Đề nghị bổ sung số chương trình phát thanh và số người theo dõi theo từng "
            "nền tảng.",
        )
    # The demo happened in 2024: date the sending as the units did, not as today.
    Submission.objects.filter(pk=submission.pk).update(submitted_at=sent)


@transaction.atomic
def load_demo_reporting(units: dict[str, OrgUnit]) -> None:
    """Create the demo rounds once; later runs leave them as they are."""
    tz = timezone.get_current_timezone()
    if not ReportRound.objects.filter(title=TITLE.format(year=2023)).exists():
        previous = _round(2023, units, dt.date(2023, 6, 23))
        for submission in previous.submissions.select_related("unit"):
            figures = FIGURES_2023.get(submission.unit.code)
            if figures is not None:
                _fill(submission, figures, "approved", dt.datetime(2023, 6, 20, 9, 0, tzinfo=tz))
    if ReportRound.objects.filter(title=TITLE.format(year=2024)).exists():
        return
    Activity.objects.get_or_create(
        unit=units["so-vhttdl-dong-nai-2024"],
        kind=Activity.Kind.EXHIBITION,
        title="Triển lãm ảnh “Đồng Nai – điểm đến đầu tư”",
        date=dt.date(2024, 3, 20),
        defaults={"participants": 1200},
    )
    Activity.objects.get_or_create(
        unit=units["so-vhttdl-dong-nai-2024"],
        kind=Activity.Kind.EXHIBITION,
        title="Trưng bày sản phẩm du lịch tại Hội chợ du lịch quốc tế",
        date=dt.date(2024, 4, 12),
        defaults={"participants": 3000},
    )
    current = _round(2024, units, dt.date(2024, 6, 25))
    for number, submission in enumerate(current.submissions.select_related("unit")):
        figures, status = FIGURES_2024[submission.unit.code]
        sent = dt.datetime(2024, 6, 18 + number % 5, 10, 0, tzinfo=tz)
        if submission.unit.code == "bien-hoa":
            sent = dt.datetime(2024, 6, 27, 15, 0, tzinfo=tz)  # two days late
        _fill(submission, figures, status, sent)
