"""Stage 4, scoring: pure functions from typed records to explained results.

``score`` reads the corpus top to bottom — rubric and points scheme bound to
their metrics, then every branch-year (five-good score, member points,
nominations), exemplary-secretary profiles, contest editions, the fund and the
rankings — and returns :class:`Scores` with the content errors found on the
way. No I/O, no clock: ``today`` is passed in, and results never depend on the
order of files or records.
"""

from __future__ import annotations

import datetime as dt

from generator.diagnostics import Diagnostic
from generator.models.corpus import BranchData, Corpus
from generator.rules.roster import BranchView
from generator.scoring import contest, fund, nominations, points, rankings, rubric
from generator.scoring.context import BranchYear, reference_date
from generator.scoring.lookups import lookups
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


def _branches(corpus: Corpus, today: dt.date, prepared: rubric.Prepared | None, scheme: points.Scheme | None,
              ) -> tuple[dict[str, dict[int, BranchScore]], dict[str, dict[int, BranchPoints]], list[Diagnostic]]:
    assert corpus.site is not None and corpus.requirements is not None
    scores: dict[str, dict[int, BranchScore]] = {}
    ranked: dict[str, dict[int, BranchPoints]] = {}
    found: list[Diagnostic] = []
    shared = lookups(corpus)
    for branch_id in sorted(corpus.branches):
        data = corpus.branches[branch_id]
        view = BranchView(data, corpus.requirements.value.branch)
        for year in scored_years(data, corpus.site.value.year, today):
            reference = reference_date(year, today)
            assert reference is not None
            ctx = BranchYear(corpus, data, year, reference, view, shared)
            if prepared is not None:
                scores.setdefault(branch_id, {})[year] = rubric.score_branch(ctx, prepared)
            if scheme is not None:
                result, problems = points.score_points(ctx, scheme)
                ranked.setdefault(branch_id, {})[year] = result
                found += problems + nominations.check_nominations(ctx, result)
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


def score(corpus: Corpus, today: dt.date) -> Scores:
    """Every result of a complete corpus (site, rules, rubric and points scheme present)."""
    assert corpus.site is not None and corpus.rubric is not None and corpus.points_scheme is not None
    prepared, found = rubric.prepare(corpus.rubric)
    scheme, problems = points.prepare(corpus.points_scheme)
    found += problems
    scores, ranked, problems = _branches(corpus, today, prepared, scheme)
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


__all__ = ["Scores", "score"]
