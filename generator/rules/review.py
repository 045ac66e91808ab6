"""Democratic review of members (民主评议党员): who may be graded, and how many 优秀.

Both are content errors: a grade that breaks them must not be published.
Probationary members are not graded; 优秀 is at most ``max_excellent_share``
(default 1/3) of the graded members, a wrongly graded probationary member
not counting. The share is read as the nearest simple
fraction (denominator up to 100), so ``0.3333`` in ``rules.yaml`` means exactly
one third and 1 of 3 graded members may be 优秀.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from decimal import Decimal
from fractions import Fraction

from generator.codes import define, make
from generator.diagnostics import Diagnostic, Kind, Severity
from generator.models.base import Grade
from generator.rules.context import Context
from generator.rules.periods import day_label
from generator.rules.roster import BranchView, probationary_on

E = Kind.ERROR

PROBATIONARY = define(
    "REV001", E, Severity.ERROR,
    title=("预备党员参加了等次评定", "probationary member graded"),
    message=("{member}在评议日{date}是预备党员（{joined}入党），不评定等次",
             "{member} was a probationary member on {date} (joined {joined}) and is not graded"),
    hint=("从 review.grades 中删去这一行；预备党员参加民主评议但不评定等次",
          "remove this line from review.grades; probationary members take part but are not graded"),
)
TOO_MANY_EXCELLENT = define(
    "REV002", E, Severity.ERROR,
    title=("优秀等次超过比例", "too many graded 优秀"),
    message=("评为优秀 {count} 人，超过参评 {graded} 人的 {share}（最多 {allowed} 人）",
             "{count} graded excellent, more than {share} of the {graded} graded (at most {allowed})"),
    hint=("优秀等次一般不超过参评党员的三分之一；调整 review.grades 中的等次",
          "excellent may be at most a third of those graded; change grades in review.grades"),
)


def share_fraction(share: Decimal) -> Fraction:
    """The configured share as a simple fraction: ``0.3333`` → 1/3, ``0.3`` → 3/10."""
    return Fraction(share).limit_denominator(100)


def excellent_allowed(graded: int, share: Decimal) -> int:
    """How many of ``graded`` members may be graded 优秀."""
    return math.floor(graded * share_fraction(share))


def check_branch(ctx: Context, view: BranchView) -> Iterator[Diagnostic]:
    share = ctx.requirements.max_excellent_share
    for at in view.data.assessments.values():
        review = at.value.review
        if review is None:
            continue
        graded: list[str] = []
        for member_id in sorted(review.grades):
            member = view.members.get(member_id)
            if member and probationary_on(member, review.date):
                yield make(PROBATIONARY, at.loc("review", "grades", member_id, key=True), records=(member_id,),
                           branch=view.id, unit=view.unit, member=member.name, date=day_label(review.date),
                           joined=day_label(member.joined))
            else:
                graded.append(member_id)
        excellent = [m for m in graded if review.grades[m] is Grade.EXCELLENT]
        allowed = excellent_allowed(len(graded), share)
        if len(excellent) > allowed:
            fraction = share_fraction(share)
            yield make(TOO_MANY_EXCELLENT, at.loc("review", "grades"), records=tuple(excellent), branch=view.id,
                       unit=view.unit, count=len(excellent), graded=len(graded), allowed=allowed,
                       share=(_fraction_zh(fraction), f"{fraction.numerator}/{fraction.denominator}"))


def _fraction_zh(fraction: Fraction) -> str:
    digits = "零一二三四五六七八九十"
    if fraction.denominator <= 10 and fraction.numerator <= 10:
        return f"{digits[fraction.denominator]}分之{digits[fraction.numerator]}"
    return f"{fraction.numerator}/{fraction.denominator}"
