from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.conf import settings
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from ttdn.documents.models import Document
from ttdn.orgs.models import OrgUnit
from ttdn.plans.models import Task, TaskAssignment


class ProposeForm(forms.Form):
    document = forms.ModelChoiceField(
        label=_("Văn bản kế hoạch"), queryset=Document.objects.none(), empty_label=None
    )

    def __init__(self, *args: Any, documents: QuerySet[Document], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["document"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = documents
        field.label_from_instance = lambda d: f"{d.number} – {d.title[:120]}"  # type: ignore[method-assign]


class PlanHeaderForm(forms.Form):
    title = forms.CharField(label=_("Tên kế hoạch"), widget=forms.Textarea(attrs={"rows": 2}))
    starts_on = forms.DateField(
        label=_("Thực hiện từ ngày"), widget=forms.DateInput(attrs={"type": "date"})
    )
    ends_on = forms.DateField(label=_("Đến ngày"), widget=forms.DateInput(attrs={"type": "date"}))
    objectives = forms.CharField(
        label=_("Mục tiêu"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("starts_on"), data.get("ends_on")
        if start and end and end < start:
            self.add_error("ends_on", _("Ngày kết thúc phải sau ngày bắt đầu."))
        return data


class UnitChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        unit: OrgUnit = obj
        ended = f" (đến {unit.valid_to:%d/%m/%Y})" if unit.valid_to else ""
        return f"{unit.name}{ended}"


class ReviewedTaskForm(forms.Form):
    keep = forms.BooleanField(label=_("Giữ"), required=False, initial=True)
    text = forms.CharField(label=_("Nội dung"), widget=forms.Textarea(attrs={"rows": 3}))
    lead = UnitChoice(
        label=_("Chủ trì"),
        queryset=OrgUnit.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )
    support = UnitChoice(
        label=_("Phối hợp"),
        queryset=OrgUnit.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )
    due = forms.DateField(
        label=_("Thời hạn"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    recurrence = forms.ChoiceField(
        label=_("Định kỳ"), choices=Task.Recurrence.choices, required=False
    )
    merge_into = forms.IntegerField(label=_("Gộp vào nhiệm vụ số"), required=False, min_value=1)
    group = forms.CharField(widget=forms.HiddenInput, required=False)
    kind = forms.ChoiceField(choices=Task.Kind.choices, widget=forms.HiddenInput)

    def __init__(self, *args: Any, units: QuerySet[OrgUnit], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("lead", "support"):
            field = self.fields[name]
            assert isinstance(field, forms.ModelMultipleChoiceField)
            field.queryset = units


ReviewFormSet = forms.formset_factory(ReviewedTaskForm, extra=0)


class TaskUpdateForm(forms.Form):
    status = forms.ChoiceField(label=_("Trạng thái"), choices=TaskAssignment.Status.choices)
    note = forms.CharField(
        label=_("Nội dung cập nhật"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    document_number = forms.CharField(
        label=_("Minh chứng: số, ký hiệu văn bản trong hệ thống"),
        required=False,
        help_text=_("Ví dụ: 1234/KH-SVHTTDL"),
    )
    activity = forms.ModelChoiceField(
        label=_("Minh chứng: hoạt động đã ghi nhận"), queryset=None, required=False
    )
    submission = forms.ModelChoiceField(
        label=_("Minh chứng: báo cáo định kỳ"), queryset=None, required=False
    )
    file = forms.FileField(label=_("Minh chứng: tệp đính kèm"), required=False)

    def __init__(
        self, *args: Any, activities: QuerySet[Any], submissions: QuerySet[Any], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        activity = self.fields["activity"]
        submission = self.fields["submission"]
        assert isinstance(activity, forms.ModelChoiceField)
        assert isinstance(submission, forms.ModelChoiceField)
        activity.queryset = activities
        submission.queryset = submissions

    def clean_file(self) -> Any:
        upload = self.cleaned_data.get("file")
        if upload is not None and upload.size > settings.DOCUMENT_MAX_BYTES:
            raise forms.ValidationError(
                _("Tệp minh chứng quá lớn (giới hạn %(limit)s MB)."),
                params={"limit": settings.DOCUMENT_MAX_BYTES // 1024 // 1024},
            )
        return upload


class ReassignForm(forms.Form):
    units = UnitChoice(label=_("Giao cho"), queryset=OrgUnit.objects.none())

    def __init__(self, *args: Any, units: QuerySet[OrgUnit], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["units"]
        assert isinstance(field, forms.ModelMultipleChoiceField)
        field.queryset = units


def review_initial(proposal: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        {
            "keep": row.get("keep", True),
            "text": row["text"],
            "lead": row.get("lead", []),
            "support": row.get("support", []),
            "due": dt.date.fromisoformat(row["due"]) if row.get("due") else None,
            "recurrence": row.get("recurrence", ""),
            "group": row.get("group", ""),
            "kind": row.get("kind", Task.Kind.ORDER),
        }
        for row in proposal
    ]


class DueForm(forms.Form):
    due_on = forms.DateField(
        label=_("Thời hạn riêng của đơn vị"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
