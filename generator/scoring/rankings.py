"""Stage 4, scoring: rankings — competition ranks, branches by total in the province and per unit.

Ranks are shared on ties and skip after them (1, 2, 2, 4); ties are listed by
id so the order never depends on the order of files or records.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal

from generator.models.schemes import Rubric
from generator.scoring.results import BranchScore, RankedBranch, YearRanking


def competition_ranks(values: Sequence[Decimal]) -> list[int]:
    """Rank of each value, highest first, shared on ties: [90, 95, 95, 80] → [3, 1, 1, 4]."""
    first: dict[Decimal, int] = {}
    for position, value in enumerate(sorted(values, reverse=True), start=1):
        first.setdefault(value, position)
    return [first[value] for value in values]


def rank_year(year: int, scores: Iterable[BranchScore], rubric: Rubric) -> YearRanking:
    """Branches of one year ranked province-wide and within their unit, with band counts."""
    ordered = sorted(scores, key=lambda s: (-s.total, s.branch))
    province = competition_ranks([s.total for s in ordered])
    by_unit: dict[str, list[BranchScore]] = {}
    for item in ordered:
        by_unit.setdefault(item.unit, []).append(item)
    unit_rank: dict[str, int] = {}
    for members in by_unit.values():
        for item, rank in zip(members, competition_ranks([s.total for s in members]), strict=True):
            unit_rank[item.branch] = rank
    ranked = tuple(
        RankedBranch(s.branch, s.unit, s.total, s.band, s.band_name, rank, unit_rank[s.branch])
        for s, rank in zip(ordered, province, strict=True)
    )
    units = {unit: tuple(r for r in ranked if r.unit == unit) for unit in sorted(by_unit)}
    names = {band.key: band.name for band in rubric.bands}
    return YearRanking(
        year, ranked, units, _count(ranked, names),
        {unit: _count(branches, names) for unit, branches in units.items()}, names,
    )


def _count(ranked: Iterable[RankedBranch], names: dict[str, str]) -> dict[str, int]:
    counts = dict.fromkeys(names, 0)
    for item in ranked:
        counts[item.band] = counts.get(item.band, 0) + 1
    return counts
