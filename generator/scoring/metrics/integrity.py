"""Stage 4, scoring: metrics of 服务中心工作好 and 廉洁自律形象好, and the vetoes.

The business score is the unit's own assessment (三个一起); sanctions come from
warning-education cases that name a member of the branch.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from pydantic import Field

from generator.labels import zh
from generator.models.base import PartySanction, Record
from generator.scoring.context import BranchYear, case_evidence, cndate
from generator.scoring.metrics.base import Hit, Measure, Metric, NoParams, not_applicable, ratio
from generator.scoring.metrics.systems import rectification_evidence, sorted_rectifications
from generator.scoring.results import Evidence


class BusinessParams(Record):
    max: Decimal = Field(Decimal(20), gt=0, description="考核得分满分")


def business_score(ctx: BranchYear, params: BusinessParams, weight: Decimal) -> Measure:
    del weight
    rule = f"本单位对支部业务工作的考核得分（满分{params.max}）按比例折算"
    at = ctx.data.assessments.get(ctx.year)
    if at is None:
        if ctx.reference.month == 12 and ctx.reference.day == 31:
            return Measure(Decimal(0), rule, "未录入本年度考核结果")
        return not_applicable(rule, "本年度考核尚未进行，本项暂不计分")
    value = at.value.business_score
    evidence = Evidence(at.source.name, "business_score", "assessment", f"{ctx.branch_id}-{ctx.year}",
                        f"{ctx.year}年度考核", f"考核得分{value}")
    return Measure(ratio(value, params.max), rule, f"考核得分{value}（满分{params.max}）", (evidence,))


_SANCTION_POINTS = {
    PartySanction.WARNING: Decimal(2), PartySanction.SERIOUS_WARNING: Decimal(4),
    PartySanction.REMOVAL_FROM_POST: Decimal(6), PartySanction.PROBATION: Decimal(10),
    PartySanction.EXPULSION: Decimal(10),
}


class SanctionParams(Record):
    deductions: dict[PartySanction, Decimal] = Field(
        default_factory=lambda: dict(_SANCTION_POINTS), description="每种党纪处分扣分"
    )


def no_sanctions(ctx: BranchYear, params: SanctionParams, weight: Decimal) -> Measure:
    rule = "本支部党员当年未受党纪处分得满分；受处分的按" + "、".join(
        f"{zh(k)}扣{v}分" for k, v in params.deductions.items()) + "，扣完为止"
    lost = Decimal(0)
    evidence: list[Evidence] = []
    for case_id, at in ctx.cases:
        sanction = at.value.party_sanction
        if sanction is None or sanction not in params.deductions:
            continue
        lost += params.deductions[sanction]
        evidence.append(case_evidence(case_id, at, f"{zh(sanction)}，扣{params.deductions[sanction]}分"))
    summary = f"{len(evidence)}人次受党纪处分，扣{lost}分" if evidence else "本支部党员当年未受党纪处分"
    return Measure(ratio(weight - min(lost, weight), weight), rule, summary, tuple(evidence))


class VetoSanctionParams(Record):
    sanctions: tuple[PartySanction, ...] = Field(
        (PartySanction.PROBATION, PartySanction.EXPULSION), min_length=1, description="触发否决的党纪处分"
    )


def sanction_veto(ctx: BranchYear, params: VetoSanctionParams, weight: Decimal) -> Hit:
    del weight
    rule = "本支部党员当年受到" + "或".join(zh(s) for s in params.sanctions) + "处分"
    hits = tuple(case_evidence(case_id, at, zh(at.value.party_sanction))
                 for case_id, at in ctx.cases if at.value.party_sanction in params.sanctions)
    return Hit(bool(hits), rule, hits)


def open_rectification_veto(ctx: BranchYear, params: NoParams, weight: Decimal) -> Hit:
    del params, weight
    rule = f"截至{cndate(ctx.reference)}仍有超过期限未完成的整改事项"
    hits = tuple(
        rectification_evidence(at, "逾期未完成")
        for at in sorted_rectifications(ctx)
        if at.value.deadline < ctx.reference and (at.value.closed is None or at.value.closed > ctx.reference)
    )
    return Hit(bool(hits), rule, hits)


METRICS: dict[str, Metric[Any]] = {
    "business_score": Metric(BusinessParams, business_score, "本单位业务考核得分按比例折算；参数 max 满分"),
    "no_sanctions": Metric(SanctionParams, no_sanctions, "党员未受党纪处分；参数 deductions 每种处分扣分"),
}

VETOES: dict[str, Metric[Any]] = {
    "sanction": Metric(VetoSanctionParams, sanction_veto, "党员受到留党察看、开除党籍处分；参数 sanctions"),
    "open_rectification": Metric(NoParams, open_rectification_veto, "年底仍有逾期未完成的整改事项"),
}
