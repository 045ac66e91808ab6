"""Stage 4, scoring: 四讲四有 member points for a branch and year, from ``points.yaml``.

Each member starts from the base of every category; automatic items are
counted from the records (attendance, unexcused absence, lectures given,
unpaid dues months, party sanctions), manual items from the clerk's events in
``points/<year>.yaml``. Every item is capped per year, every category floored
at 0, and a sanction named in ``veto_sanctions`` sets the year to 0. Members
are then ranked within the branch with shared ranks.
"""

from __future__ import annotations

import difflib
import math
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from pydantic import Field, ValidationError

from generator.codes import make
from generator.diagnostics import Diagnostic, field_path
from generator.labels import zh
from generator.models.activity import PointsEvent
from generator.models.base import ActivityType, PartySanction, Record
from generator.models.corpus import At
from generator.models.org import Member
from generator.models.schemes import PointsItem, PointsScheme
from generator.scoring import codes
from generator.scoring.context import ORG_LIFE, BranchYear, case_evidence, cndate
from generator.scoring.metrics.members import unpaid_months
from generator.scoring.rankings import competition_ranks
from generator.scoring.results import BranchPoints, Evidence, MemberPoints, PointsLine
from generator.scoring.rubric import cents

Occurrence = tuple[Evidence, Decimal]


class AttendanceParams(Record):
    types: tuple[ActivityType, ...] = Field(ORG_LIFE, min_length=1, description="计入的组织生活类型")


class NoParams(Record):
    """An automatic item that takes no parameters."""


class SanctionParams(Record):
    by_sanction: dict[PartySanction, Decimal] = Field(
        default_factory=dict, description="按党纪处分种类的分值（负数）；未列出的取项目的 points"
    )


def attendance(ctx: BranchYear, member: At[Member], item: PointsItem, params: AttendanceParams) -> list[Occurrence]:
    counted = [at for at in ctx.taken_part.get(member.value.id, ()) if at.value.type in params.types]
    return [(evidence, item.points) for evidence in ctx.evidences(counted, "参加")]


def unexcused_absence(ctx: BranchYear, member: At[Member], item: PointsItem, params: NoParams) -> list[Occurrence]:
    del params
    return [(evidence, item.points) for evidence in ctx.evidences(ctx.unexcused.get(member.value.id, ()), "无故缺席")]


def lectures_given(ctx: BranchYear, member: At[Member], item: PointsItem, params: NoParams) -> list[Occurrence]:
    del params
    return [(evidence, item.points) for evidence in ctx.evidences(ctx.lectures.get(member.value.id, ()), "主讲")]


def unpaid_dues(ctx: BranchYear, member: At[Member], item: PointsItem, params: NoParams) -> list[Occurrence]:
    del params
    months = unpaid_months(ctx, member.value)
    if not months:
        return []
    evidence = Evidence(member.source.name, field_path((*member.path, "dues")), "member", member.value.id,
                        member.value.name, f"{len(months)}个月未缴党费")
    return [(evidence, item.points)] * len(months)


def sanctions(ctx: BranchYear, member: At[Member], item: PointsItem, params: SanctionParams) -> list[Occurrence]:
    found = []
    for case_id, at in ctx.cases:
        sanction = at.value.party_sanction
        if at.value.member == member.value.id and sanction is not None:
            found.append((case_evidence(case_id, at, zh(sanction)), params.by_sanction.get(sanction, item.points)))
    return found


@dataclass(frozen=True)
class AutoMetric:
    params: type[Record]
    measure: Callable[..., list[Occurrence]]
    description: str


#: Automatic points items by the name ``points.yaml`` uses.
AUTO: dict[str, AutoMetric] = {
    "attendance": AutoMetric(AttendanceParams, attendance, "参加组织生活，每次计分；参数 types"),
    "unexcused_absence": AutoMetric(NoParams, unexcused_absence, "无故缺席组织生活，每次计分"),
    "lectures_given": AutoMetric(NoParams, lectures_given, "主讲党课，每次计分"),
    "unpaid_dues": AutoMetric(NoParams, unpaid_dues, "未按月缴纳党费，每月计分"),
    "sanctions": AutoMetric(SanctionParams, sanctions, "受到党纪处分，每次计分；参数 by_sanction 按处分种类"),
}


@dataclass(frozen=True)
class Scheme:
    """The points scheme with its automatic items bound to their metrics."""

    value: PointsScheme
    auto: tuple[tuple[PointsItem, AutoMetric, Record], ...]
    manual: dict[str, PointsItem]


def prepare(at: At[PointsScheme]) -> tuple[Scheme | None, list[Diagnostic]]:
    """Check the scheme and bind its automatic items; None (and the reasons) when it cannot be applied."""
    scheme = at.value
    problems: list[Diagnostic] = []
    auto: list[tuple[PointsItem, AutoMetric, Record]] = []
    categories = {c.key for c in scheme.categories}
    seen: set[str] = set()

    def problem(i: int, item: PointsItem, field: str, zh_text: str, en_text: str, hint: tuple[str, str]) -> None:
        problems.append(make(codes.POINTS_ITEM, at.loc("items", i, field), item=item.key, problem_zh=zh_text,
                             problem_en=en_text, hint_zh=hint[0], hint_en=hint[1]))

    for i, item in enumerate(scheme.items):
        if item.key in seen:
            problem(i, item, "key", "标识重复", "duplicate key", ("每个项目用不同的标识", "give each item its own key"))
        seen.add(item.key)
        if item.category not in categories:
            problem(i, item, "category", f"类别“{item.category}”未在 categories 中设置",
                    f"category '{item.category}' is not in categories", ("先在 categories 中加上该类别",
                                                                          "add the category first"))
        if item.min is not None and item.max is not None and item.min > item.max:
            problem(i, item, "min", "下限大于上限", "min exceeds max", ("交换 min 和 max", "swap min and max"))
        if item.source == "manual":
            continue
        metric = AUTO.get(item.metric or "")
        if metric is None:
            close = difflib.get_close_matches(item.metric or "", list(AUTO), n=1)
            hint = f"是不是“{close[0]}”？" if close else ""
            problem(i, item, "metric", f"自动项目须填写内置计算方法（metric），“{item.metric or ''}”不是",
                    f"an automatic item needs a built-in metric; '{item.metric or ''}' is not one",
                    (f"{hint}可用：{'、'.join(sorted(AUTO))}", f"built-in: {', '.join(sorted(AUTO))}"))
            continue
        try:
            auto.append((item, metric, metric.params.model_validate(item.params)))
        except ValidationError as error:
            text = "；".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in error.errors())
            problem(i, item, "params", f"参数不对：{text}", f"bad parameters: {text}",
                    (f"可用参数：{'、'.join(metric.params.model_fields) or '（无）'}",
                     f"allowed: {', '.join(metric.params.model_fields) or '(none)'}"))
    if problems:
        return None, problems
    manual = {item.key: item for item in scheme.items if item.source == "manual"}
    return Scheme(scheme, tuple(auto), manual), []


def _cap(item: PointsItem, raw: Decimal) -> Decimal:
    if item.cap is None:
        return raw
    return max(-item.cap, min(item.cap, raw))


#: Automatic items whose lines reveal an individual's dues record (never public).
PRIVATE = frozenset({"unpaid_dues"})


def _line(item: PointsItem, source: str, found: list[Occurrence], rule: str) -> PointsLine:
    """The line of an item that counted at least once."""
    evidence, points = zip(*found, strict=True)
    raw = sum(points, Decimal(0))
    capped = _cap(item, raw)
    if item.cap is not None:
        rule += f"；全年累计不超过{item.cap}分"
    inputs = tuple(dict.fromkeys(evidence))
    return PointsLine(item.key, item.name, item.category, source, len(found), raw, capped, rule, inputs,
                      private=item.metric in PRIVATE)


def _event_problem(ctx: BranchYear, scheme: Scheme, at: At[PointsEvent]) -> Diagnostic | None:
    event = at.value
    item = scheme.manual.get(event.item)
    if item is None:
        close = difflib.get_close_matches(event.item, list(scheme.manual), n=1)
        return make(codes.POINTS_EVENT_ITEM, at.loc("item"), item=event.item, choices="、".join(sorted(scheme.manual)),
                    suggestion_zh=f"是不是“{close[0]}”？" if close else "",
                    suggestion_en=f"did you mean '{close[0]}'? " if close else "", branch=ctx.branch_id)
    if event.member not in ctx.member_ids:
        return make(codes.POINTS_EVENT_MEMBER, at.loc("member"), member=event.member, year=ctx.year,
                    branch=ctx.branch_id, records=(event.member,))
    points = event.points if event.points is not None else item.points
    low = item.min if item.min is not None else min(item.points, Decimal(0))
    high = item.max if item.max is not None else max(item.points, Decimal(0))
    if not low <= points <= high:
        return make(codes.POINTS_EVENT_RANGE, at.loc("points"), item=item.key, low=low, high=high, points=points,
                    branch=ctx.branch_id, records=(event.member,))
    return None


def _manual_lines(scheme: Scheme, member: str, events: list[At[PointsEvent]]) -> list[PointsLine]:
    """Lines of the clerk's events, in the scheme's item order; ``events`` are the member's own, in order."""
    by_item: dict[str, list[At[PointsEvent]]] = {}
    for at in events:
        by_item.setdefault(at.value.item, []).append(at)
    return [_manual_line(item, member, by_item[key]) for key, item in scheme.manual.items() if key in by_item]


def _manual_line(item: PointsItem, member: str, events: list[At[PointsEvent]]) -> PointsLine:
    found = [
        (Evidence(at.source.name, field_path(at.path), "points_event", f"{member}-{at.value.date.isoformat()}",
                  f"{cndate(at.value.date)} {item.name}" + (f"：{at.value.note}" if at.value.note else ""), "登记"),
         at.value.points if at.value.points is not None else item.points)
        for at in events
    ]
    bounds = f"每次{item.min}至{item.max}分" if item.min is not None and item.max is not None else \
        f"每次{item.points}分"
    return _line(item, "manual", found, f"支部登记，{bounds}")


def _veto(ctx: BranchYear, scheme: Scheme, member: str) -> str:
    for _, at in ctx.cases:
        sanction = at.value.party_sanction
        if at.value.member == member and sanction is not None and sanction.value in scheme.value.veto_sanctions:
            return f"{cndate(at.value.date)}受到{zh(sanction)}处分，当年积分为0（一票否决）"
    return ""


def _auto_lines(ctx: BranchYear, scheme: Scheme, member: At[Member]) -> list[PointsLine]:
    """Lines of the automatic items that counted anything (an item that counted nothing shows no line)."""
    lines = []
    for item, metric, params in scheme.auto:
        found = metric.measure(ctx, member, item, params)
        if found:
            lines.append(_line(item, "auto", found, f"{metric.description}，每次{item.points}分"))
    return lines


def _member(ctx: BranchYear, scheme: Scheme, member: At[Member], events: list[At[PointsEvent]]) -> MemberPoints:
    lines = _auto_lines(ctx, scheme, member) + _manual_lines(scheme, member.value.id, events)
    categories: dict[str, Decimal] = {}
    floored: list[str] = []
    for category in scheme.value.categories:
        value = category.base + sum((line.points for line in lines if line.category == category.key), Decimal(0))
        if value < 0:
            floored.append(category.key)
        categories[category.key] = cents(max(value, Decimal(0)))
    veto = _veto(ctx, scheme, member.value.id)
    if veto:
        categories = dict.fromkeys(categories, Decimal("0.00"))
    total = sum(categories.values(), Decimal("0.00"))
    return MemberPoints(member.value.id, member.value.name, ctx.branch_id, ctx.year, categories, total, 0, False,
                        tuple(lines), tuple(floored), bool(veto), veto)


def score_points(ctx: BranchYear, scheme: Scheme) -> tuple[BranchPoints, list[Diagnostic]]:
    """Every member's points in one branch-year, ranked; and the events that break the scheme."""
    events = sorted((at for at in ctx.data.points.get(ctx.year, ()) if at.value.date <= ctx.reference),
                    key=lambda at: (at.value.date, at.value.member, at.value.item, repr(at.value.points),
                                    at.value.note or "", repr(at.path)))
    problems = [p for p in (_event_problem(ctx, scheme, at) for at in events) if p is not None]
    valid: dict[str, list[At[PointsEvent]]] = {}
    for at in events:
        if at.value.item in scheme.manual and at.value.member in ctx.member_ids:
            valid.setdefault(at.value.member, []).append(at)
    members = [_member(ctx, scheme, at, valid.get(at.value.id, [])) for at in ctx.members]
    ranks = competition_ranks([m.total for m in members])
    share = scheme.value.nomination_share
    cutoff = max(1, math.ceil(len(members) * share)) if members else 0
    ranked = sorted(
        (_with_rank(m, rank, cutoff) for m, rank in zip(members, ranks, strict=True)),
        key=lambda m: (m.rank, m.member),
    )
    average = cents(sum((m.total for m in members), Decimal(0)) / len(members)) if members else Decimal("0.00")
    names = {c.key: c.name for c in scheme.value.categories}
    return BranchPoints(ctx.branch_id, ctx.year, tuple(ranked), cutoff, share, average, names), problems


def _with_rank(member: MemberPoints, rank: int, cutoff: int) -> MemberPoints:
    return MemberPoints(member.member, member.name, member.branch, member.year, member.categories, member.total,
                        rank, rank <= cutoff, member.lines, member.floored, member.vetoed, member.veto_reason)
