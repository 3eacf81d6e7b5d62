"""Pages of consolidated reports: generate from a round, edit section by section, download."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from ttdn.core.exceptions import DomainError, NotFound
from ttdn.orgs import permissions
from ttdn.reporting import selectors as reporting
from ttdn.reporting.models import ReportRound
from ttdn.reports import rendering, selectors, services
from ttdn.reports.forms import GenerateForm, HeaderForm, SectionForm
from ttdn.reports.models import ConsolidatedReport


def _round_or_404(request: HttpRequest, pk: int) -> ReportRound:
    try:
        return reporting.access_round(request.user, pk)
    except NotFound as error:
        raise Http404(error.message) from error


def _report_or_404(request: HttpRequest, pk: int) -> ConsolidatedReport:
    try:
        return selectors.access_report(request.user, pk)
    except NotFound as error:
        raise Http404(error.message) from error


def _editable_or_403(request: HttpRequest, pk: int) -> ConsolidatedReport:
    report = _report_or_404(request, pk)
    if not permissions.can_compile_reports(request.user, report.round.province):
        raise PermissionDenied
    return report


@require_GET
@login_required
def report_index(request: HttpRequest) -> HttpResponse:
    rounds = reporting.rounds_visible_to(request.user).prefetch_related("consolidated_reports")
    return render(request, "reports/index.html", {"rounds": rounds})


@require_GET
@login_required
def round_reports(request: HttpRequest, round_id: int) -> HttpResponse:
    report_round = _round_or_404(request, round_id)
    context = {
        "round": report_round,
        "reports": selectors.reports_of_round(report_round),
        "can_compile": permissions.can_compile_reports(request.user, report_round.province),
        "form": GenerateForm(),
    }
    return render(request, "reports/round_reports.html", context)


@require_POST
@login_required
def report_create(request: HttpRequest, round_id: int) -> HttpResponse:
    report_round = _round_or_404(request, round_id)
    if not permissions.can_compile_reports(request.user, report_round.province):
        raise PermissionDenied
    form = GenerateForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Chọn thể thức và cách tính đơn vị."))
        return redirect("reports:round_reports", round_id=report_round.pk)
    try:
        report = services.request_report(
            report_round=report_round,
            actor=request.user,
            document_format=form.cleaned_data["document_format"],
            as_of=form.cleaned_data["as_of"],
        )
    except DomainError as error:
        messages.error(request, error.message)
        return redirect("reports:round_reports", round_id=report_round.pk)
    return redirect(report)


def _detail_context(request: HttpRequest, report: ConsolidatedReport) -> dict[str, object]:
    can_edit = permissions.can_compile_reports(request.user, report.round.province)
    return {
        "report": report,
        "round": report.round,
        "can_edit": can_edit,
        "missing": selectors.missing_or_unapproved(report.inputs),
        "header_form": HeaderForm(initial=HeaderForm.initial_from(report)) if can_edit else None,
        "plans": report.inputs.get("plans", []),
    }


@require_GET
@login_required
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report_or_404(request, pk)
    return render(request, "reports/detail.html", _detail_context(request, report))


@require_GET
@login_required
def report_progress(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report_or_404(request, pk)
    response = render(request, "reports/detail.html#progress", {"report": report})
    if report.is_ready and request.htmx:
        response["HX-Refresh"] = "true"  # the whole page now has sections to show
    return response


@require_POST
@login_required
def header_edit(request: HttpRequest, pk: int) -> HttpResponse:
    report = _editable_or_403(request, pk)
    form = HeaderForm(request.POST)
    if not form.is_valid():
        context = {**_detail_context(request, report), "header_form": form}
        return render(request, "reports/detail.html", context, status=400)
    try:
        services.save_header(
            report=report,
            values=form.header_values(),
            version=form.cleaned_data["version"],
            actor=request.user,
        )
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Đã lưu phần đầu và phần ký của văn bản."))
    return redirect(report)


@require_http_methods(["GET", "POST"])
@login_required
def section_edit(request: HttpRequest, pk: int, code: str) -> HttpResponse:
    """GET: the edit form of one section (htmx swaps it in); POST: save, show the section."""
    report = _editable_or_403(request, pk)
    section = next((s for s in report.sections if s["code"] == code), None)
    if section is None:
        raise Http404(_("Không tìm thấy mục cần sửa."))
    if request.method == "GET":
        form = SectionForm(
            initial={"version": report.version, "title": section["title"], "text": section["text"]}
        )
        return render(
            request,
            "reports/detail.html#section_form",
            {"report": report, "section": section, "form": form},
        )
    form = SectionForm(request.POST)
    error, status = "", 400
    if form.is_valid():
        try:
            report = services.save_section(
                report=report,
                code=code,
                title=form.cleaned_data["title"],
                text=form.cleaned_data["text"],
                version=form.cleaned_data["version"],
                actor=request.user,
            )
        except DomainError as failure:
            error, status = failure.message, failure.status_code
    else:
        error = _("Nội dung không hợp lệ.")
    if error:
        context = {"report": report, "section": section, "form": form, "error": error}
        if not request.htmx:
            messages.error(request, error)
            return redirect(report)
        return render(request, "reports/detail.html#section_form", context, status=status)
    section = next(s for s in report.sections if s["code"] == code)
    if not request.htmx:
        return redirect(report)
    return render(
        request,
        "reports/detail.html#section",
        {"report": report, "section": section, "can_edit": True, "saved": True},
    )


@require_GET
@login_required
def report_download(request: HttpRequest, pk: int, file_format: str) -> HttpResponse:
    report = _report_or_404(request, pk)
    if file_format not in rendering.CONTENT_TYPES:
        raise Http404(_("Định dạng không hỗ trợ."))
    if not report.is_ready:
        raise Http404(_("Báo cáo chưa tạo xong."))
    response = HttpResponse(
        rendering.render(report, file_format), content_type=rendering.CONTENT_TYPES[file_format]
    )
    response["Content-Disposition"] = (
        f'attachment; filename="{rendering.filename(report, file_format)}"'
    )
    return response
