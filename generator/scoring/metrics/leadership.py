"""Stage 4, scoring: metrics of 班子作用发挥好 — head, committee, training, election."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from generator.labels import zh
from generator.models.base import Record, Role, TrainingKind
from generator.models.org import CommitteeTerm
from generator.rules.organisation import election, late_election
from generator.scoring.context import BranchYear, cndate
from generator.scoring.metrics.base import Measure, Metric, NoParams, not_applicable, ratio, whole
from generator.scoring.results import Evidence


def _branch_evidence(ctx: BranchYear, field: str, label: str, counted: str) -> Evidence:
    at = ctx.data.branch
    return Evidence(at.source.name, field, "branch", ctx.branch_id, label, counted)


def _term_evidence(ctx: BranchYear, term: CommitteeTerm, counted: str) -> Evidence:
    index = ctx.data.branch.value.committees.index(term)
    return _branch_evidence(ctx, f"committees[{index + 1}]", f"{cndate(term.elected)}选举产生的支部班子", counted)


def secretary_is_head(ctx: BranchYear, params: NoParams, weight: Decimal) -> Measure:
    del params, weight
    head = ctx.data.branch.value.secretary_is_head
    summary = "书记由内设机构主要负责人担任" if head else "书记不是内设机构主要负责人"
    evidence = _branch_evidence(ctx, "secretary_is_head", "书记是否为主要负责人", summary)
    return Measure(whole(head), "书记由内设机构主要负责人担任（一岗双责）得满分，否则不得分", summary, (evidence,))


def committee_complete(ctx: BranchYear, params: NoParams, weight: Decimal) -> Measure:
    del params, weight
    rules = ctx.requirements.branch
    rule = (f"正式党员{rules.committee_from_full_members}人以上须设支委会：书记、"
            + "、".join(zh(r) for r in rules.required_roles if r is not Role.SECRETARY)
            + f"各一名、委员{rules.committee_min}–{rules.committee_max}人，每缺一项按比例扣分")
    if not ctx.has_committee:
        return not_applicable(rule, f"正式党员{ctx.full_members}人，不设支委会，本项不适用")
    term = ctx.term
    if term is None:
        return Measure(Decimal(0), rule, f"{cndate(ctx.reference)}没有在任的支部班子")
    held = [role for role in rules.required_roles if term.holder(role) is not None]
    missing = [zh(role) for role in rules.required_roles if term.holder(role) is None]
    size_ok = rules.committee_min <= len(term.members) <= rules.committee_max
    met = len(held) + (1 if size_ok else 0)
    parts = len(rules.required_roles) + 1
    problems = ([f"缺{'、'.join(missing)}"] if missing else []) + ([] if size_ok else [f"委员{len(term.members)}人"])
    summary = f"支委会{len(term.members)}人，" + ("配备齐全" if not problems else "；".join(problems))
    return Measure(ratio(met, parts), rule, summary, (_term_evidence(ctx, term, f"{met}/{parts}项达标"),))


class TrainedParams(Record):
    kinds: tuple[TrainingKind, ...] = (TrainingKind.DEMONSTRATION, TrainingKind.FULL_COVERAGE)


def secretary_trained(ctx: BranchYear, params: TrainedParams, weight: Decimal) -> Measure:
    del weight
    rule = "书记当年参加" + "或".join(zh(k) for k in params.kinds) + "得满分，否则不得分"
    term = ctx.term
    secretary = term.holder(Role.SECRETARY) if term else None
    if secretary is None:
        return Measure(Decimal(0), rule, "没有在任书记")
    found = [
        Evidence(at.source.name, "", "training", training_id, f"{cndate(at.value.start)} {at.value.title}",
                 "书记参训")
        for training_id, at in ctx.lookups.trainings.get((ctx.year, secretary), ())
        if at.value.kind in params.kinds and at.value.start <= ctx.reference
    ]
    summary = f"书记参加培训{len(found)}次" if found else "书记当年未参加培训"
    return Measure(whole(bool(found)), rule, summary, tuple(found))


def election_on_time(ctx: BranchYear, params: NoParams, weight: Decimal) -> Measure:
    del params, weight
    rules = ctx.requirements.branch
    branch = ctx.data.branch.value
    rule = (f"任期{rules.term_years}年，到期按时换届得满分；经批准延期（不超过{rules.max_postponement_years}年）"
            "视为按时；逾期不得分")
    status = election(branch, rules, ctx.reference)
    if status is None:
        return Measure(Decimal(0), rule, f"{cndate(ctx.reference)}没有在任的支部班子")
    late = late_election(branch, rules, dt.date(ctx.year, 1, 1), ctx.reference)
    if late is not None:
        outgoing, held = late
        summary = f"上届任期于{cndate(outgoing.due)}届满，{cndate(held)}才换届，逾期{outgoing.overdue_days}天"
        return Measure(Decimal(0), rule, summary, (_term_evidence(ctx, outgoing.term, "换届逾期"),))
    term = status.term
    if ctx.reference <= status.due:
        return Measure(Decimal(1), rule, f"本届任期至{cndate(status.due)}", (_term_evidence(ctx, term, "任期未满"),))
    postponed = branch.postponement
    if status.overdue_days == 0 and postponed is not None:
        evidence = (_term_evidence(ctx, term, "任期已满"),
                    _branch_evidence(ctx, "postponement", f"批准延期：{postponed.document}",
                                     f"延期至{cndate(status.deadline)}"))
        return Measure(Decimal(1), rule, f"经批准延期换届至{cndate(status.deadline)}", evidence)
    summary = f"任期已于{cndate(status.due)}届满，未按期换届"
    return Measure(Decimal(0), rule, summary, (_term_evidence(ctx, term, "换届逾期"),))


METRICS: dict[str, Metric[Any]] = {
    "secretary_is_head": Metric(NoParams, secretary_is_head, "书记是否由内设机构主要负责人担任"),
    "committee_complete": Metric(NoParams, committee_complete, "支委会设置是否齐全（无支委会的支部不适用）"),
    "secretary_trained": Metric(TrainedParams, secretary_trained, "书记当年是否参加培训；参数 kinds 培训类别"),
    "election_on_time": Metric(NoParams, election_on_time, "是否按期换届（含经批准延期）"),
}
