"""Proposals from a plan document, review, updates with evidence, reassignment, reminders."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core import mail
from django.core.files.storage import default_storage
from django.core.management import call_command

from tests.plans.builders import add_aliases, make_plan, plan_document
from ttdn.orgs.services import record_lineage_event, save_unit
from ttdn.plans import services
from ttdn.plans.deadlines import DeadlineStatus
from ttdn.plans.models import Evidence, Plan, Task, TaskAssignment, TaskReminder, TaskUpdate
from ttdn.plans.services import PlanError, PlanHeader, ReviewedTask
from ttdn.reporting.models import Activity

pytestmark = pytest.mark.django_db

HEADER = PlanHeader(
    title="Kế hoạch TTĐN 2024", starts_on=dt.date(2024, 8, 21), ends_on=dt.date(2024, 12, 31)
)


@pytest.fixture
def district(org):
    return save_unit(
        code="huyen-x",
        name="Ủy ban nhân dân huyện Xuân Thử",
        kind="district",
        parent=org["province"],
        valid_to=dt.date(2025, 6, 30),
        actor=None,
    )


def test_proposal_resolves_units_marks_requests_and_expands_groups(org, district):
    add_aliases(org)
    draft = services.propose_plan(
        document=plan_document(), province=org["province"], actor=org["users"]["coordinator"]
    )

    rows = draft.proposal
    assert [row["text"][:20] for row in rows] == [
        "Chủ trì theo dõi, tổ",
        "Tổ chức hội nghị tập",
        "Bố trí công chức the",
        "Xây dựng kế hoạch th",
        "Cung cấp thông tin v",
        "định hướng nội dung ",
    ]
    assert rows[0]["lead"] == [org["unit_a"].pk]
    assert rows[0]["due"] == "2024-12-15"  # "trước ngày 15/12 hằng năm", first after issue
    assert rows[0]["recurrence"] == "yearly"
    assert rows[1]["due"] == "2024-09-30"
    assert rows[2]["lead"] == [org["unit_b"].pk]
    # "Các sở, ban, ngành, UBND các huyện" on the plan's date: both departments, the district.
    assert sorted(rows[3]["lead"]) == sorted([org["unit_a"].pk, org["unit_b"].pk, district.pk])
    assert rows[4]["lead"] == []
    assert rows[4]["unresolved"] == ["Sở Tài nguyên và Môi trường"]
    assert rows[5]["kind"] == "request"
    assert draft.objectives == "- Nâng cao hiệu quả thông tin đối ngoại của tỉnh."
    # Nothing exists before the review.
    assert Plan.objects.count() == Task.objects.count() == 0


def _rows(org, draft):
    units = {unit.pk: unit for unit in (org["unit_a"], org["unit_b"])}
    return [
        ReviewedTask(
            text=row["text"],
            lead=[units[pk] for pk in row["lead"] if pk in units],
            due=dt.date.fromisoformat(row["due"]) if row["due"] else None,
            kind=row["kind"],
            group=row["group"],
        )
        for row in draft.proposal
    ]


def test_review_drops_merges_and_refuses_a_task_without_lead(org):
    add_aliases(org)
    draft = services.propose_plan(document=plan_document(), province=org["province"], actor=None)
    rows = _rows(org, draft)

    with pytest.raises(PlanError, match="chưa có đơn vị chủ trì"):
        services.create_plan_from_draft(draft=draft, header=HEADER, rows=rows, actor=None)
    assert Plan.objects.count() == 0

    rows[4].keep = False  # the unit the tree does not know: dropped
    rows[5].keep = False
    rows[1].merge_into = 1  # the training joins the first task
    plan = services.create_plan_from_draft(draft=draft, header=HEADER, rows=rows, actor=None)

    tasks = list(plan.tasks.order_by("position"))
    assert len(tasks) == 3
    assert tasks[0].text.endswith(
        "Tổ chức hội nghị tập huấn thông tin đối ngoại trước ngày 30/9/2024."
    )
    assert tasks[0].due_on == dt.date(2024, 9, 30)  # the earlier deadline of the two
    assert [a.unit for a in tasks[0].lead] == [org["unit_a"]]
    assert {a.unit for a in tasks[2].lead} == {org["unit_a"], org["unit_b"]}
    draft.refresh_from_db()
    assert draft.status == "saved"
    assert draft.plan == plan

    with pytest.raises(PlanError, match="đã được lưu"):
        services.create_plan_from_draft(draft=draft, header=HEADER, rows=rows, actor=None)


def test_merging_into_a_dropped_task_is_refused(org):
    rows = [
        ReviewedTask(text="Một", lead=[org["unit_a"]], keep=False),
        ReviewedTask(text="Hai", lead=[org["unit_b"]], merge_into=1),
    ]
    draft = services.PlanDraft.objects.create(
        document=plan_document(), province=org["province"], proposal=[]
    )
    with pytest.raises(PlanError, match="gộp vào nhiệm vụ 1"):
        services.create_plan_from_draft(draft=draft, header=HEADER, rows=rows, actor=None)
    assert Task.objects.count() == 0


def test_a_document_without_implementation_section_proposes_nothing(org):
    from tests.builders import official_text
    from ttdn.documents.services import ingest_document

    document = ingest_document(
        data=official_text(body="I. MỤC TIÊU\n1. Một việc.").encode(), filename="kh.txt"
    ).document
    with pytest.raises(PlanError, match="Tổ chức thực hiện"):
        services.propose_plan(document=document, province=org["province"], actor=None)


def test_unit_update_with_evidence_sets_completion_and_status(org):
    plan = make_plan(org, [("Tập huấn", [org["unit_a"]], dt.date(2024, 9, 30), [org["unit_b"]])])
    lead = TaskAssignment.objects.get(task__plan=plan, unit=org["unit_a"])
    activity = Activity.objects.create(
        unit=org["unit_a"], kind="training", title="Hội nghị tập huấn", date=dt.date(2024, 10, 2)
    )
    services.update_assignment(
        assignment=lead,
        status="done",
        note="Đã tổ chức 01 hội nghị, 120 lượt người.",
        evidence=[
            services.EvidenceInput(activity=activity),
            services.EvidenceInput(file_name="danh-sach.pdf", file_data=b"%PDF-1.4 ..."),
        ],
        actor=org["users"]["officer_a"],
        today=dt.date(2024, 10, 2),
    )

    lead.refresh_from_db()
    assert lead.completed_on == dt.date(2024, 10, 2)
    assert lead.status_on(dt.date(2024, 10, 3)) == DeadlineStatus.DONE_LATE
    supporter = TaskAssignment.objects.get(task__plan=plan, unit=org["unit_b"])
    assert supporter.status_on(dt.date(2024, 10, 3)) == DeadlineStatus.OVERDUE
    stored = Evidence.objects.get(activity=None)
    assert default_storage.exists(stored.file.name)
    assert Evidence.objects.filter(activity=activity).count() == 1


def test_a_refused_update_leaves_no_rows(org):
    plan = make_plan(org, [("Tập huấn", [org["unit_a"]], None, [])])
    lead = plan.tasks.get().assignments.get()
    with pytest.raises(PlanError, match="rỗng"):
        services.update_assignment(
            assignment=lead,
            status="done",
            note="x",
            evidence=[services.EvidenceInput(file_name="a.pdf", file_data=b"")],
            actor=None,
            today=dt.date(2024, 10, 2),
        )
    assert TaskUpdate.objects.count() == 0
    lead.refresh_from_db()
    assert lead.status == "not_started"


@pytest.fixture
def merged_district(org, district):
    """The district ended on 30/6/2025; two communes continue it from 1/7/2025."""
    communes = [
        save_unit(
            code=code,
            name=name,
            kind="commune",
            parent=org["province"],
            valid_from=dt.date(2025, 7, 1),
            actor=None,
        )
        for code, name in [("xa-a", "UBND xã Xuân An"), ("xa-b", "UBND xã Xuân Bình")]
    ]
    record_lineage_event(
        kind="split",
        effective_on=dt.date(2025, 7, 1),
        predecessors=[district],
        successors=communes,
        actor=None,
    )
    return district, communes


def test_tasks_of_an_ended_district_are_proposed_to_its_successors(org, merged_district):
    from ttdn.plans.selectors import tasks_to_reassign

    district, communes = merged_district
    plan = make_plan(
        org,
        [
            ("Cập nhật trang thông tin", [district], dt.date(2025, 12, 31), []),
            ("Đã xong", [org["unit_a"]], dt.date(2025, 12, 31), []),
        ],
        ends_on=dt.date(2025, 12, 31),
    )
    today = dt.date(2025, 8, 1)
    rows = tasks_to_reassign(province=org["province"], on=today)
    assert [(row.assignment.unit, row.successors) for row in rows] == [(district, communes)]

    created = services.reassign_assignment(
        assignment=rows[0].assignment, to_units=rows[0].successors, actor=None, today=today
    )

    assert {a.unit for a in created} == set(communes)
    old = TaskAssignment.objects.get(unit=district)
    assert old.status == "cancelled"
    assert all(a.reassigned_from == old and a.role == "lead" for a in created)
    assert plan.tasks.get(position=1).status_on(today) == DeadlineStatus.PENDING
    assert tasks_to_reassign(province=org["province"], on=today) == []


@pytest.fixture
def officers_with_email(org):
    for name in ("officer_a", "officer_b"):
        user = org["users"][name]
        user.email = f"{name}@example.gov.vn"
        user.save()


def test_reminders_before_due_dates_and_for_overdue_tasks_once_a_day(org, officers_with_email):
    today = dt.date.today()
    make_plan(
        org,
        [
            ("Sắp đến hạn", [org["unit_a"]], today + dt.timedelta(days=3), []),
            ("Đã quá hạn", [org["unit_a"]], today - dt.timedelta(days=2), []),
            ("Còn xa", [org["unit_b"]], today + dt.timedelta(days=60), []),
        ],
        starts_on=today - dt.timedelta(days=30),
        ends_on=today + dt.timedelta(days=90),
    )
    out = io.StringIO()
    call_command("send_task_reminders", "--days", "7", stdout=out)  # immediate backend in tests

    assert "1 đơn vị" in out.getvalue()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["officer_a@example.gov.vn"]
    assert "còn 3 ngày" in message.body
    assert "đã quá hạn 2 ngày" in message.body
    assert "Còn xa" not in message.body

    call_command("send_task_reminders", stdout=io.StringIO())
    assert len(mail.outbox) == 1
    assert TaskReminder.objects.get().assignments.count() == 2


def test_a_docx_task_table_is_proposed_with_lead_supporters_and_deadlines(org):
    from tests.docparse.test_assignment_layouts import _plan_with_task_table
    from ttdn.documents.services import ingest_document
    from ttdn.orgs.models import OrgUnitAlias

    add_aliases(org)
    foreign = save_unit(
        code="so-nv", name="Sở Ngoại vụ", kind="department", parent=org["province"], actor=None
    )
    OrgUnitAlias.objects.get_or_create(unit=foreign, name="Sở Ngoại vụ")
    document = ingest_document(data=_plan_with_task_table(), filename="kh.docx").document

    draft = services.propose_plan(document=document, province=org["province"], actor=None)

    first = draft.proposal[0]
    assert first["text"] == "Tổ chức hội nghị tập huấn nghiệp vụ thông tin đối ngoại"
    assert first["lead"] == [org["unit_a"].pk]
    assert first["support"] == [org["unit_b"].pk, foreign.pk]
    assert first["due"] == "2025-09-30"
    assert [row["recurrence"] for row in draft.proposal] == ["", "", "quarterly", "ongoing"]
