from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from ttdn.press.models import Flag, Response, Tone


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
