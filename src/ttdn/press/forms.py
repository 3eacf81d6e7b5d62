from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from ttdn.press.models import Flag, Response, Source, Tone


class ArticleSearchForm(forms.Form):
    q = forms.CharField(required=False, max_length=1000)
    topic = forms.CharField(required=False, max_length=64)
    source = forms.IntegerField(required=False)
    language = forms.CharField(required=False, max_length=8)
    tone = forms.ChoiceField(required=False, choices=[("", ""), *list(Tone.choices)])
    mentions = forms.BooleanField(required=False)
    start = forms.DateField(required=False)
    end = forms.DateField(required=False)


class AttentionForm(ArticleSearchForm):
    by = forms.ChoiceField(
        required=False,
        choices=[
            ("topic", _("chủ đề")),
            ("source", _("cơ quan báo chí")),
            ("language", _("ngôn ngữ")),
        ],
    )
    interval = forms.ChoiceField(
        required=False, choices=[("week", _("theo tuần")), ("day", _("theo ngày"))]
    )


class SavedSearchForm(forms.Form):
    name = forms.CharField(label=_("Tên"), max_length=255, required=False)
    query = forms.CharField(label=_("Câu tìm kiếm"), max_length=1000)
    alert = forms.BooleanField(label=_("Gửi thư khi có tin mới"), required=False, initial=True)


class FlagForm(forms.Form):
    reason = forms.ChoiceField(label=_("Lý do"), choices=Flag.Reason.choices)
    note = forms.CharField(
        label=_("Ghi chú"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class ToneForm(forms.Form):
    tone = forms.ChoiceField(label=_("Sắc thái"), choices=Tone.choices)


class ResponseOpenForm(forms.Form):
    kind = forms.ChoiceField(label=_("Hình thức"), choices=Response.Kind.choices)
    owner = forms.IntegerField(label=_("Đơn vị chủ trì"))
    deadline = forms.DateField(label=_("Hạn xử lý"), widget=forms.DateInput(attrs={"type": "date"}))
    note = forms.CharField(
        label=_("Nội dung"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    flag = forms.IntegerField(required=False)


class ResponseUpdateForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    status = forms.ChoiceField(label=_("Trạng thái"), choices=Response.Status.choices)
    outcome = forms.ChoiceField(
        label=_("Kết quả"), required=False, choices=[("", "—"), *list(Response.Outcome.choices)]
    )
    sent_on = forms.DateField(
        label=_("Ngày gửi"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    deadline = forms.DateField(
        label=_("Hạn xử lý"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    note = forms.CharField(
        label=_("Nội dung, ghi chú"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    documents = forms.CharField(
        label=_("Văn bản liên quan (số, ký hiệu; cách nhau bởi dấu phẩy)"), required=False
    )


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """A file field that takes several files at once (Django's documented recipe)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data]
        return [single(data, initial)]


class ImportForm(forms.Form):
    files = MultipleFileField(label=_("Trang HTML đã lưu hoặc tệp RSS/Atom"))


class SourceForm(forms.Form):
    code = forms.SlugField(label=_("Mã"), max_length=64)
    name = forms.CharField(label=_("Tên cơ quan báo chí"), max_length=255)
    homepage = forms.URLField(label=_("Trang chủ"), required=False, assume_scheme="https")
    kind = forms.ChoiceField(label=_("Loại"), choices=Source.Kind.choices)
    language = forms.CharField(
        label=_("Ngôn ngữ chính (vi, en, zh…)"), max_length=8, required=False
    )
    country = forms.CharField(label=_("Quốc gia (mã 2 chữ)"), max_length=2, initial="VN")
    feed_urls = forms.CharField(
        label=_("Địa chỉ RSS/Atom (mỗi dòng một địa chỉ)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    sitemap_urls = forms.CharField(
        label=_("Địa chỉ sitemap (mỗi dòng một địa chỉ)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    collections = forms.CharField(
        label=_("Nhóm (cách nhau bởi dấu phẩy)"), required=False, max_length=500
    )
    poll_minutes = forms.IntegerField(label=_("Chu kỳ lấy tin (phút)"), min_value=5, initial=60)
    timeout_seconds = forms.IntegerField(
        label=_("Thời gian chờ (giây)"), min_value=1, max_value=120, initial=20
    )
    active = forms.BooleanField(label=_("Đang theo dõi"), required=False, initial=True)

    def _urls(self, field: str) -> list[str]:
        urls = [line.strip() for line in self.cleaned_data[field].splitlines() if line.strip()]
        for url in urls:
            if not url.lower().startswith(("http://", "https://")):
                raise forms.ValidationError(
                    _("“%(url)s” không phải địa chỉ http/https.") % {"url": url}
                )
        return urls

    def clean_feed_urls(self) -> list[str]:
        return self._urls("feed_urls")

    def clean_sitemap_urls(self) -> list[str]:
        return self._urls("sitemap_urls")
