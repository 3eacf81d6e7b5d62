"""Every view × every role: allowed (200), forbidden (403), or hidden (404); never a 500.

Data-driven: a later app adds its views to VIEWS; a test fails when a URL of ours is missing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.builders import make_round, official_text
from ttdn.documents.services import ingest_document
from ttdn.reporting.models import PastReportBatch
from ttdn.reporting.prefill import import_report
from ttdn.reporting.services import attach_file

pytestmark = pytest.mark.django_db

ROLES = ["admin", "coordinator", "officer_a", "officer_b", "viewer", "outsider"]
EVERYONE = dict.fromkeys(ROLES, 200)


@dataclass(frozen=True)
class ViewCase:
    name: str
    url: Callable[[dict], str]
    expected: dict[str, int]
    method: str = "get"
    data: Callable[[dict], dict] = field(default=lambda ctx: {})


def only(allowed: set[str], denied: int = 403) -> dict[str, int]:
    return {role: 200 if role in allowed else denied for role in ROLES}


VIEWS = [
    ViewCase("home", lambda ctx: reverse("home"), EVERYONE),
    ViewCase("documents:list", lambda ctx: reverse("documents:list"), EVERYONE),
    ViewCase(
        "documents:detail",
        lambda ctx: reverse("documents:detail", args=[ctx["document"].pk]),
        EVERYONE,
    ),
    ViewCase(
        "documents:file", lambda ctx: reverse("documents:file", args=[ctx["document"].pk]), EVERYONE
    ),
    ViewCase(
        "documents:upload",
        lambda ctx: reverse("documents:upload"),
        only({"admin", "coordinator", "officer_a", "officer_b"}),
    ),
    ViewCase("orgs:tree", lambda ctx: reverse("orgs:tree"), EVERYONE),
    ViewCase(
        "orgs:unit_detail",
        lambda ctx: reverse("orgs:unit_detail", args=[ctx["unit_a"].code]),
        EVERYONE,
    ),
    ViewCase(
        "orgs:unit_members",
        lambda ctx: reverse("orgs:unit_members", args=[ctx["unit_a"].code]),
        only({"admin", "coordinator", "officer_a", "viewer"}, denied=404),
    ),
    ViewCase(
        "orgs:tree_export",
        lambda ctx: reverse("orgs:tree_export", args=["csv"]),
        only({"admin", "coordinator"}),
    ),
    ViewCase("orgs:tree_import", lambda ctx: reverse("orgs:tree_import"), only({"admin"})),
    ViewCase("orgs:audit_log", lambda ctx: reverse("orgs:audit_log"), only({"admin"})),
    ViewCase("reporting:round_list", lambda ctx: reverse("reporting:round_list"), EVERYONE),
    ViewCase(
        "reporting:round_create",
        lambda ctx: reverse("reporting:round_create"),
        only({"admin", "coordinator"}),
    ),
    ViewCase(
        "reporting:round_detail",
        lambda ctx: reverse("reporting:round_detail", args=[ctx["round"].pk]),
        only({"admin", "coordinator", "viewer"}, denied=404),
    ),
    ViewCase(
        "reporting:round_export",
        lambda ctx: reverse("reporting:round_export", args=[ctx["round"].pk, "xlsx"]),
        only({"admin", "coordinator", "viewer"}, denied=404),
    ),
    ViewCase(
        "reporting:round_template",
        lambda ctx: reverse("reporting:round_template", args=[ctx["round"].pk]),
        {**only({"admin", "coordinator"}, denied=404), "viewer": 403},
    ),
    ViewCase(
        "reporting:round_import",
        lambda ctx: reverse("reporting:round_import", args=[ctx["round"].pk]),
        {**only({"admin", "coordinator"}, denied=404), "viewer": 403},
    ),
    ViewCase(
        "reporting:submission_detail",
        lambda ctx: reverse("reporting:submission_detail", args=[ctx["submission"].pk]),
        only({"admin", "coordinator", "officer_a", "viewer"}, denied=404),
    ),
    ViewCase(
        "reporting:submission_check",
        lambda ctx: reverse("reporting:submission_check", args=[ctx["submission"].pk]),
        only({"admin", "coordinator", "officer_a"}, denied=404),
        method="post",
        data=lambda ctx: {"version": ctx["submission"].version},
    ),
    ViewCase(
        "reporting:submission_submit",
        lambda ctx: reverse("reporting:submission_submit", args=[ctx["submission"].pk]),
        {**dict.fromkeys(ROLES, 404), "admin": 302, "coordinator": 302, "officer_a": 302},
        method="post",
        data=lambda ctx: {"version": ctx["submission"].version},
    ),
    ViewCase(
        "reporting:submission_review",
        lambda ctx: reverse("reporting:submission_review", args=[ctx["submission"].pk]),
        {
            **dict.fromkeys(ROLES, 404),
            "admin": 302,
            "coordinator": 302,
            "officer_a": 403,
            "viewer": 403,
        },
        method="post",
        data=lambda ctx: {"action": "approve"},
    ),
    ViewCase(
        "reporting:submission_attach",
        lambda ctx: reverse("reporting:submission_attach", args=[ctx["submission"].pk]),
        {**dict.fromkeys(ROLES, 404), "admin": 302, "coordinator": 302, "officer_a": 302},
        method="post",
        data=lambda ctx: {},
    ),
    ViewCase(
        "reporting:attachment_file",
        lambda ctx: reverse(
            "reporting:attachment_file", args=[ctx["submission"].pk, ctx["attachment"].pk]
        ),
        only({"admin", "coordinator", "officer_a", "viewer"}, denied=404),
    ),
    ViewCase(
        "reporting:activity_list",
        lambda ctx: reverse("reporting:activity_list"),
        only({"admin", "coordinator", "officer_a", "officer_b"}),
    ),
    # Plans and tasks (issue #5)
    ViewCase("plans:plan_list", lambda ctx: reverse("plans:plan_list"), EVERYONE),
    ViewCase("plans:propose", lambda ctx: reverse("plans:propose"), only({"admin", "coordinator"})),
    ViewCase(
        "plans:draft_review",
        lambda ctx: reverse("plans:draft_review", args=[ctx["draft"].pk]),
        only({"admin", "coordinator"}, denied=404),
    ),
    ViewCase(
        "plans:plan_detail",
        lambda ctx: reverse("plans:plan_detail", args=[ctx["plan"].pk]),
        only({"admin", "coordinator", "officer_a", "viewer"}, denied=404),
    ),
    ViewCase(
        "plans:plan_chain",
        lambda ctx: reverse("plans:plan_chain", args=[ctx["plan"].pk]),
        only({"admin", "coordinator", "officer_a", "viewer"}, denied=404),
    ),
    ViewCase(
        "plans:unit_board",
        lambda ctx: reverse("plans:unit_board", args=[ctx["unit_a"].code]),
        only({"admin", "coordinator", "officer_a", "viewer"}, denied=404),
    ),
    ViewCase(
        "plans:assignment_detail",
        lambda ctx: reverse("plans:assignment_detail", args=[ctx["assignment"].pk]),
        only({"admin", "coordinator", "officer_a", "viewer"}, denied=404),
    ),
    ViewCase(
        "plans:assignment_update",
        lambda ctx: reverse("plans:assignment_update", args=[ctx["assignment"].pk]),
        {**dict.fromkeys(ROLES, 404), "admin": 302, "coordinator": 302, "officer_a": 302},
        method="post",
        data=lambda ctx: {"status": "in_progress", "note": "Đang triển khai"},
    ),
    ViewCase(
        "plans:assignment_due",
        lambda ctx: reverse("plans:assignment_due", args=[ctx["assignment"].pk]),
        {
            **dict.fromkeys(ROLES, 404),
            "admin": 302,
            "coordinator": 302,
            "officer_a": 403,
            "viewer": 403,
        },
        method="post",
        data=lambda ctx: {"due_on": "2024-12-31"},
    ),
    ViewCase(
        "plans:assignment_reassign",
        lambda ctx: reverse("plans:assignment_reassign", args=[ctx["assignment"].pk]),
        {
            **dict.fromkeys(ROLES, 404),
            "admin": 302,
            "coordinator": 302,
            "officer_a": 403,
            "viewer": 403,
        },
        method="post",
        data=lambda ctx: {},
    ),
    ViewCase(
        "plans:evidence_file",
        lambda ctx: reverse("plans:evidence_file", args=[ctx["evidence"].pk]),
        only({"admin", "coordinator", "officer_a", "viewer"}, denied=404),
    ),
    ViewCase(
        "plans:reassign_list",
        lambda ctx: reverse("plans:reassign_list"),
        only({"admin", "coordinator"}),
    ),
    # Consolidated reports (ttdn.reports): readers see a province's reports, editors compile them.
    ViewCase("reports:index", lambda ctx: reverse("reports:index"), EVERYONE),
    ViewCase(
        "reports:round_reports",
        lambda ctx: reverse("reports:round_reports", args=[ctx["round"].pk]),
        only({"admin", "coordinator", "viewer"}, denied=404),
    ),
    ViewCase(
        "reports:create",
        lambda ctx: reverse("reports:create", args=[ctx["round"].pk]),
        {**dict.fromkeys(ROLES, 404), "admin": 302, "coordinator": 302, "viewer": 403},
        method="post",
        data=lambda ctx: {"document_format": "state", "as_of": "then"},
    ),
    ViewCase(
        "reports:detail",
        lambda ctx: reverse("reports:detail", args=[stored_report(ctx)]),
        only({"admin", "coordinator", "viewer"}, denied=404),
    ),
    ViewCase(
        "reports:progress",
        lambda ctx: reverse("reports:progress", args=[stored_report(ctx)]),
        only({"admin", "coordinator", "viewer"}, denied=404),
    ),
    ViewCase(
        "reports:header_edit",
        lambda ctx: reverse("reports:header_edit", args=[stored_report(ctx)]),
        {**dict.fromkeys(ROLES, 404), "admin": 302, "coordinator": 302, "viewer": 403},
        method="post",
        data=lambda ctx: {
            "version": 1,
            "issuing_body": "ỦY BAN NHÂN DÂN\nTỈNH THỬ NGHIỆM",
            "symbol": "BC-UBND",
            "place": "Thử Nghiệm",
            "title": "Kết quả triển khai công tác thông tin đối ngoại",
        },
    ),
    ViewCase(
        "reports:section_edit",
        lambda ctx: reverse("reports:section_edit", args=[stored_report(ctx), "context"]),
        {**dict.fromkeys(ROLES, 404), "admin": 200, "coordinator": 200, "viewer": 403},
    ),
    ViewCase(
        "reports:download",
        lambda ctx: reverse("reports:download", args=[stored_report(ctx), "xlsx"]),
        only({"admin", "coordinator", "viewer"}, denied=404),
    ),
    # Issue 6: reports read into submissions.
    ViewCase(
        "reporting:import_upload",
        lambda ctx: reverse("reporting:import_upload", args=[ctx["submission"].pk]),
        {**dict.fromkeys(ROLES, 404), "admin": 302, "coordinator": 302, "officer_a": 302},
        method="post",
    ),
    ViewCase(
        "reporting:import_review",
        lambda ctx: ctx["report_import"].get_absolute_url(),
        only({"admin", "coordinator", "officer_a", "viewer"}, denied=404),
    ),
    ViewCase(
        "reporting:import_decide",
        lambda ctx: reverse(
            "reporting:import_decide",
            args=[ctx["submission"].pk, ctx["report_import"].pk, ctx["proposed"].pk],
        ),
        {**dict.fromkeys(ROLES, 404), "admin": 302, "coordinator": 302, "officer_a": 302},
        method="post",
        data=lambda ctx: {"decision": "accepted"},
    ),
    ViewCase(
        "reporting:import_apply",
        lambda ctx: reverse(
            "reporting:import_apply", args=[ctx["submission"].pk, ctx["report_import"].pk]
        ),
        {**dict.fromkeys(ROLES, 404), "admin": 302, "coordinator": 302, "officer_a": 302},
        method="post",
        data=lambda ctx: {"version": ctx["submission"].version},
    ),
    ViewCase(
        "reporting:import_discard",
        lambda ctx: reverse(
            "reporting:import_discard", args=[ctx["submission"].pk, ctx["report_import"].pk]
        ),
        {**dict.fromkeys(ROLES, 404), "admin": 302, "coordinator": 302, "officer_a": 302},
        method="post",
    ),
    ViewCase(
        "reporting:past_reports",
        lambda ctx: reverse("reporting:past_reports"),
        only({"admin", "coordinator"}),
    ),
    # --- press monitoring (ttdn.press) ---
    ViewCase("press:article_list", lambda ctx: reverse("press:article_list"), EVERYONE),
    ViewCase(
        "press:article_detail",
        lambda ctx: reverse("press:article_detail", args=[ctx["article"].pk]),
        EVERYONE,
    ),
    ViewCase(
        "press:article_flag",
        lambda ctx: reverse("press:article_flag", args=[ctx["article"].pk]),
        {**dict.fromkeys(ROLES, 302), "viewer": 403, "outsider": 403},
        method="post",
        data=lambda ctx: {"reason": "inaccurate"},
    ),
    ViewCase(
        "press:article_tone",
        lambda ctx: reverse("press:article_tone", args=[ctx["article"].pk]),
        {**dict.fromkeys(ROLES, 302), "viewer": 403, "outsider": 403},
        method="post",
        data=lambda ctx: {"tone": "neutral"},
    ),
    ViewCase(
        "press:response_open",
        lambda ctx: reverse("press:response_open", args=[ctx["article"].pk]),
        {**dict.fromkeys(ROLES, 302), "viewer": 403, "outsider": 403},
        method="post",
        data=lambda ctx: {
            "kind": "information",
            "owner": ctx["unit_a"].pk,
            "deadline": "2024-03-10",
        },
    ),
    ViewCase("press:response_board", lambda ctx: reverse("press:response_board"), EVERYONE),
    ViewCase(
        "press:response_detail",
        lambda ctx: reverse("press:response_detail", args=[ctx["press_response"].pk]),
        only({"admin", "coordinator", "officer_a", "viewer"}, denied=404),
    ),
    ViewCase(
        "press:response_letter",
        lambda ctx: reverse("press:response_letter", args=[ctx["press_response"].pk, "docx"]),
        only({"admin", "coordinator", "officer_a", "viewer"}, denied=404),
    ),
    ViewCase("press:source_list", lambda ctx: reverse("press:source_list"), EVERYONE),
    ViewCase(
        "press:source_create",
        lambda ctx: reverse("press:source_create"),
        only({"admin", "coordinator"}),
    ),
    ViewCase(
        "press:source_edit",
        lambda ctx: reverse("press:source_edit", args=[ctx["article"].source_id]),
        only({"admin", "coordinator"}),
    ),
    ViewCase("press:attention", lambda ctx: reverse("press:attention"), EVERYONE),
    ViewCase("press:import", lambda ctx: reverse("press:import"), only({"admin", "coordinator"})),
    ViewCase(
        "press:search_save",
        lambda ctx: reverse("press:search_save"),
        dict.fromkeys(ROLES, 302),
        method="post",
        data=lambda ctx: {"query": "dong nai", "name": "Đồng Nai"},
    ),
    ViewCase(
        "press:search_delete",
        lambda ctx: reverse("press:search_delete", args=[ctx["saved_search"].pk]),
        {**dict.fromkeys(ROLES, 404), "officer_a": 302},
        method="post",
    ),
    ViewCase(
        "reporting:past_report_batch",
        lambda ctx: ctx["batch"].get_absolute_url(),
        only({"admin", "coordinator"}, denied=404),
    ),
    ViewCase(
        "reporting:past_report_retry",
        lambda ctx: reverse(
            "reporting:past_report_retry", args=[ctx["batch"].pk, ctx["failed_file"].pk]
        ),
        {**dict.fromkeys(ROLES, 404), "admin": 302, "coordinator": 302},
        method="post",
        data=lambda ctx: {},
    ),
]

# Namespaces whose every URL must appear above (Django's own admin/auth/i18n views are not ours).
OUR_NAMESPACES = {"documents", "orgs", "reporting", "plans", "reports", "press"}
OUR_NAMES = {"home"}


def our_url_names(patterns=None, namespace="") -> set[str]:
    names: set[str] = set()
    for pattern in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(pattern, URLResolver):
            names |= our_url_names(pattern.url_patterns, pattern.namespace or namespace)
        elif isinstance(pattern, URLPattern) and pattern.name:
            full = f"{namespace}:{pattern.name}" if namespace else pattern.name
            if namespace in OUR_NAMESPACES or full in OUR_NAMES:
                names.add(full)
    return names


def test_every_view_is_in_the_matrix():
    assert our_url_names() == {case.name for case in VIEWS}


@pytest.fixture
def context(org):
    document = ingest_document(data=official_text().encode(), filename="kh.txt").document
    report_round = make_round(org)
    submission = report_round.submissions.get(unit=org["unit_a"])
    attachment = attach_file(
        submission=submission, name="bao-cao.docx", data=b"noi dung", actor=None
    )
    plan_context = _plan_context(org)
    press = press_context(org)
    report_import = import_report(
        submission=submission,
        name="bc.txt",
        data="Sở tổ chức 03 hội nghị tập huấn cho 120 đại biểu.".encode(),
        actor=None,
    )
    batch = PastReportBatch.objects.create(province=org["province"])
    failed_file = batch.files.create(position=0, name="hong.docx", data=b"PK", outcome="failed")
    return {
        **org,
        **plan_context,
        **press,
        "batch": batch,
        "failed_file": failed_file,
        "document": document,
        "round": report_round,
        "submission": submission,
        "attachment": attachment,
        "report_import": report_import,
        "proposed": report_import.values.first(),
    }


def _plan_context(org) -> dict:
    import datetime as dt

    from tests.plans.builders import make_plan
    from ttdn.plans.models import PlanDraft
    from ttdn.plans.services import EvidenceInput, update_assignment

    plan = make_plan(org, [("Tập huấn", [org["unit_a"]], dt.date(2024, 9, 30), [])])
    assignment = plan.tasks.get().assignments.get()
    update = update_assignment(
        assignment=assignment,
        status="done",
        note="Xong",
        evidence=[EvidenceInput(file_name="anh.jpg", file_data=b"jpeg")],
        actor=None,
        today=dt.date(2024, 9, 1),
    )
    draft = PlanDraft.objects.create(document=plan.document, province=org["province"], proposal=[])
    return {
        "plan": plan,
        "assignment": assignment,
        "evidence": update.evidence.get(),
        "draft": draft,
    }


def press_context(org) -> dict:
    import datetime as dt

    from ttdn.press import services as press_services

    source = press_services.save_source(code="bao-thu", name="Báo Thử", actor=None)
    article = press_services.ingest_article(
        source=source,
        url="https://baothu.vn/a",
        title="Tỉnh Thử Nghiệm thu hút đầu tư",
        text="UBND tỉnh Thử Nghiệm tổ chức hội nghị xúc tiến đầu tư.",
        published_at=None,
        context=press_services.analysis_context(),
    ).article
    response = press_services.open_response(
        article=article,
        kind="correction",
        owner=org["unit_a"],
        deadline=dt.date(2024, 3, 10),
        actor=org["users"]["officer_a"],
    )
    search = press_services.save_search(
        owner=org["users"]["officer_a"], name="Đầu tư", query="dau tu", alert=True
    )
    return {"article": article, "press_response": response, "saved_search": search}


@pytest.mark.parametrize("case", VIEWS, ids=lambda case: case.name)
@pytest.mark.parametrize("role", ROLES)
def test_role_gets_expected_status(client, context, case, role):
    client.force_login(context["users"][role])
    response = getattr(client, case.method)(case.url(context), case.data(context))
    assert response.status_code == case.expected[role]


@pytest.mark.parametrize("case", VIEWS, ids=lambda case: case.name)
def test_anonymous_is_sent_to_sign_in(client, context, case):
    response = getattr(client, case.method)(case.url(context), case.data(context))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def stored_report(ctx: dict) -> int:
    """Generate the context round's consolidated report once per test; return its id."""
    from ttdn.reports.services import request_report

    if "report" not in ctx:
        ctx["report"] = request_report(report_round=ctx["round"], actor=None).pk
    return ctx["report"]
