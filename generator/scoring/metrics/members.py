"""Stage 4, scoring: metrics of 党员队伍建设好 — dues, points coverage, leading cadres' 6/1/1.

Dues are counted in member-months and shown only as the branch's aggregate:
an individual's dues record is never published. Leading cadres are counted
exactly as the compliance rule LIFE counts them, so a finding and a score agree.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from pydantic import Field

from generator.models.base import CadreLevel, Record
from generator.models.org import Member
from generator.rules.life import cadre_counts
from generator.scoring.context import BranchYear, member_evidence
from generator.scoring.metrics.base import Measure, Metric, NoParams, not_applicable, ratio
from generator.scoring.results import Evidence


def due_months(ctx: BranchYear, member: Member) -> tuple[int, ...]:
    """Months a member owed dues: on roll, and the month has ended (or is already paid)."""
    paid = set(member.dues.get(ctx.year, ()))
    return tuple(m for m in ctx.months_on_roll(member) if m in ctx.ended_months or m in paid)


def unpaid_months(ctx: BranchYear, member: Member) -> tuple[int, ...]:
    paid = set(member.dues.get(ctx.year, ()))
    return tuple(m for m in due_months(ctx, member) if m not in paid)


def dues_paid(ctx: BranchYear, params: NoParams, weight: Decimal) -> Measure:
    del params, weight
    rule = "按党员·月计算：已缴月数占应缴月数的比例得分"
    due = paid = 0
    for at in ctx.members:
        months = due_months(ctx, at.value)
        settled = set(at.value.dues.get(ctx.year, ()))
        due += len(months)
        paid += sum(1 for m in months if m in settled)
    if due == 0:
        return not_applicable(rule, "本年度尚无应缴党费的月份")
    source = ctx.data.members[0].source.name if ctx.data.members else ""
    evidence = Evidence(source, "", "members", ctx.branch_id, "党员名单（党费缴纳情况，个人明细不公开）",
                        f"应缴{due}人·月，已缴{paid}人·月")
    return Measure(ratio(paid, due), rule, f"应缴{due}人·月，已缴{paid}人·月", (evidence,))


class CoverageParams(Record):
    min_events: int = Field(1, ge=1, description="每名党员当年至少登记几条积分记录才算覆盖")


def points_coverage(ctx: BranchYear, params: CoverageParams, weight: Decimal) -> Measure:
    del weight
    rule = f"当年积分登记至少{params.min_events}条的党员占在册党员的比例得分"
    if not ctx.members:
        return not_applicable(rule, "本年度没有在册党员")
    events = [at for at in ctx.data.points.get(ctx.year, ()) if at.value.date <= ctx.reference]
    counts: dict[str, int] = {}
    for at in events:
        counts[at.value.member] = counts.get(at.value.member, 0) + 1
    covered = sum(1 for at in ctx.members if counts.get(at.value.id, 0) >= params.min_events)
    total = len(ctx.members)
    evidence = ()
    if events:
        evidence = (Evidence(events[0].source.name, "", "points", ctx.branch_id, f"{ctx.year}年积分登记",
                             f"{covered}名党员有积分登记"),)
    return Measure(ratio(covered, total), rule, f"在册党员{total}人，{covered}人有积分登记", evidence)


class CadreParams(Record):
    level: CadreLevel = Field(CadreLevel.DEPARTMENT, description="适用的干部级别")


def leading_cadres(ctx: BranchYear, params: CadreParams, weight: Decimal) -> Measure:
    del weight
    need = ctx.requirements.leading_cadres
    rule = (f"领导干部每年以普通党员身份参加组织生活至少{need.org_life}次、讲党课至少{need.lectures}次、"
            f"开展谈心谈话至少{need.talks}次；每人每项按完成比例计，取平均")
    cadres = [at for at in ctx.members if at.value.cadre_level is params.level]
    if not cadres:
        return not_applicable(rule, "支部没有厅级领导干部，本项不适用")
    parts = Decimal(0)
    evidence: list[Evidence] = []
    short = 0
    for at in cadres:
        counts = cadre_counts(ctx.view, at.value.id, ctx.year)
        life, lectures, talks = counts.org_life, counts.lectures, counts.talks
        done = (ratio(life, need.org_life), ratio(lectures, need.lectures), ratio(talks, need.talks))
        parts += sum(done, Decimal(0))
        short += any(d < 1 for d in done)
        counted = f"组织生活{life}/{need.org_life}次，党课{lectures}/{need.lectures}次，谈心谈话{talks}/{need.talks}次"
        evidence.append(member_evidence(at, counted))
    summary = f"领导干部{len(cadres)}人，" + (f"{short}人未完成" if short else "均已完成")
    return Measure(parts / (3 * len(cadres)), rule, summary, tuple(evidence))


METRICS: dict[str, Metric[Any]] = {
    "dues_paid": Metric(NoParams, dues_paid, "党费按月缴纳：已缴党员·月占应缴党员·月的比例"),
    "points_coverage": Metric(CoverageParams, points_coverage, "积分制覆盖：有积分登记的党员比例"),
    "leading_cadres": Metric(CadreParams, leading_cadres, "领导干部“6/1/1”完成比例（没有领导干部的支部不适用）"),
}
