"""A fully compliant branch as plain data, for rule tests to break one thing at a time.

``compliant()`` returns a :class:`Spec` whose files pass every rule for 2024
(judged on 2024-12-31); a test changes one field and asserts the one code it
expects. ``diagnose`` runs the stages up to the rules in-process.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.diagnostics import Diagnostic
from generator.load import discover
from generator.models.corpus import build_corpus
from generator.models.references import check_references
from generator.rules import run_rules

YEAR = 2024
TODAY = dt.date(2024, 12, 31)
ALL_MONTHS = list(range(1, 13))

SITE = """\
title: 测试平台
organ: 中共四川省直属机关工作委员会
organ_short: 省直机关工委
organ_mark: 中共四川省直属机关工作委员会文件
doc_prefix: 川直工委
base_url: http://dangjian.example/
year: 2024
today: 2024-12-31
"""

NAMES = ("李明华", "王晓燕", "赵志强", "陈思远", "刘建国", "杨雪梅", "黄志刚", "周丽娟", "吴海涛", "郑晓东",
         "孙立新", "马文静")
COMMITTEE_ROLES = ("secretary", "organization", "propaganda", "discipline")


def member_id(i: int, branch: str = "fgw-zhc") -> str:
    return f"{branch}-{i:02d}"


def member(i: int, branch: str = "fgw-zhc", **extra: Any) -> dict[str, Any]:
    return {"id": member_id(i, branch), "name": NAMES[(i - 1) % len(NAMES)], "status": "full",
            "joined": dt.date(1990 + i % 30, 7, 1), "position": "干部", "dues": {YEAR: list(ALL_MONTHS)}, **extra}


def activity(kind: str, day: dt.date, **extra: Any) -> dict[str, Any]:
    return {"type": kind, "date": day, "topic": f"{kind} {day.isoformat()}", **extra}


@dataclass
class Spec:
    """One branch's files as data; ``files()`` renders them as YAML."""

    id: str = "fgw-zhc"
    branch: dict[str, Any] = field(default_factory=dict)
    members: list[dict[str, Any]] = field(default_factory=list)
    activities: dict[int, list[dict[str, Any]]] = field(default_factory=dict)
    assessments: dict[int, dict[str, Any]] = field(default_factory=dict)
    rectifications: list[dict[str, Any]] = field(default_factory=list)

    def files(self) -> dict[str, str]:
        base = f"branches/{self.id}"
        out = {f"{base}/branch.yaml": dump(self.branch), f"{base}/members.yaml": dump({"members": self.members})}
        for year, items in self.activities.items():
            out[f"{base}/activities/{year}.yaml"] = dump({"activities": items})
        for year, assessment in self.assessments.items():
            out[f"{base}/assessments/{year}.yaml"] = dump(assessment)
        if self.rectifications:
            out[f"{base}/rectifications.yaml"] = dump({"rectifications": self.rectifications})
        return out

    def drop(self, kind: str, month: int | None = None) -> None:
        """Remove the year's activities of ``kind`` (only in ``month`` if given)."""
        self.activities[YEAR] = [a for a in self.activities[YEAR]
                                 if not (a["type"] == kind and (month is None or a["date"].month == month))]


def dump(data: Any) -> str:
    return str(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))


def compliant(size: int = 3, branch_id: str = "fgw-zhc", groups: int = 0) -> Spec:
    """A branch of ``size`` full members meeting every requirement of 2024.

    Below 7 members it has a secretary only; from 7 a committee of four with
    monthly committee meetings; ``groups`` party groups share the members and
    meet monthly.
    """
    members = [member(i, branch_id) for i in range(1, size + 1)]
    roles = COMMITTEE_ROLES if size >= 7 else COMMITTEE_ROLES[:1]
    seats = [{"member": member_id(i + 1, branch_id), "role": role} for i, role in enumerate(roles)]
    group_ids = [f"g{n}" for n in range(1, groups + 1)]
    for i, m in enumerate(members):
        if group_ids:
            m["group"] = group_ids[i % len(group_ids)]
    branch = {"name": "综合处党支部", "unit": "fgw", "internal_body": "综合处", "secretary_is_head": True,
              "groups": [{"id": g, "name": f"第{n}党小组"} for n, g in enumerate(group_ids, 1)],
              "committees": [{"elected": dt.date(2023, 6, 20), "members": seats}]}
    secretary = member_id(1, branch_id)
    items: list[dict[str, Any]] = []
    for month in ALL_MONTHS:
        items.append(activity("theme_day", dt.date(YEAR, month, 10)))
        if size >= 7:
            items.append(activity("committee_meeting", dt.date(YEAR, month, 5)))
        items.extend(activity("group_meeting", dt.date(YEAR, month, 15), group=g) for g in group_ids)
    for quarter in range(4):
        items.append(activity("branch_assembly", dt.date(YEAR, 3 * quarter + 2, 20)))
        items.append(activity("party_lecture", dt.date(YEAR, 3 * quarter + 3, 12), lecturer=secretary))
    items.append(activity("org_life_meeting", dt.date(YEAR, 12, 20)))
    items.append(activity("democratic_review", dt.date(YEAR, 12, 21)))
    items.append(activity("heart_talk", dt.date(YEAR, 6, 18), host=secretary, attendees=[member_id(2, branch_id)]))
    items.sort(key=lambda a: a["date"])
    return Spec(branch_id, branch, members, {YEAR: items})


def diagnose(root: Path, today: dt.date = TODAY) -> list[Diagnostic]:
    """Load, model, reference-check and run the rules on a content tree."""
    found = discover(root)
    corpus, diagnostics = build_corpus(found.sources, found.assets, root=root.name)
    diagnostics = found.diagnostics + diagnostics + check_references(corpus)
    return diagnostics + run_rules(corpus, today)


def codes(diagnostics: list[Diagnostic]) -> list[str]:
    return sorted(d.code for d in diagnostics)
