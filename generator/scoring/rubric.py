"""Stage 4, scoring: the five-good score of a branch for a year, from ``rubric.yaml``.

``prepare`` binds every indicator, deduction and veto of the rubric to its
built-in metric and parses its parameters once, reporting what cannot be
applied; ``score_branch`` then measures a branch-year: indicators proportional
to the share met, not-applicable ones left out with their dimension rescaled,
deductions, vetoes and the band with the reasons higher bands were missed.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from pydantic import ValidationError

from generator.codes import make
from generator.diagnostics import Diagnostic
from generator.models.base import Record
from generator.models.corpus import At
from generator.models.schemes import Band, Deduction, Dimension, Indicator, Rubric, Veto
from generator.scoring import codes
from generator.scoring.context import BranchYear
from generator.scoring.metrics import DEDUCTIONS, INDICATORS, VETOES, Count, Hit, Measure, Metric
from generator.scoring.results import BranchScore, DeductionScore, DimensionScore, IndicatorScore, VetoHit

CENT = Decimal("0.01")
HUNDRED = Decimal(100)


def cents(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Bound:
    """A rubric entry bound to its metric and parsed parameters."""

    spec: Indicator | Deduction | Veto
    metric: Metric[Any]
    params: Record


@dataclass(frozen=True)
class BoundDimension:
    spec: Dimension
    indicators: tuple[Bound, ...]
    deductions: tuple[Bound, ...]


@dataclass(frozen=True)
class Prepared:
    rubric: Rubric
    dimensions: tuple[BoundDimension, ...]
    vetoes: tuple[Bound, ...]

    def band_index(self, key: str) -> int:
        """Position of a band, 0 the highest; past the end for an unknown key."""
        return next((i for i, band in enumerate(self.rubric.bands) if band.key == key), len(self.rubric.bands))


_KINDS = {"indicators": ("指标", "indicator"), "deductions": ("扣分项", "deduction"), "vetoes": ("否决", "veto")}


class _Binder:
    """Binds rubric entries to metrics, collecting every problem before giving up."""

    def __init__(self, at: At[Rubric]) -> None:
        self.at = at
        self.diagnostics: list[Diagnostic] = []

    def bind(self, spec: Indicator | Deduction | Veto, registry: dict[str, Metric[Any]],
             path: tuple[str | int, ...], kind: str) -> Bound | None:
        metric = registry.get(spec.metric)
        if metric is None:
            close = difflib.get_close_matches(spec.metric, list(registry), n=1)
            self.diagnostics.append(make(
                codes.UNKNOWN_METRIC, self.at.loc(*path, "metric"), metric=spec.metric,
                what_zh=_KINDS[kind][0], what_en=_KINDS[kind][1], choices="、".join(sorted(registry)),
                suggestion_zh=f"是不是“{close[0]}”？" if close else "",
                suggestion_en=f"did you mean '{close[0]}'? " if close else ""))
            return None
        try:
            params = metric.params.model_validate(spec.params)
        except ValidationError as error:
            problem = "；".join(f"{'.'.join(map(str, e['loc'])) or 'params'}: {e['msg']}" for e in error.errors())
            allowed = "、".join(metric.params.model_fields) or "（无）"
            self.diagnostics.append(make(codes.BAD_PARAMS, self.at.loc(*path, "params"), metric=spec.metric,
                                         problem=problem, allowed=allowed))
            return None
        return Bound(spec, metric, params)

    def bind_all(self, specs: Sequence[Indicator | Deduction | Veto], registry: dict[str, Metric[Any]],
                 path: tuple[str | int, ...], kind: str) -> tuple[Bound, ...]:
        self.unique((s.key for s in specs), path, kind)
        bound = [self.bind(spec, registry, (*path, kind, i), kind) for i, spec in enumerate(specs)]
        return tuple(b for b in bound if b is not None)

    def unique(self, keys: Iterable[str], path: tuple[str | int, ...], kind: str) -> None:
        seen: set[str] = set()
        for i, key in enumerate(keys):
            if key in seen:
                self.diagnostics.append(make(codes.DUPLICATE_KEY, self.at.loc(*path, kind, i, "key"), key=key,
                                             what_zh=_KINDS.get(kind, ("", ""))[0] or "等次",
                                             what_en=_KINDS.get(kind, ("", ""))[1] or "band"))
            seen.add(key)


def prepare(at: At[Rubric]) -> tuple[Prepared | None, list[Diagnostic]]:
    """Bind the rubric to the built-in metrics; None (and the reasons) when it cannot be applied."""
    rubric = at.value
    binder = _Binder(at)
    dimensions = []
    binder.unique((d.key for d in rubric.dimensions), (), "dimensions")
    for i, dim in enumerate(rubric.dimensions):
        path = ("dimensions", i)
        indicators = binder.bind_all(dim.indicators, INDICATORS, path, "indicators")
        deductions = binder.bind_all(dim.deductions, DEDUCTIONS, path, "deductions")
        dimensions.append(BoundDimension(dim, indicators, deductions))
        total = sum((ind.weight for ind in dim.indicators), Decimal(0))
        if total != dim.weight:
            binder.diagnostics.append(make(codes.WEIGHTS, at.loc(*path, "weight"), total=total, expected=dim.weight,
                                           what_zh=f"“{dim.name}”各指标", what_en=f"the indicators of '{dim.key}'"))
    vetoes = binder.bind_all(rubric.vetoes, VETOES, (), "vetoes")
    total = sum((d.weight for d in rubric.dimensions), Decimal(0))
    if total != HUNDRED:
        binder.diagnostics.append(make(codes.WEIGHTS, at.loc("dimensions"), total=total, expected=HUNDRED,
                                       what_zh="各维度", what_en="the dimensions"))
    binder.unique((b.key for b in rubric.bands), (), "bands")
    binder.diagnostics += _check_bands(at)
    if binder.diagnostics:
        return None, binder.diagnostics
    return Prepared(rubric, tuple(dimensions), vetoes), []


def _check_bands(at: At[Rubric]) -> list[Diagnostic]:
    bands = at.value.bands
    problems: list[Diagnostic] = []
    for i in range(1, len(bands)):
        if bands[i].min_total >= bands[i - 1].min_total:
            problems.append(make(codes.BANDS, at.loc("bands", i, "min_total"),
                                 problem_zh=f"等次“{bands[i].name}”的总分下限不低于上一档",
                                 problem_en=f"band '{bands[i].key}' needs a lower min_total than the band above"))
    if bands[-1].min_total != 0:
        problems.append(make(codes.BANDS, at.loc("bands", len(bands) - 1, "min_total"),
                             problem_zh="最低一档的总分下限应为0", problem_en="the lowest band must start at 0"))
    if at.value.exemplary_min_band not in {b.key for b in bands}:
        problems.append(make(codes.BANDS, at.loc("exemplary_min_band"),
                             problem_zh=f"没有标识为“{at.value.exemplary_min_band}”的等次",
                             problem_en=f"no band has the key '{at.value.exemplary_min_band}'"))
    return problems


def _indicator(ctx: BranchYear, bound: Bound) -> IndicatorScore:
    spec = bound.spec
    assert isinstance(spec, Indicator)
    measure: Measure = bound.metric.measure(ctx, bound.params, spec.weight)
    points = cents(spec.weight * measure.ratio) if measure.applicable else Decimal("0.00")
    return IndicatorScore(spec.key, spec.name, spec.metric, spec.weight, min(points, spec.weight),
                          measure.ratio if measure.applicable else Decimal(0), measure.applicable,
                          measure.rule, measure.summary, measure.inputs)


def _deduction(ctx: BranchYear, bound: Bound) -> DeductionScore:
    spec = bound.spec
    assert isinstance(spec, Deduction)
    count: Count = bound.metric.measure(ctx, bound.params, spec.points)
    rule = f"{count.rule}（每项{spec.points}分）"
    return DeductionScore(spec.key, spec.name, spec.points, count.count, cents(spec.points * count.count), rule,
                          count.inputs)


def _dimension(ctx: BranchYear, bound: BoundDimension) -> DimensionScore:
    spec = bound.spec
    indicators = tuple(_indicator(ctx, b) for b in bound.indicators)
    deductions = tuple(_deduction(ctx, b) for b in bound.deductions)
    applicable = [i for i in indicators if i.applicable]
    raw = sum((i.points for i in applicable), Decimal("0.00"))
    available = sum((i.weight for i in applicable), Decimal(0))
    scaled = cents(raw * spec.weight / available) if available else Decimal("0.00")
    deducted = sum((d.points for d in deductions), Decimal("0.00"))
    points = max(Decimal("0.00"), scaled - deducted)
    share = (points / spec.weight).quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP)
    return DimensionScore(spec.key, spec.name, spec.weight, raw, available, scaled, deducted, points, share,
                          bool(applicable), indicators, deductions)


def _veto(ctx: BranchYear, bound: Bound) -> VetoHit | None:
    spec = bound.spec
    assert isinstance(spec, Veto)
    hit: Hit = bound.metric.measure(ctx, bound.params, Decimal(0))
    return VetoHit(spec.key, spec.name, hit.rule, hit.inputs) if hit.hit else None


def _missed(band: Band, total: Decimal, dimensions: Sequence[DimensionScore], vetoed: bool) -> list[str]:
    """Why a branch did not reach ``band``, in Chinese; empty when it did."""
    reasons = []
    if total < band.min_total:
        reasons.append(f"总分{total}低于{band.name}要求的{band.min_total}")
    for dim in dimensions:
        floor = dim.weight * band.min_dimension_share
        if dim.applicable and dim.points < floor:
            reasons.append(f"“{dim.name}”得分{dim.points}低于{band.name}要求的{cents(floor)}"
                           f"（权重的{band.min_dimension_share * 100:.0f}%）")
    if band.no_veto and vetoed:
        reasons.append(f"有一票否决情形，不能评为{band.name}")
    return reasons


def score_branch(ctx: BranchYear, prepared: Prepared) -> BranchScore:
    """The five-good score of one branch-year, every part explained."""
    dimensions = tuple(_dimension(ctx, b) for b in prepared.dimensions)
    vetoes = tuple(v for v in (_veto(ctx, b) for b in prepared.vetoes) if v is not None)
    applicable = [d for d in dimensions if d.applicable]
    weights = sum((d.weight for d in applicable), Decimal(0))
    full = sum((d.weight for d in dimensions), Decimal(0))
    earned = sum((d.points for d in applicable), Decimal("0.00"))
    total = cents(earned * full / weights) if weights else Decimal("0.00")
    reasons: list[str] = []
    bands = prepared.rubric.bands
    chosen = bands[-1]
    for band in bands:
        missed = _missed(band, total, dimensions, bool(vetoes))
        if not missed:
            chosen = band
            break
        reasons += missed
    return BranchScore(ctx.branch_id, ctx.data.unit, ctx.year, ctx.reference, total, chosen.key, chosen.name,
                       tuple(reasons), vetoes, dimensions)
