"""The demo plan: Kế hoạch 281/KH-UBND of Đồng Nai (21/8/2024), taken through the review flow
from its registry document, with some tasks done on time, some late, some overdue and some
held by districts that ended on 30/6/2025 (so the reassignment list has work to show).
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from ttdn.documents.models import Document
from ttdn.orgs.models import OrgUnit
from ttdn.orgs.selectors import province_of
from ttdn.plans import services
from ttdn.plans.models import Plan, TaskAssignment
from ttdn.reporting.models import Activity, Submission

PLAN_KEY = "281/KH-UBND"

# (unit code, words the task starts with, status, completed on, note)
PROGRESS = [
    (
        "so-tttt-dong-nai",
        "Tổ chức ít nhất 02 hội nghị tập huấn",
        "done",
        dt.date(2024, 11, 20),
        "Đã tổ chức 02 hội nghị tập huấn tại Biên Hòa và Long Khánh, hơn 300 lượt người.",
    ),
    (
        "so-tttt-dong-nai",
        "Là cơ quan đầu mối",
        "done",
        dt.date(2024, 12, 20),
        "Báo cáo kết quả năm 2024 gửi UBND tỉnh (trễ 5 ngày so với hạn 15/12).",
    ),
    (
        "so-vhttdl-dong-nai-2024",
        "Giới thiệu văn hóa, du lịch",
        "done",
        dt.date(2024, 4, 12),
        "Trưng bày sản phẩm du lịch tại Hội chợ du lịch quốc tế.",
    ),
    (
        "so-ngoai-vu-dong-nai",
        "Xuất bản “Bản tin đối ngoại Đồng Nai”",
        "in_progress",
        None,
        "Đã phát hành 3 số bản tin năm 2024; số quý IV đang biên tập.",
    ),
    (
        "so-tttt-dong-nai",
        "Chủ trì xây dựng cơ sở dữ liệu",
        "in_progress",
        None,
        "Đã trình dự thảo bộ chỉ tiêu; cơ sở dữ liệu đang xây dựng.",
    ),
]


# Deadlines the coordinator set in review where the plan's text gives none.
DUE_IN_REVIEW = {
    "Chủ trì bồi dưỡng về lễ tân": dt.date(2024, 12, 31),
    "Xuất bản “Bản tin đối ngoại Đồng Nai”": dt.date(2027, 12, 31),
    "Tham mưu UBND tỉnh bố trí đủ công chức": dt.date(2025, 3, 31),
    "Chủ trì rà soát, tham mưu sửa đổi Quy chế": dt.date(2027, 6, 30),
}


def _due(row: dict[str, object]) -> dt.date | None:
    text = str(row["text"])
    for start, due in DUE_IN_REVIEW.items():
        if text.startswith(start):
            return due
    return dt.date.fromisoformat(str(row["due"])) if row["due"] else None


def _evidence(code: str, units: dict[str, OrgUnit]) -> list[services.EvidenceInput]:
    unit = units.get(code)
    items: list[services.EvidenceInput] = []
    if unit is None:
        return items
    activity = Activity.objects.filter(unit=unit).order_by("date").last()
    if activity is not None:
        items.append(services.EvidenceInput(activity=activity))
    submission = Submission.objects.filter(unit=unit, status="approved").first()
    if submission is not None:
        items.append(services.EvidenceInput(submission=submission))
    report = Document.objects.filter(doc_type__iexact="Báo cáo").first()
    if report is not None and code == "so-tttt-dong-nai":
        items.append(services.EvidenceInput(document=report))
    return items


@transaction.atomic
def load_demo_plans(units: dict[str, OrgUnit]) -> Plan | None:
    """Create the demo plan once; later runs leave it as it is."""
    document = Document.objects.filter(key=PLAN_KEY).first()
    if document is None or Plan.objects.filter(document=document).exists():
        return None
    province = province_of(document.issuer_unit) or units["dong-nai-2024"]
    draft = services.propose_plan(document=document, province=province, actor=None)
    by_pk = OrgUnit.objects.in_bulk(
        [pk for row in draft.proposal for pk in (*row["lead"], *row["support"])]
    )
    # The coordinator's review: tasks whose unit the tree does not know are dropped.
    rows = [
        services.ReviewedTask(
            text=row["text"],
            lead=[by_pk[pk] for pk in row["lead"]],
            support=[by_pk[pk] for pk in row["support"]],
            due=_due(row),
            recurrence=row["recurrence"],
            kind=row["kind"],
            group=row["group"],
            keep=bool(row["lead"]),
        )
        for row in draft.proposal
    ]
    plan = services.create_plan_from_draft(
        draft=draft,
        header=services.PlanHeader(
            title=draft.title,
            starts_on=draft.starts_on or dt.date(2024, 8, 21),
            ends_on=draft.ends_on or dt.date(2030, 12, 31),
            objectives=draft.objectives,
        ),
        rows=rows,
        actor=None,
    )
    for code, start, status, completed_on, note in PROGRESS:
        assignment = TaskAssignment.objects.filter(
            task__plan=plan, unit__code=code, task__text__startswith=start
        ).first()
        if assignment is None:
            continue
        services.update_assignment(
            assignment=assignment,
            status=status,
            note=note,
            evidence=_evidence(code, units) if status == "done" else [],
            actor=None,
            today=completed_on or dt.date(2024, 12, 1),
        )
    return plan
