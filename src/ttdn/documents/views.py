from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from ttdn.core.exceptions import DomainError, NotFound
from ttdn.documents import selectors, services
from ttdn.documents.forms import DocumentSearchForm, DocumentUploadForm
from ttdn.documents.models import Document
from ttdn.orgs import permissions

PAGE_SIZE = 50


@require_GET
@login_required
def document_list(request: HttpRequest) -> HttpResponse:
    form = DocumentSearchForm(request.GET)
    filters = selectors.DocumentFilters()
    if form.is_valid():
        filters = selectors.DocumentFilters(
            query=form.cleaned_data["q"],
            doc_type=form.cleaned_data["doc_type"],
            issuer=form.cleaned_data["issuer"],
            year=form.cleaned_data["year"],
        )
    documents = selectors.search_documents(filters)
    context = {
        "form": form,
        "filters": filters,
        "documents": documents[:PAGE_SIZE],
        "total": documents.count(),
        "page_size": PAGE_SIZE,
        "choices": selectors.filter_choices(),
    }
    template = "documents/document_list.html"
    if request.htmx and request.htmx.target == "document-results":
        template += "#results"
    return render(request, template, context)


def _document_or_404(request: HttpRequest, pk: int) -> Document:
    try:
        return selectors.access_document(request.user, pk)
    except NotFound as error:
        raise Http404(error.message) from error


@require_GET
@login_required
def document_detail(request: HttpRequest, pk: int) -> HttpResponse:
    document = _document_or_404(request, pk)
    context = {
        "document": document,
        "version": document.current_version,
        "versions": document.versions.order_by("-number"),
        "recipient_units": document.recipient_units.order_by("name"),
        "segments": selectors.highlighted_text(document),
        "cites": selectors.cited_documents(document),
        "cited_by": selectors.citing_documents(document),
        "chain": selectors.implementation_chain(document),
    }
    return render(request, "documents/document_detail.html", context)


@require_GET
@login_required
def document_file(request: HttpRequest, pk: int) -> FileResponse:
    document = _document_or_404(request, pk)
    version = document.current_version
    if version is None or not version.file.storage.exists(version.file.name):
        raise Http404(_("Văn bản này chưa có tệp gốc."))
    return FileResponse(version.file.open("rb"), as_attachment=True, filename=version.original_name)


@require_http_methods(["GET", "POST"])
@login_required
def document_upload(request: HttpRequest) -> HttpResponse:
    if not permissions.can_upload_documents(request.user):
        raise PermissionDenied
    form = DocumentUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            if upload.size > settings.DOCUMENT_MAX_BYTES:
                # Refuse before reading a huge upload into memory.
                raise services.DocumentRejected(
                    _("Tệp quá lớn; giới hạn là %(limit)s MB.")
                    % {"limit": settings.DOCUMENT_MAX_BYTES // 1024 // 1024}
                )
            result = services.ingest_document(
                data=upload.read(), filename=upload.name, actor=request.user
            )
        except DomainError as error:
            form.add_error("file", error.message)
            return render(request, "documents/document_upload.html", {"form": form}, status=422)
        if result.outcome == "duplicate":
            messages.info(request, _("Tệp này đã có trong hệ thống; không lưu thêm bản sao."))
        elif result.outcome == "new_version":
            messages.success(
                request,
                _("Đã lưu phiên bản %(number)s của văn bản.") % {"number": result.version.number},
            )
        else:
            messages.success(request, _("Đã lưu văn bản vào hệ thống."))
        return redirect(result.document)
    status = 422 if request.method == "POST" else 200
    return render(request, "documents/document_upload.html", {"form": form}, status=status)
