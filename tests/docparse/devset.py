"""The extraction development set and its scoring, shared by the tests and bench/extraction.py.

A found quantity matches an expected one when the values are equal (both None for "hàng nghìn")
and one counted noun phrase starts with the other, compared folded ("lượt cán bộ" matches "lượt
cán bộ, công chức"); each expected quantity matches at most one found, in order.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ttdn.docparse import Quantity, find_quantities
from ttdn.text import normalize, search_fold

HERE = Path(__file__).resolve().parent
DEVSET = HERE / "extraction_devset.json"
SEED_EXPECTATIONS = HERE / "seed_quantities.json"


def load_devset() -> list[dict[str, Any]]:
    return json.loads(DEVSET.read_text(encoding="utf-8"))


def load_seed_expectations() -> dict[str, list[dict[str, Any]]]:
    return json.loads(SEED_EXPECTATIONS.read_text(encoding="utf-8"))


@dataclass
class Score:
    expected: int = 0
    found: int = 0
    matched: int = 0
    mapped_right: int = 0
    approx_right: int = 0
    checked_categories: int = 0
    categories_right: int = 0
    checked_units: int = 0
    units_right: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.expected if self.expected else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def mapping_accuracy(self) -> float:
        return self.mapped_right / self.matched if self.matched else 1.0


def _same(found: Quantity, expected: dict[str, Any]) -> bool:
    if found.value != expected["value"]:
        return False
    a, b = search_fold(found.unit), search_fold(expected["unit"])
    return a.startswith(b) or b.startswith(a)


def score_text(text: str, expected: list[dict[str, Any]], score: Score, label: str = "") -> None:
    """Add the comparison of what ``find_quantities`` finds in ``text`` to ``score``."""
    found = find_quantities(normalize(text))
    score.expected += len(expected)
    score.found += len(found)
    unmatched = list(found)
    for want in expected:
        hit = next((q for q in unmatched if _same(q, want)), None)
        if hit is None:
            score.misses.append(f"{label} missed {want['value']} {want['unit']}")
            continue
        unmatched.remove(hit)
        score.matched += 1
        if hit.indicator == want["indicator"]:
            score.mapped_right += 1
        else:
            score.misses.append(
                f"{label} {hit.text!r} mapped {hit.indicator}, expected {want['indicator']}"
            )
        score.approx_right += hit.approx == want["approx"]
        if "category" in want:
            score.checked_categories += 1
            score.categories_right += hit.category == want["category"]
            if hit.category != want["category"]:
                score.misses.append(f"{label} {hit.text!r} category {hit.category}")
        if "org_unit" in want:
            score.checked_units += 1
            score.units_right += hit.org_unit == want["org_unit"]
            if hit.org_unit != want["org_unit"]:
                score.misses.append(f"{label} {hit.text!r} unit {hit.org_unit}")
    for extra in unmatched:
        score.misses.append(f"{label} spurious {extra.text!r}")


def score_devset() -> Score:
    score = Score()
    for number, item in enumerate(load_devset(), start=1):
        score_text(item["text"], item["quantities"], score, f"#{number}")
    return score


def score_seeds(seeds_dir: Path) -> Score:
    score = Score()
    for name, expected in load_seed_expectations().items():
        text = (seeds_dir / name).read_text(encoding="utf-8")
        score_text(text, expected, score, name[:3])
    return score


HELDOUT = HERE / "extraction_heldout.json"


def score_heldout() -> Score:
    """Score the paragraphs written after the rules were frozen (never tuned on)."""
    score = Score()
    for number, item in enumerate(json.loads(HELDOUT.read_text(encoding="utf-8")), start=1):
        score_text(item["text"], item["quantities"], score, f"h{number}")
    return score
