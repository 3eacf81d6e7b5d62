from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from ttdn.reports.models import ConsolidatedReport


class GenerateForm(forms.Form):
    document_format = forms.ChoiceField(
        label=_("Thể thức"), choices=ConsolidatedReport.Format.choices
    )
    as_of = forms.ChoiceField(label=_("Đơn vị tính theo"), choices=ConsolidatedReport.AsOf.choices)


class SectionForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    title = forms.CharField(label=_("Tiêu đề mục"), max_length=255, required=False)
    text = forms.CharField(
        label=_("Nội dung"),
        required=False,
        max_length=100_000,
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=_(
            "Mỗi dòng một đoạn; dòng bắt đầu bằng “- ” là gạch đầu dòng; “a) …” là tiểu mục."
        ),
    )


class HeaderForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    parent_body = forms.CharField(label=_("Cơ quan chủ quản"), required=False, max_length=255)
    issuing_body = forms.CharField(
        label=_("Cơ quan ban hành"), max_length=255, widget=forms.Textarea(attrs={"rows": 2})
    )
    symbol = forms.CharField(label=_("Ký hiệu"), max_length=64)
    number = forms.CharField(
        label=_("Số (để trống cho văn thư ghi)"), required=False, max_length=16
    )
    place = forms.CharField(label=_("Địa danh"), max_length=64)
    issued_on = forms.DateField(
        label=_("Ngày ký (để trống nếu chưa ký)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    title = forms.CharField(label=_("Trích yếu"), max_length=500)
    sign_form = forms.CharField(
        label=_("Quyền hạn ký (TM., KT., Q.…)"), required=False, max_length=16
    )
    sign_authority = forms.CharField(label=_("Thẩm quyền ký"), required=False, max_length=128)
    sign_title = forms.CharField(
        label=_("Chức vụ người ký"),
        required=False,
        max_length=255,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    sign_name = forms.CharField(label=_("Họ và tên người ký"), required=False, max_length=128)
    recipients = forms.CharField(
        label=_("Nơi nhận (mỗi dòng một nơi)"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    @classmethod
    def initial_from(cls, report: ConsolidatedReport) -> dict[str, Any]:
        header = report.header
        signature = header.get("signature") or {}
        return {
            "version": report.version,
            **{name: header.get(name, "") for name in ("parent_body", "issuing_body", "symbol")},
            "number": header.get("number", ""),
            "place": header.get("place", ""),
            "issued_on": header.get("issued_on") or None,
            "title": header.get("title", ""),
            "sign_form": signature.get("form", ""),
            "sign_authority": signature.get("authority", ""),
            "sign_title": signature.get("title", ""),
            "sign_name": signature.get("name", ""),
            "recipients": "\n".join(header.get("recipients", [])),
        }

    def header_values(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            **{
                name: data[name]
                for name in ("parent_body", "issuing_body", "symbol", "number", "place", "title")
            },
            "issued_on": data["issued_on"],
            "signature": {
                "form": data["sign_form"].strip(),
                "authority": data["sign_authority"].strip(),
                "title": data["sign_title"].strip(),
                "name": data["sign_name"].strip(),
            },
            "recipients": data["recipients"].splitlines(),
        }
