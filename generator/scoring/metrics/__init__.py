"""Stage 4, scoring: the registry of built-in rubric metrics, keyed by the name ``rubric.yaml`` uses.

Three explicit dicts — indicators, deductions, vetoes — that anyone can read;
adding a metric means adding a function and one entry here.
"""

from __future__ import annotations

from typing import Any

from generator.scoring.metrics import integrity, leadership, members, systems
from generator.scoring.metrics.base import Count, Hit, Measure, Metric

INDICATORS: dict[str, Metric[Any]] = {
    **leadership.METRICS,
    **systems.METRICS,
    **members.METRICS,
    **integrity.METRICS,
}
DEDUCTIONS: dict[str, Metric[Any]] = dict(systems.DEDUCTIONS)
VETOES: dict[str, Metric[Any]] = dict(integrity.VETOES)

__all__ = ["DEDUCTIONS", "INDICATORS", "VETOES", "Count", "Hit", "Measure", "Metric"]
