"""Rectifications (限期整改): an item still open after its deadline is overdue.

Judged on ``today``; :func:`overdue_on` answers the same question for any day,
so scoring can apply the rubric's year-end veto with the same rule.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from generator.codes import define, make
from generator.diagnostics import Diagnostic, Kind, Severity
from generator.labels import zh
from generator.models.activity import Rectification
from generator.rules.context import Context
from generator.rules.periods import day_label
from generator.rules.roster import BranchView

F = Kind.FINDING

OVERDUE = define(
    "RECT001", F, Severity.SERIOUS,
    title=("整改逾期未完成", "rectification overdue"),
    message=("整改事项“{description}”（{issue}）期限为{deadline}，至今未完成，已逾期 {days} 天",
             "rectification '{description}' ({issue}) was due on {deadline} and is still open, {days} day(s) late"),
    hint=("尽快完成整改，完成后在 rectifications.yaml 中填写 closed（完成日期）和 measures（整改措施）",
          "complete it, then record closed (date) and measures in rectifications.yaml"),
)
CLOSED_LATE = define(
    "RECT002", F, Severity.NOTICE,
    title=("整改超期完成", "rectification closed late"),
    message=("整改事项“{description}”期限为{deadline}，于{closed}完成，超期 {days} 天",
             "rectification '{description}' was due on {deadline} and closed on {closed}, {days} day(s) late"),
    hint=("今后按期完成整改；如期限经批准延长，请更新 deadline", "meet deadlines; if extended, update deadline"),
)


def overdue_on(rectification: Rectification, day: dt.date) -> bool:
    """Open on ``day`` although its deadline has passed."""
    open_then = rectification.closed is None or rectification.closed > day
    return open_then and rectification.deadline < day


def check_branch(ctx: Context, view: BranchView) -> Iterator[Diagnostic]:
    for at in view.data.rectifications:
        item = at.value
        if item.closed is None and overdue_on(item, ctx.today):
            yield make(OVERDUE, at.loc("deadline"), records=(item.id,), branch=view.id, unit=view.unit,
                       description=item.description, issue=(zh(item.issue), item.issue.value),
                       deadline=day_label(item.deadline), days=(ctx.today - item.deadline).days)
        elif item.closed and item.closed > item.deadline:
            yield make(CLOSED_LATE, at.loc("closed"), records=(item.id,), branch=view.id, unit=view.unit,
                       description=item.description, deadline=day_label(item.deadline),
                       closed=day_label(item.closed), days=(item.closed - item.deadline).days)
