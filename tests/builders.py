"""Small builders of realistic documents for the tests (text written for the tests)."""

from __future__ import annotations

import io

import docx


def official_text(
    *,
    issuer_lines: tuple[str, ...] = ("ỦY BAN NHÂN DÂN", "TỈNH ĐỒNG NAI"),
    number: str = "281/KH-UBND",
    place_date: str = "Đồng Nai, ngày 21 tháng 8 năm 2024",
    doc_type: str = "KẾ HOẠCH",
    title: str = "Triển khai công tác thông tin đối ngoại năm 2025",
    body: str = "",
    signer: tuple[str, ...] = ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "Nguyễn Văn An"),
    recipients: tuple[str, ...] = ("Bộ Thông tin và Truyền thông;", "Lưu: VT, KGVX."),
) -> str:
    lines = [
        *issuer_lines,
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        f"Số: {number}",
        place_date,
        doc_type,
        title,
        "",
        body
        or (
            "Thực hiện Nghị quyết số 47/NQ-CP ngày 15/4/2024 của Chính phủ về Chương trình hành "
            "động thực hiện Kết luận số 57-KL/TW ngày 15 tháng 6 năm 2023 của Bộ Chính trị, "
            "Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:\n"
            "I. MỤC TIÊU, YÊU CẦU\n"
            "1. Nâng cao hiệu quả công tác thông tin đối ngoại của tỉnh.\n"
            "II. TỔ CHỨC THỰC HIỆN\n"
            "1. Sở Thông tin và Truyền thông chủ trì theo dõi, đôn đốc thực hiện Kế hoạch."
        ),
        "",
        "Nơi nhận:",
        *(f"- {recipient}" for recipient in recipients),
        *signer,
    ]
    return "\n".join(lines) + "\n"


def docx_bytes(text: str) -> bytes:
    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def make_org_tree():
    """A small province with two departments, and one user per role (plus an outsider)."""
    from django.contrib.auth import get_user_model

    from ttdn.orgs.services import grant_role, save_unit

    province = save_unit(
        code="thu-nghiem",
        name="Ủy ban nhân dân tỉnh Thử Nghiệm",
        kind="province",
        actor=None,
        aliases=["UBND tỉnh"],
    )
    unit_a = save_unit(
        code="so-a",
        name="Sở Văn hóa, Thể thao và Du lịch tỉnh Thử Nghiệm",
        kind="department",
        parent=province,
        actor=None,
    )
    unit_b = save_unit(
        code="so-b",
        name="Sở Nội vụ tỉnh Thử Nghiệm",
        kind="department",
        parent=province,
        actor=None,
    )
    users = {}
    for username, role, unit in [
        ("admin", "administrator", province),
        ("coordinator", "coordinator", province),
        ("officer_a", "unit_officer", unit_a),
        ("officer_b", "unit_officer", unit_b),
        ("viewer", "viewer", province),
        ("outsider", None, None),
    ]:
        user = get_user_model().objects.create_user(username, password="mat-khau-123")
        if role:
            grant_role(user=user, unit=unit, role=role, actor=None)
        users[username] = user
    return {"province": province, "unit_a": unit_a, "unit_b": unit_b, "users": users}


def make_round(
    org,
    *,
    period="2024S1",
    deadline=None,
    codes=("training_sessions", "training_attendances", "social_followers", "publications"),
):
    """Open a round of the test province for both departments, on a few default indicators."""
    import datetime as dt

    from ttdn.reporting.catalogue import load_default_catalogue
    from ttdn.reporting.models import Indicator, ValidationRule
    from ttdn.reporting.services import open_round

    # Transactional (browser) tests empty every table afterwards, the migrated catalogue too.
    load_default_catalogue(Indicator, ValidationRule)
    return open_round(
        title=f"Báo cáo {period}",
        province=org["province"],
        period_code=period,
        deadline=deadline or dt.date(2024, 6, 25),
        units=[org["unit_a"], org["unit_b"]],
        indicators=Indicator.objects.filter(code__in=codes),
        actor=org["users"]["coordinator"],
    )


def figures(**values):
    """{"training_sessions": 7} → the (code, category) → Decimal mapping services take."""
    from decimal import Decimal

    return {(code, ""): Decimal(value) for code, value in values.items()}
