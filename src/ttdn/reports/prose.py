"""Figures written as the Vietnamese prose of a consolidated report (no Django, no database).

Official reports write counts the Vietnamese way ("5.000"), counts under ten with a leading
zero ("07 hội nghị"), and group them by channel in one sentence each: "tổ chức 07 hội nghị
tập huấn, 12 lớp bồi dưỡng cho 5.050 lượt người tham dự". These functions take plain values
(from the report's stored snapshot), so the same inputs always give the same text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Protocol

from ttdn.docgen import short_date
from ttdn.text import format_vn_number

#: How the default catalogue's indicators read inside a sentence ("07 hội nghị tập huấn").
#: An indicator not listed here reads "<value> <unit of measure> (<name>)".
PHRASES: dict[str, str] = {
    "training_sessions": "hội nghị tập huấn",
    "courses": "lớp bồi dưỡng",
    "talks": "buổi nói chuyện, báo cáo chuyên đề",
    "publications": "ấn phẩm thông tin đối ngoại",
    "publication_copies": "bản ấn phẩm được phát hành",
    "bulletins": "số bản tin thông tin đối ngoại",
    "websites": "trang thông tin điện tử đang hoạt động",
    "website_articles": "tin, bài trên trang thông tin điện tử",
    "tv_reports": "phóng sự, chương trình truyền hình",
    "broadcasts": "chương trình phát thanh",
    "press_articles": "tin, bài trên báo chí trong nước",
    "foreign_press_articles": "tin, bài trên báo chí nước ngoài",
    "social_pages": "trang mạng xã hội",
    "social_followers": "người theo dõi",
    "social_posts": "bài đăng trên mạng xã hội",
    "press_conferences": "cuộc họp báo",
    "press_briefings": "cuộc giao ban báo chí",
    "information_provided": "lượt cung cấp thông tin cho báo chí",
    "corrections_requested": "văn bản đề nghị cải chính thông tin sai sự thật",
    "foreign_press_delegations": "đoàn phóng viên nước ngoài",
    "foreign_press_visitors": "phóng viên nước ngoài",
    "delegations_received": "đoàn khách quốc tế",
    "delegations_sent": "đoàn công tác ra nước ngoài",
    "exhibitions": "cuộc triển lãm, trưng bày",
    "events_covered": "sự kiện lớn được truyền thông",
    "enterprises_supported": "doanh nghiệp được hỗ trợ thông tin",
    "languages_used": "ngôn ngữ trong các sản phẩm thông tin",
    "border_gate_points": "điểm thông tin đối ngoại tại cửa khẩu",
    "database_items": "tư liệu trong cơ sở dữ liệu quảng bá",
}
#: Indicators that count the people reached by the others of their sentence ("… cho N lượt").
AUDIENCE = {
    "training_attendances": "cho {n} lượt người tham dự",
    "social_followers": "với {n} người theo dõi",
    "foreign_press_visitors": "với {n} phóng viên",
    "publication_copies": "với {n} bản phát hành",
}
#: The verb that opens a channel's sentence.
LEADS: dict[str, str] = {
    "training": "Các cơ quan, đơn vị đã tổ chức",
    "publications": "Đã xuất bản",
    "websites": "Duy trì",
    "domestic_press": "Các cơ quan báo chí đã thực hiện",
    "foreign_press": "Đã có",
    "internet": "Duy trì",
    "press_relations": "Tổ chức",
    "foreign_press_contact": "Đón tiếp",
    "external_relations": "Đón tiếp và tổ chức",
    "events": "Tổ chức",
}


@dataclass(frozen=True)
class Figure:
    """One aggregated indicator of the snapshot."""

    code: str
    name: str
    unit_of_measure: str
    channel: str
    total: Decimal | None
    previous: Decimal | None = None


def number(value: Decimal | float | int) -> str:
    """Write a figure the way reports do: "07", "12", "5.050", "1,5"."""
    decimal = Decimal(str(value))
    if decimal == decimal.to_integral_value():
        # "07 hội nghị", but "0" for none: "00" reads as a typing error.
        return format_vn_number(int(decimal), leading_zero=int(decimal) != 0)
    return format_vn_number(decimal.quantize(Decimal("0.01")).normalize())


def _item(figure: Figure) -> str:
    assert figure.total is not None
    phrase = PHRASES.get(figure.code)
    if phrase is None:
        return f"{number(figure.total)} {figure.unit_of_measure} ({figure.name.lower()})"
    return f"{number(figure.total)} {phrase}"


def channel_sentence(channel: str, figures: Sequence[Figure]) -> str | None:
    """Write one channel's figures as one sentence; None when nothing was done (all zero)."""
    counted = [f for f in figures if f.total]
    if not counted:
        return None
    audience = [f for f in counted if f.code in AUDIENCE]
    items = [f for f in counted if f.code not in AUDIENCE]
    parts: list[str] = []
    if items:
        parts.append(", ".join(_item(f) for f in items))
        parts.extend(AUDIENCE[f.code].format(n=number(f.total or 0)) for f in audience)
    else:
        # Only an audience figure (e.g. followers without pages): state it plainly.
        parts.append(", ".join(f"{number(f.total or 0)} {f.unit_of_measure}" for f in audience))
    lead = LEADS.get(channel, "Thực hiện")
    return f"{lead} {' '.join(parts)}."


def comparison_phrase(current: Decimal | None, previous: Decimal | None) -> str:
    """Describe the change from the same period last year: "tăng 25%", "giảm 10%", "bằng"."""
    if current is None or previous is None:
        return "chưa có số liệu cùng kỳ"
    if previous == 0:
        return "cùng kỳ không có" if current else "bằng cùng kỳ"
    change = (current - previous) / previous * 100
    rounded = change.quantize(Decimal("1"))
    if rounded == 0:
        return "tương đương cùng kỳ"
    word = "tăng" if rounded > 0 else "giảm"
    return f"{word} {format_vn_number(abs(rounded))}%"


@dataclass(frozen=True)
class UnitText:
    """One unit's narrative for one section."""

    unit: str
    text: str


def attributed(texts: Iterable[UnitText]) -> list[str]:
    """Compile units' narrative with attribution; units that wrote the same text share a line.

    Returns "- <unit(s)>: <text>" lines in the order the units first appear.
    """
    grouped: dict[str, list[str]] = {}
    for item in texts:
        text = " ".join(item.text.split())
        if text:
            grouped.setdefault(text, []).append(item.unit)
    return [f"- {', '.join(units)}: {text}" for text, units in grouped.items()]


def citation(doc_type: str, number_symbol: str, issued_at: dt.date | None, title: str) -> str:
    """Cite a registry document the way reports list plans.

    "Kế hoạch số 262/KH-UBND ngày 08/11/2023 về hoạt động thông tin đối ngoại năm 2024."
    """
    text = f"{doc_type} số {number_symbol}" if number_symbol else doc_type
    if issued_at is not None:
        text += f" ngày {short_date(issued_at)}"
    if title:
        subject = title[0].lower() + title[1:] if not title[:2].isupper() else title
        text += f" về {subject.rstrip('.')}"
    return text + "."


class PlanProgressLike(Protocol):
    """The fields of ``ttdn.plans.selectors.PlanProgress`` this section reads."""

    @property
    def number(self) -> str: ...
    @property
    def issued_at(self) -> dt.date | None: ...
    @property
    def title(self) -> str: ...
    @property
    def total(self) -> int: ...
    @property
    def done_on_time(self) -> int: ...
    @property
    def done_late(self) -> int: ...
    @property
    def pending_within_deadline(self) -> int: ...
    @property
    def overdue(self) -> int: ...
    @property
    def cancelled(self) -> int: ...


def plan_progress_lines(plans: Sequence[PlanProgressLike]) -> list[str]:
    """Write the "tiến độ thực hiện nhiệm vụ" section: one line per plan, then the total.

    "- Kế hoạch số 262/KH-UBND ngày 08/11/2023: 20 nhiệm vụ; đã hoàn thành 15 (đúng hạn 12,
    trễ hạn 03), đang thực hiện trong hạn 03, quá hạn 02."
    """
    lines = [f"- {_plan_name(plan)}: {_progress(plan)}." for plan in plans]
    if len(plans) > 1:
        total = _Sum(
            total=sum(p.total for p in plans),
            done_on_time=sum(p.done_on_time for p in plans),
            done_late=sum(p.done_late for p in plans),
            pending_within_deadline=sum(p.pending_within_deadline for p in plans),
            overdue=sum(p.overdue for p in plans),
            cancelled=sum(p.cancelled for p in plans),
        )
        lines.append(f"Tổng cộng {len(plans):02d} kế hoạch: {_progress(total)}.")
    return lines


@dataclass(frozen=True)
class _Sum:
    total: int
    done_on_time: int
    done_late: int
    pending_within_deadline: int
    overdue: int
    cancelled: int


def _plan_name(plan: PlanProgressLike) -> str:
    name = f"Kế hoạch số {plan.number}" if plan.number else "Kế hoạch"
    if plan.issued_at is not None:
        name += f" ngày {short_date(plan.issued_at)}"
    if plan.title:
        name += f" về {plan.title[0].lower()}{plan.title[1:]}"
    return name


def _progress(plan: PlanProgressLike | _Sum) -> str:
    active = plan.total - plan.cancelled
    done = plan.done_on_time + plan.done_late
    text = f"{number(plan.total)} nhiệm vụ"
    if active <= 0:
        return text + ", đều đã hủy"
    percent = round(100 * done / active)
    text += f"; đã hoàn thành {number(done)} ({percent}%"
    if done:
        text += f"; đúng hạn {number(plan.done_on_time)}, trễ hạn {number(plan.done_late)}"
    text += f"), đang thực hiện trong hạn {number(plan.pending_within_deadline)}"
    text += f", quá hạn {number(plan.overdue)}"
    if plan.cancelled:
        text += f", hủy {number(plan.cancelled)}"
    return text
