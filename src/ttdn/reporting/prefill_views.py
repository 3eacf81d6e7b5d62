"""Pages of the pre-fill flow: upload a report, decide on each figure, apply; past reports."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from ttdn.core.exceptions import DomainError, NotFound
from ttdn.orgs import permissions
from ttdn.orgs.models import OrgUnit
from ttdn.reporting import prefill
from ttdn.reporting.models import ProposedValue, ReportImport
from ttdn.reporting.selectors import access_submission
from ttdn.reporting.services import SubmissionInvalid


class ReportUploadForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("Báo cáo (DOCX, PDF)"))


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def clean(self, data: object, initial: object = None) -> list[object]:
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data]
        return [single(data, initial)]


class PastReportsForm(forms.Form):
    province = forms.ModelChoiceField(queryset=OrgUnit.objects.none(), label=gettext_lazy("Tỉnh"))
    files = MultipleFileField(
        label=gettext_lazy("Các báo cáo cũ (DOCX, PDF)"),
        widget=MultipleFileInput(attrs={"multiple": True}),
    )

    def __init__(self, *args: object, provinces: list[OrgUnit], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        field = self.fields["province"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = OrgUnit.objects.filter(pk__in=[p.pk for p in provinces])
        if len(provinces) == 1:
            field.initial = provinces[0].pk


def _import_or_404(
    request: HttpRequest, pk: int, import_id: int, *, for_edit: bool = False
) -> ReportImport:
    try:
        return prefill.access_import(request.user, pk, import_id, for_edit=for_edit)
    except NotFound as error:
        raise Http404(error.message) from error


@require_POST
@login_required
def import_upload(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        submission = access_submission(request.user, pk, for_edit=True)
    except NotFound as error:
        raise Http404(error.message) from error
    form = ReportUploadForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Chọn tệp báo cáo (DOCX hoặc PDF) để nhập số liệu."))
        return redirect(submission)
    upload = form.cleaned_data["file"]
    try:
        report_import = prefill.import_report(
            submission=submission, name=upload.name, data=upload.read(), actor=request.user
        )
    except DomainError as error:
        messages.error(request, error.message)
        return redirect(submission)
    return redirect(report_import)


def _rows(report_import: ReportImport) -> list[dict[str, object]]:
    text = report_import.text
    return [_row(proposed, text) for proposed in report_import.values.select_related("indicator")]


def _row(proposed: ProposedValue, text: str) -> dict[str, object]:
    return {
        "value": proposed,
        "before": text[proposed.sentence_start : proposed.start],
        "mark": text[proposed.start : proposed.end],
        "after": text[proposed.end : proposed.sentence_end],
    }


@require_GET
@login_required
def import_review(request: HttpRequest, pk: int, import_id: int) -> HttpResponse:
    report_import = _import_or_404(request, pk, import_id)
    submission = report_import.submission
    can_edit = (
        report_import.status == ReportImport.Status.PENDING
        and submission.editable
        and permissions.can_edit_unit_data(request.user, submission.unit)
    )
    titles = {section["code"]: section["title"] for section in submission.round.sections}
    sections = [
        {
            "code": code,
            "title": titles.get(code, code),
            "text": text,
            "current": submission.narrative.get(code, ""),
        }
        for code, text in report_import.narrative.items()
    ]
    rows = _rows(report_import)
    context = {
        "report_import": report_import,
        "submission": submission,
        "rows": rows,
        "sections": sections,
        "can_edit": can_edit,
        "pending": sum(1 for row in rows if row["value"].decision == "pending"),  # type: ignore[attr-defined]
    }
    return render(request, "reporting/import_review.html", context)


@require_POST
@login_required
def import_decide(request: HttpRequest, pk: int, import_id: int, value_id: int) -> HttpResponse:
    report_import = _import_or_404(request, pk, import_id, for_edit=True)
    proposed = report_import.values.filter(pk=value_id).select_related("indicator").first()
    if proposed is None:
        raise Http404(_("Không tìm thấy số liệu."))
    error = None
    try:
        proposed = prefill.decide_value(
            proposed=proposed,
            decision=request.POST.get("decision", ""),
            corrected=request.POST.get("corrected"),
            actor=request.user,
        )
    except DomainError as exc:
        error = exc.message
    if request.htmx:  # type: ignore[attr-defined]
        context = {
            "row": _row(proposed, report_import.text),
            "can_edit": True,
            "submission": report_import.submission,
            "report_import": report_import,
            "row_error": error,
        }
        return render(
            request,
            "reporting/import_review.html#row",
            context,
            status=422 if error else 200,
        )
    if error:
        messages.error(request, error)
    return redirect(report_import)


@require_POST
@login_required
def import_apply(request: HttpRequest, pk: int, import_id: int) -> HttpResponse:
    report_import = _import_or_404(request, pk, import_id, for_edit=True)
    try:
        result = prefill.apply_import(
            report_import=report_import,
            version=int(request.POST.get("version") or 0),
            sections=request.POST.getlist("section"),
            actor=request.user,
        )
    except SubmissionInvalid as error:
        for issue in error.issues:
            messages.error(request, issue.message)
        return redirect(report_import)
    except DomainError as error:
        messages.error(request, error.message)
        return redirect(report_import)
    messages.success(
        request,
        _(
            "Đã điền %(values)s số liệu và %(sections)s phần nội dung vào bản nháp. Kiểm tra lại "
            "rồi bấm “Gửi báo cáo”."
        )
        % {"values": result.values, "sections": result.sections},
    )
    return redirect(result.submission)


@require_POST
@login_required
def import_discard(request: HttpRequest, pk: int, import_id: int) -> HttpResponse:
    report_import = _import_or_404(request, pk, import_id, for_edit=True)
    try:
        prefill.discard_import(report_import=report_import, actor=request.user)
    except DomainError as error:
        messages.error(request, error.message)
        return redirect(report_import)
    messages.success(request, _("Đã bỏ tệp; báo cáo không thay đổi."))
    return redirect(report_import.submission)


@require_http_methods(["GET", "POST"])
@login_required
def past_reports(request: HttpRequest) -> HttpResponse:
    if not permissions.can_import_past_reports(request.user):
        raise PermissionDenied
    provinces = permissions.provinces_coordinated(request.user)
    form = PastReportsForm(request.POST or None, request.FILES or None, provinces=provinces)
    results: list[dict[str, object]] = []
    status = 200
    if request.method == "POST":
        if form.is_valid():
            province = form.cleaned_data["province"]
            for upload in form.cleaned_data["files"]:
                try:
                    outcome = prefill.import_past_report(
                        province=province, data=upload.read(), name=upload.name, actor=request.user
                    )
                except DomainError as error:
                    results.append({"name": upload.name, "error": error.message})
                else:
                    results.append(
                        {
                            "name": upload.name,
                            "import": outcome.report_import,
                            "unit": outcome.unit,
                            "period": outcome.period_code,
                            "figures": outcome.report_import.values.count(),
                        }
                    )
            if any("error" in result for result in results):
                status = 422
        else:
            status = 422
    return render(
        request,
        "reporting/past_reports.html",
        {"form": form, "results": results},
        status=status,
    )
