"""Branch organisation: size, committee, secretary, term of office (《中国共产党支部工作条例（试行）》).

Each rule is judged at the end of every checked year (or ``today`` if earlier),
so the findings of a year describe the branch as it stood in that year.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from generator.codes import CodeDef, define, make
from generator.diagnostics import Diagnostic, Kind, Severity
from generator.labels import cndate, zh
from generator.models.base import Role
from generator.models.org import Branch, CommitteeTerm
from generator.models.schemes import BranchRules
from generator.rules.context import Context
from generator.rules.periods import add_years, day_label
from generator.rules.roster import BranchView, full_on, has_committee

F = Kind.FINDING

TOO_FEW = define(
    "ORG001", F, Severity.SERIOUS,
    title=("正式党员不足3人", "fewer full members than required"),
    message=("{when}支部只有 {count} 名正式党员，少于 {min} 人",
             "{when} the branch has {count} full member(s), fewer than {min}"),
    hint=("正式党员不足3人的不能单独成立支部，应与其他支部联合设立；如名单漏登，请补入 members.yaml",
          "a branch needs at least 3 full members; merge it with another branch or add missing members"),
)
TOO_MANY = define(
    "ORG002", F, Severity.WARNING,
    title=("支部党员超过50人", "branch larger than usual"),
    message=("{when}支部有 {count} 名党员，超过一般上限 {max} 人",
             "{when} the branch has {count} members, more than the usual {max}"),
    hint=("党员人数较多的可以分设支部或设立党小组", "consider splitting the branch or setting up party groups"),
)
COMMITTEE_SIZE = define(
    "ORG003", F, Severity.WARNING,
    title=("支委会人数不符合要求", "committee size out of range"),
    message=("{when}支部有 {full} 名正式党员，应设 {min}–{max} 人的支委会，现有 {size} 人",
             "with {full} full members {when}, a committee of {min}–{max} is required; it has {size}"),
    hint=("正式党员7人以上的支部应召开党员大会选举支委会，在 branch.yaml 的 committees 中登记新一届委员",
          "branches with 7+ full members elect a committee; record the new term under committees in branch.yaml"),
)
MISSING_ROLES = define(
    "ORG004", F, Severity.WARNING,
    title=("支委会分工不全", "committee roles missing"),
    message=("{when}支委会缺少：{roles}", "{when} the committee lacks: {roles}"),
    hint=("支委会应设书记、组织委员、宣传委员、纪检委员；在 branch.yaml 的 committees 中补齐分工",
          "a committee needs a secretary and organisation, propaganda and discipline members"),
)
NO_SECRETARY = define(
    "ORG005", F, Severity.SERIOUS,
    title=("没有书记", "no secretary"),
    message=("{when}支部没有书记", "{when} the branch has no secretary"),
    hint=("在 branch.yaml 的 committees 中登记书记（role: secretary）",
          "record the secretary (role: secretary) under committees in branch.yaml"),
)
COMMITTEE_NOT_NEEDED = define(
    "ORG006", F, Severity.NOTICE,
    title=("不足7人设立了支委会", "committee set up below 7 full members"),
    message=("{when}支部只有 {full} 名正式党员，一般不设支委会，只设书记（可设副书记），现登记了 {size} 人",
             "with {full} full members {when} a branch has a secretary (and optionally a deputy), "
             "not a committee of {size}"),
    hint=("正式党员不足7人的支部不设支委会；如人数登记有误，请更正 members.yaml",
          "below 7 full members there is no committee; check members.yaml if the count is wrong"),
)
NOT_HEAD = define(
    "ORG007", F, Severity.WARNING,
    title=("书记不是内设机构主要负责人", "secretary is not the head of the internal body"),
    message=("支部书记不是{body}主要负责人（一岗双责）", "the secretary is not the head of {body} (一岗双责)"),
    hint=("机关党支部书记一般由内设机构主要负责人担任；调整后把 secretary_is_head 改为 true",
          "the secretary should be the head of the internal body; set secretary_is_head: true once it is so"),
)
OVERDUE = define(
    "ORG008", F, Severity.SERIOUS,
    title=("换届逾期", "election overdue"),
    message=("本届支委会于{elected}选举，任期 {term} 年，应于{due}前换届，{when}已逾期 {days} 天",
             "the committee elected on {elected} for {term} years was due for election by {due}; "
             "{days} day(s) overdue {when}"),
    hint=("按期召开党员大会换届选举，并在 committees 中登记新一届；确需延期的，报上级批准后在 postponement 中登记",
          "hold the election and record the new term; a postponement needs an approval recorded under postponement"),
)
POSTPONED_TOO_LONG = define(
    "ORG009", F, Severity.WARNING,
    title=("延期换届超过期限", "postponement too long"),
    message=("批准延期至{until}，超过最长 {max} 年（最迟{limit}）",
             "postponed until {until}, beyond {max} year(s) ({limit})"),
    hint=("延期换届一般不超过1年；超出部分按换届逾期处理",
          "a postponement may not exceed one year; beyond it is overdue"),
)
SEAT_LEFT = define(
    "ORG010", F, Severity.WARNING,
    title=("委员已转出支部", "committee member has left the branch"),
    message=("{when}{role}{member}已不在本支部党员名单中",
             "{when} the {role} {member} is no longer on the branch roll"),
    hint=("及时补选或调整分工，在 committees 中登记", "elect or appoint a replacement and record it under committees"),
)


@dataclass(frozen=True)
class Election:
    """Where a branch stands on its term of office on a given day."""

    term: CommitteeTerm
    due: dt.date
    deadline: dt.date
    postponed_until: dt.date | None
    overdue_days: int


def election(branch: Branch, rules: BranchRules, on: dt.date) -> Election | None:
    """The term in office on ``on`` and how far past its deadline (0 if on time); ``None`` if no term yet."""
    term = branch.term_on(on)
    return None if term is None else _standing(branch, term, rules, on)


def late_election(branch: Branch, rules: BranchRules, start: dt.date, on: dt.date) -> tuple[Election, dt.date] | None:
    """An election held from ``start`` to ``on`` after the outgoing term's deadline, and its day; else ``None``.

    Once the new term is in office, :func:`election` no longer sees that the branch was overdue, so a
    year in which the election was held six months late would otherwise look on time.
    """
    for term in sorted(branch.committees, key=lambda t: t.elected):
        outgoing = branch.term_on(term.elected - dt.timedelta(days=1))
        if start <= term.elected <= on and outgoing is not None:
            status = _standing(branch, outgoing, rules, term.elected)
            if status.overdue_days:
                return status, term.elected
    return None


def _standing(branch: Branch, term: CommitteeTerm, rules: BranchRules, on: dt.date) -> Election:
    due = add_years(term.elected, rules.term_years)
    deadline, until = due, None
    postponement = branch.postponement
    if postponement and postponement.approved >= term.elected:
        until = postponement.until
        deadline = max(due, min(until, add_years(due, rules.max_postponement_years)))
    return Election(term, due, deadline, until, max(0, (on - deadline).days))


def check_branch(ctx: Context, view: BranchView) -> Iterator[Diagnostic]:
    yield from _head(view)
    for year in ctx.years(view):
        on = min(dt.date(year, 12, 31), ctx.today)
        if on >= dt.date(year, 1, 1) and view.founded_by(on):
            yield from _size(view, on)
            yield from _committee(view, on)
            yield from _term(view, on)


def _finding(view: BranchView, definition: CodeDef, *path: str | int, **params: Any) -> Diagnostic:
    return make(definition, view.data.branch.loc(*path), records=(view.id,), branch=view.id, unit=view.unit,
                **params)


def _head(view: BranchView) -> Iterator[Diagnostic]:
    branch = view.data.branch.value
    if not branch.secretary_is_head:
        yield _finding(view, NOT_HEAD, "secretary_is_head", body=branch.internal_body)


def _size(view: BranchView, on: dt.date) -> Iterator[Diagnostic]:
    roster = view.roster(on)
    full = sum(1 for m in roster if full_on(m, on))
    rules = view.rules
    if full < rules.min_full_members:
        yield _finding(view, TOO_FEW, when=_when(on), count=full, min=rules.min_full_members)
    if len(roster) > rules.max_members:
        yield _finding(view, TOO_MANY, when=_when(on), count=len(roster), max=rules.max_members)


def _committee(view: BranchView, on: dt.date) -> Iterator[Diagnostic]:
    term = view.term(on)
    rules = view.rules
    roster = view.roster(on)
    full = sum(1 for m in roster if full_on(m, on))
    index = view.data.branch.value.committees.index(term) if term else 0
    seats = {seat.member for seat in term.members} if term else set()
    roles = {seat.role for seat in term.members} if term else set()
    where = ("committees", index) if term else ("committees",)
    if Role.SECRETARY not in roles:
        yield _finding(view, NO_SECRETARY, *where, when=_when(on))
    if full >= rules.committee_from_full_members:
        if not rules.committee_min <= len(seats) <= rules.committee_max:
            yield _finding(view, COMMITTEE_SIZE, *where, when=_when(on), full=full, size=len(seats),
                           min=rules.committee_min, max=rules.committee_max)
        missing = [role for role in rules.required_roles if role not in roles and role is not Role.SECRETARY]
        if missing and has_committee(term, rules):
            yield _finding(view, MISSING_ROLES, *where, when=_when(on), roles=_roles(missing))
    elif len(seats) > 2 or roles - {Role.SECRETARY, Role.DEPUTY_SECRETARY}:
        yield _finding(view, COMMITTEE_NOT_NEEDED, *where, when=_when(on), full=full, size=len(seats))
    on_roll = {m.id for m in roster}
    for s, seat in enumerate(term.members if term else ()):
        if seat.member in view.members and seat.member not in on_roll:
            yield _finding(view, SEAT_LEFT, "committees", index, "members", s, "member", when=_when(on),
                           member=view.members[seat.member].name, role=(zh(seat.role), seat.role.value))


def _when(on: dt.date) -> tuple[str, str]:
    """``2024年末`` for a whole year, ``截至2024年8月15日`` while it is still running."""
    if (on.month, on.day) == (12, 31):
        return f"{on.year}年末", f"at the end of {on.year}"
    return f"截至{cndate(on)}", f"as of {on.isoformat()}"


def _roles(roles: Sequence[Role]) -> tuple[str, str]:
    return "、".join(zh(r) for r in roles), ", ".join(r.value for r in roles)


def _term(view: BranchView, on: dt.date) -> Iterator[Diagnostic]:
    branch = view.data.branch.value
    status = election(branch, view.rules, on)
    if status is None:
        return
    postponement = branch.postponement
    if postponement and status.postponed_until and status.postponed_until > status.deadline:
        yield _finding(view, POSTPONED_TOO_LONG, "postponement", "until", until=day_label(postponement.until),
                       max=view.rules.max_postponement_years, limit=day_label(status.deadline))
    when = (f"截至{cndate(on)}", f"as of {on.isoformat()}")
    if not status.overdue_days:
        late = late_election(branch, view.rules, dt.date(on.year, 1, 1), on)
        if late is None:
            return
        status, held = late
        when = (f"至{cndate(held)}换届时", f"when it was held on {held.isoformat()}")
    index = branch.committees.index(status.term)
    yield _finding(view, OVERDUE, "committees", index, "elected", elected=day_label(status.term.elected),
                   term=view.rules.term_years, due=day_label(status.due), days=status.overdue_days, when=when)
