"""The demo plans, taken through the review flow from their registry documents.

Kế hoạch 281/KH-UBND of Đồng Nai (21/8/2024, to 2030): some tasks done on time, some late, some
overdue and some held by districts that ended on 30/6/2025 (so the reassignment list has work to
show). Kế hoạch 262/KH-UBND (8/11/2023) for 2024: the plan in force during the demo reporting
round, so the consolidated report of "6 tháng đầu năm 2024" has task progress to state.
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
PLAN_2024_KEY = "262/KH-UBND"

# (unit code, words the task starts with, status, completed on, note)
PROGRESS_2024 = [
    (
        "so-tttt-dong-nai",
        "Phối hợp với Ban Tuyên giáo Tỉnh ủy tổ chức giao ban",
        "done",
        dt.date(2024, 3, 28),
        "Giao ban báo chí quý I ngày 28/3/2024; họp báo 6 tháng đầu năm đã tổ chức.",
    ),
    (
        "so-tttt-dong-nai",
        "Chủ trì tổ chức các hội nghị tập huấn",
        "done",
        dt.date(2024, 5, 24),
        "Đã tổ chức 07 hội nghị tập huấn cho cán bộ theo dõi thông tin đối ngoại.",
    ),
    (
        "so-ngoai-vu-dong-nai",
        "Mở các lớp bồi dưỡng về lễ tân",
        "done",
        dt.date(2024, 6, 20),
        "Lớp bồi dưỡng lễ tân đối ngoại mở ngày 20/6/2024 (trễ so với hạn 14/6).",
    ),
    (
        "so-vhttdl-dong-nai-2024",
        "Biên soạn, phát hành ấn phẩm",
        "in_progress",
        None,
        "Đã phát hành 02 ấn phẩm song ngữ; video quảng bá đang dựng.",
    ),
    (
        "bao-dong-nai",
        "Phát triển các trang mạng xã hội",
        "done",
        dt.date(2024, 5, 31),
        "Thiết lập 03 trang mạng xã hội; chuyên trang song ngữ hằng tuần.",
    ),
]

# Deadlines the coordinator set in review of the 2024 plan where its text gives none.
DUE_IN_REVIEW_2024 = {
    "Chủ trì tổ chức các hội nghị tập huấn": dt.date(2024, 6, 14),
    "Mở các lớp bồi dưỡng về lễ tân": dt.date(2024, 6, 14),
    "Biên soạn, phát hành ấn phẩm": dt.date(2024, 12, 14),
    "Tổ chức các buổi gặp gỡ, giao lưu": dt.date(2024, 4, 30),
}

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


def _due(row: dict[str, object], due_in_review: dict[str, dt.date]) -> dt.date | None:
    text = str(row["text"])
    for start, due in due_in_review.items():
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


def load_demo_plans(units: dict[str, OrgUnit]) -> list[Plan]:
    """Create the demo plans once; later runs leave them as they are."""
    loaded = [
        _load_plan(
            units,
            key=PLAN_2024_KEY,
            starts_on=dt.date(2023, 11, 8),
            ends_on=dt.date(2024, 12, 31),
            due_in_review=DUE_IN_REVIEW_2024,
            progress=PROGRESS_2024,
        ),
        _load_plan(
            units,
            key=PLAN_KEY,
            starts_on=dt.date(2024, 8, 21),
            ends_on=dt.date(2030, 12, 31),
            due_in_review=DUE_IN_REVIEW,
            progress=PROGRESS,
        ),
    ]
    return [plan for plan in loaded if plan is not None]


@transaction.atomic
def _load_plan(
    units: dict[str, OrgUnit],
    *,
    key: str,
    starts_on: dt.date,
    ends_on: dt.date,
    due_in_review: dict[str, dt.date],
    progress: list[tuple[str, str, str, dt.date | None, str]],
) -> Plan | None:
    document = Document.objects.filter(key=key).first()
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
            due=_due(row, due_in_review),
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
            starts_on=draft.starts_on or starts_on,
            ends_on=draft.ends_on or ends_on,
            objectives=draft.objectives,
        ),
        rows=rows,
        actor=None,
    )
    for code, start, status, completed_on, note in progress:
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
