from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from ttdn.aggregation import PeriodError, parse_period
from ttdn.documents.models import Document
from ttdn.orgs.models import OrgUnit
from ttdn.reporting.models import LANGUAGES, PLATFORMS, Activity, Indicator, Submission


class RoundForm(forms.Form):
    title = forms.CharField(label=_("Tên đợt báo cáo"), max_length=255)
    period_code = forms.CharField(
        label=_("Kỳ báo cáo"),
        max_length=32,
        help_text=_("Ví dụ: 2024S1 (6 tháng đầu năm), 2024S2, 2024N9, 2024, 2024Q2, 2024M05."),
    )
    deadline = forms.DateField(
        label=_("Hạn gửi báo cáo"), widget=forms.DateInput(attrs={"type": "date"})
    )
    requesting_document = forms.ModelChoiceField(
        label=_("Văn bản yêu cầu báo cáo"), queryset=Document.objects.none(), required=False
    )
    units = forms.ModelMultipleChoiceField(
        label=_("Đơn vị báo cáo"),
        queryset=OrgUnit.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, province_units: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["units"].queryset = province_units  # type: ignore[attr-defined]
        self.fields["requesting_document"].queryset = Document.objects.filter(  # type: ignore[attr-defined]
            status=Document.Status.REGISTERED
        ).order_by("-issued_at")

    def clean_period_code(self) -> str:
        code: str = self.cleaned_data["period_code"]
        try:
            return parse_period(code).code
        except PeriodError as error:
            raise forms.ValidationError(str(error)) from error


def value_key(indicator: Indicator, category: str) -> str:
    return f"v__{indicator.code}__{category.replace(':', '_')}"


def categories_of(indicator: Indicator) -> list[tuple[str, str]]:
    """Return (category, label) pairs: "" for the total, then each language or platform."""
    options = {
        Indicator.Disaggregation.LANGUAGE: LANGUAGES,
        Indicator.Disaggregation.PLATFORM: PLATFORMS,
    }.get(indicator.disaggregation, [])
    prefix = indicator.disaggregation
    return [("", str(_("Tổng")))] + [(f"{prefix}:{code}", label) for code, label in options]


class SubmissionForm(forms.Form):
    """The figures and narrative of one submission, built from its round's indicators."""

    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, submission: Submission, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.submission = submission
        self.indicators = list(submission.round.indicators.order_by("position", "code"))
        for indicator in self.indicators:
            for category, label in categories_of(indicator):
                self.fields[value_key(indicator, category)] = forms.DecimalField(
                    label=f"{indicator.name_vi} — {label}" if category else indicator.name_vi,
                    required=False,
                    max_digits=16,
                    decimal_places=2,
                    widget=forms.NumberInput(
                        attrs={"min": "0", "step": "any", "inputmode": "numeric"}
                    ),
                )
        for section in submission.round.sections:
            self.fields[f"s__{section['code']}"] = forms.CharField(
                label=section["title"], required=False, widget=forms.Textarea(attrs={"rows": 5})
            )

    def values(self) -> dict[tuple[str, str], Decimal | None]:
        result: dict[tuple[str, str], Decimal | None] = {}
        for indicator in self.indicators:
            for category, _label in categories_of(indicator):
                value = self.cleaned_data.get(value_key(indicator, category))
                if value is not None:
                    result[(indicator.code, category)] = value
        return result

    def narrative(self) -> dict[str, str]:
        return {
            section["code"]: self.cleaned_data.get(f"s__{section['code']}") or ""
            for section in self.submission.round.sections
        }


class ReviewForm(forms.Form):
    comment = forms.CharField(
        label=_("Nhận xét, lý do"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class ActivityForm(forms.ModelForm):  # type: ignore[type-arg]
    languages = forms.MultipleChoiceField(
        label=_("Ngôn ngữ"),
        choices=LANGUAGES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Activity
        fields = ["kind", "title", "date", "participants", "copies", "languages", "note"]
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}),
            "note": forms.Textarea(attrs={"rows": 2}),
        }


class ValuesImportForm(forms.Form):
    file = forms.FileField(label=_("Tệp XLSX theo mẫu của đợt báo cáo"))


class AttachmentForm(forms.Form):
    file = forms.FileField(label=_("Tệp đính kèm"))
