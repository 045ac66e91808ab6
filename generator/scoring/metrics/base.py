"""Stage 4, scoring: what a rubric metric is — a parameter model and a pure measurement.

A metric reads one :class:`BranchYear` and returns how much of its indicator is
met (a ratio from 0 to 1) with the rule and the records it counted. Its
parameters are a strict model, so a typo in ``rubric.yaml`` is reported, never ignored.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Generic, TypeVar

from generator.models.base import Record
from generator.scoring.context import BranchYear
from generator.scoring.results import Evidence

P = TypeVar("P", bound=Record)


class NoParams(Record):
    """A metric that takes no parameters."""


@dataclass(frozen=True)
class Measure:
    """How much of an indicator is met: ``ratio`` in [0, 1] unless ``applicable`` is false."""

    ratio: Decimal
    rule: str
    summary: str
    inputs: tuple[Evidence, ...] = ()
    applicable: bool = True


@dataclass(frozen=True)
class Count:
    """How many times a deduction applies (each occurrence with its record)."""

    count: int
    rule: str
    inputs: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class Hit:
    """Whether a veto applies, and why."""

    hit: bool
    rule: str
    inputs: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class Metric(Generic[P]):
    """A built-in metric: its parameter model, its measurement and a Chinese description for the guide.

    ``measure`` receives the branch-year, the parsed parameters and the indicator's weight.
    """

    params: type[P]
    measure: Callable[[BranchYear, P, Decimal], Any]
    description: str


def ratio(part: int | Decimal, whole: int | Decimal) -> Decimal:
    """``part / whole`` clamped to [0, 1]; 0 when there is nothing to count."""
    if not whole:
        return Decimal(0)
    return min(Decimal(1), max(Decimal(0), Decimal(part) / Decimal(whole)))


def not_applicable(rule: str, summary: str) -> Measure:
    return Measure(Decimal(0), rule, summary, applicable=False)


def whole(value: bool) -> Decimal:
    return Decimal(1) if value else Decimal(0)
