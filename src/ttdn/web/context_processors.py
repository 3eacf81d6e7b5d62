from __future__ import annotations

from django.http import HttpRequest

from ttdn.orgs import permissions


def navigation(request: HttpRequest) -> dict[str, object]:
    """Tell the layout which links this user's roles open (the views check again)."""
    user = request.user
    return {
        "nav": {
            "upload": permissions.can_upload_documents(user),
            "audit_log": permissions.can_read_audit_log(user),
            # Role checks only: this runs on every page, so no walk of the unit tree here.
            "activities": permissions.can_log_activities(user),
            "reports": permissions.can_read_reports(user),
            "press_import": permissions.can_manage_press_sources(user),
        }
    }
