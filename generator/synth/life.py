"""A year of organisational life and member points for one synthetic branch.

A compliant branch holds every meeting the default rules ask for (三会一课,
theme days, the yearly meetings, talks, warning education); each defect of
the branch's plan removes or spoils exactly the activities that make the
corresponding finding appear, so the spread of findings follows the plan.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal
from typing import Any

from generator.synth.names import ABSENCE_REASONS, TOPICS
from generator.synth.plan import BranchPlan, MemberPlan

Activity = dict[str, Any]
_ABSENT_6M = range(3, 9)


class Calendar:
    """Days of the synthetic year that are not after the reference date."""

    def __init__(self, year: int, today: dt.date) -> None:
        self.year = year
        self.last = today if today.year == year else dt.date(year, 12, 31)

    @property
    def months(self) -> range:
        return range(1, self.last.month + 1)

    def day(self, rng: random.Random, month: int) -> dt.date | None:
        if month > self.last.month:
            return None
        high = self.last.day if month == self.last.month else 28
        return dt.date(self.year, month, rng.randint(1, min(high, 28)))


def activities(rng: random.Random, branch: BranchPlan, cal: Calendar) -> list[Activity]:
    """Every activity of the year, in date order."""
    out: list[Activity] = []
    defects = branch.defects
    for month in cal.months:
        if branch.has_committee and month not in _skipped(rng, defects, "committee"):
            _add(out, rng, branch, cal, month, "committee_meeting", attendees=[m for m, _ in branch.committee])
        if not ("skip_theme" in defects and month == 7):
            _add(out, rng, branch, cal, month, "theme_day")
        for g, (group_id, _, _) in enumerate(branch.groups):
            if not ("late_group" in defects and g == 0 and month in (4, 5)):
                ids = [m.id for m in branch.members if m.group == group_id]
                _add(out, rng, branch, cal, month, "group_meeting", attendees=ids, group=group_id)
    _quarterly(out, rng, branch, cal)
    _yearly(out, rng, branch, cal)
    return sorted(out, key=lambda a: (a["date"], a["type"]))


def _skipped(rng: random.Random, defects: frozenset[str], what: str) -> set[int]:
    if f"skip_{what}_many" in defects:
        return set(range(3, 10))
    if f"skip_{what}" in defects:
        return {5, 8} if rng.random() < 0.5 else {8}
    return set()


def _quarterly(out: list[Activity], rng: random.Random, branch: BranchPlan, cal: Calendar) -> None:
    defects = branch.defects
    lecturers = _lecturers(branch)
    for quarter in range(4):
        month = 3 * quarter + rng.randint(1, 3)
        if not ("skip_assembly" in defects and quarter == 2):
            _add(out, rng, branch, cal, month, "branch_assembly")
        if not ("skip_lecture" in defects and quarter == 3):
            _add(out, rng, branch, cal, 3 * quarter + 2, "party_lecture", lecturer=lecturers[quarter])


def _lecturers(branch: BranchPlan) -> list[str]:
    cadres = [] if "cadre_short" in branch.defects else [m.id for m in _cadres(branch)]
    others = [m for m, role in branch.committee if role != "secretary"] or [branch.members[1].id]
    last = others[0] if "secretary_no_lecture" in branch.defects else branch.secretary
    pool = cadres + others + [branch.secretary]
    return [*(pool[i % len(pool)] for i in range(3)), last]


def _cadres(branch: BranchPlan) -> list[MemberPlan]:
    return [m for m in branch.members if m.cadre_level == "department"]


def _yearly(out: list[Activity], rng: random.Random, branch: BranchPlan, cal: Calendar) -> None:
    defects = branch.defects
    if "no_org_life" not in defects:
        _add(out, rng, branch, cal, rng.choice((1, 2, 12)), "org_life_meeting")
    if "no_review" not in defects:
        _add(out, rng, branch, cal, 12, "democratic_review")
    if "no_warning" not in defects:
        _add(out, rng, branch, cal, 9, "warning_education")
        if rng.random() < 0.3:
            _add(out, rng, branch, cal, rng.randint(1, 12), "warning_education")
    if "no_heart_talk" in defects:
        return
    hosts = [branch.secretary] + ([] if "cadre_short" in defects else [m.id for m in _cadres(branch)])
    for host in hosts:
        partner = rng.choice([m.id for m in branch.members if m.id != host])
        _add(out, rng, branch, cal, rng.randint(1, 12), "heart_talk", attendees=[host, partner], host=host)


def _add(out: list[Activity], rng: random.Random, branch: BranchPlan, cal: Calendar, month: int, kind: str,
         attendees: list[str] | None = None, **extra: str) -> None:
    date = cal.day(rng, month)
    if date is None:
        return
    required = set(extra.values()) | ({attendees[0]} if kind == "heart_talk" and attendees else set())
    pool = [m for m in branch.members if m.id in attendees] if attendees is not None else branch.members
    absent = [(m, reason) for m in pool if (reason := _absence(rng, branch, m, date, kind)) and m.id not in required]
    activity: Activity = {"type": kind, "date": date, "topic": rng.choice(TOPICS[kind])}
    if attendees is not None:
        gone = {m.id for m, _ in absent}
        activity["attendees"] = [m for m in attendees if m not in gone and _on_roll(branch.member(m), date)]
    if absent:
        unexcused = "unexcused" in branch.defects and kind == "theme_day"
        activity["absentees"] = [{"member": m.id, "reason": reason, "excused": False if unexcused else None}
                                 for m, reason in absent]
    activity.update(extra)
    if rng.random() < 0.15:
        activity["summary"] = f"{activity['topic']}，支部党员结合本职工作交流了体会。"
    out.append(activity)


def _on_roll(member: MemberPlan, date: dt.date) -> bool:
    return member.since is None or member.since <= date


def _absence(rng: random.Random, branch: BranchPlan, member: MemberPlan, date: dt.date, kind: str) -> str | None:
    if not _on_roll(member, date) or kind == "heart_talk":
        return None
    if "absent_6m" in branch.defects and member.id == branch.members[-1].id and date.month in _ABSENT_6M:
        return "长期病假"
    if member.cadre_level == "department" and "cadre_short" in branch.defects and date.month > 2:
        return "公务外出"
    return rng.choice(ABSENCE_REASONS) if rng.random() < 0.05 else None


def points_events(rng: random.Random, branch: BranchPlan, cal: Calendar,
                  items: list[tuple[str, Decimal, Decimal | None, Decimal | None]]) -> list[dict[str, Any]]:
    """About five manual points events per member, from the scheme's manual items."""
    if not items:
        return []
    weights = [3 if points > 0 else 1 for _, points, _, _ in items]
    events: list[dict[str, Any]] = []
    for member in branch.members:
        first = member.since.month if member.since else 1
        for _ in range(rng.randint(2, 8)):
            key, _, low, high = rng.choices(items, weights)[0]
            date = cal.day(rng, rng.randint(first, 12))
            if date is None:
                continue
            value = _points_value(rng, low, high)
            note = rng.choice(("支部委员会认定", "按积分细则登记", None, None))
            events.append({"member": member.id, "item": key, "date": date, "points": value, "note": note})
    return sorted(events, key=lambda e: (e["date"], e["member"]))


def _points_value(rng: random.Random, low: Decimal | None, high: Decimal | None) -> Decimal | None:
    if low is None or high is None or high < low:
        return None
    steps = int((high - low) * 2)
    return low + Decimal(rng.randint(0, steps)) / 2
