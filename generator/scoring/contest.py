"""Stage 4, scoring: the official-document writing contest — item scores, ranks, awards, participation.

Item score: the mean of the judges' scores, dropping the highest and the lowest
when there are at least ``trim_from_judges`` judges, rounded half-up to 2
places. Ranks are shared on ties (1, 2, 2, 4); awards go down the ranking by
quota (a share of the entries of each group and item, the cut-off rounded
half-up), and entries tied at a cut-off all take the higher award. The overall
ranking of a group adds each competitor's items; a 0 or missing item excludes them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal

from generator.codes import make
from generator.diagnostics import Diagnostic
from generator.models.campaign import Contest, Entry
from generator.models.corpus import At
from generator.scoring import codes
from generator.scoring.rankings import competition_ranks
from generator.scoring.results import (
    ContestResult,
    ContestTotals,
    EntryResult,
    ItemResult,
    OverallEntry,
    OverallResult,
)
from generator.scoring.rubric import cents

AWARDS = (("first", "一等奖"), ("second", "二等奖"), ("third", "三等奖"))


def item_score(scores: tuple[Decimal, ...], trim_from: int) -> tuple[Decimal, tuple[Decimal, ...], bool]:
    """(score, scores kept, trimmed?): the mean after dropping highest and lowest from ``trim_from`` judges on."""
    trimmed = len(scores) >= trim_from
    kept = tuple(sorted(scores)[1:-1]) if trimmed else tuple(scores)
    if not kept:
        return Decimal("0.00"), kept, trimmed
    return cents(sum(kept, Decimal(0)) / len(kept)), kept, trimmed


def award_cutoffs(count: int, contest: Contest) -> dict[str, int]:
    """The last rank that takes each award: cumulative quota × entries, rounded half-up."""
    quotas = contest.quotas
    cumulative = Decimal(0)
    cutoffs = {}
    for (key, _), share in zip(AWARDS, (quotas.first, quotas.second, quotas.third), strict=True):
        cumulative += share
        cutoffs[key] = int((cumulative * count).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    return cutoffs


def _award(rank: int, score: Decimal, cutoffs: dict[str, int]) -> tuple[str, str]:
    if score <= 0:
        return "", ""
    return next(((key, name) for key, name in AWARDS if rank <= cutoffs[key]), ("", ""))


class _Checker:
    """Collects the contest's content errors and which entry-items are valid."""

    def __init__(self, contest_id: str, at: At[Contest]) -> None:
        self.id = contest_id
        self.at = at
        self.diagnostics: list[Diagnostic] = []
        self.dropped: set[int] = set()
        self.invalid: set[tuple[int, str]] = set()

    def run(self) -> None:
        contest = self.at.value
        quotas = contest.quotas
        total = quotas.first + quotas.second + quotas.third
        if total > 1:
            self.diagnostics.append(make(codes.QUOTAS, self.at.loc("quotas"), total=total))
        seen_ids: dict[str, int] = {}
        seen_people: dict[tuple[str, str, str], int] = {}
        for i, entry in enumerate(contest.entries):
            person = (entry.name, entry.unit, entry.group)
            if entry.id in seen_ids:
                self._duplicate(i, seen_ids[entry.id], (f"标识“{entry.id}”", f"id '{entry.id}'"), "id")
            elif person in seen_people:
                self._duplicate(i, seen_people[person], (f"{entry.name}（同单位同组别）",
                                                         f"{entry.name} (same unit and group)"), "name")
            seen_ids.setdefault(entry.id, i)
            seen_people.setdefault(person, i)
            self._scores(i, entry)

    def _duplicate(self, i: int, first: int, what: tuple[str, str], field: str) -> None:
        self.diagnostics.append(make(codes.DUPLICATE_ENTRY, self.at.loc("entries", i, field), what_zh=what[0],
                                     what_en=what[1], other=first + 1, records=(self.at.value.entries[i].id,)))
        self.dropped.add(i)

    def _scores(self, i: int, entry: Entry) -> None:
        contest = self.at.value
        judges = len(contest.judges)
        label = f"{entry.name}（{entry.id}）"
        for item, scores in sorted(entry.scores.items()):
            if len(scores) != judges:
                self.diagnostics.append(make(codes.JUDGE_COUNT, self.at.loc("entries", i, "scores", item),
                                             entry=label, item=item, count=len(scores), judges=judges,
                                             records=(entry.id,)))
                self.invalid.add((i, item))
            for j, score in enumerate(scores):
                if score > contest.score_max:
                    self.diagnostics.append(make(codes.SCORE_RANGE, self.at.loc("entries", i, "scores", item, j),
                                                 entry=label, item=item, judge=j + 1, score=score,
                                                 max=contest.score_max, records=(entry.id,)))
                    self.invalid.add((i, item))

    def entries(self) -> list[tuple[int, Entry]]:
        """Entries by id (file order only breaks a duplicate's tie), without the duplicates."""
        kept = [(i, e) for i, e in enumerate(self.at.value.entries) if i not in self.dropped]
        return sorted(kept, key=lambda pair: pair[1].id)


def _item_result(contest: Contest, group: str, item: str, entries: Iterable[tuple[int, Entry]],
                 checker: _Checker) -> ItemResult:
    scored = []
    for index, entry in entries:
        if entry.group == group and item in entry.scores and (index, item) not in checker.invalid:
            value, kept, trimmed = item_score(entry.scores[item], contest.trim_from_judges)
            scored.append((entry, value, kept, trimmed))
    ranks = competition_ranks([value for _, value, _, _ in scored])
    cutoffs = award_cutoffs(len(scored), contest)
    results = sorted(
        (EntryResult(entry.id, entry.name, entry.unit, entry.scores[item], kept, trimmed, value, rank,
                     *_award(rank, value, cutoffs))
         for (entry, value, kept, trimmed), rank in zip(scored, ranks, strict=True)),
        key=lambda r: (r.rank, r.entry),
    )
    group_name = next(g.name for g in contest.groups if g.id == group)
    item_name = next(i.name for i in contest.items if i.id == item)
    q = contest.quotas
    rule = (f"评委不少于{contest.trim_from_judges}人时去掉一个最高分和一个最低分后取平均，四舍五入保留两位小数；"
            f"一、二、三等奖分别按参赛人数的{q.first:%}、{q.second:%}、{q.third:%}（累计人数四舍五入）从高到低评定，"
            "并列的同获较高奖项")
    return ItemResult(group, group_name, item, item_name, tuple(results), cutoffs, rule)


def _overall(contest: Contest, group: str, items: tuple[ItemResult, ...]) -> OverallResult:
    scores: dict[str, dict[str, Decimal]] = {}
    people: dict[str, EntryResult] = {}
    for result in items:
        if result.group != group:
            continue
        for entry in result.entries:
            scores.setdefault(entry.entry, {})[result.item] = entry.score
            people[entry.entry] = entry
    wanted = [i.id for i in contest.items]
    complete = {e: s for e, s in scores.items() if all(s.get(i, Decimal(0)) > 0 for i in wanted)}
    totals = {e: sum(s.values(), Decimal("0.00")) for e, s in complete.items()}
    order = sorted(totals, key=lambda e: (-totals[e], e))
    ranks = competition_ranks([totals[e] for e in order])
    entries = tuple(OverallEntry(e, people[e].name, people[e].unit, {i: complete[e][i] for i in wanted}, totals[e], r)
                    for e, r in zip(order, ranks, strict=True))
    group_name = next(g.name for g in contest.groups if g.id == group)
    return OverallResult(group, group_name, entries, tuple(sorted(set(scores) - set(complete))))


def score_contest(contest_id: str, at: At[Contest]) -> tuple[ContestResult, list[Diagnostic]]:
    """Results of one edition, and the content errors in its scores."""
    contest = at.value
    checker = _Checker(contest_id, at)
    checker.run()
    groups = {g.id for g in contest.groups}
    entries = [(i, e) for i, e in checker.entries() if e.group in groups]
    items = tuple(_item_result(contest, g.id, i.id, entries, checker) for g in contest.groups for i in contest.items)
    overall = tuple(_overall(contest, g.id, items) for g in contest.groups)
    units = dict(sorted(Counter(e.unit for _, e in entries).items()))
    result = ContestResult(
        contest_id, contest.edition, contest.title, contest.year, items, overall,
        contest.training_participants, contest.contest_participants,
        contest.training_participants + contest.contest_participants, len(entries), units,
    )
    return result, checker.diagnostics


def contest_totals(results: Iterable[ContestResult]) -> ContestTotals:
    """All editions together."""
    results = list(results)
    units: Counter[str] = Counter()
    for result in results:
        units.update(result.units)
    return ContestTotals(
        len(results),
        sum(r.training_participants for r in results),
        sum(r.contest_participants for r in results),
        sum(r.person_times for r in results),
        sum(r.finalists for r in results),
        dict(sorted(units.items())),
    )
