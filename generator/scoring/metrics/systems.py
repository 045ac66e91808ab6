"""Stage 4, scoring: metrics of 基本制度落实好 — meeting frequencies and rectifications.

Frequencies come from ``rules.yaml`` (the same numbers the compliance rules
use); a period counts once it has ended, or earlier if it is already met, so a
year in progress is judged on what could have been done so far.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from pydantic import Field

from generator.diagnostics import field_path
from generator.labels import zh
from generator.models.activity import Activity, Rectification
from generator.models.base import ActivityType, Record
from generator.models.corpus import At
from generator.models.schemes import Period as PeriodName
from generator.scoring.context import BranchYear, cndate
from generator.scoring.metrics.base import Count, Measure, Metric, NoParams, not_applicable, ratio
from generator.scoring.results import Evidence

_PER = {"month": "每月", "quarter": "每季度", "year": "每年"}


class FrequencyParams(Record):
    types: tuple[ActivityType, ...] = Field(min_length=1, description="活动类型")
    per: PeriodName | None = Field(None, description="统计周期；不填取 rules.yaml 的要求（没有要求时为每年）")
    min: int | None = Field(None, ge=1, description="每个周期至少次数；不填取 rules.yaml 的要求（没有时为1）")


@dataclass(frozen=True)
class _Track:
    """One series of periods to meet: a type, and for group meetings one party group."""

    type: ActivityType
    per: PeriodName
    min: int
    group: str | None = None
    group_name: str = ""

    def matches(self, activity: Activity) -> bool:
        return activity.type is self.type and (self.group is None or activity.group == self.group)

    @property
    def label(self) -> str:
        return f"{self.group_name}{zh(self.type)}"


def _tracks(ctx: BranchYear, params: FrequencyParams) -> tuple[list[_Track], list[str]]:
    tracks: list[_Track] = []
    skipped: list[str] = []
    for kind in params.types:
        required = next((f for f in ctx.requirements.frequencies if f.type is kind), None)
        per = params.per or (required.per if required else "year")
        least = params.min or (required.min if required else 1)
        if kind is ActivityType.COMMITTEE_MEETING and not ctx.has_committee:
            skipped.append("不设支委会")
        elif kind is ActivityType.GROUP_MEETING:
            groups = ctx.data.branch.value.groups
            tracks += [_Track(kind, per, least, g.id, g.name) for g in sorted(groups, key=lambda g: g.id)]
            if not groups:
                skipped.append("未设党小组")
        else:
            tracks.append(_Track(kind, per, least))
    return tracks, skipped


def _measure_track(ctx: BranchYear, track: _Track) -> tuple[int, int, list[str], list[Evidence]]:
    met = due = 0
    missing: list[str] = []
    evidence: list[Evidence] = []
    matching = [at for at in ctx.by_type.get(track.type, ()) if track.matches(at.value)]
    for period in ctx.active_periods(track.per):
        held = [at for at in matching if period.start <= at.value.date <= period.end]
        ok = len(held) >= track.min
        if period.end <= ctx.reference or ok:
            due += 1
            met += ok
            if not ok:
                missing.append(f"{track.label}{period.label}")
        evidence += ctx.evidences(held, f"计入{track.group_name}{period.label}")
    return met, due, missing, evidence


def frequency(ctx: BranchYear, params: FrequencyParams, weight: Decimal) -> Measure:
    del weight
    tracks, skipped = _tracks(ctx, params)
    rule = "；".join(_describe(t) for t in _unique(tracks)) or "、".join(zh(t) for t in params.types)
    rule += "；按达标周期所占比例得分"
    if not tracks:
        return not_applicable(rule, "，".join(skipped) + "，本项不适用")
    met = due = 0
    missing: list[str] = []
    evidence: list[Evidence] = []
    for track in tracks:
        m, d, miss, ev = _measure_track(ctx, track)
        met, due, missing, evidence = met + m, due + d, missing + miss, evidence + ev
    if due == 0:
        if not any(ctx.active_periods(track.per) for track in tracks):
            return not_applicable(rule, "支部成立于统计周期中途，本年度本项不适用")
        return not_applicable(rule, "统计周期尚未结束，本项暂不计分")
    summary = f"{due}个统计周期中{met}个达标" + (f"（未达标：{'、'.join(missing)}）" if missing else "")
    return Measure(ratio(met, due), rule, summary, tuple(evidence))


def _unique(tracks: Iterable[_Track]) -> list[_Track]:
    seen: dict[ActivityType, _Track] = {}
    for track in tracks:
        seen.setdefault(track.type, track)
    return list(seen.values())


def _describe(track: _Track) -> str:
    scope = "每个党小组" if track.group else ""
    return f"{scope}{zh(track.type)}{_PER[track.per]}至少{track.min}次"


def rectification_evidence(at: At[Rectification], counted: str) -> Evidence:
    value = at.value
    label = f"{zh(value.issue)}：{value.description}（期限{cndate(value.deadline)}）"
    return Evidence(at.source.name, field_path(at.path), "rectification", value.id, label, counted)


def sorted_rectifications(ctx: BranchYear) -> list[At[Rectification]]:
    return sorted(ctx.data.rectifications, key=lambda at: (at.value.deadline, at.value.id))


def overdue_rectifications(ctx: BranchYear, params: NoParams, weight: Decimal) -> Count:
    """Rectifications overdue at some time this year: closed late this year, or still open past their deadline.

    An item whose deadline fell in an earlier year and that is still open counts too: it is as overdue this
    year as one that fell due last month.
    """
    del params, weight
    late = []
    start = dt.date(ctx.year, 1, 1)
    for at in sorted_rectifications(ctx):
        value = at.value
        if value.deadline >= ctx.reference:
            continue
        if value.closed is None or value.closed > ctx.reference:
            late.append(rectification_evidence(at, "逾期未完成"))
        elif value.closed > value.deadline and value.closed >= start:
            late.append(rectification_evidence(at, f"{cndate(value.closed)}才完成，逾期"))
    return Count(len(late), "本年度内处于逾期状态（逾期完成或逾期未完成）的整改事项，每项扣分", tuple(late))


METRICS: dict[str, Metric[Any]] = {
    "frequency": Metric(FrequencyParams, frequency,
                        "组织生活频次：参数 types 活动类型（可多个），per/min 不填时取 rules.yaml；按达标周期比例得分"),
}

DEDUCTIONS: dict[str, Metric[Any]] = {
    "overdue_rectifications": Metric(NoParams, overdue_rectifications, "本年度逾期的整改事项，每项扣分"),
}
