"""Background work of press monitoring (django-tasks; `ttdn db_worker` runs it)."""

from __future__ import annotations

from django_tasks import task

from ttdn.press import services
from ttdn.press.models import Source


@task()
def poll_source(source_id: int) -> int:
    """Poll one source; return the number of new articles (copies included)."""
    source = Source.objects.filter(pk=source_id, active=True).first()
    if source is None:
        return 0
    result = services.poll_source(source=source)
    return result.new + result.copies


@task()
def send_saved_search_alerts() -> int:
    """E-mail the owners of saved searches about new matching articles."""
    return services.send_saved_search_alerts()
