"""Checks shown to a unit before it submits: required, non-negative, cross-field, plausibility."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from django.utils.translation import gettext as _

from ttdn.reporting.models import DataValue, Indicator, Submission, ValidationRule
from ttdn.text import format_vn_number

Values = dict[tuple[str, str], Decimal | None]


@dataclass(frozen=True)
class Issue:
    level: Literal["error", "warning"]
    indicator: str | None
    message: str
    #: "value" problems (negative, fractional counts) block even saving a draft; the others
    #: ("missing", "rule", "drop") are for the submit step.
    kind: Literal["value", "missing", "rule", "drop"] = "value"


def check_values(submission: Submission, values: Values, *, for_submit: bool) -> list[Issue]:
    """Return the problems of ``values`` (indicator code, category) → value for a submission."""
    issues: list[Issue] = []
    indicators = {i.code: i for i in submission.round.indicators.all()}
    totals: dict[str, Decimal] = {}
    for (code, category), value in values.items():
        if value is None or code not in indicators:
            continue
        if value < 0:
            issues.append(
                Issue(
                    "error",
                    code,
                    _("%(name)s: số liệu không được âm.") % {"name": indicators[code].name_vi},
                )
            )
        if indicators[code].value_type == Indicator.ValueType.COUNT and value != int(value):
            issues.append(
                Issue(
                    "error",
                    code,
                    _("%(name)s: phải là số nguyên.") % {"name": indicators[code].name_vi},
                )
            )
        if not category:
            totals[code] = value
    if for_submit:
        for code, indicator in indicators.items():
            if indicator.value_type != Indicator.ValueType.TEXT and code not in totals:
                issues.append(
                    Issue(
                        "error",
                        code,
                        _("Chưa nhập: %(name)s (nhập 0 nếu không có).")
                        % {"name": indicator.name_vi},
                        "missing",
                    )
                )
    for rule in ValidationRule.objects.select_related("left", "right"):
        left, right = totals.get(rule.left.code), totals.get(rule.right.code)
        if left is None or right is None:
            continue
        broken = left < right if rule.operator == ValidationRule.Operator.GTE else left > right
        if broken:
            issues.append(Issue("error", rule.left.code, rule.message, "rule"))
    issues.extend(_implausible_drops(submission, indicators, totals))
    return issues


def _implausible_drops(
    submission: Submission, indicators: dict[str, Indicator], totals: dict[str, Decimal]
) -> list[Issue]:
    """Warn when a stock (followers, websites) falls by half against the unit's last report."""
    stocks = [code for code, i in indicators.items() if i.aggregation == Indicator.Aggregation.LAST]
    if not stocks:
        return []
    previous = (
        DataValue.objects.filter(
            submission__unit=submission.unit,
            submission__round__window_end__lt=submission.round.window_start,
            submission__status__in=[Submission.Status.APPROVED, Submission.Status.SUBMITTED],
            indicator__code__in=stocks,
            category="",
        )
        .order_by("indicator__code", "-submission__round__window_end")
        .values_list("indicator__code", "value")
    )
    last: dict[str, Decimal] = {}
    for code, value in previous:
        last.setdefault(code, value)
    return [
        Issue(
            "warning",
            code,
            _("%(name)s giảm hơn một nửa so với kỳ trước (%(before)s → %(now)s).")
            % {
                "name": indicators[code].name_vi,
                "before": format_vn_number(last[code]),
                "now": format_vn_number(totals[code]),
            },
            "drop",
        )
        for code in stocks
        if code in totals and last.get(code) and totals[code] < last[code] / 2
    ]
