"""The review flow, the plan page, the unit's update and the chain view, through the web."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from tests.builders import official_text
from tests.plans.builders import add_aliases, make_plan, plan_document
from ttdn.documents.services import ingest_document
from ttdn.plans.models import Evidence, Plan, PlanDraft, TaskAssignment

pytestmark = pytest.mark.django_db


def review_data(draft, *, action="save", **changes):
    """The review form as the page fills it, with ``changes`` {row: {field: value}} applied."""
    data = {
        "title": draft.title,
        "starts_on": draft.starts_on.isoformat(),
        "ends_on": draft.ends_on.isoformat(),
        "objectives": draft.objectives,
        "action": action,
        "t-TOTAL_FORMS": len(draft.proposal),
        "t-INITIAL_FORMS": len(draft.proposal),
    }
    for index, row in enumerate(draft.proposal):
        fields = {
            "keep": "on",
            "text": row["text"],
            "lead": [str(pk) for pk in row["lead"]],
            "support": [str(pk) for pk in row["support"]],
            "due": row["due"] or "",
            "recurrence": row["recurrence"],
            "group": row["group"],
            "kind": row["kind"],
            "merge_into": "",
        }
        fields.update(changes.get(f"row{index + 1}", {}))
        for name, value in fields.items():
            if value is not None:
                data[f"t-{index}-{name}"] = value
    return data


def test_coordinator_reviews_the_proposal_before_anything_is_saved(client, org):
    add_aliases(org)
    document = plan_document()
    client.force_login(org["users"]["coordinator"])

    response = client.post(reverse("plans:propose"), {"document": document.pk})
    draft = PlanDraft.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("plans:draft_review", args=[draft.pk])

    page = client.get(response["Location"]).content.decode()
    assert page.count('class="proposed-task"') == 6
    assert "Chưa xác định được đơn vị: Sở Tài nguyên và Môi trường" in page
    assert "đề nghị (không phải giao nhiệm vụ)" in page
    assert Plan.objects.count() == 0

    # Saving with the unknown unit left empty is refused, and nothing is created.
    response = client.post(response["Location"], review_data(draft))
    assert response.status_code == 422
    assert "chưa có đơn vị chủ trì" in response.content.decode()
    assert Plan.objects.count() == 0

    response = client.post(
        reverse("plans:draft_review", args=[draft.pk]),
        review_data(
            draft,
            row2={"merge_into": "1"},
            row5={"lead": [str(org["unit_b"].pk)]},
            row6={"keep": None},
        ),
    )
    plan = Plan.objects.get()
    assert response.status_code == 302
    assert response["Location"] == plan.get_absolute_url()
    assert plan.tasks.count() == 4
    assert plan.tasks.get(position=4).lead[0].unit == org["unit_b"]


def test_a_draft_keeps_edits_without_creating_the_plan(client, org):
    add_aliases(org)
    client.force_login(org["users"]["coordinator"])
    client.post(reverse("plans:propose"), {"document": plan_document().pk})
    draft = PlanDraft.objects.get()

    response = client.post(
        reverse("plans:draft_review", args=[draft.pk]),
        review_data(draft, action="draft", row1={"text": "Nội dung đã sửa"}),
    )

    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.proposal[0]["text"] == "Nội dung đã sửa"
    assert Plan.objects.count() == 0


def test_a_document_without_tasks_gets_a_clear_error(client, org):
    client.force_login(org["users"]["coordinator"])
    document = ingest_document(
        data=official_text(body="I. MỤC TIÊU\n1. Một việc.").encode(), filename="kh.txt"
    ).document
    response = client.post(reverse("plans:propose"), {"document": document.pk})
    assert response.status_code == 422
    assert "Tổ chức thực hiện" in response.content.decode()


@pytest.fixture
def plan(org):
    return make_plan(
        org,
        [
            ("Nhiệm vụ còn hạn", [org["unit_a"]], dt.date(2099, 12, 31), []),
            ("Nhiệm vụ đã quá hạn", [org["unit_a"]], dt.date(2024, 9, 30), [org["unit_b"]]),
        ],
    )


def test_plan_page_puts_overdue_tasks_first_with_progress(client, org, plan):
    client.force_login(org["users"]["viewer"])
    page = client.get(plan.get_absolute_url()).content.decode()
    assert page.index("Nhiệm vụ đã quá hạn") < page.index("Nhiệm vụ còn hạn")
    assert "Quá hạn chưa hoàn thành" in page
    assert 'class="progress"' in page
    assert org["unit_b"].name in page  # the supporting unit has its own row


def test_officer_updates_own_task_with_a_registry_document_as_evidence(client, org, plan):
    evidence_doc = ingest_document(
        data=official_text(number="45/BC-SVHTTDL", doc_type="BÁO CÁO").encode(),
        filename="bc.txt",
    ).document
    assignment = TaskAssignment.objects.get(task__text="Nhiệm vụ đã quá hạn", unit=org["unit_a"])
    client.force_login(org["users"]["officer_a"])

    response = client.post(
        reverse("plans:assignment_update", args=[assignment.pk]),
        {"status": "done", "note": "Đã tổ chức", "document_number": "45/BC-SVHTTDL"},
    )

    assert response.status_code == 302
    assert Evidence.objects.get().document == evidence_doc
    page = client.get(reverse("plans:plan_chain", args=[plan.pk])).content.decode()
    assert "57-KL/TW" in page  # the directive the plan document cites
    assert "45/BC-SVHTTDL" in page


def test_unknown_evidence_number_is_refused_and_nothing_changes(client, org, plan):
    assignment = TaskAssignment.objects.filter(unit=org["unit_a"]).first()
    client.force_login(org["users"]["officer_a"])
    response = client.post(
        reverse("plans:assignment_update", args=[assignment.pk]),
        {"status": "done", "note": "x", "document_number": "999/XX-YY"},
    )
    assert response.status_code == 422
    assert "Không tìm thấy văn bản 999/XX-YY" in response.content.decode()
    assignment.refresh_from_db()
    assert assignment.status == "not_started"


def test_officer_cannot_update_another_units_task(client, org, plan):
    assignment = TaskAssignment.objects.filter(unit=org["unit_a"]).first()
    client.force_login(org["users"]["officer_b"])
    response = client.post(
        reverse("plans:assignment_update", args=[assignment.pk]), {"status": "done"}
    )
    assert response.status_code == 404
    assignment.refresh_from_db()
    assert assignment.status == "not_started"


def test_plan_page_speaks_english_when_asked(client, org, plan):
    client.force_login(org["users"]["coordinator"])
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    page = client.get(plan.get_absolute_url()).content.decode()
    assert "Overall progress" in page
    assert "Not done, overdue" in page


def test_coordinator_gives_one_unit_its_own_deadline(client, org, plan):
    supporter = TaskAssignment.objects.get(unit=org["unit_b"])
    lead = TaskAssignment.objects.get(task=supporter.task, unit=org["unit_a"])
    client.force_login(org["users"]["coordinator"])

    response = client.post(
        reverse("plans:assignment_due", args=[supporter.pk]), {"due_on": "2099-01-31"}
    )

    assert response.status_code == 302
    supporter.refresh_from_db()
    lead.refresh_from_db()
    assert supporter.due_on == dt.date(2099, 1, 31)
    assert lead.due_on == dt.date(2024, 9, 30)  # the lead unit keeps the task's deadline
