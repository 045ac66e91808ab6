"""People named in a branch's records must belong to that branch (content errors).

The reference check already knows every id exists somewhere in the province;
here a committee member, group leader, lecturer or attendee from another
branch, or a person listed on a day they were not on the roll, is caught,
because counting them would credit the wrong branch. (Grades, nominations and
points events of non-members are checked by scoring: NOM005, POINTS004.)
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator

from generator.codes import CodeDef, define, make
from generator.diagnostics import Diagnostic, Kind, Location, Severity
from generator.labels import zh
from generator.models.activity import Activity
from generator.models.base import Role
from generator.models.corpus import At, Corpus
from generator.models.org import Member
from generator.rules.context import Context
from generator.rules.periods import day_label
from generator.rules.roster import BranchView, joined_branch, on_roll_on

E = Kind.ERROR

OTHER_BRANCH_SEAT = define(
    "ORG011", E, Severity.ERROR,
    title=("委员或党小组长不是本支部党员", "committee member or group leader from another branch"),
    message=("{member}（{id}）是“{other}”的党员，不能担任本支部的{role}",
             "{member} ({id}) belongs to branch '{other}' and cannot be this branch's {role}"),
    hint=("检查党员标识是否写错；如已转入本支部，把他的记录移到本支部的 members.yaml",
          "check the member id; if they transferred here, move their record into this branch's members.yaml"),
)
OTHER_BRANCH_ACTIVITY = define(
    "ORG012", E, Severity.ERROR,
    title=("组织生活记录中有外支部党员", "activity names a member of another branch"),
    message=("{member}（{id}）是“{other}”的党员，不能作为本支部活动的{role}",
             "{member} ({id}) belongs to branch '{other}' and cannot be {role} of this branch's activity"),
    hint=("检查党员标识是否写错；上级领导或外单位人员参加，请写在 summary 中，不要列入 attendees 或 lecturer",
          "check the id; guests from elsewhere go into summary, not attendees or lecturer"),
)
NOT_ON_ROLL = define(
    "ORG013", E, Severity.ERROR,
    title=("活动当天不在本支部", "not on the roll on the activity's date"),
    message=("{member}（{id}）在{date}不是本支部党员（{span}），不能作为{role}",
             "{member} ({id}) was not on the branch roll on {date} ({span}) and cannot be {role}"),
    hint=("检查活动日期，或 members.yaml 中的 joined、since、left 日期",
          "check the activity's date, or joined/since/left in members.yaml"),
)
ROLE_TWICE = define(
    "ORG014", E, Severity.ERROR,
    title=("同一职务登记了两人", "role held twice"),
    message=("同一届支委会登记了 {count} 名{role}", "the same term lists {count} people as {role}"),
    hint=("每届支委会只设一名书记、一名组织委员、一名宣传委员、一名纪检委员；兼任的，同一人可登记多项分工",
          "one person per role (a person may hold several roles); remove the extra entries"),
)

_ROLES = {
    "attendee": ("参加人", "an attendee"),
    "absentee": ("缺席人", "an absentee"),
    "lecturer": ("主讲人", "the lecturer"),
    "host": ("谈心谈话发起人", "the host"),
    "leader": ("党小组长", "group leader"),
}


def check_branch(ctx: Context, view: BranchView) -> Iterator[Diagnostic]:
    yield from _seats(ctx.corpus, view)
    roll = _own_roll(ctx.corpus, view)
    for activities in view.data.activities.values():
        for at in activities:
            yield from _activity(ctx.corpus, view, at, roll)


def _own_roll(corpus: Corpus, view: BranchView) -> dict[str, tuple[dt.date, dt.date]]:
    """Member id → (first, last day on the roll) of the branch's members whom no other branch claims.

    An activity on one of those days that names them is in order, so ``_activity`` passes them at once:
    activities name people hundreds of thousands of times at province scale.
    """
    roll = {}
    for member_id, member in view.members.items():
        if _foreign(corpus, view, member_id) is None:
            roll[member_id] = (joined_branch(member), member.left or dt.date.max)
    return roll


def _foreign(corpus: Corpus, view: BranchView, member_id: str) -> tuple[str, str] | None:
    """(name, branch) of a member of another branch; ``None`` if theirs or unknown (REF001 reports unknown)."""
    found = corpus.members.get(member_id)
    if found is None or found[0] == view.id:
        return None
    other = corpus.branches[found[0]].branch.value.name
    return found[1].value.name, other


def _seats(corpus: Corpus, view: BranchView) -> Iterator[Diagnostic]:
    branch = view.data.branch
    for t, term in enumerate(branch.value.committees):
        for s, seat in enumerate(term.members):
            other = _foreign(corpus, view, seat.member)
            if other:
                yield _error(view, OTHER_BRANCH_SEAT, branch.loc("committees", t, "members", s, "member"), seat.member,
                             other, (zh(seat.role), seat.role.value))
        counts = Counter(seat.role for seat in term.members)
        for role, count in sorted(counts.items()):
            if count > 1 and role is not Role.DEPUTY_SECRETARY:
                yield make(ROLE_TWICE, branch.loc("committees", t, "members"), records=(view.id,), branch=view.id,
                           unit=view.unit, count=count, role=(zh(role), role.value))
    for g, group in enumerate(branch.value.groups):
        other = _foreign(corpus, view, group.leader) if group.leader else None
        if other and group.leader:
            yield _error(view, OTHER_BRANCH_SEAT, branch.loc("groups", g, "leader"), group.leader, other,
                         _ROLES["leader"])


def _people(activity: Activity) -> Iterator[tuple[tuple[str | int, ...], str, str]]:
    if activity.attendees != "all":
        for i, member_id in enumerate(activity.attendees):
            yield ("attendees", i), member_id, "attendee"
    for i, absence in enumerate(activity.absentees):
        yield ("absentees", i, "member"), absence.member, "absentee"
    if activity.lecturer:
        yield ("lecturer",), activity.lecturer, "lecturer"
    if activity.host:
        yield ("host",), activity.host, "host"


def _activity(corpus: Corpus, view: BranchView, at: At[Activity],
              roll: dict[str, tuple[dt.date, dt.date]]) -> Iterator[Diagnostic]:
    activity = at.value
    day = activity.date
    for path, member_id, role in _people(activity):
        span = roll.get(member_id)
        if span is not None and span[0] <= day <= span[1]:
            continue
        other = _foreign(corpus, view, member_id)
        if other:
            yield _error(view, OTHER_BRANCH_ACTIVITY, at.loc(*path), member_id, other, _ROLES[role])
            continue
        member = view.members.get(member_id)
        if member and not on_roll_on(member, activity.date):
            yield make(NOT_ON_ROLL, at.loc(*path), records=(member_id,), branch=view.id, unit=view.unit,
                       member=member.name, id=member_id, date=day_label(activity.date), span=_roll_span(member),
                       role=_ROLES[role])


def _roll_span(member: Member) -> tuple[str, str]:
    """When the member was on the roll, for telling the clerk which date is wrong: ``2020年1月1日至2023年5月1日``."""
    start = day_label(joined_branch(member))
    if member.left is None:
        return f"{start[0]}起", start[1]
    end = day_label(member.left)
    return f"{start[0]}至{end[0]}", f"{start[1]} – {end[1]}"


def _error(view: BranchView, definition: CodeDef, location: Location, member_id: str, other: tuple[str, str],
           role: tuple[str, str]) -> Diagnostic:
    return make(definition, location, records=(member_id,), branch=view.id, unit=view.unit,
                member=other[0], id=member_id, other=other[1], role=role)
