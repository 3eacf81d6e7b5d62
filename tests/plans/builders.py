"""Builders of plans for the tests: a plan document for the test province, and saved plans."""

from __future__ import annotations

import datetime as dt

from tests.builders import official_text

PLAN_BODY = (
    "Thực hiện Kết luận số 57-KL/TW ngày 15/6/2023 của Bộ Chính trị, UBND tỉnh ban hành Kế "
    "hoạch như sau:\n"
    "I. MỤC TIÊU, YÊU CẦU\n"
    "1. Mục tiêu\n"
    "- Nâng cao hiệu quả thông tin đối ngoại của tỉnh.\n"
    "II. TỔ CHỨC THỰC HIỆN\n"
    "1. Sở Văn hóa, Thể thao và Du lịch\n"
    "- Chủ trì theo dõi, tổng hợp kết quả thực hiện Kế hoạch trước ngày 15/12 hằng năm.\n"
    "- Tổ chức hội nghị tập huấn thông tin đối ngoại trước ngày 30/9/2024.\n"
    "2. Sở Nội vụ\n"
    "- Bố trí công chức theo dõi thông tin đối ngoại trước ngày 31/10/2024.\n"
    "3. Các sở, ban, ngành, UBND các huyện, thành phố\n"
    "- Xây dựng kế hoạch thực hiện của cơ quan, địa phương.\n"
    "4. Sở Tài nguyên và Môi trường\n"
    "- Cung cấp thông tin về môi trường đầu tư.\n"
    "5. Đề nghị Ban Tuyên giáo Tỉnh ủy: định hướng nội dung thông tin đối ngoại.\n"
)


def plan_document(**kwargs):
    from ttdn.documents.services import ingest_document

    text = official_text(body=PLAN_BODY, title="Thông tin đối ngoại năm 2024", **kwargs)
    return ingest_document(data=text.encode(), filename="ke-hoach.txt").document


def add_aliases(org):
    from ttdn.orgs.models import OrgUnitAlias

    OrgUnitAlias.objects.create(unit=org["unit_a"], name="Sở Văn hóa, Thể thao và Du lịch")
    OrgUnitAlias.objects.create(unit=org["unit_b"], name="Sở Nội vụ")


def make_plan(org, tasks, *, starts_on=dt.date(2024, 8, 21), ends_on=dt.date(2024, 12, 31)):
    """Save a plan with ``tasks``: (text, [lead units], due date, [supporting units])."""
    from ttdn.plans.models import PlanDraft
    from ttdn.plans.services import PlanHeader, ReviewedTask, create_plan_from_draft

    document = plan_document()
    draft = PlanDraft.objects.create(document=document, province=org["province"], proposal=[])
    rows = [
        ReviewedTask(text=text, lead=list(lead), due=due, support=list(support))
        for text, lead, due, support in tasks
    ]
    return create_plan_from_draft(
        draft=draft,
        header=PlanHeader(title="Kế hoạch thử", starts_on=starts_on, ends_on=ends_on),
        rows=rows,
        actor=org["users"]["coordinator"],
    )
