from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from ttdn.core.exceptions import DomainError, NotFound
from ttdn.orgs import permissions
from ttdn.orgs.models import OrgUnit
from ttdn.orgs.selectors import descendants_of, units_during
from ttdn.reporting import selectors, services, values_io
from ttdn.reporting.forms import (
    ActivityForm,
    AttachmentForm,
    ReviewForm,
    RoundForm,
    SubmissionForm,
    ValuesImportForm,
    categories_of,
    value_key,
)
from ttdn.reporting.models import Activity, ReportImport, ReportRound, Submission
from ttdn.reporting.prefill_views import ReportUploadForm
from ttdn.reporting.validation import check_values


def _round_or_404(request: HttpRequest, pk: int) -> ReportRound:
    try:
        return selectors.access_round(request.user, pk)
    except NotFound as error:
        raise Http404(error.message) from error


def _submission_or_404(request: HttpRequest, pk: int, *, for_edit: bool = False) -> Submission:
    try:
        return selectors.access_submission(request.user, pk, for_edit=for_edit)
    except NotFound as error:
        raise Http404(error.message) from error


@require_GET
@login_required
def round_list(request: HttpRequest) -> HttpResponse:
    context = {
        "rounds": selectors.rounds_visible_to(request.user),
        "to_report": selectors.submissions_to_report(request.user),
        "queue": selectors.review_queue(request.user)
        if permissions.can_manage_rounds(request.user)
        else [],
        "can_create": permissions.can_manage_rounds(request.user),
        "can_import_past": permissions.can_import_past_reports(request.user),
    }
    return render(request, "reporting/round_list.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def round_create(request: HttpRequest) -> HttpResponse:
    provinces = permissions.provinces_coordinated(request.user)
    if not permissions.can_manage_rounds(request.user) or not provinces:
        raise PermissionDenied
    province = provinces[0]
    if request.GET.get("tinh"):
        province = next((p for p in provinces if p.code == request.GET["tinh"]), province)
    today = timezone.localdate()
    scope = descendants_of([province])
    candidates = units_during(today.replace(year=today.year - 2), today).filter(pk__in=scope)
    form = RoundForm(request.POST or None, province_units=candidates.order_by("kind", "name"))
    if request.method == "POST" and form.is_valid():
        try:
            report_round = services.open_round(
                title=form.cleaned_data["title"],
                province=province,
                period_code=form.cleaned_data["period_code"],
                deadline=form.cleaned_data["deadline"],
                units=form.cleaned_data["units"],
                requesting_document=form.cleaned_data["requesting_document"],
                actor=request.user,
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Đã mở đợt báo cáo."))
            return redirect(report_round)
    status = 422 if request.method == "POST" else 200
    return render(
        request,
        "reporting/round_create.html",
        {"form": form, "province": province, "provinces": provinces},
        status=status,
    )


@require_GET
@login_required
def round_detail(request: HttpRequest, pk: int) -> HttpResponse:
    report_round = _round_or_404(request, pk)
    mode = "now" if request.GET.get("theo") == "hien-nay" else "then"
    totals = selectors.indicator_totals(
        period_code=report_round.period_code,
        province=report_round.province,
        as_of=mode,
    )
    context = {
        "round": report_round,
        "completeness": selectors.round_completeness(report_round),
        "totals": totals,
        "mode": mode,
        "can_manage": permissions.can_review_unit_data(request.user, report_round.province),
    }
    return render(request, "reporting/round_detail.html", context)


@require_GET
@login_required
def round_export(request: HttpRequest, pk: int, file_format: str) -> HttpResponse:
    report_round = _round_or_404(request, pk)
    if file_format == "csv":
        response = HttpResponse(
            values_io.export_csv(report_round), content_type="text/csv; charset=utf-8"
        )
    elif file_format == "xlsx":
        response = HttpResponse(
            values_io.export_xlsx(report_round),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    else:
        raise Http404(_("Định dạng không hỗ trợ."))
    response["Content-Disposition"] = (
        f'attachment; filename="so-lieu-{report_round.period_code}-{report_round.pk}.{file_format}"'
    )
    return response


@require_GET
@login_required
def round_template(request: HttpRequest, pk: int) -> HttpResponse:
    report_round = _round_or_404(request, pk)
    if not permissions.can_review_unit_data(request.user, report_round.province):
        raise PermissionDenied
    response = HttpResponse(
        values_io.template_xlsx(report_round),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="mau-nhap-{report_round.pk}.xlsx"'
    return response


@require_http_methods(["GET", "POST"])
@login_required
def round_import(request: HttpRequest, pk: int) -> HttpResponse:
    report_round = _round_or_404(request, pk)
    if not permissions.can_review_unit_data(request.user, report_round.province):
        raise PermissionDenied
    form = ValuesImportForm(request.POST or None, request.FILES or None)
    errors: list[str] = []
    if request.method == "POST" and form.is_valid():
        try:
            count = values_io.import_template(
                report_round=report_round,
                data=form.cleaned_data["file"].read(),
                actor=request.user,
            )
        except values_io.ValuesImportError as error:
            form.add_error("file", error.message)
            errors = error.errors
        except DomainError as error:
            form.add_error("file", error.message)
        else:
            messages.success(request, _("Đã nhập số liệu của %(count)s đơn vị.") % {"count": count})
            return redirect(report_round)
    status = 422 if request.method == "POST" else 200
    return render(
        request,
        "reporting/round_import.html",
        {"round": report_round, "form": form, "errors": errors},
        status=status,
    )


def _form_rows(form: SubmissionForm) -> list[dict[str, object]]:
    rows = []
    for indicator in form.indicators:
        fields = [
            form[value_key(indicator, category)] for category, _label in categories_of(indicator)
        ]
        rows.append({"indicator": indicator, "total": fields[0], "details": fields[1:]})
    return rows


def _initial(submission: Submission) -> dict[str, object]:
    initial: dict[str, object] = {"version": submission.version}
    for value in submission.values.select_related("indicator"):
        number = value.value
        # Show counts as counts ("92000", not "92000.00").
        if number is not None and number == number.to_integral_value():
            number = int(number)
        initial[value_key(value.indicator, value.category)] = number
    for code, text in submission.narrative.items():
        initial[f"s__{code}"] = text
    return initial


@require_http_methods(["GET", "POST"])
@login_required
def submission_detail(request: HttpRequest, pk: int) -> HttpResponse:
    submission = _submission_or_404(request, pk)
    can_edit = submission.editable and permissions.can_edit_unit_data(request.user, submission.unit)
    if request.method == "POST" and not can_edit:
        raise PermissionDenied
    form = SubmissionForm(request.POST or None, submission=submission, initial=_initial(submission))
    status = 200
    issues = []
    if request.method == "POST":
        if form.is_valid():
            try:
                submission = services.save_submission(
                    submission=submission,
                    values=form.values(),
                    narrative=form.narrative(),
                    version=form.cleaned_data["version"],
                    actor=request.user,
                )
            except services.SubmissionInvalid as error:
                issues, status = error.issues, 422
            except DomainError as error:
                form.add_error(None, error.message)
                status = error.status_code
            else:
                messages.success(request, _("Đã lưu báo cáo."))
                return redirect(submission)
        else:
            status = 422
    derived = {
        code
        for (code, _category) in services.activity_totals(
            submission.unit, submission.round.window_start, submission.round.window_end
        )
    }
    context = {
        "submission": submission,
        "form": form,
        "rows": _form_rows(form),
        "derived": derived,
        "issues": issues,
        "can_edit": can_edit,
        "can_review": permissions.can_review_unit_data(request.user, submission.unit),
        "events": submission.events.select_related("actor"),
        "attachments": submission.attachments.all(),
        "attachment_form": AttachmentForm(),
        "review_form": ReviewForm(),
        "report_upload_form": ReportUploadForm(),
        "pending_imports": submission.imports.filter(status=ReportImport.Status.PENDING),
    }
    return render(request, "reporting/submission_detail.html", context, status=status)


@require_POST
@login_required
def submission_check(request: HttpRequest, pk: int) -> HttpResponse:
    """Validate the form as typed (htmx), without saving: the unit sees problems before sending."""
    submission = _submission_or_404(request, pk, for_edit=True)
    form = SubmissionForm(request.POST, submission=submission)
    form.is_valid()
    # Check what parses as typed; fields that do not parse are simply not counted yet.
    issues = check_values(submission, form.values(), for_submit=True)
    return render(
        request, "reporting/submission_detail.html#issues", {"issues": issues, "checked": True}
    )


@require_POST
@login_required
def submission_attach(request: HttpRequest, pk: int) -> HttpResponse:
    submission = _submission_or_404(request, pk, for_edit=True)
    form = AttachmentForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Chọn một tệp để đính kèm."))
        return redirect(submission)
    upload = form.cleaned_data["file"]
    if upload.size > settings.DOCUMENT_MAX_BYTES:
        messages.error(
            request,
            _("Tệp quá lớn; giới hạn là %(limit)s MB.")
            % {"limit": settings.DOCUMENT_MAX_BYTES // 1024 // 1024},
        )
        return redirect(submission)
    try:
        services.attach_file(
            submission=submission, name=upload.name, data=upload.read(), actor=request.user
        )
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Đã đính kèm tệp."))
    return redirect(submission)


@require_GET
@login_required
def attachment_file(request: HttpRequest, pk: int, attachment_id: int) -> FileResponse:
    submission = _submission_or_404(request, pk)
    attachment = submission.attachments.filter(pk=attachment_id).first()
    if attachment is None or not attachment.file.storage.exists(attachment.file.name):
        raise Http404(_("Không tìm thấy tệp."))
    return FileResponse(attachment.file.open("rb"), as_attachment=True, filename=attachment.name)


@require_POST
@login_required
def submission_submit(request: HttpRequest, pk: int) -> HttpResponse:
    submission = _submission_or_404(request, pk, for_edit=True)
    try:
        services.submit_submission(
            submission=submission, version=int(request.POST.get("version", 0)), actor=request.user
        )
    except services.SubmissionInvalid as error:
        for issue in error.issues:
            messages.error(request, issue.message)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Đã gửi báo cáo tới cơ quan đầu mối."))
    return redirect(submission)


@require_POST
@login_required
def submission_review(request: HttpRequest, pk: int) -> HttpResponse:
    submission = _submission_or_404(request, pk)
    if not permissions.can_review_unit_data(request.user, submission.unit):
        raise PermissionDenied
    form = ReviewForm(request.POST)
    form.is_valid()
    comment = form.cleaned_data.get("comment", "")
    action = request.POST.get("action")
    try:
        if action == "approve":
            services.approve_submission(submission=submission, actor=request.user)
            messages.success(request, _("Đã duyệt báo cáo."))
        elif action == "return":
            services.return_submission(submission=submission, comment=comment, actor=request.user)
            messages.success(request, _("Đã trả lại báo cáo cho đơn vị."))
        elif action == "reopen":
            services.reopen_submission(submission=submission, comment=comment, actor=request.user)
            messages.success(request, _("Đã mở lại báo cáo để đơn vị sửa."))
        else:
            messages.error(request, _("Thao tác không hợp lệ."))
    except DomainError as error:
        messages.error(request, error.message)
    return redirect(submission)


@require_http_methods(["GET", "POST"])
@login_required
def activity_list(request: HttpRequest) -> HttpResponse:
    ids = permissions.editable_unit_ids(request.user)
    units = OrgUnit.objects.all() if ids is None else OrgUnit.objects.filter(pk__in=ids)
    units = units.filter(valid_to__isnull=True).order_by("name")
    unit = units.filter(code=request.GET.get("don_vi") or "").first() or units.first()
    if unit is None:
        raise PermissionDenied
    form = ActivityForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.record_activity(
                    unit=unit,
                    actor=request.user,
                    **{
                        field: form.cleaned_data[field]
                        for field in (
                            "kind",
                            "title",
                            "date",
                            "participants",
                            "copies",
                            "languages",
                            "note",
                        )
                    },
                )
            except DomainError as error:
                form.add_error(None, error.message)
                status = 422
            else:
                messages.success(request, _("Đã ghi nhận hoạt động."))
                return redirect(f"{request.path}?don_vi={unit.code}")
        else:
            status = 422
    context = {
        "form": form,
        "unit": unit,
        "units": units,
        "activities": Activity.objects.filter(unit=unit)[:200],
    }
    return render(request, "reporting/activity_list.html", context, status=status)
