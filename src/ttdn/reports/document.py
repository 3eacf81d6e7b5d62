"""A stored report → docgen's OfficialDocument (DOCX/PDF) and the XLSX annex (plain data)."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

from ttdn.docgen import (
    Block,
    Cell,
    Heading,
    OfficialDocument,
    Paragraph,
    Sheet,
    Signature,
    Table,
)
from ttdn.reports.draft import TABLE_SECTIONS, figures_of
from ttdn.reports.prose import comparison_phrase, number

_SUBHEADING = re.compile(r"^[a-zđ]\)\s")


def text_blocks(text: str) -> list[Block]:
    """Turn a section's text into blocks: "- " lines are dashes, "a) …" lines sub-headings."""
    blocks: list[Block] = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.startswith(("- ", "+ ")):
            blocks.append(Paragraph(line[2:].strip(), bullet=True))
        elif _SUBHEADING.match(line) and len(line) < 160:
            blocks.append(Heading(line, level=2))
        else:
            blocks.append(Paragraph(line))
    return blocks


def comparison_table(inputs: dict[str, Any]) -> Table | None:
    figures = [f for f in figures_of(inputs) if f.total is not None or f.previous is not None]
    if not figures:
        return None
    year = inputs["round"]["year"]
    rows = tuple(
        (
            f.name,
            f.unit_of_measure,
            number(f.total) if f.total is not None else "–",
            number(f.previous) if f.previous is not None else "–",
            comparison_phrase(f.total, f.previous),
        )
        for f in figures
    )
    return Table(
        header=("Chỉ tiêu", "Đơn vị tính", f"Năm {year}", f"Cùng kỳ {year - 1}", "So sánh"),
        rows=rows,
    )


def official_document(
    *,
    header: dict[str, Any],
    sections: list[dict[str, str]],
    inputs: dict[str, Any],
    document_format: str,
) -> OfficialDocument:
    """Lay the stored header and (edited) sections out as the official document."""
    body: list[Block] = []
    numbered = 0
    for section in sections:
        text = section.get("text", "")
        if section.get("title"):
            numbered += 1
            body.append(Heading(f"{numbered}. {section['title']}", level=1))
        body.extend(text_blocks(text))
        if section["code"] in TABLE_SECTIONS:
            table = comparison_table(inputs)
            if table is not None:
                body.append(table)
    signature = header.get("signature") or {}
    return OfficialDocument(
        format="party" if document_format == "party" else "state",
        parent_body=header.get("parent_body", ""),
        issuing_body=header.get("issuing_body", ""),
        symbol=header.get("symbol", "BC"),
        number=header.get("number") or None,
        place=header.get("place", ""),
        issued_on=dt.date.fromisoformat(header["issued_on"]) if header.get("issued_on") else None,
        year=int(inputs["round"]["year"]) if inputs.get("round") else None,
        doc_type=header.get("doc_type", "Báo cáo"),
        title=header.get("title", ""),
        body=tuple(body),
        signature=Signature(
            form=signature.get("form", ""),
            authority=signature.get("authority", ""),
            title=signature.get("title", ""),
            name=signature.get("name", ""),
        )
        if signature
        else None,
        recipients=tuple(r for r in header.get("recipients", []) if r.strip()),
    )


def _value(text: str | None) -> Cell:
    if text is None:
        return None
    value = Decimal(text)
    return int(value) if value == value.to_integral_value() else value


def annex_sheets(inputs: dict[str, Any]) -> list[Sheet]:
    """The XLSX annex: every indicator by unit with totals (catalogue order), completeness."""
    round_info = inputs["round"]
    figures = inputs["figures"]
    unit_names: dict[str, str] = inputs.get("unit_names", {})
    # Rows: the round's units first (as the completeness table lists them), then any unit the
    # "as it is now" roll-up added.
    order = [str(u["id"]) for u in inputs["units"]]
    for figure in figures:
        order.extend(u for u in figure["by_unit"] if u not in order)
    rows: list[tuple[Cell, ...]] = []
    for index, unit in enumerate(order, start=1):
        values = [_value(f["by_unit"].get(unit)) for f in figures]
        if all(v is None for v in values):
            continue
        rows.append((index, unit_names.get(unit, unit), *values))
    totals: tuple[Cell, ...] = ("", "Tổng cộng", *(_value(f["total"]) for f in figures))
    previous: tuple[Cell, ...] = (
        "",
        f"Cùng kỳ năm {round_info['year'] - 1}",
        *(_value(f["previous"]) for f in figures),
    )
    header = ("STT", "Cơ quan, đơn vị", *(f"{f['name']} ({f['unit_of_measure']})" for f in figures))
    values_sheet = Sheet(
        name="Số liệu theo đơn vị",
        title=f"PHỤ LỤC 1. SỐ LIỆU THÔNG TIN ĐỐI NGOẠI {round_info['period_label'].upper()} THEO ĐƠN VỊ",
        header=header,
        rows=(*rows, previous),
        totals=totals,
        notes=(
            "Số liệu từ các báo cáo đã được duyệt; tổng cộng theo quy tắc tổng hợp của từng chỉ tiêu.",
            f"Số liệu từ ngày {round_info['window_start']} đến ngày {round_info['window_end']}.",
        ),
        column_widths=(6.0, 42.0, *([16.0] * len(figures))),
    )
    completeness = inputs["completeness"]
    status_rows: list[tuple[Cell, ...]] = [
        (
            index,
            unit["name"],
            unit["state_label"],
            (unit["submitted_at"] or "")[:10],
            "Trễ hạn" if unit["late"] else ("Đúng hạn" if unit["submitted_at"] else "Chưa gửi"),
            "Có" if unit["status"] == "approved" else "Không",
        )
        for index, unit in enumerate(inputs["units"], start=1)
    ]
    completeness_sheet = Sheet(
        name="Tình hình báo cáo",
        title=f"PHỤ LỤC 2. TÌNH HÌNH GỬI BÁO CÁO (hạn gửi {round_info['deadline']})",
        header=("STT", "Cơ quan, đơn vị", "Trạng thái", "Ngày gửi", "Thời hạn", "Đưa vào tổng hợp"),
        rows=tuple(status_rows),
        notes=(
            (
                f"Phải báo cáo: {completeness['expected']}; đã gửi: {completeness['submitted']} "
                f"(đúng hạn {completeness['on_time']}, trễ hạn {completeness['late']}); "
                f"đã duyệt: {completeness['approved']}; quá hạn chưa gửi: {completeness['missing']}."
            ),
        ),
        column_widths=(6.0, 42.0, 20.0, 14.0, 12.0, 16.0),
    )
    return [values_sheet, completeness_sheet]
