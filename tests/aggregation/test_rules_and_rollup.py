from __future__ import annotations

import datetime as dt

from ttdn.aggregation import LineageEvent, Observation, Rule, aggregate, rollup_map, successors_on

D = dt.date


def test_flows_add_up_over_units_and_periods():
    observations = [
        Observation(1, D(2024, 6, 14), 3),
        Observation(1, D(2024, 12, 14), 4),
        Observation(2, D(2024, 6, 14), 5),
    ]
    assert aggregate(Rule.SUM, observations) == 12


def test_stocks_take_each_units_latest_value_then_add_up():
    # Followers: 200.000 in June then 212.000 in December for unit 1; 5.000 for unit 2.
    observations = [
        Observation(1, D(2024, 6, 14), 200_000),
        Observation(1, D(2024, 12, 14), 212_000),
        Observation(2, D(2024, 6, 14), 5_000),
    ]
    assert aggregate(Rule.LAST, observations) == 217_000


def test_max_and_average():
    observations = [Observation(1, D(2024, 6, 14), 10), Observation(2, D(2024, 6, 14), 30)]
    assert aggregate(Rule.MAX, observations) == 30
    assert aggregate(Rule.AVERAGE, observations) == 20
    assert aggregate(Rule.SUM, []) is None


# Units: 1 old province, 2 other old province, 3 new province; 10 district of 1 → 31, 32 communes.
EVENTS = [
    LineageEvent(D(2025, 7, 1), (1, 2), (3,)),
    LineageEvent(D(2025, 7, 1), (10,), (31, 32)),
]
PARENTS = {1: None, 2: None, 3: None, 10: 1, 31: 3, 32: 3}


def test_successors_follow_events_forward():
    alive = {3, 31, 32}
    assert successors_on(10, D(2025, 8, 1), EVENTS, alive) == {31, 32}
    assert successors_on(2, D(2025, 8, 1), EVENTS, alive) == {3}
    assert successors_on(10, D(2025, 6, 30), EVENTS, {1, 2, 10}) == {10}


def test_rollup_sends_a_split_units_data_to_the_unit_containing_all_successors():
    mapping = rollup_map([1, 2, 10, 31], D(2025, 8, 1), EVENTS, {3, 31, 32}, PARENTS)
    assert mapping == {1: 3, 2: 3, 10: 3, 31: 31}


def test_unit_that_ended_without_successor_rolls_up_nowhere():
    assert rollup_map([99], D(2025, 8, 1), EVENTS, {3}, PARENTS) == {99: None}
