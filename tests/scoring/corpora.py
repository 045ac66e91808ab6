"""Corpora for scoring tests, built in memory through the real validation.

``perfect()`` is a branch that meets every requirement of 2024 and scores 100
under the bundled rubric; each test changes one thing and checks the effect.
Files are given as the data a YAML file would hold and go through
``build_corpus`` and ``check_references`` exactly as files on disk do.
"""

from __future__ import annotations

import copy
import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.load.discover import kind_of
from generator.load.source import SourceFile
from generator.models.corpus import Corpus, build_corpus
from generator.models.references import check_references
from generator.scoring import Scores, score
from generator.scoring.results import BranchScore, DimensionScore, IndicatorScore

BUNDLED = Path(__file__).resolve().parents[2] / "content"
CONFIG: dict[str, Any] = {
    rel: yaml.safe_load((BUNDLED / rel).read_text(encoding="utf-8"))
    for rel in ("site.yaml", "rules.yaml", "rubric.yaml", "points.yaml")
}
TODAY = dt.date(2024, 12, 31)
YEAR = 2024


def make_corpus(files: dict[str, Any]) -> Corpus:
    """A corpus of the bundled configuration, one unit ``fgw`` and ``files`` (``None`` drops a file)."""
    merged: dict[str, Any] = {
        **copy.deepcopy(CONFIG),
        "units/fgw.yaml": {"name": "四川省发展和改革委员会", "short": "省发展改革委"},
        "units/jyt.yaml": {"name": "四川省教育厅", "short": "省教育厅"},
        **files,
    }
    sources = [
        SourceFile(Path("/nonexistent/content", rel), f"content/{rel}", kind_of(rel) or "", data)
        for rel, data in sorted(merged.items()) if data is not None
    ]
    corpus, diagnostics = build_corpus(sources, {})
    problems = diagnostics + check_references(corpus)
    assert not problems, [(d.code, d.location.prefix(), d.params) for d in problems]
    return corpus


def run(files: dict[str, Any], today: dt.date = TODAY) -> Scores:
    return score(make_corpus(files), today)


def months() -> list[int]:
    return list(range(1, 13))


@dataclass
class Branch:
    """One branch's files, perfect for 2024 by default; tests edit the fields and call ``files()``."""

    id: str = "b"
    unit: str = "fgw"
    members: list[dict[str, Any]] = field(default_factory=list)
    branch: dict[str, Any] = field(default_factory=dict)
    activities: list[dict[str, Any]] = field(default_factory=list)
    assessment: dict[str, Any] | None = None
    events: list[dict[str, Any]] = field(default_factory=list)
    rectifications: list[dict[str, Any]] = field(default_factory=list)

    def member(self, n: int) -> str:
        return f"{self.id}-{n:02d}"

    def find(self, member: str) -> dict[str, Any]:
        return next(m for m in self.members if m["id"] == member)

    def drop(self, **match: Any) -> None:
        """Remove the activities whose fields equal every value in ``match``."""
        self.activities = [a for a in self.activities if any(a.get(k) != v for k, v in match.items())]

    def files(self) -> dict[str, Any]:
        root = f"branches/{self.id}"
        out: dict[str, Any] = {
            f"{root}/branch.yaml": self.branch,
            f"{root}/members.yaml": {"members": self.members},
            f"{root}/activities/{YEAR}.yaml": {"activities": self.activities},
        }
        if self.assessment is not None:
            out[f"{root}/assessments/{YEAR}.yaml"] = self.assessment
        if self.events:
            out[f"{root}/points/{YEAR}.yaml"] = {"events": self.events}
        if self.rectifications:
            out[f"{root}/rectifications.yaml"] = {"rectifications": self.rectifications}
        return out


def perfect(branch_id: str = "b", unit: str = "fgw", size: int = 8) -> Branch:
    """A branch of ``size`` full members in two party groups with a committee, doing everything in 2024."""
    b = Branch(branch_id, unit)
    ids = [b.member(n) for n in range(1, size + 1)]
    half = size // 2
    b.members = [
        {"id": m, "name": f"党员{m}", "status": "full", "joined": "2005-07-01", "position": "干部",
         "group": "g1" if i < half else "g2", "dues": {YEAR: months()}}
        for i, m in enumerate(ids)
    ]
    b.branch = {
        "name": "测试党支部", "unit": unit, "internal_body": "测试处", "secretary_is_head": True,
        "groups": [{"id": "g1", "name": "第一党小组"}, {"id": "g2", "name": "第二党小组"}],
        "committees": [{"elected": "2023-06-01", "members": [
            {"member": ids[0], "role": "secretary"}, {"member": ids[1], "role": "organization"},
            {"member": ids[2], "role": "propaganda"}, {"member": ids[3], "role": "discipline"},
        ]}],
    }
    acts: list[dict[str, Any]] = []
    for m in months():
        acts += [
            {"type": "committee_meeting", "date": f"{YEAR}-{m:02d}-05", "topic": f"{m}月支委会"},
            {"type": "group_meeting", "group": "g1", "date": f"{YEAR}-{m:02d}-10", "topic": f"{m}月第一小组会"},
            {"type": "group_meeting", "group": "g2", "date": f"{YEAR}-{m:02d}-11", "topic": f"{m}月第二小组会"},
            {"type": "theme_day", "date": f"{YEAR}-{m:02d}-15", "topic": f"{m}月主题党日"},
        ]
    for q in range(1, 5):
        acts += [
            {"type": "branch_assembly", "date": f"{YEAR}-{3 * q:02d}-20", "topic": f"第{q}季度党员大会"},
            {"type": "party_lecture", "date": f"{YEAR}-{3 * q:02d}-25", "topic": f"第{q}季度党课",
             "lecturer": ids[0] if q == 1 else ids[1]},
        ]
    acts += [
        {"type": "org_life_meeting", "date": f"{YEAR}-12-10", "topic": "组织生活会"},
        {"type": "democratic_review", "date": f"{YEAR}-12-12", "topic": "民主评议党员"},
        {"type": "warning_education", "date": f"{YEAR}-04-18", "topic": "警示教育"},
        {"type": "heart_talk", "date": f"{YEAR}-06-06", "topic": "谈心谈话", "host": ids[0],
         "attendees": [ids[0], ids[-1]]},
    ]
    b.activities = acts
    b.assessment = {"business_score": 20}
    b.events = [{"member": m, "item": "volunteer", "date": f"{YEAR}-03-01"} for m in ids]
    return b


def training(*attendees: str, start: str = f"{YEAR}-05-10", kind: str = "demonstration") -> dict[str, Any]:
    return {"title": "支部书记示范培训班", "kind": kind, "start": start, "end": start, "attendees": list(attendees)}


def world(*branches: Branch, files: dict[str, Any] | None = None) -> dict[str, Any]:
    """Files of the branches, the secretaries' training (first committee seat of each) and other ``files``."""
    out: dict[str, Any] = {}
    secretaries = [b.branch["committees"][-1]["members"][0]["member"] for b in branches]
    out["trainings/t2024.yaml"] = training(*secretaries)
    for b in branches:
        out.update(b.files())
    out.update(files or {})
    return out


def case(member: str | None, sanction: str | None, date: str = f"{YEAR}-05-01", unit: str = "fgw") -> dict[str, Any]:
    data: dict[str, Any] = {"title": "某某违纪案", "date": date, "unit": unit,
                            "person": {"name": "张三", "position": "干部"}, "disciplines": ["integrity"]}
    if member:
        data["member"] = member
    if sanction:
        data["party_sanction"] = sanction
    return data


def branch_score(scores: Scores, branch: str = "b", year: int = YEAR) -> BranchScore:
    return scores.branches[branch][year]


def dimension(result: BranchScore, key: str) -> DimensionScore:
    return next(d for d in result.dimensions if d.key == key)


def indicator(result: BranchScore, key: str) -> IndicatorScore:
    return next(i for d in result.dimensions for i in d.indicators if i.key == key)
