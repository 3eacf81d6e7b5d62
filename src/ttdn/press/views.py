from __future__ import annotations

import datetime as dt
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from ttdn.core.exceptions import DomainError, NotFound
from ttdn.documents.models import Document
from ttdn.orgs import permissions
from ttdn.orgs.models import OrgUnit
from ttdn.orgs.selectors import units_on
from ttdn.press import charts, letter, selectors, services
from ttdn.press.forms import (
    ArticleSearchForm,
    AttentionForm,
    FlagForm,
    ImportForm,
    ResponseOpenForm,
    ResponseUpdateForm,
    SavedSearchForm,
    SourceForm,
    ToneForm,
)
from ttdn.press.models import Article, Flag, Response, Source, Tone

PAGE_SIZE = 50


def _filters(form: ArticleSearchForm) -> selectors.ArticleFilters:
    if not form.is_valid():
        return selectors.ArticleFilters()
    data = form.cleaned_data
    return selectors.ArticleFilters(
        query=data["q"],
        topic=data["topic"],
        source=data["source"],
        language=data["language"],
        tone=data["tone"],
        mentions_only=data["mentions"],
        start=data["start"],
        end=data["end"],
    )


def _choices() -> dict[str, object]:
    return {
        "topics": selectors.topic_choices(),
        "sources": Source.objects.order_by("name"),
        "languages": selectors.language_choices(),
        "tones": Tone.choices,
    }


@require_GET
@login_required
def article_list(request: HttpRequest) -> HttpResponse:
    form = ArticleSearchForm(request.GET)
    filters = _filters(form)
    error = ""
    try:
        articles = selectors.search_articles(filters)
        total = selectors.count_articles(filters)
        page = list(articles[:PAGE_SIZE])
    except DomainError as problem:
        error, total, page = problem.message, 0, []
    context = {
        "form": form,
        "filters": filters,
        "articles": page,
        "total": total,
        "page_size": PAGE_SIZE,
        "error": error,
        "choices": _choices(),
        "saved_searches": selectors.saved_searches_of(request.user),
    }
    template = "press/article_list.html"
    if request.htmx and request.htmx.target == "article-results":
        template += "#results"
    return render(request, template, context, status=422 if error else 200)


def _article_or_404(request: HttpRequest, pk: int) -> Article:
    try:
        return selectors.access_article(request.user, pk)
    except NotFound as error:
        raise Http404(error.message) from error


def _owner_units(request: HttpRequest) -> list[OrgUnit]:
    ids = permissions.editable_unit_ids(request.user)
    units = units_on(timezone.localdate()).order_by("name")
    return list(units if ids is None else units.filter(pk__in=ids))


@require_GET
@login_required
def article_detail(request: HttpRequest, pk: int) -> HttpResponse:
    article = _article_or_404(request, pk)
    context = {
        "article": article,
        **selectors.article_context(article),
        "responses": selectors.visible_responses(request.user).filter(article=article),
        "can_act": permissions.can_act_on_press(request.user),
        "flag_form": FlagForm(),
        "tone_form": ToneForm(initial={"tone": article.tone}),
        "open_form": ResponseOpenForm(
            initial={"deadline": timezone.localdate() + dt.timedelta(days=3)}
        ),
        "owner_units": _owner_units(request),
    }
    return render(request, "press/article_detail.html", context)


def _require_act(request: HttpRequest) -> None:
    if not permissions.can_act_on_press(request.user):
        raise PermissionDenied


@require_POST
@login_required
def article_flag(request: HttpRequest, pk: int) -> HttpResponse:
    article = _article_or_404(request, pk)
    _require_act(request)
    form = FlagForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Hãy chọn lý do đánh dấu."))
        return redirect(article)
    try:
        services.flag_article(
            article=article,
            reason=form.cleaned_data["reason"],
            note=form.cleaned_data["note"],
            actor=request.user,
        )
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Đã đánh dấu tin, bài."))
    return redirect(article)


@require_POST
@login_required
def article_tone(request: HttpRequest, pk: int) -> HttpResponse:
    article = _article_or_404(request, pk)
    _require_act(request)
    form = ToneForm(request.POST)
    if form.is_valid():
        services.confirm_tone(article=article, tone=form.cleaned_data["tone"], actor=request.user)
        messages.success(request, _("Đã xác nhận sắc thái."))
    else:
        messages.error(request, _("Sắc thái không hợp lệ."))
    return redirect(article)


@require_POST
@login_required
def response_open(request: HttpRequest, pk: int) -> HttpResponse:
    article = _article_or_404(request, pk)
    _require_act(request)
    form = ResponseOpenForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Hãy chọn hình thức, đơn vị chủ trì và hạn xử lý."))
        return redirect(article)
    owner = OrgUnit.objects.filter(pk=form.cleaned_data["owner"]).first()
    flag = (
        Flag.objects.filter(pk=form.cleaned_data["flag"], article=article).first()
        if form.cleaned_data["flag"]
        else None
    )
    try:
        if owner is None:
            raise services.PressError(_("Không tìm thấy đơn vị chủ trì."))
        response = services.open_response(
            article=article,
            kind=form.cleaned_data["kind"],
            owner=owner,
            deadline=form.cleaned_data["deadline"],
            note=form.cleaned_data["note"],
            flag=flag,
            actor=request.user,
        )
    except DomainError as error:
        messages.error(request, error.message)
        return redirect(article)
    messages.success(request, _("Đã mở phản hồi."))
    return redirect(response)


@require_GET
@login_required
def response_board(request: HttpRequest) -> HttpResponse:
    columns = selectors.response_board(request.user)
    context = {
        "columns": [(Response.Status(status).label, items) for status, items in columns.items()],
        "today": timezone.localdate(),
        **selectors.period_figures(request.user, request.GET.get("period")),
    }
    return render(request, "press/response_board.html", context)


def _response_or_404(request: HttpRequest, pk: int, *, for_edit: bool = False) -> Response:
    try:
        return selectors.access_response(request.user, pk, for_edit=for_edit)
    except NotFound as error:
        raise Http404(error.message) from error


@require_http_methods(["GET", "POST"])
@login_required
def response_detail(request: HttpRequest, pk: int) -> HttpResponse:
    response = _response_or_404(request, pk)
    can_edit = permissions.can_edit_unit_data(request.user, response.owner)
    form = ResponseUpdateForm(
        request.POST or None,
        initial={
            "version": response.version,
            "status": response.status,
            "outcome": response.outcome,
            "deadline": response.deadline,
            "note": response.note,
            "documents": ", ".join(d.number for d in response.documents.all() if d.number),
        },
    )
    status = 200
    if request.method == "POST":
        if not can_edit:
            raise Http404(_("Không tìm thấy phản hồi."))
        if form.is_valid():
            try:
                data = form.cleaned_data
                response = services.update_response(
                    response=response,
                    actor=request.user,
                    version=data["version"],
                    status=data["status"],
                    outcome=data["outcome"],
                    note=data["note"],
                    deadline=data["deadline"],
                    sent_on=data["sent_on"],
                    documents=_documents_from(data["documents"]),
                )
            except DomainError as error:
                form.add_error(None, error.message)
                status = 422
            else:
                messages.success(request, _("Đã cập nhật phản hồi."))
                return redirect(response)
        else:
            status = 422
    context = {
        "response": response,
        "form": form,
        "can_edit": can_edit,
        "letter": letter.correction_letter(response)
        if response.kind == Response.Kind.CORRECTION
        else None,
    }
    return render(request, "press/response_detail.html", context, status=status)


def _documents_from(numbers: str) -> list[Document]:
    from ttdn.docparse import canonical_key

    documents: list[Document] = []
    for number in (part.strip() for part in numbers.split(",")):
        if not number:
            continue
        document = Document.objects.filter(key=canonical_key(number)).first()
        if document is None:
            raise services.PressError(
                _("Không tìm thấy văn bản số %(number)s trong hệ thống.") % {"number": number}
            )
        documents.append(document)
    return documents


@require_GET
@login_required
def response_letter(request: HttpRequest, pk: int, file_format: str) -> HttpResponse:
    response = _response_or_404(request, pk)
    if response.kind != Response.Kind.CORRECTION or file_format not in {"docx", "pdf"}:
        raise Http404(_("Phản hồi này không có công văn đề nghị cải chính."))
    if file_format == "docx":
        data = letter.correction_letter_docx(response)
        content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    else:
        data = letter.correction_letter_pdf(response)
        content_type = "application/pdf"
    result = HttpResponse(data, content_type=content_type)
    result["Content-Disposition"] = (
        f'attachment; filename="de-nghi-cai-chinh-{response.pk}.{file_format}"'
    )
    return result


@require_GET
@login_required
def source_list(request: HttpRequest) -> HttpResponse:
    context = {"sources": selectors.sources_with_health(), "now": timezone.now()}
    return render(request, "press/source_list.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def source_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    if not permissions.can_manage_press_sources(request.user):
        raise PermissionDenied
    source = None
    if pk is not None:
        source = Source.objects.filter(pk=pk).first()
        if source is None:
            raise Http404(_("Không tìm thấy nguồn tin."))
    initial = {}
    if source is not None:
        initial = {
            "code": source.code,
            "name": source.name,
            "homepage": source.homepage,
            "kind": source.kind,
            "language": source.language,
            "country": source.country,
            "feed_urls": "\n".join(source.feed_urls),
            "sitemap_urls": "\n".join(source.sitemap_urls),
            "collections": ", ".join(c.name for c in source.collections.all()),
            "poll_minutes": source.poll_minutes,
            "timeout_seconds": source.timeout_seconds,
            "active": source.active,
        }
    form = SourceForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        from django.utils.text import slugify

        data = form.cleaned_data
        names = [name.strip() for name in data["collections"].split(",") if name.strip()]
        saved = services.save_source(
            code=source.code if source else data["code"],
            name=data["name"],
            homepage=data["homepage"],
            kind=data["kind"],
            language=data["language"].strip().lower(),
            country=data["country"].strip().upper(),
            feed_urls=data["feed_urls"],
            sitemap_urls=data["sitemap_urls"],
            collections=[(slugify(name)[:64] or "nhom", name) for name in names],
            poll_minutes=data["poll_minutes"],
            timeout_seconds=data["timeout_seconds"],
            active=data["active"],
            actor=request.user,
        )
        messages.success(request, _("Đã lưu nguồn tin “%(name)s”.") % {"name": saved.name})
        return redirect("press:source_list")
    status = 422 if request.method == "POST" else 200
    return render(
        request, "press/source_form.html", {"form": form, "source": source}, status=status
    )


@require_GET
@login_required
def attention(request: HttpRequest) -> HttpResponse:
    form = AttentionForm(request.GET)
    filters = _filters(form)
    by = interval = ""
    if form.is_valid():
        by, interval = form.cleaned_data["by"], form.cleaned_data["interval"]
    by, interval = by or "topic", interval or "week"
    error = ""
    try:
        buckets, series = selectors.attention(filters=filters, by=by, interval=interval)
    except DomainError as problem:
        error, buckets, series = problem.message, [], []
    title = _("Số tin, bài theo thời gian")
    context = {
        "form": form,
        "filters": filters,
        "by": by,
        "interval": interval,
        "chart": charts.line_chart(buckets, series, title=title),
        "buckets": buckets,
        "series": series,
        "table": [(item.label, [item.points.get(b, 0) for b in buckets]) for item in series],
        "error": error,
        "choices": _choices(),
    }
    return render(request, "press/attention.html", context, status=422 if error else 200)


@require_http_methods(["GET", "POST"])
@login_required
def press_import(request: HttpRequest) -> HttpResponse:
    if not permissions.can_manage_press_sources(request.user):
        raise PermissionDenied
    form = ImportForm(request.POST or None, request.FILES or None)
    reports: list[services.ImportReport] = []
    status = 200
    if request.method == "POST":
        if form.is_valid():
            for upload in form.cleaned_data["files"]:
                if upload.size > services.IMPORT_MAX_BYTES:
                    reports.append(
                        services.ImportReport(upload.name, error=_("Tệp quá lớn (tối đa 10 MB)."))
                    )
                    continue
                reports.append(
                    services.import_file(name=upload.name, data=upload.read(), actor=request.user)
                )
            status = 422 if any(report.error for report in reports) else 200
        else:
            status = 422
    return render(request, "press/import.html", {"form": form, "reports": reports}, status=status)


@require_POST
@login_required
def search_save(request: HttpRequest) -> HttpResponse:
    form = SavedSearchForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Hãy nhập câu tìm kiếm."))
        return redirect("press:article_list")
    try:
        search = services.save_search(
            owner=request.user,  # type: ignore[arg-type]
            name=form.cleaned_data["name"],
            query=form.cleaned_data["query"],
            alert=form.cleaned_data["alert"],
        )
    except DomainError as error:
        messages.error(request, error.message)
        return redirect("press:article_list")
    messages.success(request, _("Đã lưu câu tìm kiếm “%(name)s”.") % {"name": search.name})
    return redirect(f"{_list_url()}?{urlencode({'q': search.query})}")


def _list_url() -> str:
    from django.urls import reverse

    return reverse("press:article_list")


@require_POST
@login_required
def search_delete(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        search = selectors.access_saved_search(request.user, pk)
    except NotFound as error:
        raise Http404(error.message) from error
    search.delete()
    messages.success(request, _("Đã xóa câu tìm kiếm đã lưu."))
    return redirect("press:article_list")
