from __future__ import annotations

import datetime as dt

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ttdn.orgs.models import FailedLogin

#: After this many failed sign-ins for a user name within the window, sign-in is refused.
MAX_FAILED_LOGINS = 5
FAILED_LOGIN_WINDOW = dt.timedelta(minutes=15)


class TreeDateForm(forms.Form):
    ngay = forms.DateField(
        label=_("Xem cơ cấu tổ chức vào ngày"),
        required=False,
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
        widget=forms.DateInput(attrs={"type": "date"}),
    )


class TreeImportForm(forms.Form):
    file = forms.FileField(label=_("Tệp CSV hoặc XLSX"))


class ThrottledAuthenticationForm(AuthenticationForm):
    """Django's sign-in form that refuses a user name after repeated failures.

    Counting by user name (not only by address) stops a guesser who changes addresses; the
    window is short so that the real officer is locked out for minutes, not days.
    """

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _("Tên đăng nhập hoặc mật khẩu không đúng."),
        "throttled": _(
            "Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau %(minutes)s phút "
            "hoặc dùng chức năng quên mật khẩu."
        ),
    }

    def clean(self) -> dict[str, object]:
        username = (self.data.get("username") or "").strip().lower()
        since = timezone.now() - FAILED_LOGIN_WINDOW
        if (
            username
            and FailedLogin.objects.filter(username=username, at__gte=since).count()
            >= MAX_FAILED_LOGINS
        ):
            raise forms.ValidationError(
                self.error_messages["throttled"],
                code="throttled",
                params={"minutes": int(FAILED_LOGIN_WINDOW.total_seconds() // 60)},
            )
        try:
            return super().clean()
        except forms.ValidationError:
            FailedLogin.objects.create(
                username=username[:150],
                ip_address=self.request.META.get("REMOTE_ADDR") if self.request else None,
            )
            raise
