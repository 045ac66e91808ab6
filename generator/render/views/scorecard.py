"""A branch's five-good score as template data: dimensions, indicators, deductions, vetoes.

Each indicator carries its rule, its outcome and the records it was computed
from, linked to where the site shows them, so a reader can check every point.
"""

from __future__ import annotations

from typing import Any

from generator.render.views import urls
from generator.scoring.results import BranchScore, DeductionScore, Evidence, IndicatorScore


def scorecard(score: BranchScore, branch_page: str) -> dict[str, Any]:
    return {
        "year": score.year,
        "reference": score.reference,
        "total": score.total,
        "band": score.band,
        "band_name": score.band_name,
        "band_reasons": list(score.band_reasons),
        "vetoes": [{"name": v.name, "rule": v.rule, "inputs": _inputs(v.inputs, branch_page)} for v in score.vetoes],
        "dimensions": [
            {
                "key": d.key,
                "name": d.name,
                "weight": d.weight,
                "points": d.points,
                "share": d.share,
                "applicable": d.applicable,
                "rescaled": d.applicable and d.available != d.weight,
                "raw": d.raw,
                "available": d.available,
                "deducted": d.deducted,
                "indicators": [_indicator(i, branch_page) for i in d.indicators],
                "deductions": [_deduction(x, branch_page) for x in d.deductions],
            }
            for d in score.dimensions
        ],
    }


def _indicator(item: IndicatorScore, branch_page: str) -> dict[str, Any]:
    return {"key": item.key, "name": item.name, "weight": item.weight, "points": item.points,
            "applicable": item.applicable, "rule": item.rule, "summary": item.summary,
            "inputs": _inputs(item.inputs, branch_page)}


def _deduction(item: DeductionScore, branch_page: str) -> dict[str, Any]:
    return {"name": item.name, "each": item.each, "count": item.count, "points": item.points, "rule": item.rule,
            "inputs": _inputs(item.inputs, branch_page)}


def _inputs(items: tuple[Evidence, ...], branch_page: str) -> list[dict[str, str]]:
    return [{"label": e.label, "counted": e.counted, "url": urls.evidence(e, branch_page)} for e in items]
