"""The "Tổ chức thực hiện" section turned into assignments (issue #5, extraction part)."""

from __future__ import annotations

import pytest

from tests.builders import official_text
from tests.conftest import SEEDS_DIR
from ttdn.docparse import parse, parse_file


@pytest.mark.skipif(not SEEDS_DIR.is_dir(), reason="../shared/seeds is not beside this checkout")
def test_seed_plan_has_eleven_groups_with_their_tasks():
    assignments = parse_file(SEEDS_DIR / "002_154b8362fb7d49e0.txt").assignments

    assert [(a["unit"], len(a["tasks"])) for a in assignments] == [
        ("Sở Thông tin và Truyền thông", 5),
        ("Sở Nội vụ", 2),
        ("Sở Ngoại vụ", 2),
        ("Sở Kế hoạch và Đầu tư", 1),
        ("Sở Văn hóa, Thể thao và Du lịch", 1),
        ("Sở Công thương", 1),
        ("Liên hiệp các tổ chức hữu nghị tỉnh", 1),
        ("Công an tỉnh", 3),
        ("Các sở, ban, ngành, UBND các huyện, thành phố", 6),
        ("Các cơ quan báo chí trong tỉnh", 3),
        ("Ban Tuyên giáo Tỉnh ủy", 1),
    ]
    assert [a["kind"] for a in assignments].count("request") == 1
    assert assignments[-1]["kind"] == "request"
    assert assignments[-1]["tasks"][0].startswith("chỉ đạo, định hướng")
    assert [a["collective"] for a in assignments][8:10] == [True, True]


def test_paragraph_tasks_wrapped_lines_deadlines_and_recurrence():
    body = (
        "I. MỤC TIÊU\n1. Nâng cao hiệu quả.\n"
        "II. TỔ CHỨC THỰC HIỆN\n"
        "1. Sở Văn hóa, Thể thao và Du lịch\n"
        "Chủ trì theo dõi việc thực hiện Kế hoạch; tổng hợp báo cáo UBND tỉnh\n"
        "trước ngày 15/12 hằng năm.\n"
        "Tổ chức giao ban báo chí định kỳ hằng quý.\n"
        "2. Đề nghị Ban Tuyên giáo và Dân vận Tỉnh ủy: định hướng nội dung thông tin.\n"
        "Trên đây là Kế hoạch thông tin đối ngoại năm 2026 của tỉnh."
    )
    assignments = parse(official_text(body=body)).assignments

    first, second = assignments
    assert first["tasks"] == [
        (
            "Chủ trì theo dõi việc thực hiện Kế hoạch; tổng hợp báo cáo UBND tỉnh trước ngày 15/12 "
            "hằng năm."
        ),
        "Tổ chức giao ban báo chí định kỳ hằng quý.",
    ]
    assert first["schedule"] == [
        {"task": 0, "due": "15/12", "recurrence": "yearly"},
        {"task": 1, "due": None, "recurrence": "quarterly"},
    ]
    assert second == {
        **second,
        "unit": "Ban Tuyên giáo và Dân vận Tỉnh ủy",
        "kind": "request",
        "tasks": ["định hướng nội dung thông tin."],
    }


def test_documents_without_an_implementation_section_have_no_assignments():
    assert parse(official_text(body="I. MỤC TIÊU\n1. Một việc.")).assignments == ()


def test_a_duration_is_not_a_recurrence_but_every_six_months_is():
    body = (
        "II. TỔ CHỨC THỰC HIỆN\n"
        "1. Sở Nội vụ\n"
        "- Rà soát quy chế; hoàn thành trong 06 tháng kể từ ngày nghị định có hiệu lực.\n"
        "- Tổng hợp kết quả định kỳ 6 tháng, báo cáo UBND tỉnh.\n"
        "- Tổ chức ít nhất 02 hội nghị tập huấn mỗi năm.\n"
        "Trên đây là Kế hoạch của tỉnh."
    )
    (assignment,) = parse(official_text(body=body)).assignments

    assert assignment["schedule"] == [
        {"task": 1, "due": None, "recurrence": "half_yearly"},
        {"task": 2, "due": None, "recurrence": "yearly"},
    ]
