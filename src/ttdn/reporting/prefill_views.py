"""Pages of the pre-fill flow: upload a report, decide on each figure, apply; past reports."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from ttdn.aggregation import PeriodError, parse_period
from ttdn.core.exceptions import DomainError, NotFound
from ttdn.orgs import permissions
from ttdn.orgs.models import OrgUnit
from ttdn.orgs.selectors import province_scope
from ttdn.reporting import prefill
from ttdn.reporting.models import PastReportBatch, PastReportFile, ProposedValue, ReportImport
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


def _units_of(provinces: list[OrgUnit]) -> QuerySet[OrgUnit]:
    scope: set[int] = set()
    for province in provinces:
        scope |= province_scope(province)
    return OrgUnit.objects.filter(pk__in=scope).order_by("name")


class PastReportsForm(forms.Form):
    province = forms.ModelChoiceField(queryset=OrgUnit.objects.none(), label=gettext_lazy("Tỉnh"))
    files = MultipleFileField(
        label=gettext_lazy("Các báo cáo cũ (DOCX, PDF)"),
        widget=MultipleFileInput(attrs={"multiple": True}),
    )
    default_unit = forms.ModelChoiceField(
        queryset=OrgUnit.objects.none(),
        required=False,
        label=gettext_lazy("Đơn vị (cho tệp không ghi rõ đơn vị ban hành)"),
    )
    default_period = forms.CharField(
        required=False,
        max_length=16,
        label=gettext_lazy("Kỳ (cho tệp không ghi rõ kỳ báo cáo)"),
        help_text=gettext_lazy("Ví dụ 2024S1 (6 tháng đầu năm 2024), 2023 (cả năm), 2024Q3."),
    )

    def __init__(self, *args: object, provinces: list[OrgUnit], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        field = self.fields["province"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = OrgUnit.objects.filter(pk__in=[p.pk for p in provinces])
        if len(provinces) == 1:
            field.initial = provinces[0].pk
        unit_field = self.fields["default_unit"]
        assert isinstance(unit_field, forms.ModelChoiceField)
        unit_field.queryset = _units_of(provinces)

    def clean_default_period(self) -> str:
        code = self.cleaned_data["default_period"].strip()
        if code:
            try:
                code = parse_period(code).code
            except PeriodError as error:
                raise forms.ValidationError(str(error)) from error
        return str(code)


class BatchFileForm(forms.Form):
    """The unit and period a coordinator chooses for one file that did not say."""

    unit = forms.ModelChoiceField(
        queryset=OrgUnit.objects.none(), required=False, label=gettext_lazy("Đơn vị")
    )
    period = forms.CharField(required=False, max_length=16, label=gettext_lazy("Kỳ"))

    def __init__(self, *args: object, province: OrgUnit, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        unit_field = self.fields["unit"]
        assert isinstance(unit_field, forms.ModelChoiceField)
        unit_field.queryset = _units_of([province])


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
    values = list(report_import.values.select_related("indicator"))
    groups = _sum_groups(values)
    return [_row(proposed, text, groups) for proposed in values]


def _sum_groups(values: list[ProposedValue]) -> dict[tuple[int, str], dict[str, object]]:
    """Group the figures that ``apply_import`` would add up: same indicator, same breakdown.

    Only groups of two or more: the review page tells the officer that accepting them all adds
    them together (two departments' courses) and what the total is, so a figure repeated in the
    report's summary can be rejected knowingly.
    """
    members: dict[tuple[int, str], list[ProposedValue]] = {}
    for proposed in values:
        if proposed.indicator_id is not None:
            members.setdefault((proposed.indicator_id, proposed.category), []).append(proposed)
    groups: dict[tuple[int, str], dict[str, object]] = {}
    for key, group in members.items():
        if len(group) < 2:
            continue
        taken = [p.final_value for p in group if p.final_value is not None]
        groups[key] = {"count": len(group), "taken": len(taken), "total": sum(taken, Decimal(0))}
    return groups


def _row(
    proposed: ProposedValue, text: str, groups: dict[tuple[int, str], dict[str, object]]
) -> dict[str, object]:
    group = (
        groups.get((proposed.indicator_id, proposed.category))
        if proposed.indicator_id is not None
        else None
    )
    return {
        "value": proposed,
        "before": text[proposed.sentence_start : proposed.start],
        "mark": text[proposed.start : proposed.end],
        "after": text[proposed.end : proposed.sentence_end],
        "sum_group": group,
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
    groups = _sum_groups(list(report_import.values.select_related("indicator")))
    if request.htmx:  # type: ignore[attr-defined]
        context = {
            "row": _row(proposed, report_import.text, groups),
            "can_edit": True,
            "submission": report_import.submission,
            "report_import": report_import,
            "row_error": error,
        }
        response = render(
            request,
            "reporting/import_review.html#row",
            context,
            status=422 if error else 200,
        )
        if not error and context["row"]["sum_group"]:  # type: ignore[index]
            # The other figures of its group show the new total too.
            response["HX-Refresh"] = "true"
        return response
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
    if request.method == "POST":
        if form.is_valid():
            # Each file is read by the task worker; the page then shows its progress.
            try:
                batch = prefill.queue_past_reports(
                    province=form.cleaned_data["province"],
                    files=[(upload.name, upload.read()) for upload in form.cleaned_data["files"]],
                    actor=request.user,
                    default_unit=form.cleaned_data["default_unit"],
                    default_period=form.cleaned_data["default_period"],
                )
            except DomainError as error:
                messages.error(request, error.message)
            else:
                return redirect(batch)
        status = 422
    else:
        status = 200
    batches = PastReportBatch.objects.filter(province__in=provinces).select_related("province")[:10]
    return render(
        request,
        "reporting/past_reports.html",
        {"form": form, "batches": batches},
        status=status,
    )


def _batch_or_404(request: HttpRequest, pk: int) -> PastReportBatch:
    if not permissions.can_import_past_reports(request.user):
        raise Http404(_("Không tìm thấy đợt nhập báo cáo cũ."))
    try:
        return prefill.access_batch(request.user, pk)
    except NotFound as error:
        raise Http404(error.message) from error


def _batch_context(batch: PastReportBatch) -> dict[str, object]:
    files = list(batch.files.defer("data").select_related("unit", "report_import__submission"))
    done = sum(1 for item in files if item.outcome != PastReportFile.Outcome.PENDING)
    counts = {
        outcome: sum(1 for item in files if item.outcome == outcome)
        for outcome in PastReportFile.Outcome.values
    }
    return {
        "batch": batch,
        "files": [
            {"file": item, "form": BatchFileForm(province=batch.province, prefix=f"f{item.pk}")}
            for item in files
        ],
        "done": done,
        "total": len(files),
        "percent": round(100 * done / len(files)) if files else 100,
        "counts": counts,
        "running": batch.status != PastReportBatch.Status.DONE,
    }


@require_GET
@login_required
def past_report_batch(request: HttpRequest, pk: int) -> HttpResponse:
    batch = _batch_or_404(request, pk)
    context = _batch_context(batch)
    if request.htmx:  # type: ignore[attr-defined]
        return render(request, "reporting/past_report_batch.html#batch", context)
    return render(request, "reporting/past_report_batch.html", context)


@require_POST
@login_required
def past_report_retry(request: HttpRequest, pk: int, file_id: int) -> HttpResponse:
    batch = _batch_or_404(request, pk)
    item = batch.files.filter(pk=file_id, outcome=PastReportFile.Outcome.FAILED).first()
    if item is None:
        raise Http404(_("Không tìm thấy tệp."))
    form = BatchFileForm(request.POST, province=batch.province, prefix=f"f{item.pk}")
    if not form.is_valid():
        messages.error(
            request, _("Chọn đơn vị và kỳ hợp lệ cho tệp “%(name)s”.") % {"name": item.name}
        )
        return redirect(batch)
    item = prefill.import_batch_file(
        item=item,
        actor=request.user,
        unit=form.cleaned_data["unit"],
        period_code=form.cleaned_data["period"].strip() or None,
    )
    if item.outcome == PastReportFile.Outcome.FAILED:
        messages.error(request, item.error)
    else:
        messages.success(request, _("Đã nhập “%(name)s”.") % {"name": item.name})
    return redirect(batch)
