"""Stage 4, scoring: the facts of one branch in one year that every scheme reads.

Built once per branch and year from the corpus — the reference date, the members
on roll, the year's activities and cases in a stable order, the term in office —
so the rubric metrics and the points items count the same things the same way,
and the order of records in the files never matters. Each fact is computed once
and indexed (by member, by activity type) so that a branch of any size costs
time in proportion to its records, not to members × records.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, cached_property

from generator.diagnostics import field_path
from generator.labels import cndate, zh
from generator.models.activity import Activity
from generator.models.base import ActivityType
from generator.models.campaign import Case
from generator.models.corpus import At, BranchData, Corpus
from generator.models.org import CommitteeTerm, Member
from generator.models.schemes import Period as PeriodName
from generator.models.schemes import Requirements
from generator.rules.roster import ORG_LIFE_TYPES, BranchView, activity_ids, full_on, has_committee, on_roll_in_month
from generator.scoring.lookups import Lookups
from generator.scoring.results import Evidence

#: Activities that count as taking part in organisational life (组织生活), as the rules count them.
ORG_LIFE: tuple[ActivityType, ...] = tuple(t for t in ActivityType if t in ORG_LIFE_TYPES)


def reference_date(year: int, today: dt.date) -> dt.date | None:
    """The day a year is judged at: its last day, or ``today`` while it runs; None if it has not begun."""
    if today < dt.date(year, 1, 1):
        return None
    return min(dt.date(year, 12, 31), today)


@dataclass(frozen=True)
class Period:
    """A calendar period a frequency is counted over (month, quarter or the year)."""

    key: str
    label: str
    start: dt.date
    end: dt.date


@cache
def periods(year: int, per: PeriodName) -> tuple[Period, ...]:
    if per == "year":
        return (Period(str(year), f"{year}年", dt.date(year, 1, 1), dt.date(year, 12, 31)),)
    if per == "quarter":
        return tuple(
            Period(f"{year}-Q{q}", f"第{q}季度", dt.date(year, 3 * q - 2, 1), month_end(year, 3 * q))
            for q in range(1, 5)
        )
    return tuple(
        Period(f"{year}-{m:02d}", f"{m}月", dt.date(year, m, 1), month_end(year, m)) for m in range(1, 13)
    )


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)


def member_evidence(at: At[Member], counted: str = "") -> Evidence:
    return Evidence(at.source.name, field_path(at.path), "member", at.value.id, at.value.name, counted)


def case_evidence(case_id: str, at: At[Case], counted: str = "") -> Evidence:
    value = at.value
    return Evidence(at.source.name, "", "case", case_id, f"{cndate(value.date)} {value.title}", counted)


@dataclass(frozen=True)
class BranchYear:
    """One branch in one year, judged at ``reference``.

    ``view`` holds the rules' answers to who was on the roll and who took part, so scores and findings
    agree; it does not depend on the year, so one view serves all the branch's years.
    """

    corpus: Corpus
    data: BranchData
    year: int
    reference: dt.date
    view: BranchView
    lookups: Lookups

    @property
    def requirements(self) -> Requirements:
        assert self.corpus.requirements is not None
        return self.corpus.requirements.value

    @property
    def branch_id(self) -> str:
        return self.data.id

    @cached_property
    def activity_ids(self) -> dict[int, str]:
        """Activity ids as the rules and the site name them, keyed by the record's identity."""
        ids: dict[int, str] = {}
        for ats in self.data.activities.values():
            ids.update(zip((id(at) for at in ats), activity_ids(ats), strict=True))
        return ids

    @cached_property
    def activities(self) -> tuple[At[Activity], ...]:
        """Activities dated in this year up to the reference date, from every year file, in date order."""
        found = [
            at for ats in self.data.activities.values() for at in ats
            if at.value.date.year == self.year and at.value.date <= self.reference
        ]
        return tuple(sorted(found, key=lambda at: (
            at.value.date, at.value.type.value, self.activity_ids[id(at)], at.value.topic, at.source.name,
            repr(at.path))))

    @cached_property
    def by_type(self) -> dict[ActivityType, tuple[At[Activity], ...]]:
        """The year's activities of each type, in date order."""
        found: dict[ActivityType, list[At[Activity]]] = {}
        for at in self.activities:
            found.setdefault(at.value.type, []).append(at)
        return {kind: tuple(ats) for kind, ats in found.items()}

    @cached_property
    def lectures(self) -> dict[str, tuple[At[Activity], ...]]:
        """Lecturer id → the party lectures they gave this year, in date order."""
        found: dict[str, list[At[Activity]]] = {}
        for at in self.by_type.get(ActivityType.PARTY_LECTURE, ()):
            if at.value.lecturer is not None:
                found.setdefault(at.value.lecturer, []).append(at)
        return {member: tuple(ats) for member, ats in found.items()}

    @cached_property
    def _evidence(self) -> dict[str, dict[int, Evidence]]:
        """Way of counting → activity identity → its evidence."""
        return {}

    def evidences(self, ats: Iterable[At[Activity]], counted: str = "") -> list[Evidence]:
        """Activities as the inputs of a result, in order (each built once per activity and way of counting)."""
        cache = self._evidence.get(counted)
        if cache is None:
            cache = self._evidence[counted] = {}
        found = []
        for at in ats:
            evidence = cache.get(id(at))
            if evidence is None:
                evidence = cache[id(at)] = self._activity_evidence(at, counted)
            found.append(evidence)
        return found

    def _activity_evidence(self, at: At[Activity], counted: str) -> Evidence:
        value = at.value
        label = f"{cndate(value.date)} {zh(value.type)}：{value.topic}"
        return Evidence(at.source.name, field_path(at.path), "activity", self.activity_ids[id(at)], label, counted)

    @cached_property
    def members(self) -> tuple[At[Member], ...]:
        """Members on the branch's roll in at least one month of the year up to the reference month."""
        on_roll = [at for at in self.data.members if self.months_on_roll(at.value)]
        return tuple(sorted(on_roll, key=lambda at: at.value.id))

    @cached_property
    def member_ids(self) -> frozenset[str]:
        return frozenset(at.value.id for at in self.members)

    @cached_property
    def cases(self) -> tuple[tuple[str, At[Case]], ...]:
        """Cases dated this year against members of this branch, by date and id."""
        found = [
            (case_id, at) for member in self.member_ids for case_id, at in self.lookups.cases.get(member, ())
            if at.value.date.year == self.year and at.value.date <= self.reference
        ]
        return tuple(sorted(found, key=lambda pair: (pair[1].value.date, pair[0])))

    @property
    def term(self) -> CommitteeTerm | None:
        """The committee in office at the reference date."""
        return self.data.branch.value.term_on(self.reference)

    @cached_property
    def _months(self) -> dict[str, tuple[int, ...]]:
        return {}

    def months_on_roll(self, member: Member) -> tuple[int, ...]:
        """Months of the year, up to the reference month, in which the member was on the roll."""
        found = self._months.get(member.id)
        if found is None:
            found = tuple(m for m in range(1, self.reference.month + 1) if on_roll_in_month(member, self.year, m))
            self._months[member.id] = found
        return found

    @cached_property
    def full_members(self) -> int:
        """Full members (past probation) on the roll at the reference date."""
        return sum(1 for m in self.view.roster(self.reference) if full_on(m, self.reference))

    @cached_property
    def has_committee(self) -> bool:
        """Whether a committee is required (enough full members) or exists (the term has enough people)."""
        rules = self.requirements.branch
        return self.full_members >= rules.committee_from_full_members or has_committee(self.term, rules)

    @cached_property
    def unexcused(self) -> dict[str, tuple[At[Activity], ...]]:
        """Member id → the activities they missed without leave (``excused: false``), in date order."""
        found: dict[str, list[At[Activity]]] = {}
        for at in self.activities:
            for member in dict.fromkeys(a.member for a in at.value.absentees if not a.excused):
                found.setdefault(member, []).append(at)
        return {member: tuple(ats) for member, ats in found.items()}

    @cached_property
    def taken_part(self) -> dict[str, tuple[At[Activity], ...]]:
        """Member id → the activities they took part in, in date order."""
        found: dict[str, list[At[Activity]]] = {}
        for at in self.activities:
            for member in self.view.participants(at.value):
                found.setdefault(member, []).append(at)
        return {member: tuple(ats) for member, ats in found.items()}

    @cached_property
    def ended_months(self) -> frozenset[int]:
        """Months of the year that have ended by the reference date."""
        return frozenset(m for m in range(1, 13) if month_end(self.year, m) <= self.reference)

    def active_periods(self, per: PeriodName) -> tuple[Period, ...]:
        """The year's periods the branch existed for in full (founded on or before their first day).

        The same cut as the rules' calendar, so a period the site's calendar and ``check`` show
        as not required (the branch was founded during it) is never scored as missed.
        """
        founded = self.data.branch.value.founded
        return tuple(p for p in periods(self.year, per) if founded is None or p.start >= founded)
