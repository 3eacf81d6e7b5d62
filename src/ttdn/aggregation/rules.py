"""How an indicator's values combine across units and across periods.

Flows (training sessions held, articles published) add up. Stocks (followers of a page, number
of websites) do not: across periods the latest value stands, across units they add up; a
maximum suits peak figures. Percentages average.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


class Rule(StrEnum):
    """An aggregation rule."""

    SUM = "sum"
    LAST = "last"
    MAX = "max"
    AVERAGE = "average"


@dataclass(frozen=True)
class Observation:
    """One value of one unit, as of a date (the end of the period it was reported for)."""

    unit: int
    as_of: dt.date
    value: float


def combine_over_time(rule: Rule, observations: Iterable[Observation]) -> float | None:
    """Combine one unit's values over periods (or the same period's several sources)."""
    items = list(observations)
    if not items:
        return None
    if rule is Rule.LAST:
        return max(items, key=lambda o: o.as_of).value
    if rule is Rule.MAX:
        return max(o.value for o in items)
    if rule is Rule.AVERAGE:
        return sum(o.value for o in items) / len(items)
    return sum(o.value for o in items)


def combine_over_units(rule: Rule, values: Iterable[float]) -> float | None:
    """Combine several units' values of one period into a total."""
    items = list(values)
    if not items:
        return None
    if rule is Rule.MAX:
        return max(items)
    if rule is Rule.AVERAGE:
        return sum(items) / len(items)
    return sum(items)


def aggregate(rule: Rule, observations: Iterable[Observation]) -> float | None:
    """Combine observations over time per unit, then over units: the consolidated figure."""
    by_unit: dict[int, list[Observation]] = {}
    for observation in observations:
        by_unit.setdefault(observation.unit, []).append(observation)
    per_unit = [combine_over_time(rule, items) for items in by_unit.values()]
    return combine_over_units(rule, [value for value in per_unit if value is not None])
