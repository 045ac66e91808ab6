"""Organisational life (三会一课 and more): frequencies, the secretary's lecture, 6 months, 6/1/1.

Frequencies come from ``rules.yaml`` and are counted per calendar period of
each checked year (:mod:`generator.rules.calendar`); a period that has not
ended is never a miss. A member without any organisational life for
``serious_gap_months`` consecutive months is a serious finding (party
constitution art. 9), as the seed's 6/1/1 rule for leading cadres is checked
per year once the year has ended.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from generator.codes import CodeDef, define, make
from generator.diagnostics import Diagnostic, Kind, Severity
from generator.labels import zh
from generator.models.base import ActivityType, CadreLevel
from generator.models.schemes import Requirements
from generator.rules.calendar import Requirement, calendar_of
from generator.rules.context import Context, year_file
from generator.rules.periods import bounded, join_labels, month_number, runs, spans, year_ended
from generator.rules.roster import ORG_LIFE_TYPES, BranchView, joined_branch, on_roll_on

F = Kind.FINDING

_TYPE_CODES: dict[ActivityType, tuple[str, str]] = {
    ActivityType.BRANCH_ASSEMBLY: ("LIFE001", "branch assemblies"),
    ActivityType.COMMITTEE_MEETING: ("LIFE002", "committee meetings"),
    ActivityType.GROUP_MEETING: ("LIFE003", "party-group meetings"),
    ActivityType.PARTY_LECTURE: ("LIFE004", "party lectures"),
    ActivityType.THEME_DAY: ("LIFE005", "theme party days"),
    ActivityType.ORG_LIFE_MEETING: ("LIFE006", "organisational-life meetings"),
    ActivityType.DEMOCRATIC_REVIEW: ("LIFE007", "democratic reviews of members"),
    ActivityType.HEART_TALK: ("LIFE008", "heart-to-heart talks"),
    ActivityType.WARNING_EDUCATION: ("LIFE009", "warning-education sessions"),
}
_PER = {"month": ("每月", "month"), "quarter": ("每季度", "quarter"), "year": ("每年", "year")}


def _frequency_code(kind: ActivityType, code: str, english: str) -> CodeDef:
    name = zh(kind)
    return define(
        code, F, Severity.WARNING,
        title=(f"{name}次数不足", f"too few {english}"),
        message=(f"{{who}}{{year}}年{name}少于{{per}} {{min}} 次：{{periods}}未达到",
                 f"{{who}}{english} in {{year}} fell short of {{min}} per {{per}}: {{periods}}"),
        hint=(f"按要求召开{name}，并在 {{file}} 中登记（type: {kind.value}）；已开展但漏登的请补录",
              f"hold the {english} and record them in {{file}} (type: {kind.value}); add any held but unrecorded"),
    )


FREQUENCY = {kind: _frequency_code(kind, code, english) for kind, (code, english) in _TYPE_CODES.items()}

SECRETARY_LECTURE = define(
    "LIFE010", F, Severity.WARNING,
    title=("书记未讲党课", "secretary gave no party lecture"),
    message=("{year}年支部书记{member}讲党课 {count} 次，少于 {min} 次",
             "in {year} the secretary {member} gave {count} party lecture(s), fewer than {min}"),
    hint=("书记每年至少为党员讲一次党课；登记为 type: party_lecture，lecturer 填书记的党员标识",
          "the secretary lectures at least once a year: type: party_lecture with lecturer set to the secretary"),
)
GAP = define(
    "LIFE011", F, Severity.SERIOUS,
    title=("连续6个月未参加组织生活", "no organisational life for 6 consecutive months"),
    message=("{member}从 {first} 到 {last} 连续 {months} 个月没有参加党的组织生活",
             "{member} took part in no organisational life for {months} consecutive months ({first} to {last})"),
    hint=("党章第九条：连续6个月不参加组织生活的视为自行脱党，应及时谈话教育；"
          "如有参加但漏登，补录 attendees 或删去 absentees",
          "party constitution art. 9; talk to the member at once; if they did attend, fix attendees/absentees"),
)
CADRE = define(
    "LIFE012", F, Severity.WARNING,
    title=("厅级领导干部未达到6/1/1", "leading cadre short of 6/1/1"),
    message=("厅级领导干部{member}{year}年参加组织生活 {org_life} 次（应≥{need_org}）、讲党课 {lectures} 次"
             "（应≥{need_lectures}）、谈心谈话 {talks} 次（应≥{need_talks}）",
             "leading cadre {member} in {year}: organisational life {org_life} (≥{need_org}), party lectures "
             "{lectures} (≥{need_lectures}), heart-to-heart talks {talks} (≥{need_talks})"),
    hint=("厅级党员领导干部每年以普通党员身份参加组织生活不少于6次、讲党课不少于1次、与党员谈心谈话不少于1次；"
          "谈心谈话登记为 type: heart_talk，host 填其党员标识",
          "department-level cadres: ≥6 organisational-life sessions, ≥1 lecture, ≥1 talk a year "
          "(record talks as type: heart_talk with host)"),
)
NO_GROUP = define(
    "LIFE013", Kind.ERROR, Severity.ERROR,
    title=("党小组会没有注明党小组", "group meeting without its group"),
    message=("党小组会没有写明是哪个党小组（group）", "the group meeting does not name its party group (group)"),
    hint=("加上 group: 党小组标识，可选：{groups}", "add group: <id>, one of: {groups}"),
)


@dataclass(frozen=True)
class CadreCounts:
    """A leading cadre's year: organisational life attended, lectures given, talks held."""

    org_life: int
    lectures: int
    talks: int

    def meets(self, requirements: Requirements) -> bool:
        need = requirements.leading_cadres
        return self.org_life >= need.org_life and self.lectures >= need.lectures and self.talks >= need.talks


def cadre_counts(view: BranchView, member_id: str, year: int) -> CadreCounts:
    org_life = lectures = talks = 0
    for at in view.activities(year):
        activity = at.value
        if activity.date.year != year:
            continue
        if activity.type in ORG_LIFE_TYPES and member_id in view.participants(activity):
            org_life += 1
        if activity.type is ActivityType.PARTY_LECTURE and activity.lecturer == member_id:
            lectures += 1
        if activity.type is ActivityType.HEART_TALK and (
            activity.host == member_id
            or (activity.host is None and activity.attendees != "all" and member_id in activity.attendees)
        ):
            talks += 1
    return CadreCounts(org_life, lectures, talks)


def secretary_lectures(view: BranchView, year: int) -> int:
    """Party lectures of the year given by whoever was secretary on the lecture's day."""
    return sum(1 for at in view.activities(year)
               if at.value.type is ActivityType.PARTY_LECTURE and at.value.date.year == year
               and at.value.lecturer is not None and at.value.lecturer == view.secretary(at.value.date))


def check_branch(ctx: Context, view: BranchView) -> Iterator[Diagnostic]:
    years = ctx.years(view, "activities")
    for year in years:
        yield from _frequencies(ctx, view, year)
        yield from _secretary(ctx, view, year)
        yield from _cadres(ctx, view, year)
    yield from _gaps(ctx, view, years)
    yield from _groupless(view)


def _frequencies(ctx: Context, view: BranchView, year: int) -> Iterator[Diagnostic]:
    calendar = calendar_of(view, ctx.requirements, year, ctx.today)
    location = year_file(view.data, year)
    for requirement in calendar.requirements:
        missed = requirement.missed
        if missed:
            yield make(FREQUENCY[requirement.type], location, records=(view.id,), branch=view.id, unit=view.unit,
                       who=_who(view, requirement), year=year, per=_PER[requirement.per], min=requirement.min,
                       periods=join_labels([p.span.short_label() for p in missed]), file=location.file)


def _who(view: BranchView, requirement: Requirement) -> tuple[str, str]:
    if requirement.group is None:
        return "", ""
    names = {g.id: g.name for g in view.data.branch.value.groups}
    name = names.get(requirement.group, requirement.group)
    return f"{name}：", f"{name}: "


def _secretary(ctx: Context, view: BranchView, year: int) -> Iterator[Diagnostic]:
    if not year_ended(year, ctx.today) or ctx.requirements.secretary_lectures <= 0:
        return
    secretary = view.secretary(spans(year, "year")[0].end)
    if secretary is None or secretary not in view.members:
        return
    count = secretary_lectures(view, year)
    if count < ctx.requirements.secretary_lectures:
        location = year_file(view.data, year)
        yield make(SECRETARY_LECTURE, location, records=(secretary,), branch=view.id, unit=view.unit, year=year,
                   member=view.members[secretary].name, count=count, min=ctx.requirements.secretary_lectures)


def _cadres(ctx: Context, view: BranchView, year: int) -> Iterator[Diagnostic]:
    whole = spans(year, "year")[0]
    if not whole.ended(ctx.today):
        return
    need = ctx.requirements.leading_cadres
    for at in view.data.members:
        member = at.value
        if member.cadre_level is not CadreLevel.DEPARTMENT:
            continue
        if not (on_roll_on(member, whole.start) and on_roll_on(member, whole.end)):
            continue
        counts = cadre_counts(view, member.id, year)
        if not counts.meets(ctx.requirements):
            yield make(CADRE, at.loc(), records=(member.id,), branch=view.id, unit=view.unit, member=member.name,
                       year=year, org_life=counts.org_life, lectures=counts.lectures, talks=counts.talks,
                       need_org=need.org_life, need_lectures=need.lectures, need_talks=need.talks)


def attendance_by_month(view: BranchView, years: list[int]) -> dict[int, set[str]]:
    """Running month number (:func:`month_number`) → ids of who took part in organisational life that month."""
    attended: dict[int, set[str]] = {}
    for year in years:
        for at in view.activities(year):
            activity = at.value
            if activity.type in ORG_LIFE_TYPES:
                number = month_number(activity.date.year, activity.date.month)
                attended.setdefault(number, set()).update(view.participants(activity))
    return attended


def _gaps(ctx: Context, view: BranchView, years: list[int]) -> Iterator[Diagnostic]:
    attended = attendance_by_month(view, years)
    months = [(span, start, end, attended.get(month_number(span.year, span.index), set()))
              for year in years for span, start, end in bounded(year, "month")
              if end <= ctx.today and view.founded_by(start)]
    for at in view.data.members:
        member = at.value
        first, last = joined_branch(member), member.left or dt.date.max
        missing = [span for span, start, end, present in months
                   if first <= start and end <= last and member.id not in present]
        for run in runs(missing):
            if len(run) >= ctx.requirements.serious_gap_months:
                yield make(GAP, at.loc(), records=(member.id,), branch=view.id, unit=view.unit, member=member.name,
                           months=len(run), first=run[0].label(), last=run[-1].label())


def _groupless(view: BranchView) -> Iterator[Diagnostic]:
    groups = view.data.branch.value.groups
    if not groups:
        return
    choices = "、".join(g.id for g in groups)
    for activities in view.data.activities.values():
        for at in activities:
            if at.value.type is ActivityType.GROUP_MEETING and at.value.group is None:
                yield make(NO_GROUP, at.loc("type"), records=(view.id,), branch=view.id, unit=view.unit,
                           groups=choices)
