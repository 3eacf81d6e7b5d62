from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from ttdn.core.exceptions import DomainError, NotFound
from ttdn.docparse import canonical_key
from ttdn.documents.models import Document
from ttdn.orgs import permissions
from ttdn.orgs.models import OrgUnit
from ttdn.orgs.selectors import access_unit, descendants_of, province_of, units_during, units_on
from ttdn.plans import selectors, services
from ttdn.plans.forms import (
    DueForm,
    PlanHeaderForm,
    ProposeForm,
    ReassignForm,
    ReviewFormSet,
    TaskUpdateForm,
    review_initial,
)
from ttdn.plans.models import PlanDraft, TaskAssignment
from ttdn.reporting.models import Activity, Submission


def _or_404(lookup: Any, *args: Any, **kwargs: Any) -> Any:
    try:
        return lookup(*args, **kwargs)
    except NotFound as error:
        raise Http404(error.message) from error


@require_GET
@login_required
def plan_list(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    plans = list(selectors.plans_visible_to(request.user).order_by("-starts_on", "-id"))
    progress = {
        p.plan_id: p
        for p in selectors.plan_progress_for_window(
            start=min((p.starts_on for p in plans), default=today),
            end=max((p.ends_on for p in plans), default=today),
            on=today,
        )
    }
    context = {
        "rows": [(plan, progress.get(plan.pk)) for plan in plans],
        "can_manage": permissions.can_manage_plans(request.user),
        "my_units": _own_units(request),
    }
    return render(request, "plans/plan_list.html", context)


def _own_units(request: HttpRequest) -> list[OrgUnit]:
    from ttdn.orgs.models import Membership

    if not request.user.is_authenticated:
        return []
    return [
        m.unit
        for m in Membership.objects.filter(
            user=request.user, role=Membership.Role.UNIT_OFFICER
        ).select_related("unit")
    ]


@require_http_methods(["GET", "POST"])
@login_required
def propose(request: HttpRequest) -> HttpResponse:
    provinces = permissions.provinces_coordinated(request.user)
    if not permissions.can_manage_plans(request.user) or not provinces:
        raise PermissionDenied
    province = provinces[0]
    form = ProposeForm(request.POST or None, documents=selectors.plan_documents())
    drafts = PlanDraft.objects.filter(
        province__in=provinces, status=PlanDraft.Status.OPEN
    ).select_related("document")
    if request.method == "POST" and form.is_valid():
        document = form.cleaned_data["document"]
        # The plan belongs to the province that issued it (the Đồng Nai of 2024 for a 2024
        # plan), when this coordinator runs that province or its successor.
        issuing = province_of(document.issuer_unit)
        if issuing is not None and permissions.can_manage_plan(request.user, issuing):
            province = issuing
        try:
            draft = services.propose_plan(document=document, province=province, actor=request.user)
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            return redirect(draft)
    status = 422 if request.method == "POST" else 200
    return render(request, "plans/propose.html", {"form": form, "drafts": drafts}, status=status)


def _review_units(draft: PlanDraft) -> QuerySet[OrgUnit]:
    today = timezone.localdate()
    start = min(draft.starts_on or today, today)
    return (
        units_during(start, today)
        .filter(pk__in=descendants_of([draft.province]))
        .order_by("kind", "name")
    )


@require_http_methods(["GET", "POST"])
@login_required
def draft_review(request: HttpRequest, pk: int) -> HttpResponse:
    draft = _or_404(selectors.access_draft, request.user, pk)
    if draft.status == PlanDraft.Status.SAVED and draft.plan_id:
        return redirect(draft.plan)
    units = _review_units(draft)
    header = PlanHeaderForm(
        request.POST or None,
        initial={
            "title": draft.title,
            "starts_on": draft.starts_on,
            "ends_on": draft.ends_on,
            "objectives": draft.objectives,
        },
    )
    formset = ReviewFormSet(
        request.POST or None,
        initial=review_initial(draft.proposal),
        form_kwargs={"units": units},
        prefix="t",
    )
    if request.method == "POST" and header.is_valid() and formset.is_valid():
        plan_header = services.PlanHeader(**header.cleaned_data)
        rows = [
            services.ReviewedTask(
                text=data["text"],
                lead=list(data["lead"]),
                support=list(data["support"]),
                due=data["due"],
                recurrence=data["recurrence"] or "",
                kind=data["kind"],
                group=data["group"],
                keep=data["keep"],
                merge_into=data["merge_into"],
            )
            for data in formset.cleaned_data
        ]
        if request.POST.get("action") == "draft":
            services.save_draft(draft=draft, header=plan_header, rows=rows)
            messages.success(request, _("Đã lưu bản nháp; chưa tạo kế hoạch."))
            return redirect(draft)
        try:
            plan = services.create_plan_from_draft(
                draft=draft, header=plan_header, rows=rows, actor=request.user
            )
        except DomainError as error:
            header.add_error(None, error.message)
        else:
            messages.success(
                request,
                _("Đã tạo kế hoạch với %(count)s nhiệm vụ.") % {"count": plan.tasks.count()},
            )
            return redirect(plan)
    status = 422 if request.method == "POST" else 200
    proposal = draft.proposal
    names = dict(units.values_list("pk", "name"))
    rows = []
    for number, form in enumerate(formset.forms, start=1):
        proposed = proposal[number - 1] if number - 1 < len(proposal) else {}
        lead_names = [names[pk] for pk in proposed.get("lead", []) if pk in names]
        rows.append((number, form, proposed, lead_names))
    return render(
        request,
        "plans/draft_review.html",
        {"draft": draft, "header": header, "formset": formset, "rows": rows},
        status=status,
    )


@require_GET
@login_required
def plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _or_404(selectors.access_plan, request.user, pk)
    board = selectors.plan_board(plan, user=request.user, on=timezone.localdate())
    return render(
        request,
        "plans/plan_detail.html",
        {
            "plan": plan,
            "board": board,
            "labels": selectors.LABELS,
            "can_manage": permissions.can_manage_plan(request.user, plan.province),
        },
    )


@require_GET
@login_required
def plan_chain(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _or_404(selectors.access_plan, request.user, pk)
    chain = selectors.plan_chain(plan, user=request.user, on=timezone.localdate())
    return render(request, "plans/plan_chain.html", {"plan": plan, "chain": chain})


@require_GET
@login_required
def unit_board(request: HttpRequest, code: str) -> HttpResponse:
    unit = _or_404(access_unit, code)
    if not permissions.can_view_unit_data(request.user, unit):
        raise Http404(_("Không tìm thấy đơn vị."))
    rows = selectors.unit_board(unit, on=timezone.localdate())
    return render(
        request,
        "plans/unit_board.html",
        {
            "unit": unit,
            "rows": rows,
            "progress": selectors.UnitGroup(unit, rows).progress,
            "can_edit": permissions.can_edit_unit_data(request.user, unit),
        },
    )


def _update_form(assignment: TaskAssignment, data: Any = None, files: Any = None) -> TaskUpdateForm:
    unit = assignment.unit
    return TaskUpdateForm(
        data,
        files,
        initial={"status": assignment.status},
        activities=Activity.objects.filter(unit=unit).order_by("-date"),
        submissions=Submission.objects.filter(unit=unit).select_related("round"),
    )


def _assignment_page(
    request: HttpRequest, assignment: TaskAssignment, form: TaskUpdateForm, status: int = 200
) -> HttpResponse:
    today = timezone.localdate()
    task = assignment.task
    context = {
        "assignment": assignment,
        "task": task,
        "state": assignment.status_on(today),
        "state_label": selectors.status_label(assignment.status_on(today)),
        "others": task.assignments.select_related("unit").exclude(pk=assignment.pk),
        "history": selectors.assignment_history(assignment),
        "form": form,
        "can_edit": permissions.can_edit_unit_data(request.user, assignment.unit),
        "can_manage": permissions.can_manage_plan(request.user, task.plan.province),
        "due_form": DueForm(initial={"due_on": assignment.due_on}),
    }
    return render(request, "plans/assignment_detail.html", context, status=status)


@require_GET
@login_required
def assignment_detail(request: HttpRequest, pk: int) -> HttpResponse:
    assignment = _or_404(selectors.access_assignment, request.user, pk)
    return _assignment_page(request, assignment, _update_form(assignment))


@require_POST
@login_required
def assignment_update(request: HttpRequest, pk: int) -> HttpResponse:
    assignment = _or_404(selectors.access_assignment, request.user, pk, for_edit=True)
    form = _update_form(assignment, request.POST, request.FILES)
    if form.is_valid():
        data = form.cleaned_data
        evidence: list[services.EvidenceInput] = []
        number = data["document_number"].strip()
        if number:
            # Numbers restart every year: the most recent document with that number is meant.
            document = (
                Document.objects.filter(key=canonical_key(number))
                .order_by("-issued_at", "-id")
                .first()
            )
            if document is None:
                form.add_error(
                    "document_number",
                    _("Không tìm thấy văn bản %(number)s trong hệ thống.") % {"number": number},
                )
            else:
                evidence.append(services.EvidenceInput(document=document))
        if data["activity"]:
            evidence.append(services.EvidenceInput(activity=data["activity"]))
        if data["submission"]:
            evidence.append(services.EvidenceInput(submission=data["submission"]))
        if data["file"]:
            upload = data["file"]
            evidence.append(services.EvidenceInput(file_name=upload.name, file_data=upload.read()))
        if not form.errors:
            try:
                services.update_assignment(
                    assignment=assignment,
                    status=data["status"],
                    note=data["note"],
                    evidence=evidence,
                    actor=request.user,
                    today=timezone.localdate(),
                )
            except DomainError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("Đã cập nhật nhiệm vụ."))
                return redirect(assignment)
    return _assignment_page(request, assignment, form, status=422)


@require_POST
@login_required
def assignment_due(request: HttpRequest, pk: int) -> HttpResponse:
    assignment = _or_404(selectors.access_assignment, request.user, pk)
    if not permissions.can_manage_plan(request.user, assignment.task.plan.province):
        raise PermissionDenied
    form = DueForm(request.POST)
    if form.is_valid():
        services.set_assignment_due(
            assignment=assignment, due_on=form.cleaned_data["due_on"], actor=request.user
        )
        messages.success(request, _("Đã đổi thời hạn của đơn vị."))
    else:
        messages.error(request, _("Ngày không hợp lệ."))
    return redirect(assignment)


@require_GET
@login_required
def evidence_file(request: HttpRequest, pk: int) -> FileResponse:
    evidence = _or_404(selectors.access_evidence, request.user, pk)
    if not evidence.file:
        raise Http404(_("Minh chứng này không có tệp."))
    return FileResponse(evidence.file.open("rb"), as_attachment=True, filename=evidence.name)


@require_GET
@login_required
def reassign_list(request: HttpRequest) -> HttpResponse:
    if not permissions.can_manage_plans(request.user):
        raise PermissionDenied
    provinces = permissions.provinces_coordinated(request.user)
    today = timezone.localdate()
    rows = [
        row
        for province in provinces
        for row in selectors.tasks_to_reassign(province=province, on=today)
    ]
    return render(request, "plans/reassign_list.html", {"rows": rows})


@require_POST
@login_required
def assignment_reassign(request: HttpRequest, pk: int) -> HttpResponse:
    assignment = _or_404(selectors.access_assignment, request.user, pk)
    if not permissions.can_manage_plan(request.user, assignment.task.plan.province):
        raise PermissionDenied
    today = timezone.localdate()
    # Successors may lie outside the plan's province record (the Đồng Nai of 2024 ended on
    # 30/6/2025; its communes belong to the new province): any unit of today that this
    # coordinator runs may take the task over.
    candidates = units_on(today)
    editable = permissions.editable_unit_ids(request.user)
    if editable is not None:
        candidates = candidates.filter(pk__in=editable)
    form = ReassignForm(request.POST, units=candidates)
    if not form.is_valid():
        messages.error(request, _("Hãy chọn ít nhất một đơn vị nhận nhiệm vụ."))
        return redirect("plans:reassign_list")
    try:
        services.reassign_assignment(
            assignment=assignment,
            to_units=list(form.cleaned_data["units"]),
            actor=request.user,
            today=today,
        )
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Đã giao lại nhiệm vụ cho đơn vị kế thừa."))
    return redirect("plans:reassign_list")
