"""Assignments in the other layouts plans use: Arabic parts with lettered units, a sub-item
"Tổ chức thực hiện", units with their tasks as paragraphs, and a table of tasks (issue #5)."""

from __future__ import annotations

import io

import docx

from tests.builders import official_text
from ttdn.docparse import parse, parse_bytes
from ttdn.docparse.assignments import cell_schedule, split_units


def test_arabic_parts_with_lettered_units():
    body = (
        "1. MỤC ĐÍCH, YÊU CẦU\n"
        "a) Nâng cao nhận thức về thông tin đối ngoại.\n"
        "2. NHIỆM VỤ\n"
        "a) Tuyên truyền trên báo chí.\n"
        "3. TỔ CHỨC THỰC HIỆN\n"
        "a) Sở Ngoại vụ\n"
        "- Chủ trì xuất bản bản tin đối ngoại hằng quý.\n"
        "- Hướng dẫn phóng viên nước ngoài.\n"
        "b) Ủy ban nhân dân các xã, phường\n"
        "- Cập nhật thông tin đối ngoại trên trang thông tin điện tử.\n"
        "c) Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh: phối hợp tuyên truyền."
    )
    assignments = parse(official_text(body=body)).assignments

    assert [(a["number"], a["unit"], a["kind"], len(a["tasks"])) for a in assignments] == [
        ("3.a", "Sở Ngoại vụ", "order", 2),
        ("3.b", "Ủy ban nhân dân các xã, phường", "order", 1),
        ("3.c", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "request", 1),
    ]
    assert assignments[0]["schedule"] == [{"task": 0, "due": None, "recurrence": "quarterly"}]


def test_implementation_as_a_sub_item_of_a_roman_part():
    body = (
        "I. MỤC TIÊU\n"
        "1. Quảng bá hình ảnh tỉnh.\n"
        "II. NHIỆM VỤ VÀ TỔ CHỨC THỰC HIỆN\n"
        "1. Nhiệm vụ trọng tâm\n"
        "- Đẩy mạnh thông tin đối ngoại trên mạng xã hội.\n"
        "2. Tổ chức thực hiện\n"
        "a) Sở Văn hóa, Thể thao và Du lịch\n"
        "- Chủ trì tổ chức giao ban báo chí trước ngày 15/12/2026.\n"
        "b) Báo Đồng Nai\n"
        "- Duy trì chuyên mục thông tin đối ngoại.\n"
        "III. KINH PHÍ\n"
        "- Ngân sách tỉnh bố trí hằng năm."
    )
    assignments = parse(official_text(body=body)).assignments

    assert [(a["unit"], a["tasks"]) for a in assignments] == [
        (
            "Sở Văn hóa, Thể thao và Du lịch",
            ["Chủ trì tổ chức giao ban báo chí trước ngày 15/12/2026."],
        ),
        ("Báo Đồng Nai", ["Duy trì chuyên mục thông tin đối ngoại."]),
    ]
    assert assignments[0]["schedule"] == [{"task": 0, "due": "2026-12-15", "recurrence": None}]


def test_tasks_written_as_paragraphs_and_the_closing_words_are_not_a_task():
    body = (
        "I. MỤC TIÊU\n1. Nâng cao hiệu quả.\n"
        "II. TỔ CHỨC THỰC HIỆN\n"
        "1. Sở Nội vụ\n"
        "Tham mưu bố trí công chức phụ trách thông tin đối ngoại tại các sở, ngành,\n"
        "địa phương.\n"
        "Đưa nội dung thông tin đối ngoại vào kế hoạch bồi dưỡng cán bộ hằng năm.\n"
        "2. Công an tỉnh\n"
        "- Bảo vệ bí mật nhà nước khi cung cấp thông tin cho báo chí.\n"
        "Chủ tịch UBND tỉnh yêu cầu Thủ trưởng các sở, ngành nghiêm túc triển khai Kế hoạch này."
    )
    assignments = parse(official_text(body=body)).assignments

    assert [a["tasks"] for a in assignments] == [
        [
            "Tham mưu bố trí công chức phụ trách thông tin đối ngoại tại các sở, ngành, địa phương.",
            "Đưa nội dung thông tin đối ngoại vào kế hoạch bồi dưỡng cán bộ hằng năm.",
        ],
        ["Bảo vệ bí mật nhà nước khi cung cấp thông tin cho báo chí."],
    ]


def _plan_with_task_table() -> bytes:
    document = docx.Document()
    for line in official_text(body="I. MỤC TIÊU\n1. Quảng bá hình ảnh tỉnh.").splitlines()[:9]:
        document.add_paragraph(line)
    document.add_paragraph("II. TỔ CHỨC THỰC HIỆN")
    document.add_paragraph("Các nhiệm vụ cụ thể như sau:")
    rows = [
        ("STT", "Nội dung", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian"),
        ("I", "Công tác tuyên truyền", "", "", ""),
        (
            "1",
            "Tổ chức hội nghị tập huấn nghiệp vụ thông tin đối ngoại",
            "Sở Văn hóa, Thể thao và Du lịch",
            "Sở Nội vụ, Sở Ngoại vụ",
            "Quý III/2025",
        ),
        (
            "2",
            "Xuất bản bản tin đối ngoại song ngữ",
            "Sở Ngoại vụ",
            "Báo Đồng Nai\nĐài Phát thanh - Truyền hình Đồng Nai",
            "Hằng quý",
        ),
        (
            "3",
            "Xây dựng cơ sở dữ liệu thông tin đối ngoại",
            "Sở Văn hóa, Thể thao và Du lịch",
            "Các sở, ban, ngành; UBND các xã, phường",
            "Trước ngày 30/11/2025",
        ),
        (
            "4",
            "Định hướng nội dung thông tin",
            "Đề nghị Ban Tuyên giáo Tỉnh ủy",
            "",
            "Thường xuyên",
        ),
    ]
    table = document.add_table(rows=len(rows), cols=5)
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.cell(r, c).text = value
    document.add_paragraph("Trên đây là Kế hoạch của UBND tỉnh.")
    for line in ("Nơi nhận:", "- Lưu: VT.", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn An"):
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_task_table_rows_become_tasks_of_their_lead_units():
    parsed = parse_bytes(_plan_with_task_table(), "ke-hoach.docx")

    assert [(a["unit"], a["kind"], a["tasks"]) for a in parsed.assignments] == [
        (
            "Sở Văn hóa, Thể thao và Du lịch",
            "order",
            [
                "Tổ chức hội nghị tập huấn nghiệp vụ thông tin đối ngoại",
                "Xây dựng cơ sở dữ liệu thông tin đối ngoại",
            ],
        ),
        ("Sở Ngoại vụ", "order", ["Xuất bản bản tin đối ngoại song ngữ"]),
        ("Ban Tuyên giáo Tỉnh ủy", "request", ["Định hướng nội dung thông tin"]),
    ]
    culture, foreign, party = parsed.assignments
    assert culture["supporters"] == [
        {"task": 0, "units": ["Sở Nội vụ", "Sở Ngoại vụ"]},
        {"task": 1, "units": ["Các sở, ban, ngành", "UBND các xã, phường"]},
    ]
    assert culture["schedule"] == [
        {"task": 0, "due": "2025-09-30", "recurrence": None},
        {"task": 1, "due": "2025-11-30", "recurrence": None},
    ]
    assert foreign["supporters"][0]["units"] == [
        "Báo Đồng Nai",
        "Đài Phát thanh - Truyền hình Đồng Nai",
    ]
    assert foreign["schedule"] == [{"task": 0, "due": None, "recurrence": "quarterly"}]
    assert party["schedule"] == [{"task": 0, "due": None, "recurrence": "ongoing"}]
    # Offsets point into the text, where the reader wrote every cell as a line.
    first = parsed.text.index("Tổ chức hội nghị tập huấn")
    assert parsed.text[first : first + 20] == "Tổ chức hội nghị tập"


def test_time_cells_mean_the_last_day_of_the_period():
    assert cell_schedule("Tháng 2/2024") == ("2024-02-29", None)
    assert cell_schedule("Quý IV/2025") == ("2025-12-31", None)
    assert cell_schedule("Năm 2026") == ("2026-12-31", None)
    assert cell_schedule("31/2/2025") == (None, None)
    assert cell_schedule("Hằng năm, trước ngày 15/12") == ("15/12", "yearly")


def test_commas_inside_a_unit_name_do_not_split_it():
    assert split_units("Sở Văn hóa, Thể thao và Du lịch, Công an tỉnh và Báo Đồng Nai") == [
        "Sở Văn hóa, Thể thao và Du lịch",
        "Công an tỉnh và Báo Đồng Nai",
    ]


def test_a_task_to_finish_within_a_year_is_due_at_its_end():
    body = (
        "I. TỔ CHỨC THỰC HIỆN\n"
        "1. Sở Văn hóa, Thể thao và Du lịch\n"
        "- Xây dựng cơ sở dữ liệu thông tin đối ngoại, trình UBND tỉnh trong năm 2025.\n"
    )
    assignments = parse(official_text(body=body)).assignments
    assert assignments[0]["schedule"] == [{"task": 0, "due": "2025-12-31", "recurrence": None}]
