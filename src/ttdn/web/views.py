from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from ttdn.documents.models import Document


@require_GET
@login_required
def home(request: HttpRequest) -> HttpResponse:
    registered = Document.objects.filter(status=Document.Status.REGISTERED)
    context = {
        "registered_count": registered.count(),
        "referenced_count": Document.objects.filter(status=Document.Status.REFERENCED).count(),
        "recent": registered.order_by("-created_at")[:8],
    }
    return render(request, "web/home.html", context)
