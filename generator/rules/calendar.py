"""The organisational-life calendar of a branch: which required meetings were held in which period.

One computation serves three readers: the frequency rules (a missed period is
a finding), the rubric's ``systems`` indicators, and the site's calendar page.
The result is plain frozen data: ids, dates and counts, no records.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from generator.models.activity import Activity
from generator.models.base import ActivityType
from generator.models.corpus import Corpus
from generator.models.schemes import Frequency, Requirements
from generator.rules.periods import Span, span_of, spans
from generator.rules.roster import BranchView, has_committee

Status = Literal["met", "missed", "open", "not_required"]


@dataclass(frozen=True)
class Held:
    """One activity as the calendar shows it."""

    id: str
    date: dt.date
    type: ActivityType
    topic: str
    group: str | None = None


@dataclass(frozen=True)
class PeriodCount:
    """One period of one requirement: what was held and whether that meets the minimum.

    ``open``: the period has not ended by ``today`` and is not yet met;
    ``not_required``: the branch or its committee did not exist then.
    """

    span: Span
    required: int
    held: tuple[Held, ...]
    status: Status


@dataclass(frozen=True)
class Requirement:
    """A frequency from ``rules.yaml`` applied to the branch (per party group for group meetings)."""

    type: ActivityType
    per: str
    min: int
    group: str | None
    periods: tuple[PeriodCount, ...]

    @property
    def missed(self) -> tuple[PeriodCount, ...]:
        return tuple(p for p in self.periods if p.status == "missed")

    @property
    def counted(self) -> tuple[PeriodCount, ...]:
        """Periods that count for compliance: ended or already met, and required."""
        return tuple(p for p in self.periods if p.status in ("met", "missed"))


@dataclass(frozen=True)
class BranchCalendar:
    branch: str
    year: int
    requirements: tuple[Requirement, ...]
    months: tuple[tuple[Held, ...], ...]
    """Index 0 is January: every activity of the year by month, in date order."""


def branch_calendar(corpus: Corpus, branch_id: str, year: int, today: dt.date) -> BranchCalendar:
    """The calendar of one branch and year; ``corpus.requirements`` must be present."""
    assert corpus.requirements is not None
    requirements = corpus.requirements.value
    view = BranchView(corpus.branches[branch_id], requirements.branch)
    return calendar_of(view, requirements, year, today)


def calendar_of(view: BranchView, requirements: Requirements, year: int, today: dt.date) -> BranchCalendar:
    held = sorted((_held(activity_id, at.value) for activity_id, at in view.activities_with_ids(year)
                   if at.value.date.year == year), key=lambda h: (h.date, h.type, h.id))
    by_month: list[list[Held]] = [[] for _ in range(12)]
    by_type: dict[ActivityType, list[Held]] = {}
    for h in held:
        by_month[h.date.month - 1].append(h)
        by_type.setdefault(h.type, []).append(h)
    found: list[Requirement] = []
    for frequency in requirements.frequencies:
        of_type = by_type.get(frequency.type, [])
        if frequency.type is ActivityType.GROUP_MEETING:
            for group in view.data.branch.value.groups:
                found.append(_requirement(view, frequency, year, today, of_type, group.id))
        else:
            found.append(_requirement(view, frequency, year, today, of_type, None))
    return BranchCalendar(view.id, year, tuple(found), tuple(tuple(month) for month in by_month))


def _held(activity_id: str, activity: Activity) -> Held:
    return Held(activity_id, activity.date, activity.type, activity.topic, activity.group)


def _requirement(view: BranchView, frequency: Frequency, year: int, today: dt.date, held: list[Held],
                 group: str | None) -> Requirement:
    """``held`` is what was held of the frequency's type, in date order."""
    by_span: dict[Span, list[Held]] = {}
    for h in held:
        if group is None or h.group == group:
            by_span.setdefault(span_of(h.date, frequency.per), []).append(h)
    periods = []
    for span in spans(year, frequency.per):
        inside = tuple(by_span.get(span, ()))
        periods.append(PeriodCount(span, frequency.min, inside, _status(view, frequency, span, today, len(inside))))
    return Requirement(frequency.type, frequency.per, frequency.min, group, tuple(periods))


def _status(view: BranchView, frequency: Frequency, span: Span, today: dt.date, count: int) -> Status:
    if not view.founded_by(span.start):
        return "not_required"
    if frequency.type is ActivityType.COMMITTEE_MEETING and not has_committee(view.term(span.end), view.rules):
        return "not_required"
    if count >= frequency.min:
        return "met"
    return "missed" if span.ended(today) else "open"
