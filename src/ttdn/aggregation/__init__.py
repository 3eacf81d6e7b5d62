"""Periods (Nghị định 09/2019), aggregation rules and successor roll-up. Pure Python."""

from ttdn.aggregation.periods import (
    Period,
    PeriodError,
    PeriodKind,
    parse_period,
    same_period_previous_year,
)
from ttdn.aggregation.rollup import LineageEvent, rollup_map, successors_on
from ttdn.aggregation.rules import Observation, Rule, aggregate

__all__ = [
    "LineageEvent",
    "Observation",
    "Period",
    "PeriodError",
    "PeriodKind",
    "Rule",
    "aggregate",
    "parse_period",
    "rollup_map",
    "same_period_previous_year",
    "successors_on",
]
