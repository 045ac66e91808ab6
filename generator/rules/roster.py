"""Who belonged to a branch when, and who took part in each activity.

The membership rules, the frequency rules, the 6-month rules and the leading
cadres' 6/1/1 all ask the same questions ("was she on the roll that month?",
"did he attend?"), so they are answered once here; scoring imports the same
answers for attendance points.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from generator.models.activity import Activity
from generator.models.base import ActivityType, MemberStatus, Role
from generator.models.corpus import At, BranchData, Corpus
from generator.models.org import CommitteeTerm, Member
from generator.models.schemes import BranchRules
from generator.rules.periods import add_years, month_end

#: Activities that count as taking part in organisational life (a heart-to-heart talk does not).
ORG_LIFE_TYPES = frozenset(ActivityType) - {ActivityType.HEART_TALK}


def joined_branch(member: Member) -> dt.date:
    """The first day the member belonged to the branch: joining the party or transferring in."""
    return max(member.joined, member.since) if member.since else member.joined


def on_roll_on(member: Member, day: dt.date) -> bool:
    return joined_branch(member) <= day and (member.left is None or day <= member.left)


def on_roll_in_month(member: Member, year: int, month: int) -> bool:
    """Whether the member belonged to the branch on any day of that month."""
    return joined_branch(member) <= month_end(year, month) and (
        member.left is None or member.left >= dt.date(year, month, 1)
    )


def full_on(member: Member, day: dt.date) -> bool:
    """A full (正式) member on ``day``: recorded as full and past the one-year probation."""
    return member.status is MemberStatus.FULL and add_years(member.joined, 1) <= day


def probationary_on(member: Member, day: dt.date) -> bool:
    return member.joined <= day and not full_on(member, day)


def has_committee(term: CommitteeTerm | None, rules: BranchRules) -> bool:
    """A branch committee (支委会) exists when the term has at least ``committee_min`` people."""
    return term is not None and len({seat.member for seat in term.members}) >= rules.committee_min


def activity_ids(activities: list[At[Activity]]) -> list[str]:
    """Ids of one year's activities: ``Activity.id``, else ``<date>-<type>`` (``-2``, ``-3`` on repeats)."""
    seen: Counter[str] = Counter()
    ids: list[str] = []
    for at in activities:
        value = at.value
        if value.id:
            ids.append(value.id)
            continue
        base = f"{value.date.isoformat()}-{value.type.value}"
        seen[base] += 1
        ids.append(base if seen[base] == 1 else f"{base}-{seen[base]}")
    return ids


@dataclass
class BranchView:
    """One branch's records with the membership questions answered and cached."""

    data: BranchData
    rules: BranchRules
    members: dict[str, Member] = field(init=False)
    _spans: list[tuple[Member, dt.date, dt.date]] = field(init=False)
    _participants: dict[int, frozenset[str]] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        self.members = {at.value.id: at.value for at in self.data.members}
        self._spans = [(m, joined_branch(m), m.left or dt.date.max) for m in self.members.values()]

    @property
    def id(self) -> str:
        return self.data.id

    @property
    def unit(self) -> str:
        return self.data.unit

    def roster(self, day: dt.date) -> list[Member]:
        """Members on the roll on ``day``, in file order."""
        return [m for m, first, last in self._spans if first <= day <= last]

    def term(self, day: dt.date) -> CommitteeTerm | None:
        return self.data.branch.value.term_on(day)

    def secretary(self, day: dt.date) -> str | None:
        term = self.term(day)
        return term.holder(Role.SECRETARY) if term else None

    def committee(self, day: dt.date) -> frozenset[str]:
        term = self.term(day)
        return frozenset(seat.member for seat in term.members) if term else frozenset()

    def founded_by(self, day: dt.date) -> bool:
        founded = self.data.branch.value.founded
        return founded is None or founded <= day

    def expected(self, activity: Activity) -> frozenset[str]:
        """Who should attend: the committee for its meetings, the group for group meetings, else everyone."""
        day = activity.date
        if activity.type is ActivityType.COMMITTEE_MEETING:
            return frozenset(m for m in self.committee(day) if m in self.members)
        roster = self.roster(day)
        if activity.type is ActivityType.GROUP_MEETING and activity.group:
            return frozenset(m.id for m in roster if m.group == activity.group)
        return frozenset(m.id for m in roster)

    def participants(self, activity: Activity) -> frozenset[str]:
        """Who took part: the listed attendees (or everyone expected), minus absentees, plus lecturer and host."""
        key = id(activity)
        cached = self._participants.get(key)
        if cached is not None:
            return cached
        listed = self.expected(activity) if activity.attendees == "all" else frozenset(activity.attendees)
        absent = {absence.member for absence in activity.absentees}
        extra = {person for person in (activity.lecturer, activity.host) if person}
        result = frozenset((listed - absent) | extra)
        self._participants[key] = result
        return result

    def activities(self, year: int) -> list[At[Activity]]:
        return self.data.activities.get(year, [])

    def activities_with_ids(self, year: int) -> list[tuple[str, At[Activity]]]:
        found = self.activities(year)
        return list(zip(activity_ids(found), found, strict=True))


def views(corpus: Corpus, rules: BranchRules) -> dict[str, BranchView]:
    return {branch_id: BranchView(data, rules) for branch_id, data in sorted(corpus.branches.items())}
