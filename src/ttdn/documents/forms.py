from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class DocumentSearchForm(forms.Form):
    q = forms.CharField(label=_("Tìm kiếm"), required=False, max_length=200)
    doc_type = forms.CharField(label=_("Loại văn bản"), required=False, max_length=64)
    issuer = forms.CharField(label=_("Cơ quan ban hành"), required=False, max_length=255)
    year = forms.IntegerField(label=_("Năm"), required=False, min_value=1945, max_value=2100)


class DocumentUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Tệp văn bản"),
        help_text=_("DOCX, PDF có lớp văn bản, TXT hoặc trang HTML đã lưu."),
    )
