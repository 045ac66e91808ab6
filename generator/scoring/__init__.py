"""Stage 4, scoring: pure functions from typed records to explained results.

``score`` reads the corpus top to bottom — rubric and points scheme bound to
their metrics, then every branch-year (five-good score, member points,
nominations), exemplary-secretary profiles, contest editions, the fund and the
rankings — and returns :class:`Scores` with the content errors found on the
way. No I/O, no clock: ``today`` is passed in, and results never depend on the
order of files or records.

A branch's results (:class:`BranchResults`) read only that branch's records and
the province-wide ones (configuration, cases, trainings), so a caller may hand
``score`` a :class:`Memo` that recalls them from an earlier run while neither
changed; scoring itself stays free of I/O.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Protocol

from generator.diagnostics import Diagnostic
from generator.models.corpus import BranchData, Corpus
from generator.rules.roster import BranchView
from generator.scoring import contest, fund, nominations, points, rankings, rubric
from generator.scoring.context import BranchYear, reference_date
from generator.scoring.lookups import Lookups, lookups
from generator.scoring.results import BranchPoints, BranchScore, ProfileCheck, Scores


def scored_years(data: BranchData, current: int, today: dt.date) -> list[int]:
    """Years with records, plus the current year, that have begun and in which the branch existed."""
    branch = data.branch.value
    start = branch.founded or min(term.elected for term in branch.committees)
    years = []
    for year in sorted(set(data.years()) | {current}):
        reference = reference_date(year, today)
        if reference is not None and start <= reference:
            years.append(year)
    return years


@dataclass(frozen=True)
class BranchResults:
    """One branch's results for every year it is scored, and the content errors found on the way."""

    scores: dict[int, BranchScore]
    points: dict[int, BranchPoints]
    diagnostics: tuple[Diagnostic, ...]


class Memo(Protocol):
    """Where a caller keeps branches' results between runs (see :mod:`generator.cache.scores`)."""

    def recall(self, branch_id: str) -> BranchResults | None:
        """The branch's results from an earlier run, if nothing they were computed from has changed."""

    def keep(self, branch_id: str, results: BranchResults) -> None:
        """Keep the branch's freshly computed results for later runs."""


def branch_results(corpus: Corpus, data: BranchData, today: dt.date, prepared: rubric.Prepared | None,
                   scheme: points.Scheme | None, shared: Lookups) -> BranchResults:
    """Five-good score, members' points and nomination checks of one branch, for each year it is scored."""
    assert corpus.site is not None and corpus.requirements is not None
    view = BranchView(data, corpus.requirements.value.branch)
    scores: dict[int, BranchScore] = {}
    ranked: dict[int, BranchPoints] = {}
    found: list[Diagnostic] = []
    for year in scored_years(data, corpus.site.value.year, today):
        reference = reference_date(year, today)
        assert reference is not None
        ctx = BranchYear(corpus, data, year, reference, view, shared)
        if prepared is not None:
            scores[year] = rubric.score_branch(ctx, prepared)
        if scheme is not None:
            result, problems = points.score_points(ctx, scheme)
            ranked[year] = result
            found += problems + nominations.check_nominations(ctx, result)
    return BranchResults(scores, ranked, tuple(found))


def _branches(corpus: Corpus, today: dt.date, prepared: rubric.Prepared | None, scheme: points.Scheme | None,
              memo: Memo | None,
              ) -> tuple[dict[str, dict[int, BranchScore]], dict[str, dict[int, BranchPoints]], list[Diagnostic]]:
    scores: dict[str, dict[int, BranchScore]] = {}
    ranked: dict[str, dict[int, BranchPoints]] = {}
    found: list[Diagnostic] = []
    shared = lookups(corpus)
    for branch_id in sorted(corpus.branches):
        results = memo.recall(branch_id) if memo is not None else None
        if results is None:
            results = branch_results(corpus, corpus.branches[branch_id], today, prepared, scheme, shared)
            if memo is not None:
                memo.keep(branch_id, results)
        if results.scores:
            scores[branch_id] = results.scores
        if results.points:
            ranked[branch_id] = results.points
        found += results.diagnostics
    return scores, ranked, found


def _profiles(corpus: Corpus, prepared: rubric.Prepared | None,
              scores: dict[str, dict[int, BranchScore]]) -> tuple[dict[str, ProfileCheck], list[Diagnostic]]:
    if prepared is None:
        return {}, []
    lowest = prepared.rubric.exemplary_min_band
    min_band = (prepared.band_index(lowest), next(b.name for b in prepared.rubric.bands if b.key == lowest))
    checks: dict[str, ProfileCheck] = {}
    found: list[Diagnostic] = []
    for profile_id in sorted(corpus.profiles):
        at = corpus.profiles[profile_id]
        score = scores.get(at.value.branch, {}).get(at.value.year)
        index = prepared.band_index(score.band) if score else len(prepared.rubric.bands)
        check = nominations.check_profile(profile_id, at, corpus, score, min_band, index)
        if check is None:
            continue
        checks[profile_id] = check
        error = nominations.profile_error(check, at, corpus)
        if error is not None:
            found.append(error)
    return checks, found


def score(corpus: Corpus, today: dt.date, memo: Memo | None = None) -> Scores:
    """Every result of a complete corpus (site, rules, rubric and points scheme present); ``memo`` recalls and
    keeps branches' results (:class:`Memo`)."""
    assert corpus.site is not None and corpus.rubric is not None and corpus.points_scheme is not None
    prepared, found = rubric.prepare(corpus.rubric)
    scheme, problems = points.prepare(corpus.points_scheme)
    found += problems
    scores, ranked, problems = _branches(corpus, today, prepared, scheme, memo)
    found += problems
    profiles, problems = _profiles(corpus, prepared, scores)
    found += problems
    contests = {}
    for contest_id in sorted(corpus.contests):
        contests[contest_id], problems = contest.score_contest(contest_id, corpus.contests[contest_id])
        found += problems
    totals, problems = fund.fund_totals(corpus.funds)
    found += problems
    by_year: dict[int, list[BranchScore]] = {}
    for years in scores.values():
        for year, result in years.items():
            by_year.setdefault(year, []).append(result)
    year_rankings = {year: rankings.rank_year(year, by_year[year], corpus.rubric.value) for year in sorted(by_year)}
    return Scores(
        year=corpus.site.value.year,
        branches=scores,
        points=ranked,
        profiles=profiles,
        contests=contests,
        contest_totals=contest.contest_totals(contests.values()),
        fund=totals,
        rankings=year_rankings,
        diagnostics=tuple(sorted(found, key=Diagnostic.sort_key)),
    )


__all__ = ["BranchResults", "Memo", "Scores", "score"]
