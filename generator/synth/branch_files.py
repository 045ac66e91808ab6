"""One synthetic branch as files: branch.yaml, members, the year's records, report.

The yearly assessment agrees with the activities (the democratic review's
date and grades come from the review meeting and the members on the roll),
and rectifications follow the branch's defects, so the records tell one story.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal
from typing import Any

from generator.synth.emit import Writer, flow, scalar, schema_line
from generator.synth.life import Calendar, activities, points_events
from generator.synth.plan import BranchPlan, add_years

PointsItems = list[tuple[str, Decimal, Decimal | None, Decimal | None]]


def write_branch(writer: Writer, branch: BranchPlan, seed: int, cal: Calendar, items: PointsItems) -> tuple[int, int]:
    """Write every file of ``branch``; returns the numbers of activities and points events written."""
    rng = random.Random(f"{seed}/life/{branch.id}")
    base = f"branches/{branch.id}"
    year = cal.year
    writer.write(f"{base}/branch.yaml", _branch_yaml(branch))
    writer.write(f"{base}/members.yaml", _members_yaml(branch, year))
    acts = activities(rng, branch, cal)
    writer.write(f"{base}/activities/{year}.yaml", _list_yaml("activities", "activities", acts))
    events = points_events(rng, branch, cal, items)
    if events:
        writer.write(f"{base}/points/{year}.yaml", _list_yaml("points", "events", events))
    writer.write(f"{base}/assessments/{year}.yaml", _assessment_yaml(rng, branch, acts))
    rectifications = _rectifications(branch, cal)
    if rectifications:
        writer.write(f"{base}/rectifications.yaml", _list_yaml("rectifications", "rectifications", rectifications,
                                                               depth=2))
    if rng.random() < 0.25:
        writer.write(f"{base}/reports/{year}.md", _report(branch, year))
    return len(acts), len(events)


def _branch_yaml(branch: BranchPlan) -> str:
    lines = [schema_line("branch", 3).rstrip("\n"), f"name: {scalar(branch_name(branch))}",
             f"unit: {branch.unit}", f"internal_body: {scalar(branch.body)}",
             f"secretary_is_head: {scalar(branch.secretary_is_head)}"]
    if branch.groups:
        lines.append("groups:")
        lines += [f"  - {flow({'id': g, 'name': name, 'leader': leader})}" for g, name, leader in branch.groups]
    lines.append("committees:")
    terms = [(branch.previous_elected, branch.previous)] if branch.previous_elected else []
    for elected, seats in [*terms, (branch.elected, branch.committee)]:
        lines += [f"  - elected: {elected}", "    members:"]
        lines += [f"      - {flow({'member': m, 'role': role})}" for m, role in seats]
    if branch.postponed:
        approved = add_years(branch.elected, branch.term_years) - dt.timedelta(days=15)
        lines += ["postponement:", f"  approved: {approved}",
                  f"  document: 川直工委组〔{approved.year}〕{len(branch.members) + 10}号",
                  f"  until: {approved + dt.timedelta(days=300)}"]
    return "\n".join(lines) + "\n"


def branch_name(branch: BranchPlan) -> str:
    return branch.body if branch.body.endswith("党支部") else f"{branch.body}党支部"


def _members_yaml(branch: BranchPlan, year: int) -> str:
    lines = [schema_line("members", 3).rstrip("\n"), "members:"]
    for m in branch.members:
        record = {"id": m.id, "name": m.name, "gender": m.gender, "status": m.status, "joined": m.joined,
                  "position": m.position, "cadre_level": m.cadre_level if m.cadre_level != "staff" else None,
                  "group": m.group, "since": m.since, "dues": {year: list(m.dues)}}
        lines.append(f"  - {flow(record)}")
    return "\n".join(lines) + "\n"


def _list_yaml(kind: str, key: str, items: list[dict[str, Any]], depth: int = 4) -> str:
    schema = {"activities": "activities", "points": "points", "rectifications": "rectifications"}[kind]
    body = "\n".join(f"  - {flow(item)}" for item in items)
    return f"{schema_line(schema, depth)}{key}:\n{body}\n"


def _assessment_yaml(rng: random.Random, branch: BranchPlan, acts: list[dict[str, Any]]) -> str:
    low, high = {"exemplary": (180, 200), "good": (150, 195), "weak": (120, 170), "poor": (80, 140)}[branch.shape]
    score = Decimal(rng.randint(low, high)) / 10
    lines = [schema_line("assessment", 4).rstrip("\n"), f"business_score: {score}"]
    if branch.shape in ("weak", "poor") and rng.random() < 0.4:
        lines.append(f"{rng.choice(('planned_together', 'pushed_together', 'assessed_together'))}: false")
    review = next((a for a in acts if a["type"] == "democratic_review"), None)
    if review is not None:
        lines += ["review:", f"  date: {review['date']}", "  grades:"]
        lines += [f"    {member}: {grade}" for member, grade in _grades(rng, branch, review["date"])]
    return "\n".join(lines) + "\n"


def _grades(rng: random.Random, branch: BranchPlan, date: dt.date) -> list[tuple[str, str]]:
    graded = [m.id for m in branch.members if m.status == "full" and (m.since is None or m.since <= date)]
    excellent = set(rng.sample(graded, rng.randint(len(graded) * 15 // 100, len(graded) * 30 // 100)))
    weak = {branch.members[-1].id} if "absent_6m" in branch.defects else set()
    grades = []
    for member in graded:
        grade = "basically_qualified" if member in weak else "excellent" if member in excellent else "qualified"
        grades.append((member, grade))
    return grades


def _rectifications(branch: BranchPlan, cal: Calendar) -> list[dict[str, Any]]:
    year, out = cal.year, []
    issue = ("overdue_election" if "overdue_election" in branch.defects
             else "dues" if "dues_gap_serious" in branch.defects else "org_life")
    if "rect_closed" in branch.defects:
        out.append({"id": f"{year}-01", "issue": "org_life", "description": "上半年主题党日记录不完整",
                    "found": dt.date(year, 3, 12), "deadline": dt.date(year, 6, 30), "closed": dt.date(year, 5, 20),
                    "measures": "补齐活动记录，明确专人负责"})
    if "rect_open" in branch.defects and cal.last.month >= 11:
        out.append({"id": f"{year}-02", "issue": "other", "description": "党员积分登记不及时",
                    "found": dt.date(year, 11, 5), "deadline": dt.date(year + 1, 3, 31)})
    if "rect_overdue" in branch.defects:
        out.append({"id": f"{year}-03", "issue": issue, "description": "专项检查发现的问题尚未整改到位",
                    "found": dt.date(year, 2, 20), "deadline": dt.date(year, 6, 30)})
    return out


def _report(branch: BranchPlan, year: int) -> str:
    name = branch_name(branch)
    body = (f"{year}年，{name}坚持党建工作与业务工作一起谋划、一起推动、一起考核，"
            "认真落实“三会一课”等组织生活制度。\n\n"
            "支部结合处室职能，组织党员围绕中心工作开展调研，推动重点任务落地见效。\n\n"
            f"下一步，{name}将继续加强支部标准化规范化建设，提高支部建设质量。")
    return f"---\ntitle: {scalar(f'{name}{year}年度工作报告')}\n---\n\n{body}\n"
