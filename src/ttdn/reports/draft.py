"""The generated draft: header and sections written from a snapshot (plain data, no Django).

Sections are plain text the coordinator edits in the browser: one paragraph per line, "- "
for the dashes of an enumeration, "a) …" for a sub-heading, as officials type reports in Word.
"""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from decimal import Decimal
from types import SimpleNamespace
from typing import Any

from ttdn.aggregation import parse_period
from ttdn.docgen import short_date
from ttdn.reports.prose import (
    Figure,
    UnitText,
    attributed,
    channel_sentence,
    citation,
    comparison_phrase,
    number,
    plan_progress_lines,
)

#: The seed report's order: context, direction, results, then the units' sections.
NARRATIVE_TITLES = {
    "results": "Kết quả của các cơ quan, đơn vị",
    "difficulties": "Khó khăn, vướng mắc",
    "proposals": "Kiến nghị, đề xuất",
    "next_period": "Phương hướng, nhiệm vụ",
}
TABLE_SECTIONS = {"comparison"}


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value[:10]) if value else None


def _decimal(value: str | None) -> Decimal | None:
    return None if value is None else Decimal(value)


def figures_of(snapshot: dict[str, Any]) -> list[Figure]:
    return [
        Figure(
            code=f["code"],
            name=f["name"],
            unit_of_measure=f["unit_of_measure"],
            channel=f["channel"],
            total=_decimal(f["total"]),
            previous=_decimal(f["previous"]),
        )
        for f in snapshot["figures"]
    ]


def place_of(province_name: str) -> str:
    """Return the place name of the date line: "Ủy ban nhân dân tỉnh Đồng Nai" → "Đồng Nai"."""
    for marker in (" thành phố ", " tỉnh "):
        if marker in f" {province_name}":
            return f" {province_name}".split(marker, 1)[1].strip()
    return province_name


def default_header(snapshot: dict[str, Any], document_format: str) -> dict[str, Any]:
    """Header and closing of the draft; every field stays editable."""
    province = snapshot["province"]["name"]
    place = place_of(province)
    requesting = snapshot.get("requesting") or {}
    recipients = [r for r in (requesting.get("issuer", ""),) if r]
    period_label = snapshot["round"]["period_label"]
    title = f"Kết quả triển khai công tác thông tin đối ngoại {period_label[0].lower()}{period_label[1:]}"
    if document_format == "party":
        return {
            "parent_body": f"Tỉnh ủy {place}",
            "issuing_body": "Ban Chỉ đạo công tác\nthông tin đối ngoại",
            "symbol": "BC/BCĐ",
            "place": place,
            "doc_type": "Báo cáo",
            "title": title,
            "signature": {
                "form": "T/M",
                "authority": "Ban Chỉ đạo",
                "title": "Trưởng ban",
                "name": "",
            },
            "recipients": [*recipients, "Các thành viên Ban Chỉ đạo", "Lưu."],
        }
    if province.lower().startswith("ủy ban nhân dân "):
        issuing = "Ủy ban nhân dân\n" + province[len("Ủy ban nhân dân ") :]
        symbol = "BC-UBND"
    else:
        issuing, symbol = province, "BC"
    return {
        "parent_body": "",
        "issuing_body": issuing,
        "symbol": symbol,
        "place": place,
        "doc_type": "Báo cáo",
        "title": title,
        "signature": {
            "form": "TM.",
            "authority": "Ủy ban nhân dân",
            "title": "KT. Chủ tịch\nPhó Chủ tịch",
            "name": "",
        },
        "recipients": [*recipients, "Chủ tịch, các Phó Chủ tịch UBND tỉnh", "Lưu: VT."],
    }


def _preamble(snapshot: dict[str, Any], reporter: str) -> str:
    period_label = snapshot["round"]["period_label"]
    requesting = snapshot.get("requesting")
    what = f"kết quả triển khai công tác thông tin đối ngoại {period_label[0].lower()}{period_label[1:]}"
    if not requesting:
        return f"{reporter} báo cáo {what} như sau:"
    cited = f"văn bản số {requesting['number']}" if requesting.get("number") else "văn bản"
    issued = _date(requesting.get("issued_at"))
    if issued:
        cited += f" ngày {short_date(issued)}"
    if requesting.get("issuer"):
        cited += f" của {requesting['issuer']}"
    if requesting.get("title"):
        subject = requesting["title"]
        if subject.lower().startswith("v/v "):
            subject = subject[4:]
        if not subject.startswith("về"):
            subject = (
                f"về việc {subject}"
                if requesting.get("doc_type") == "Công văn"
                else f"về {subject}"
            )
        cited += f" {subject}"
    return f"Thực hiện {cited}; {reporter} báo cáo {what} cụ thể như sau:"


def _context(snapshot: dict[str, Any]) -> str:
    c = snapshot["completeness"]
    period = snapshot["round"]["period_label"]
    return (
        f"Trong {period[0].lower()}{period[1:]}, các cơ quan, đơn vị trên địa bàn tỉnh tiếp tục "
        "triển khai công tác thông tin đối ngoại theo các chương trình, kế hoạch của Trung ương "
        f"và của tỉnh. Báo cáo tổng hợp số liệu từ {number(c['approved'])} báo cáo đã được cơ "
        f"quan đầu mối duyệt, trong tổng số {number(c['expected'])} cơ quan, đơn vị phải báo cáo."
    )


def _direction(snapshot: dict[str, Any], reporter: str) -> str:
    plans = snapshot.get("plans", [])
    if not plans:
        return (
            f"{reporter} tiếp tục chỉ đạo triển khai các kế hoạch về công tác thông tin đối ngoại."
        )
    if reporter == "UBND tỉnh":
        opening = f"{reporter} đã ban hành các kế hoạch, chương trình về công tác thông tin đối ngoại như sau:"
    else:
        # The plans are the People's Committee's, not the reporting Party body's.
        opening = "Các kế hoạch, chương trình về công tác thông tin đối ngoại được ban hành, triển khai trong kỳ:"
    lines = [opening]
    lines.extend(
        "- "
        + citation(
            plan["doc_type"] or "Kế hoạch", plan["number"], _date(plan["issued_at"]), plan["title"]
        )
        for plan in plans
    )
    return "\n".join(lines)


def _results(snapshot: dict[str, Any]) -> str:
    by_channel: OrderedDict[str, list[Figure]] = OrderedDict()
    labels: dict[str, str] = {}
    for raw, figure in zip(snapshot["figures"], figures_of(snapshot), strict=True):
        by_channel.setdefault(figure.channel, []).append(figure)
        labels[figure.channel] = raw["channel_label"]
    lines: list[str] = []
    letter = 0
    for channel, figures in by_channel.items():
        sentence = channel_sentence(channel, figures)
        if sentence is None:
            continue
        lines.append(f"{chr(ord('a') + letter)}) {labels[channel]}")
        lines.append(sentence)
        letter += 1
    if not lines:
        lines.append("Chưa có số liệu của báo cáo nào đã được duyệt.")
    units = attributed(UnitText(**item) for item in snapshot["narratives"].get("results", []))
    if units:
        lines.append(f"{chr(ord('a') + letter)}) {NARRATIVE_TITLES['results']}")
        lines.extend(units)
    return "\n".join(lines)


def _comparison(snapshot: dict[str, Any]) -> str:
    previous = snapshot["round"]["previous_period_label"]
    compared = [f for f in figures_of(snapshot) if f.total is not None and f.previous is not None]
    if not compared:
        return f"Chưa có số liệu đã duyệt của {previous.lower()} để so sánh."
    notable = sorted(
        (f for f in compared if f.previous),
        key=lambda f: abs((f.total or 0) - (f.previous or 0)) / (f.previous or 1),
        reverse=True,
    )[:4]
    parts = [
        f"{f.name.lower()} {comparison_phrase(f.total, f.previous)} "
        f"({number(f.total or 0)} so với {number(f.previous or 0)})"
        for f in notable
    ]
    text = f"So với {previous[0].lower()}{previous[1:]}"
    text = f"{text}: {'; '.join(parts)}." if parts else f"{text}: xem bảng dưới đây."
    pending = snapshot["completeness"]["expected"] - snapshot["completeness"]["approved"]
    if pending:
        # A unit whose report is not approved yet counts as nothing this year: say so, or a
        # returned report reads as a collapse of its channel.
        text += f" Số liệu kỳ này chưa gồm {number(pending)} cơ quan, đơn vị có báo cáo chưa được duyệt."
    return text + "\nChi tiết từng chỉ tiêu tại bảng dưới đây và Phụ lục số liệu kèm theo."


def _next_period_title(snapshot: dict[str, Any]) -> str:
    code = snapshot["round"]["period_code"]
    try:
        period = parse_period(code)
    except ValueError:
        return NARRATIVE_TITLES["next_period"] + " kỳ tới"
    year = period.year
    if code.endswith("S1"):
        return f"Phương hướng, nhiệm vụ 6 tháng cuối năm {year}"
    if code.endswith("S2") or code == str(year):
        return f"Phương hướng, nhiệm vụ năm {year + 1}"
    return "Phương hướng, nhiệm vụ kỳ tới"


def default_sections(snapshot: dict[str, Any], header: dict[str, Any]) -> list[dict[str, str]]:
    """Write every section of the draft from the snapshot."""
    issuing = " ".join(header["issuing_body"].split())
    reporter = "UBND tỉnh" if issuing.lower().startswith("ủy ban nhân dân") else issuing
    sections = [
        {"code": "preamble", "title": "", "text": _preamble(snapshot, reporter)},
        {"code": "context", "title": "Bối cảnh, tình hình", "text": _context(snapshot)},
        {
            "code": "direction",
            "title": "Công tác chỉ đạo, triển khai thực hiện",
            "text": _direction(snapshot, reporter),
        },
        {"code": "results", "title": "Kết quả thực hiện", "text": _results(snapshot)},
    ]
    progress = snapshot.get("plan_progress") or []
    if progress:
        rows = [SimpleNamespace(**{**p, "issued_at": _date(p.get("issued_at"))}) for p in progress]
        sections.append(
            {
                "code": "plan_progress",
                "title": "Tiến độ thực hiện nhiệm vụ",
                "text": "\n".join(plan_progress_lines(rows)),
            }
        )
    sections.append(
        {
            "code": "comparison",
            "title": f"So sánh với cùng kỳ năm {snapshot['round']['year'] - 1}",
            "text": _comparison(snapshot),
        }
    )
    for section in snapshot["round"]["sections"]:
        code = section["code"]
        if code == "results":
            continue
        title = _next_period_title(snapshot) if code == "next_period" else section["title"]
        lines = attributed(UnitText(**item) for item in snapshot["narratives"].get(code, []))
        sections.append(
            {
                "code": code,
                "title": title,
                "text": "\n".join(lines) or "Các cơ quan, đơn vị không nêu nội dung này.",
            }
        )
    addressee = (snapshot.get("requesting") or {}).get("issuer", "")
    period_label = snapshot["round"]["period_label"]
    closing = (
        f"Trên đây là kết quả triển khai công tác thông tin đối ngoại "
        f"{period_label[0].lower()}{period_label[1:]}"
    )
    closing += f", kính gửi {addressee} tổng hợp theo quy định./." if addressee else "./."
    sections.append({"code": "closing", "title": "", "text": closing})
    return sections
