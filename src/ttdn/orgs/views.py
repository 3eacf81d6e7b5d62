from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from ttdn.core.exceptions import DomainError, NotFound
from ttdn.core.models import AuditEntry
from ttdn.orgs import permissions, selectors, tree_io
from ttdn.orgs.forms import TreeDateForm, TreeImportForm
from ttdn.orgs.models import Membership, OrgUnit


@require_GET
@login_required
def tree(request: HttpRequest) -> HttpResponse:
    form = TreeDateForm(request.GET)
    day = timezone.localdate()
    if form.is_valid() and form.cleaned_data["ngay"]:
        day = form.cleaned_data["ngay"]
    roots = selectors.tree_on(day)
    context = {
        "form": form,
        "day": day,
        "today": timezone.localdate(),
        "roots": roots,
        "can_export": permissions.can_export_organisation(request.user),
        "can_import": permissions.can_manage_organisation(request.user),
    }
    return render(request, "orgs/tree.html", context)


def _unit_or_404(code: str) -> OrgUnit:
    try:
        return selectors.access_unit(code)
    except NotFound as error:
        raise Http404(error.message) from error


@require_GET
@login_required
def unit_detail(request: HttpRequest, code: str) -> HttpResponse:
    unit = _unit_or_404(code)
    today = timezone.localdate()
    context = {
        "unit": unit,
        "aliases": unit.aliases.order_by("name"),
        "lineage": selectors.lineage_of(unit),
        "successors": [] if unit.exists_on(today) else selectors.successors_on(unit, today),
        "predecessors": selectors.predecessors_of(unit),
        "children": unit.children.order_by("valid_to", "name"),
        "today": today,
        "can_view_members": permissions.can_view_unit_data(request.user, unit),
    }
    return render(request, "orgs/unit_detail.html", context)


@require_GET
@login_required
def unit_members(request: HttpRequest, code: str) -> HttpResponse:
    unit = _unit_or_404(code)
    if not permissions.can_view_unit_data(request.user, unit):
        # Another unit's people are not this officer's business: same answer as "no such unit".
        raise Http404(_("Không tìm thấy đơn vị."))
    members = Membership.objects.filter(unit=unit).select_related("user").order_by("role")
    return render(request, "orgs/unit_members.html", {"unit": unit, "members": members})


@require_GET
@login_required
def tree_export(request: HttpRequest, file_format: str) -> HttpResponse:
    if not permissions.can_export_organisation(request.user):
        raise PermissionDenied
    stamp = timezone.localdate().isoformat()
    if file_format == "csv":
        response = HttpResponse(tree_io.export_csv(), content_type="text/csv; charset=utf-8")
    elif file_format == "xlsx":
        response = HttpResponse(
            tree_io.export_xlsx(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    else:
        raise Http404(_("Định dạng không hỗ trợ."))
    response["Content-Disposition"] = f'attachment; filename="don-vi-{stamp}.{file_format}"'
    return response


@require_http_methods(["GET", "POST"])
@login_required
def tree_import(request: HttpRequest) -> HttpResponse:
    if not permissions.can_manage_organisation(request.user):
        raise PermissionDenied
    form = TreeImportForm(request.POST or None, request.FILES or None)
    errors: list[str] = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            report = tree_io.import_tree(
                data=upload.read(), filename=upload.name, actor=request.user
            )
        except tree_io.TreeImportError as error:
            form.add_error("file", error.message)
            errors = error.errors
        except DomainError as error:
            form.add_error("file", error.message)
        else:
            messages.success(
                request,
                _("Đã nhập: %(created)s đơn vị mới, %(updated)s cập nhật, %(unchanged)s không đổi.")
                % {
                    "created": report.created,
                    "updated": report.updated,
                    "unchanged": report.unchanged,
                },
            )
            return redirect("orgs:tree")
    status = 422 if request.method == "POST" else 200
    return render(
        request,
        "orgs/tree_import.html",
        {"form": form, "errors": errors, "columns": tree_io.COLUMNS},
        status=status,
    )


@require_GET
@login_required
def audit_log(request: HttpRequest) -> HttpResponse:
    if not permissions.can_read_audit_log(request.user):
        raise PermissionDenied
    entries = AuditEntry.objects.select_related("actor")[:500]
    return render(request, "orgs/audit_log.html", {"entries": entries})
