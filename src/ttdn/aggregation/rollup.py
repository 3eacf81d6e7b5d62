"""Successor roll-up: which unit of today carries the data of a unit that ended.

After 1/7/2025 a district's figures belong to its communes, and the old Đồng Nai's and Bình
Phước's to the new Đồng Nai. A merge maps every predecessor to its one successor. A split cannot
divide a count among several successors, so the data goes to the nearest unit that contains all
of them (the province), and is never counted twice.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class LineageEvent:
    """A merge, split, rename or transfer: ``before`` ends and ``after`` carries on."""

    effective_on: dt.date
    before: tuple[int, ...]
    after: tuple[int, ...]


def successors_on(
    unit: int, day: dt.date, events: Iterable[LineageEvent], alive: set[int]
) -> set[int]:
    """Return the units alive on ``day`` that carry ``unit``, following events forward."""
    by_before: dict[int, list[LineageEvent]] = {}
    for event in events:
        if event.effective_on <= day:
            for before in event.before:
                by_before.setdefault(before, []).append(event)
    found: set[int] = set()
    seen: set[int] = set()
    frontier = [unit]
    while frontier:
        current = frontier.pop()
        if current in seen:
            continue
        seen.add(current)
        if current in alive:
            found.add(current)
            continue
        for event in by_before.get(current, []):
            frontier.extend(event.after)
    return found


def _ancestors(unit: int, parents: Mapping[int, int | None]) -> list[int]:
    chain = [unit]
    seen = {unit}
    while (parent := parents.get(chain[-1])) is not None and parent not in seen:
        chain.append(parent)
        seen.add(parent)
    return chain


def rollup_map(
    units: Iterable[int],
    day: dt.date,
    events: Iterable[LineageEvent],
    alive: set[int],
    parents: Mapping[int, int | None],
) -> dict[int, int | None]:
    """Map each unit to the one unit of ``day`` that its data rolls up to (None: nowhere)."""
    events = list(events)
    mapping: dict[int, int | None] = {}
    for unit in units:
        targets = successors_on(unit, day, events, alive)
        if len(targets) <= 1:
            mapping[unit] = next(iter(targets), None)
            continue
        chains = [_ancestors(target, parents) for target in sorted(targets)]
        common = [candidate for candidate in chains[0] if all(candidate in c for c in chains[1:])]
        mapping[unit] = common[0] if common else None
    return mapping
