"""The synthetic province's organisation: units, branches, members and what each branch gets wrong.

A branch's *shape* decides its compliance: ``exemplary`` branches do
everything the rules ask (their secretaries get profiles), ``good`` ones slip
once or twice, ``weak`` ones several times, and ``poor`` ones have the serious
problems (six months of unpaid dues, an overdue election or rectification).
Shapes are dealt from an exact deck, so every corpus size has the same mix.
Every branch draws from its own random stream, so one branch's plan does not
depend on how many came before it.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from generator.synth.names import (
    BODIES,
    GIVEN,
    POSITIONS_DEPARTMENT,
    POSITIONS_DIVISION,
    POSITIONS_STAFF,
    SURNAMES,
    UNITS,
)

SHAPES = (("exemplary", 12), ("good", 48), ("weak", 30), ("poor", 10))
_DEFECTS: dict[str, tuple[tuple[str, ...], int, int]] = {
    "exemplary": ((), 0, 0),
    "good": (("skip_committee", "skip_theme", "dues_gap", "no_heart_talk", "not_head", "late_group",
              "unexcused", "rect_closed", "rect_open"), 1, 2),
    "weak": (("skip_committee", "skip_theme", "dues_gap", "no_heart_talk", "not_head", "late_group",
              "skip_assembly", "skip_lecture", "no_org_life", "untrained", "incomplete_committee",
              "secretary_no_lecture", "cadre_short", "rect_open", "postponed"), 2, 4),
    "poor": (("dues_gap_serious", "absent_6m", "overdue_election", "rect_overdue", "skip_committee_many",
              "skip_assembly", "skip_lecture", "no_review", "no_warning", "untrained", "cadre_short", "tiny",
              "oversize"), 2, 4),
}
_UNIT_SUFFIXES = (("xxzx", "信息中心"), ("fwzx", "机关服务中心"), ("yjy", "研究院"))


@dataclass(frozen=True)
class UnitPlan:
    id: str
    name: str
    short: str
    order: int


@dataclass
class MemberPlan:
    id: str
    name: str
    gender: str
    status: str
    joined: dt.date
    position: str
    cadre_level: str
    group: str | None = None
    since: dt.date | None = None
    dues: tuple[int, ...] = ()


@dataclass
class BranchPlan:
    id: str
    unit: str
    body: str
    shape: str
    defects: frozenset[str]
    members: list[MemberPlan]
    groups: list[tuple[str, str, str]] = field(default_factory=list)
    committee: list[tuple[str, str]] = field(default_factory=list)
    previous: list[tuple[str, str]] = field(default_factory=list)
    elected: dt.date = dt.date(2023, 1, 1)
    previous_elected: dt.date | None = None
    postponed: bool = False
    term_years: int = 3
    secretary_is_head: bool = True

    @property
    def secretary(self) -> str:
        return next(member for member, role in self.committee if role == "secretary")

    @property
    def has_committee(self) -> bool:
        return len(self.committee) >= 3

    def member(self, member_id: str) -> MemberPlan:
        return next(m for m in self.members if m.id == member_id)


def add_years(day: dt.date, years: int) -> dt.date:
    """The same day ``years`` later (28 February for 29 February)."""
    return day.replace(year=day.year + years, day=min(day.day, 28) if day.month == 2 else day.day)


def plan_units(count: int) -> list[UnitPlan]:
    units: list[UnitPlan] = []
    for i in range(count):
        uid, name, short = UNITS[i % len(UNITS)]
        round_ = i // len(UNITS)
        if round_:
            sid, suffix = _UNIT_SUFFIXES[(round_ - 1) % len(_UNIT_SUFFIXES)]
            tag = "" if round_ <= len(_UNIT_SUFFIXES) else str(round_)
            uid, name, short = f"{uid}-{sid}{tag}", f"{name}{suffix}{tag}", f"{short}{suffix}{tag}"
        units.append(UnitPlan(uid, name, short, i + 1))
    return units


def deal_shapes(count: int, seed: int) -> list[str]:
    """Exactly the configured share of each shape, in a seeded order."""
    deck: list[str] = []
    for shape, share in SHAPES:
        deck += [shape] * round(count * share / 100)
    deck = (deck + ["good"] * count)[:count]
    random.Random(f"{seed}/shapes").shuffle(deck)
    return deck


def spread(branches: int, units: list[UnitPlan], seed: int) -> list[tuple[UnitPlan, int]]:
    """(unit, branch number within it) for every branch: big organs get more branches."""
    rng = random.Random(f"{seed}/spread")
    weights = [rng.uniform(0.4, 2.0) for _ in units]
    total = sum(weights)
    counts = [max(1, int(branches * w / total)) for w in weights]
    i = 0
    while sum(counts) != branches:
        step = 1 if sum(counts) < branches else -1
        if counts[i % len(counts)] + step >= 1:
            counts[i % len(counts)] += step
        i += 1
    return [(unit, n) for unit, count in zip(units, counts, strict=True) for n in range(count)]


def plan_branch(unit: UnitPlan, number: int, shape: str, seed: int, year: int, term_years: int) -> BranchPlan:
    rng = random.Random(f"{seed}/branch/{unit.id}/{number}")
    extra = number - len(BODIES) + 1
    body_id, body = BODIES[number] if extra <= 0 else (f"ywc{extra}", f"第{extra}业务处")
    pool, low, high = _DEFECTS[shape]
    defects = frozenset(rng.sample(pool, rng.randint(low, high))) if pool else frozenset()
    branch_id = f"{unit.id}-{body_id}"
    members = _members(rng, branch_id, defects, year, leading=number == 0)
    branch = BranchPlan(branch_id, unit.id, body, shape, defects, members, term_years=term_years,
                        secretary_is_head="not_head" not in defects)
    _committee(rng, branch, year, term_years)
    _groups(branch)
    return branch


def _size(rng: random.Random, defects: frozenset[str]) -> int:
    if "tiny" in defects:
        return 3
    if "oversize" in defects:
        return rng.randint(51, 58)
    roll = rng.random()
    if roll < 0.2:
        return rng.randint(4, 6)
    if roll < 0.75:
        return rng.randint(8, 26)
    return rng.randint(27, 50)


def _name(rng: random.Random, taken: set[str]) -> str:
    while True:
        name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))
        if name not in taken:
            taken.add(name)
            return name


def _members(rng: random.Random, branch_id: str, defects: frozenset[str], year: int,
             leading: bool) -> list[MemberPlan]:
    size = _size(rng, defects)
    taken: set[str] = set()
    members: list[MemberPlan] = []
    for i in range(size):
        probationary = i >= 2 and (rng.random() < 0.05 or ("tiny" in defects and i == 2))
        joined = (dt.date(year - 1, rng.randint(1, 12), rng.randint(1, 28)) if probationary
                  else dt.date(rng.randint(1985, year - 2), rng.randint(1, 12), rng.randint(1, 28)))
        if leading and i in (1, 2):
            level, position = "department", rng.choice(POSITIONS_DEPARTMENT)
        elif i < 3 or rng.random() < 0.2:
            level, position = "division", POSITIONS_DIVISION[0] if i == 0 else rng.choice(POSITIONS_DIVISION[1:])
        else:
            level, position = "staff", rng.choice(POSITIONS_STAFF)
        since = dt.date(year, rng.randint(2, 9), 1) if i > 3 and rng.random() < 0.03 else None
        first = since.month if since else 1
        members.append(MemberPlan(f"{branch_id}-{i + 1:02d}", _name(rng, taken), rng.choice("男女"),
                                  "probationary" if probationary else "full", joined, position, level,
                                  since=since, dues=tuple(range(first, 13))))
    _dues_gaps(rng, members, defects)
    return members


def _dues_gaps(rng: random.Random, members: list[MemberPlan], defects: frozenset[str]) -> None:
    if "dues_gap" in defects or "dues_gap_serious" in defects:
        member = rng.choice([m for m in members[1:] if m.since is None])
        start = rng.randint(member.dues[0], 10)
        length = 6 if "dues_gap_serious" in defects else rng.randint(1, 2)
        gap = set(range(start, min(start + length, 13)))
        if len(gap) < length:
            gap = set(range(13 - length, 13))
        member.dues = tuple(m for m in member.dues if m not in gap)


def _committee(rng: random.Random, branch: BranchPlan, year: int, term_years: int) -> None:
    full = [m for m in branch.members if m.status == "full" and m.since is None]
    if len(full) >= 7:
        roles = ["secretary", "organization", "propaganda", "discipline"]
        if "incomplete_committee" in branch.defects:
            roles.remove("discipline")
        if len(full) >= 15 and rng.random() < 0.5:
            roles.insert(1, "deputy_secretary")
        branch.committee = [(m.id, role) for m, role in zip(full, roles, strict=False)]
    else:
        branch.committee = [(full[0].id, "secretary")]
        if len(full) >= 5 and rng.random() < 0.3:
            branch.committee.append((full[1].id, "deputy_secretary"))
    _election(rng, branch, year, term_years, full)


def _election(rng: random.Random, branch: BranchPlan, year: int, term_years: int, full: list[MemberPlan]) -> None:
    end = dt.date(year, 12, 31)
    if "overdue_election" in branch.defects:
        elected = end.replace(year=year - term_years) - dt.timedelta(days=rng.randint(40, 400))
    elif "postponed" in branch.defects:
        elected = end.replace(year=year - term_years) - dt.timedelta(days=rng.randint(30, 120))
        branch.postponed = True
    else:
        elected = end.replace(year=year - term_years) + dt.timedelta(days=rng.randint(30, 365 * term_years - 100))
    branch.elected = elected
    if rng.random() < 0.4 and len(full) >= 2:
        branch.previous_elected = add_years(elected, -term_years)
        rotated = full[1:] + full[:1]
        branch.previous = [(rotated[i].id, role) for i, (_, role) in enumerate(branch.committee)]


def _groups(branch: BranchPlan) -> None:
    if len(branch.members) < 15:
        return
    count = min(4, (len(branch.members) + 14) // 15)
    for g in range(count):
        group_id = f"g{g + 1}"
        ids = [m for i, m in enumerate(branch.members) if i % count == g]
        for member in ids:
            member.group = group_id
        branch.groups.append((group_id, f"第{'一二三四'[g]}党小组", ids[0].id))
