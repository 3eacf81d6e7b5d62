"""Figures as Vietnamese prose, and the plan-progress section (plain values, no database)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

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


def _figure(code: str, total: int | None, channel: str = "training") -> Figure:
    return Figure(code, code, "cái", channel, None if total is None else Decimal(total))


def test_numbers_take_vietnamese_grouping_and_a_leading_zero_under_ten():
    assert number(7) == "07"
    assert number(12) == "12"
    assert number(5050) == "5.050"
    assert number(212000) == "212.000"
    assert number(0) == "0"
    assert number(Decimal("1.50")) == "1,5"


def test_training_sentence_names_sessions_courses_and_attendances():
    sentence = channel_sentence(
        "training",
        [
            _figure("training_sessions", 7),
            _figure("courses", 12),
            _figure("training_attendances", 5050),
        ],
    )
    assert sentence == (
        "Các cơ quan, đơn vị đã tổ chức 07 hội nghị tập huấn, 12 lớp bồi dưỡng "
        "cho 5.050 lượt người tham dự."
    )


def test_channel_with_only_zero_figures_is_left_out():
    assert (
        channel_sentence("training", [_figure("training_sessions", 0), _figure("courses", None)])
        is None
    )


def test_indicator_outside_the_default_catalogue_reads_with_its_unit_of_measure():
    figure = Figure("radio_minutes", "Thời lượng phát thanh", "phút", "other", Decimal(90))
    assert channel_sentence("other", [figure]) == "Thực hiện 90 phút (thời lượng phát thanh)."


def test_comparison_with_the_same_period_last_year():
    assert comparison_phrase(Decimal(7), Decimal(5)) == "tăng 40%"
    assert comparison_phrase(Decimal(90), Decimal(100)) == "giảm 10%"
    assert comparison_phrase(Decimal(5), Decimal(5)) == "tương đương cùng kỳ"
    assert comparison_phrase(Decimal(5), None) == "chưa có số liệu cùng kỳ"


def test_units_with_the_same_text_share_one_attributed_line():
    lines = attributed(
        [
            UnitText("Sở A", "Cán bộ còn  kiêm nhiệm."),
            UnitText("Sở B", "Thiếu kinh phí."),
            UnitText("Sở C", "Cán bộ còn kiêm nhiệm."),
            UnitText("Sở D", "   "),
        ]
    )
    assert lines == ["- Sở A, Sở C: Cán bộ còn kiêm nhiệm.", "- Sở B: Thiếu kinh phí."]


def test_plan_citation_reads_like_the_seed_report():
    text = citation(
        "Kế hoạch", "262/KH-UBND", dt.date(2023, 11, 8), "Hoạt động thông tin đối ngoại năm 2024"
    )
    assert (
        text == "Kế hoạch số 262/KH-UBND ngày 08/11/2023 về hoạt động thông tin đối ngoại năm 2024."
    )


@dataclass(frozen=True)
class Progress:
    plan_id: int
    number: str
    issued_at: dt.date | None
    title: str
    total: int
    done_on_time: int
    done_late: int
    pending_within_deadline: int
    overdue: int
    cancelled: int


def test_plan_progress_section_counts_done_late_and_overdue_tasks():
    lines = plan_progress_lines(
        [
            Progress(
                1,
                "262/KH-UBND",
                dt.date(2023, 11, 8),
                "Hoạt động TTĐN năm 2024",
                20,
                12,
                3,
                3,
                2,
                0,
            ),
            Progress(
                2, "103/KH-UBND", dt.date(2024, 3, 27), "Phối hợp với báo chí", 6, 2, 0, 3, 0, 1
            ),
        ]
    )
    assert lines[0] == (
        "- Kế hoạch số 262/KH-UBND ngày 08/11/2023 về hoạt động TTĐN năm 2024: 20 nhiệm vụ; "
        "đã hoàn thành 15 (75%; đúng hạn 12, trễ hạn 03), đang thực hiện trong hạn 03, quá hạn 02."
    )
    assert lines[1].endswith(
        "đã hoàn thành 02 (40%; đúng hạn 02, trễ hạn 0), đang thực hiện trong hạn 03, quá hạn 0, hủy 01."
    )
    assert lines[2].startswith("Tổng cộng 02 kế hoạch: 26 nhiệm vụ; đã hoàn thành 17 (68%")


def test_plan_with_only_cancelled_tasks_says_so():
    (line,) = plan_progress_lines([Progress(3, "", None, "", 2, 0, 0, 0, 0, 2)])
    assert line == "- Kế hoạch: 02 nhiệm vụ, đều đã hủy."
