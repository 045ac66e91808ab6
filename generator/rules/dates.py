"""Dates a record cannot have: outside its year file, after ``today``, or in the wrong order.

All are content errors: a meeting filed under the wrong year would be counted
for the wrong year, and a date in the future is a typo that would make a
branch look compliant before it is.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from generator.codes import define, make
from generator.diagnostics import Diagnostic, Kind, Location, Severity
from generator.models.corpus import At
from generator.rules.context import Context
from generator.rules.periods import day_label
from generator.rules.roster import BranchView, joined_branch

E = Kind.ERROR

WRONG_YEAR = define(
    "DATE001", E, Severity.ERROR,
    title=("日期不在所属年度", "date outside its year file"),
    message=("日期{date}不在 {year} 年，但记录在 {year}.yaml 中",
             "date {date} is not in {year} but is in {year}.yaml"),
    hint=("改正日期，或把这条记录移到 {actual}.yaml", "fix the date or move the record to {actual}.yaml"),
)
FUTURE = define(
    "DATE002", E, Severity.ERROR,
    title=("日期晚于基准日期", "date after today"),
    message=("{what}日期{date}晚于基准日期{today}", "{what} date {date} is after today ({today})"),
    hint=("检查年份和月份是否写错；尚未发生的事项不要登记", "check the year and month; do not record future events"),
)
ORDER = define(
    "DATE003", E, Severity.ERROR,
    title=("日期先后矛盾", "dates in the wrong order"),
    message=("{later_name}（{later}）早于{earlier_name}（{earlier}）",
             "{later_name} ({later}) is before {earlier_name} ({earlier})"),
    hint=("检查这两个日期，改正写错的一个", "check both dates and correct the wrong one"),
)


@dataclass(frozen=True)
class _Dated:
    """A date in a record; the location is looked up only if the date is wrong (lookups re-read the file)."""

    at: At[Any]
    path: tuple[str | int, ...]
    day: dt.date
    what: tuple[str, str]
    records: tuple[str, ...]

    def loc(self) -> Location:
        return self.at.loc(*self.path)


def check_branch(ctx: Context, view: BranchView) -> Iterator[Diagnostic]:
    yield from _year_files(view)
    for dated in _future(view, ctx.today):
        yield make(FUTURE, dated.loc(), records=dated.records, branch=view.id, unit=view.unit,
                   what=dated.what, date=day_label(dated.day), today=day_label(ctx.today))
    yield from _order(view)


def check_province(ctx: Context) -> Iterator[Diagnostic]:
    """Trainings are province-wide records: checked once, not with a branch."""
    for training in ctx.corpus.trainings.values():
        value = training.value
        if value.end < value.start:
            yield make(ORDER, training.loc("end"), records=(training.id,), later_name=("结业日期", "end"),
                       later=day_label(value.end), earlier_name=("开班日期", "start"), earlier=day_label(value.start))


def _year_files(view: BranchView) -> Iterator[Diagnostic]:
    data = view.data
    found: list[tuple[int, _Dated]] = []
    for year, activities in data.activities.items():
        found.extend((year, _Dated(at, ("date",), at.value.date, ("", ""), (view.id,)))
                     for at in activities if at.value.date.year != year)
    for year, events in data.points.items():
        found.extend((year, _Dated(at, ("date",), at.value.date, ("", ""), (at.value.member,)))
                     for at in events if at.value.date.year != year)
    for year, assessment in data.assessments.items():
        review = assessment.value.review
        if review and review.date.year != year:
            found.append((year, _Dated(assessment, ("review", "date"), review.date, ("", ""), (view.id,))))
    for year, dated in found:
        yield make(WRONG_YEAR, dated.loc(), records=dated.records, branch=view.id, unit=view.unit,
                       date=day_label(dated.day), year=year, actual=dated.day.year)


def _future(view: BranchView, today: dt.date) -> Iterator[_Dated]:
    """The record dates after ``today``, in record order (only those are built: records number millions)."""
    data = view.data
    for activities in data.activities.values():
        for at in activities:
            if at.value.date > today:
                yield _Dated(at, ("date",), at.value.date, ("活动", "activity"), (view.id,))
    for events in data.points.values():
        for event in events:
            if event.value.date > today:
                yield _Dated(event, ("date",), event.value.date, ("积分记录", "points record"), (event.value.member,))
    for assessment in data.assessments.values():
        review = assessment.value.review
        if review and review.date > today:
            yield _Dated(assessment, ("review", "date"), review.date, ("民主评议", "review"), (view.id,))
    for item in data.rectifications:
        if item.value.found > today:
            yield _Dated(item, ("found",), item.value.found, ("发现", "found"), (item.value.id,))
        if item.value.closed and item.value.closed > today:
            yield _Dated(item, ("closed",), item.value.closed, ("整改完成", "closed"), (item.value.id,))
    for t, term in enumerate(data.branch.value.committees):
        if term.elected > today:
            yield _Dated(data.branch, ("committees", t, "elected"), term.elected, ("选举", "election"), (view.id,))
    for member in data.members:
        if member.value.joined > today:
            yield _Dated(member, ("joined",), member.value.joined, ("入党", "joined"), (member.value.id,))


def _order(view: BranchView) -> Iterator[Diagnostic]:
    data = view.data
    pairs: list[tuple[_Dated, _Dated]] = []
    for at in data.rectifications:
        item = at.value
        found = _Dated(at, ("found",), item.found, ("发现日期", "found"), (item.id,))
        pairs.append((_Dated(at, ("deadline",), item.deadline, ("整改期限", "deadline"), (item.id,)), found))
        if item.closed:
            pairs.append((_Dated(at, ("closed",), item.closed, ("完成日期", "closed"), (item.id,)), found))
    for person in data.members:
        member = person.value
        if member.left:
            start = joined_branch(member)
            pairs.append((_Dated(person, ("left",), member.left, ("转出日期", "left"), (member.id,)),
                          _Dated(person, (), start, ("入党或转入日期", "joined/since"), (member.id,))))
    postponement = data.branch.value.postponement
    if postponement:
        branch = data.branch
        pairs.append((_Dated(branch, ("postponement", "until"), postponement.until, ("延期至", "until"), (view.id,)),
                      _Dated(branch, (), postponement.approved, ("批准日期", "approved"), (view.id,))))
    for later, earlier in pairs:
        if later.day < earlier.day:
            yield make(ORDER, later.loc(), records=later.records, branch=view.id, unit=view.unit,
                       later_name=later.what, later=day_label(later.day), earlier_name=earlier.what,
                       earlier=day_label(earlier.day))
