"""Party dues (党费): every month a member owes is paid; six unpaid in a row is serious.

A month is owed when the member was on the branch roll for the whole month
and the month has ended by ``today``. Months are read from ``members.yaml``
(``dues: {2024: [1, 2, 3]}``); a quarterly payment is recorded as its three
months. Six consecutive unpaid months (party constitution art. 9) is a serious
finding; any unpaid month is a warning.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from generator.codes import define, make
from generator.diagnostics import Diagnostic, Kind, Severity
from generator.models.corpus import At
from generator.models.org import Member
from generator.rules.context import Context
from generator.rules.periods import Span, bounded, join_labels, runs
from generator.rules.roster import BranchView, joined_branch

F = Kind.FINDING

UNPAID = define(
    "DUES001", F, Severity.WARNING,
    title=("有未缴党费的月份", "unpaid dues"),
    message=("{member}{year}年有 {count} 个月未缴党费：{months}",
             "{member} has {count} unpaid month(s) of dues in {year}: {months}"),
    hint=("督促按月缴纳；已缴纳的，在 members.yaml 该党员的 dues 中补登月份，例如 {year}: [1, 2, 3]",
          "collect the dues; if paid, add the months under dues in members.yaml, e.g. {year}: [1, 2, 3]"),
)
UNPAID_SERIOUS = define(
    "DUES002", F, Severity.SERIOUS,
    title=("连续6个月未缴党费", "dues unpaid for 6 consecutive months"),
    message=("{member}从 {first} 到 {last} 连续 {months} 个月未缴党费",
             "{member} paid no dues for {months} consecutive months ({first} to {last})"),
    hint=("党章第九条：没有正当理由连续6个月不交纳党费的视为自行脱党；应立即谈话并督促补缴",
          "party constitution art. 9: six months without paying dues counts as leaving the party; act at once"),
)


def owed_months(member: Member, year: int, today: dt.date) -> list[Span]:
    """Months of ``year`` the member owes dues for: on the roll all month, month ended by ``today``."""
    first, last = joined_branch(member), member.left or dt.date.max
    return [span for span, start, end in bounded(year, "month") if end <= today and first <= start and end <= last]


def unpaid_months(member: Member, year: int, today: dt.date) -> list[Span]:
    paid = set(member.dues.get(year, ()))
    return [span for span in owed_months(member, year, today) if span.index not in paid]


def check_branch(ctx: Context, view: BranchView) -> Iterator[Diagnostic]:
    years = ctx.years(view, "dues")
    for at in view.data.members:
        yield from _member(ctx, view, at, years)


def _member(ctx: Context, view: BranchView, at: At[Member], years: list[int]) -> Iterator[Diagnostic]:
    member = at.value
    unpaid_all: list[Span] = []
    for year in years:
        unpaid = [span for span in unpaid_months(member, year, ctx.today) if view.founded_by(span.start)]
        unpaid_all.extend(unpaid)
        if unpaid:
            location = at.loc("dues", str(year)) if year in member.dues else at.loc("dues")
            yield make(UNPAID, location, records=(member.id,), branch=view.id, unit=view.unit, member=member.name,
                       year=year, count=len(unpaid), months=join_labels([s.short_label() for s in unpaid]))
    for run in runs(unpaid_all):
        if len(run) >= ctx.requirements.serious_gap_months:
            yield make(UNPAID_SERIOUS, at.loc("dues"), records=(member.id,), branch=view.id, unit=view.unit,
                       member=member.name, months=len(run), first=run[0].label(), last=run[-1].label())
