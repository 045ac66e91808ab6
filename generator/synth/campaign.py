"""Province-wide synthetic records: trainings, profiles, cases, contest, fund, bulletins, pages.

They follow the rules that make a record publishable: profiles only for
secretaries of exemplary (fully compliant, trained) branches, cases never
against those branches, aid disbursed well within what was raised, contest
scores within bounds and one entry per person, bulletin numbers unique per
year and dated after what they cover.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal
from typing import Any

from generator.synth.emit import Writer, flow, front_matter, schema_line
from generator.synth.names import CASE_TITLES, CONTEST_GROUPS, CONTEST_ITEMS, GIVEN, POSITIONS_STAFF, SURNAMES
from generator.synth.plan import BranchPlan, MemberPlan, UnitPlan

_SANCTIONS = (("warning", 40), ("serious_warning", 30), ("removal_from_post", 10), ("probation", 12),
              ("expulsion", 8))
_GOVERNMENT = ("warning", "demerit", "major_demerit", "demotion")
_HANDLING = ("admonishment", "circulated_criticism", "criticism_education", "ordered_inspection", "reminder_talk")


def write_trainings(writer: Writer, branches: list[BranchPlan], rng: random.Random, year: int) -> int:
    trained = [b.secretary for b in branches if "untrained" not in b.defects]
    demo = [b.secretary for b in branches if b.shape == "exemplary" or (b.id in trained and rng.random() < 0.05)]
    courses = [(f"{year}-sf", f"{year}年省直机关党支部书记示范培训班", "demonstration", dt.date(year, 4, 8), demo)]
    batch = 300
    for n, start in enumerate(range(0, len(trained), batch)):
        first = dt.date(year, 5, 6) + dt.timedelta(days=7 * n)
        courses.append((f"{year}-qfg-{n + 1:02d}", f"{year}年省直机关党支部书记全覆盖培训班（第{n + 1}期）",
                        "full_coverage", first, trained[start:start + batch]))
    for cid, title, kind, start_day, attendees in courses:
        if not attendees:
            continue
        lines = [schema_line("training", 1).rstrip("\n"), f"title: {title}", f"kind: {kind}",
                 f"start: {start_day}", f"end: {start_day + dt.timedelta(days=3)}", "attendees:"]
        lines += [f"  - {a}" for a in attendees]
        writer.write(f"trainings/{cid}.yaml", "\n".join(lines) + "\n")
    return len(courses)


def write_profiles(writer: Writer, branches: list[BranchPlan], count: int, rng: random.Random, year: int) -> int:
    exemplary = [b for b in branches if b.shape == "exemplary"]
    chosen = sorted(rng.sample(exemplary, min(count, len(exemplary))), key=lambda b: b.id)
    for branch in chosen:
        secretary = branch.member(branch.secretary)
        body = (f"{secretary.name}同志担任{branch.body}党支部书记以来，坚持“抓党建工作是本职而不是兼职”，"
                "带头落实“三会一课”制度，每季度为党员讲党课。\n\n"
                "## 一岗双责\n\n他（她）既当好党支部负责人、抓好党建工作，又当好行政负责人、抓好业务工作，"
                "推动党建工作与业务工作有机融合、相互促进。\n\n"
                "## 服务中心\n\n支部围绕中心工作组织党员攻坚克难，年度考核成绩优异。")
        fields = {"member": secretary.id, "branch": branch.id, "year": year,
                  "title": f"{secretary.name}：把支部建在业务最前沿"}
        writer.write(f"secretaries/{branch.id}-{year}.md", front_matter(fields, body))
    return len(chosen)


def write_cases(writer: Writer, branches: list[BranchPlan], count: int, rng: random.Random,
                today: dt.date) -> list[tuple[str, dt.date]]:
    """``count`` cases, never against an exemplary branch; returns (id, date) of each."""
    targets = [(b, m) for b in branches if b.shape != "exemplary" for m in b.members]
    cases: list[tuple[str, dt.date]] = []
    for n in range(count):
        branch, member = rng.choice(targets)
        linked = rng.random() < 0.6
        date = min(today, dt.date(today.year - 1, 1, 1) + dt.timedelta(days=rng.randint(0, 729)))
        fields = _case_fields(rng, branch, member if linked else None, date)
        body = ("经查，该同志" + fields["title"] + "，情节" + rng.choice(("较轻", "较重", "严重")) +
                "。\n\n该案例警示我们：党员干部要严守政治纪律和政治规矩，自觉践行中央八项规定精神。")
        case_id = f"{date.year}-{n + 1:04d}"
        writer.write(f"cases/{case_id}.md", front_matter(fields, body))
        cases.append((case_id, date))
    return cases


def _case_fields(rng: random.Random, branch: BranchPlan, member: MemberPlan | None, date: dt.date) -> dict[str, Any]:
    title = rng.choice(CASE_TITLES)
    if member is None:
        person = {"name": rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN),
                  "position": rng.choice(POSITIONS_STAFF)}
    else:
        person = {"name": member.name, "position": member.position}
    eight = title.startswith("违规") and rng.random() < 0.7
    disciplines = sorted(rng.sample(("political", "organizational", "integrity", "mass", "work", "life"),
                                    rng.randint(1, 2)))
    winds = rng.choice(("hedonism", "extravagance")) if eight else "formalism" if "形式主义" in title else None
    fields: dict[str, Any] = {"title": title, "date": date, "unit": branch.unit,
                              "member": member.id if member else None, "person": person, "disciplines": disciplines,
                              "four_winds": winds, "eight_rules": eight or None}
    roll = rng.random()
    if roll < 0.6:
        fields["party_sanction"] = rng.choices([s for s, _ in _SANCTIONS], [w for _, w in _SANCTIONS])[0]
    if roll > 0.45:
        fields["government_sanction"] = rng.choice(_GOVERNMENT)
    if roll < 0.1 or roll > 0.85:
        fields["handling"] = [rng.choice(_HANDLING)]
    return fields


def write_contests(writer: Writer, branches: list[BranchPlan], entries: int, rng: random.Random,
                   year: int) -> list[str]:
    """Two editions, the later one this year; returns their ids."""
    people = [(b.unit, m) for b in branches for m in b.members]
    ids = []
    for edition in (1, 2):
        cid = f"edition-{edition}"
        judges = 5 if edition == 1 else 7
        chosen = _entrants(rng, people, entries)
        lines = [schema_line("contest", 1).rstrip("\n"), f"edition: {edition}",
                 f"title: 第{'一二'[edition - 1]}届全省机关公文写作培训暨技能大赛", f"year: {year - 2 + edition}",
                 f"training_participants: {entries * 8 // 10}", f"contest_participants: {entries * 105 // 100}",
                 "groups:", *(f"  - {flow({'id': g, 'name': n})}" for g, n in CONTEST_GROUPS),
                 "items:", *(f"  - {flow({'id': i, 'name': n})}" for i, n in CONTEST_ITEMS),
                 "judges:", *(f"  - {flow({'id': f'j{j + 1}', 'name': f'评委{j + 1}'})}" for j in range(judges)),
                 "entries:"]
        for n, index in enumerate(chosen):
            unit, member = people[index]
            lines.append(f"  - {flow(_entry(rng, n, unit, member, judges))}")
        writer.write(f"contest/{cid}.yaml", "\n".join(lines) + "\n")
        ids.append(cid)
    return ids


def _entrants(rng: random.Random, people: list[tuple[str, MemberPlan]], entries: int) -> list[int]:
    """Indices of distinct competitors: no two share name, unit and group (that would be a duplicate entry)."""
    order = list(range(len(people)))
    rng.shuffle(order)
    seen: set[tuple[str, str, bool]] = set()
    chosen: list[int] = []
    for index in order:
        unit, member = people[index]
        ident = (member.name, unit, member.cadre_level == "staff")
        if ident not in seen:
            seen.add(ident)
            chosen.append(index)
            if len(chosen) == entries:
                break
    return sorted(chosen)


def _entry(rng: random.Random, n: int, unit: str, member: MemberPlan, judges: int) -> dict[str, Any]:
    items = rng.sample([i for i, _ in CONTEST_ITEMS], rng.randint(1, len(CONTEST_ITEMS)))
    scores: dict[str, list[Decimal]] = {}
    for item in sorted(items):
        if rng.random() < 0.01:
            scores[item] = [Decimal(0)] * judges
            continue
        level = rng.randint(120, 190)
        scores[item] = [Decimal(min(200, max(0, level + rng.randint(-12, 12)))) / 2 for _ in range(judges)]
    group = "chu" if member.cadre_level != "staff" else "ke"
    return {"id": f"e{n + 1:05d}", "name": member.name, "unit": unit, "group": group, "scores": scores}


def write_funds(writer: Writer, units: list[UnitPlan], disbursements: int, rng: random.Random,
                today: dt.date) -> None:
    for fund_year in (today.year - 1, today.year):
        donations = [{"unit": u.id, "date": min(today, dt.date(fund_year, rng.randint(3, 6), rng.randint(1, 28))),
                      "amount": Decimal(rng.randint(3_000_000, 13_000_000)) / 100} for u in units]
        raised = sum(d["amount"] for d in donations)
        paid: list[dict[str, Any]] = []
        total = Decimal(0)
        for n in range(disbursements):
            amount = Decimal(rng.randint(30, 300) * 100)
            if total + amount > raised:
                break
            total += amount
            day = min(today, dt.date(fund_year, rng.randint(7, 12), rng.randint(1, 28)))
            paid.append({"case": f"AID-{fund_year}-{n + 1:03d}", "date": day,
                         "amount": amount, "cause": rng.choice(("illness", "illness", "accident", "disaster"))})
        lines = [schema_line("fund", 1).rstrip("\n"), "donations:", *(f"  - {flow(d)}" for d in donations)]
        if paid:
            lines += ["disbursements:", *(f"  - {flow(p)}" for p in sorted(paid, key=lambda p: p["date"]))]
        writer.write(f"fund/{fund_year}.yaml", "\n".join(lines) + "\n")


def write_bulletins(writer: Writer, cases: list[tuple[str, dt.date]], contests: list[str], profiles: bool,
                    count: int, rng: random.Random, today: dt.date) -> int:
    """Bulletins of the three kinds, numbered in date order within each year."""
    drafts: list[tuple[dt.date, str, dict[str, Any], str]] = []
    year = today.year
    if profiles:
        drafts.append((min(today, dt.date(year, 12, 20)), "secretaries", {"year": year},
                       f"关于表扬{year}年度省直机关优秀党支部书记的通报"))
    for n, cid in enumerate(contests):
        drafts.append((min(today, dt.date(year - len(contests) + n + 1, 11, 28)), "contest", {"edition": cid},
                       f"关于第{'一二三四'[n % 4]}届全省机关公文写作培训暨技能大赛结果的通报"))
    ordered = sorted(cases, key=lambda c: (c[1], c[0]))
    chunks = min(len(ordered), max(1, count - len(drafts)))
    for n in range(chunks):
        chunk = ordered[n * len(ordered) // chunks:(n + 1) * len(ordered) // chunks]
        day = min(today, chunk[-1][1] + dt.timedelta(days=rng.randint(5, 20)))
        drafts.append((day, "cases", {"cases": [c for c, _ in chunk]},
                       "关于违反中央八项规定精神典型问题的通报"))
    numbers: dict[int, int] = {}
    for day, kind, covers, title in sorted(drafts, key=lambda d: (d[0], d[1], d[3])):
        numbers[day.year] = numbers.get(day.year, 0) + 1
        number = numbers[day.year]
        fields = {"number": number, "year": day.year, "title": title, "kind": kind, "date": day,
                  "addressee": "各省直部门（单位）党组（党委），机关各党支部：",
                  "cc": ["省委组织部", "省纪委监委驻省直机关工委纪检监察组"],
                  "issued_by": "中共四川省直属机关工作委员会办公室", "issued": min(today, day + dt.timedelta(days=2)),
                  "covers": covers}
        body = _bulletin_body(kind)
        writer.write(f"bulletins/{day.year}-{number:02d}.md", front_matter(fields, body))
    return len(drafts)


def _bulletin_body(kind: str) -> str:
    if kind == "cases":
        return ("为深入开展警示教育，以身边事教育身边人，现将近期查处的违反中央八项规定精神典型问题通报如下。\n\n"
                "## 一、典型问题\n\n（典型问题由案例记录生成。）\n\n"
                "## 二、工作要求\n\n各级党组织要引以为戒，举一反三，切实加强作风建设。")
    if kind == "contest":
        return ("全省机关公文写作培训暨技能大赛已圆满结束。经评审，现将大赛结果通报如下。\n\n"
                "## 一、获奖名单\n\n（获奖名单由大赛记录生成。）\n\n"
                "## 二、希望和要求\n\n希望受表扬的同志珍惜荣誉，再接再厉。")
    return ("一年来，省直机关广大党支部书记认真履行“一岗双责”，涌现出一批优秀党支部书记。\n\n"
            "## 一、表扬名单\n\n（名单由优秀党支部书记记录生成。）\n\n"
            "## 二、工作要求\n\n希望受到表扬的同志珍惜荣誉，发挥示范带动作用。")
