"""Stage 4, scoring: checks that need the scores — nominations, review grades, exemplary secretaries.

A nomination for 优秀党员 must come from the top share of the branch's points
ranking, a 优秀公务员 must be among that year's 优秀党员, only members of the
branch are nominated or graded, and an exemplary-secretary profile is
published only if every condition holds. Each violation is a content error
naming the member (and for a nomination their rank and the cut-off). The
review's own limits (优秀 share, probationary members) are rules REV001/REV002.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction

from generator.codes import make
from generator.diagnostics import Diagnostic
from generator.models.activity import Assessment
from generator.models.base import Role
from generator.models.campaign import Profile
from generator.models.corpus import At, Corpus
from generator.models.org import Branch
from generator.scoring import codes
from generator.scoring.context import BranchYear
from generator.scoring.results import BranchPoints, BranchScore, ProfileCheck


def share_text(share: Decimal) -> str:
    """A share as a reader says it: ``30%``, or ``1/3`` for a share that is not a whole percent."""
    fraction = Fraction(share).limit_denominator(100)
    if 100 % fraction.denominator == 0:
        return f"{fraction.numerator * (100 // fraction.denominator)}%"
    return f"{fraction.numerator}/{fraction.denominator}"


def check_nominations(ctx: BranchYear, points: BranchPoints) -> list[Diagnostic]:
    """Content errors in one branch-year's nominations and democratic review."""
    at = ctx.data.assessments.get(ctx.year)
    if at is None:
        return []
    names = {m.value.id: m.value.name for m in ctx.members}
    ranked = {m.member: m for m in points.members}
    found: list[Diagnostic] = []
    context = {"branch": ctx.branch_id, "unit": ctx.data.unit}
    nominated = at.value.nominations
    for i, member in enumerate(nominated.excellent_member):
        where = at.loc("nominations", "excellent_member", i)
        result = ranked.get(member)
        if result is None:
            found.append(make(codes.NOMINEE_NOT_MEMBER, where, member=member, year=ctx.year, records=(member,),
                              **context))
        elif not result.in_top_share:
            found.append(make(codes.NOT_IN_TOP, where, name=result.name, member=member, year=ctx.year,
                              total=result.total, rank=result.rank, count=len(points.members),
                              share=share_text(points.share), cutoff=points.cutoff_rank, records=(member,),
                              **context))
    for i, member in enumerate(nominated.excellent_servant):
        if member not in nominated.excellent_member:
            found.append(make(codes.SERVANT_NOT_MEMBER, at.loc("nominations", "excellent_servant", i),
                              name=names.get(member, member), member=member, year=ctx.year, records=(member,),
                              **context))
    if at.value.review is not None:
        found += _check_review(ctx, at)
    return found


def _check_review(ctx: BranchYear, at: At[Assessment]) -> list[Diagnostic]:
    """Grades of people not on the branch's roll (probationary grades and the 优秀 share are rules REV001/REV002)."""
    review = at.value.review
    assert review is not None
    return [
        make(codes.NOMINEE_NOT_MEMBER, at.loc("review", "grades", member, key=True), member=member, year=ctx.year,
             records=(member,), branch=ctx.branch_id, unit=ctx.data.unit)
        for member in sorted(review.grades) if member not in ctx.member_ids
    ]


def _secretary_in(branch: Branch, member: str, year: int) -> bool:
    """Whether ``member`` held the secretary's seat at any time during ``year``."""
    terms = sorted(branch.committees, key=lambda t: t.elected)
    for term, following in zip(terms, [*terms[1:], None], strict=True):
        start, end = term.elected, following.elected if following else dt.date.max
        if start <= dt.date(year, 12, 31) and end > dt.date(year, 1, 1) and term.holder(Role.SECRETARY) == member:
            return True
    return False


def check_profile(profile_id: str, at: At[Profile], corpus: Corpus, score: BranchScore | None,
                  min_band: tuple[int, str], band_index: int) -> ProfileCheck | None:
    """Eligibility of one exemplary-secretary profile; None when its branch does not exist.

    ``min_band`` is (position, name) of the lowest band allowed, ``band_index`` the position of the
    branch's band that year (0 the highest).
    """
    profile = at.value
    data = corpus.branches.get(profile.branch)
    if data is None:
        return None
    year, member = profile.year, profile.member
    trained = sorted(tid for tid, t in corpus.trainings.items()
                     if t.value.start.year == year and member in t.value.attendees)
    cases = sorted(cid for cid, c in corpus.cases.items() if c.value.member == member and c.value.date.year == year)
    conditions = {
        "secretary": (_secretary_in(data.branch.value, member, year),
                      f"{year}年担任{data.branch.value.name}书记"),
        "trained": (bool(trained), f"{year}年参加书记培训" + (f"（{'、'.join(trained)}）" if trained else "")),
        "no_case": (not cases, f"{year}年没有涉及本人的违纪案例" + (f"（有：{'、'.join(cases)}）" if cases else "")),
        "band": (score is not None and band_index <= min_band[0],
                 f"支部{year}年等次不低于{min_band[1]}" + (f"（实为{score.band_name}）" if score else "（无评分）")),
    }
    return ProfileCheck(profile_id, member, profile.branch, year, all(ok for ok, _ in conditions.values()),
                        conditions, score.band if score else "", score.band_name if score else "",
                        score.total if score else None)


def profile_error(check: ProfileCheck, at: At[Profile], corpus: Corpus) -> Diagnostic | None:
    if check.eligible:
        return None
    failed = "；".join(f"未满足“{text}”" for ok, text in check.conditions.values() if not ok)
    entry = corpus.members.get(check.member)
    name = entry[1].value.name if entry else check.member
    data = corpus.branches.get(check.branch)
    return make(codes.PROFILE_INELIGIBLE, at.loc("member"), name=name, member=check.member, year=check.year,
                failed=failed, records=(check.member,), branch=check.branch, unit=data.unit if data else "")
