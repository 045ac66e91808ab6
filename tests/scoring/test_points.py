"""Hand-worked examples of member points: base, automatic and manual items, caps, floors, veto and ranks."""

from __future__ import annotations

from decimal import Decimal

from generator.scoring.results import MemberPoints
from tests.scoring.corpora import YEAR, case, perfect, run, world


def _member(scores: object, member: str) -> MemberPoints:
    ranking = scores.points["b"][YEAR]  # type: ignore[attr-defined]
    return next(m for m in ranking.members if m.member == member)


def _line(member: MemberPoints, item: str) -> tuple[int, Decimal, Decimal]:
    line = next(line for line in member.lines if line.item == item)
    return line.count, line.raw, line.points


def test_attendance_is_capped_at_ten_points_a_year() -> None:
    member = _member(run(world(perfect())), "b-08")
    count, raw, points = _line(member, "attendance")
    # 12 theme days, 12 group meetings, 4 assemblies, 4 lectures, org-life meeting, review, warning education
    assert count == 35
    assert (raw, points) == (Decimal("17.5"), Decimal(10))
    assert member.categories == {"political": Decimal("35.00"), "rules": Decimal("25.00"),
                                 "morality": Decimal("26.00"), "contribution": Decimal("25.00")}
    assert member.total == Decimal("111.00")


def test_lectures_given_add_points_up_to_their_cap() -> None:
    scores = run(world(perfect()))
    assert _line(_member(scores, "b-01"), "lecture") == (1, Decimal(2), Decimal(2))
    assert _line(_member(scores, "b-02"), "lecture") == (3, Decimal(6), Decimal(6))


def test_unexcused_absence_deducts_and_is_not_attendance() -> None:
    b = perfect()
    for a in b.activities:
        if a["type"] == "theme_day" and a["date"] < f"{YEAR}-04":
            a["absentees"] = [{"member": "b-08", "reason": "无故", "excused": False}]
    member = _member(run(world(b)), "b-08")
    assert _line(member, "unexcused_absence") == (3, Decimal(-6), Decimal(-6))
    assert _line(member, "attendance")[0] == 32
    assert member.categories["rules"] == Decimal("19.00")


def test_an_excused_absence_costs_nothing() -> None:
    b = perfect()
    b.activities[3]["absentees"] = [{"member": "b-08", "reason": "出差"}]
    member = _member(run(world(b)), "b-08")
    assert all(line.item != "unexcused_absence" for line in member.lines)


def test_unpaid_dues_deduct_per_month() -> None:
    b = perfect()
    b.find("b-07")["dues"] = {YEAR: [1, 2, 3, 4, 5, 6, 7, 8]}
    member = _member(run(world(b)), "b-07")
    assert _line(member, "unpaid_dues") == (4, Decimal(-4), Decimal(-4))
    assert [line.private for line in member.lines if line.item == "unpaid_dues"] == [True]
    assert not any(line.private for line in member.lines if line.item != "unpaid_dues")


def test_manual_items_take_the_default_or_the_recorded_value_and_are_capped() -> None:
    b = perfect()
    b.events += [{"member": "b-03", "item": "volunteer", "date": f"{YEAR}-0{m}-02", "points": "1.5"}
                 for m in range(4, 8)]
    b.events.append({"member": "b-03", "item": "commendation", "date": f"{YEAR}-09-01", "note": "省级表彰"})
    member = _member(run(world(b)), "b-03")
    assert _line(member, "volunteer") == (5, Decimal("7.0"), Decimal(5))  # 1 + 4 × 1.5 = 7, capped at 5
    assert _line(member, "commendation") == (1, Decimal(3), Decimal(3))
    commendation = next(line for line in member.lines if line.item == "commendation")
    assert commendation.inputs[0].label == f"{YEAR}年9月1日 受到表彰奖励：省级表彰"


def test_a_category_never_falls_below_zero() -> None:
    b = perfect()
    b.find("b-08")["dues"] = {}
    for a in b.activities:
        if a["type"] == "theme_day":
            a["absentees"] = [{"member": "b-08", "reason": "无故", "excused": False}]
    b.events += [{"member": "b-08", "item": "criticism", "date": f"{YEAR}-0{m}-02", "points": -5} for m in (5, 6)]
    scores = run(world(b, files={"cases/c1.md": case("b-08", "warning")}))
    member = _member(scores, "b-08")
    # rules: 25 − 10 (absences, capped) − 12 (dues) − 10 (criticism) − 5 (warning) = −12 → 0
    assert member.categories["rules"] == Decimal("0.00")
    assert member.floored == ("rules",)
    assert member.categories["political"] > 0


def test_a_serious_sanction_sets_the_year_to_zero() -> None:
    scores = run(world(perfect(), files={"cases/c1.md": case("b-04", "probation")}))
    member = _member(scores, "b-04")
    assert member.vetoed and member.total == Decimal("0.00")
    assert set(member.categories.values()) == {Decimal("0.00")}
    assert "留党察看" in member.veto_reason
    assert member.rank == 8


def test_ranks_are_shared_on_ties_and_skip_after() -> None:
    ranking = run(world(perfect())).points["b"][YEAR]
    assert [(m.member, m.total, m.rank) for m in ranking.members[:4]] == [
        ("b-02", Decimal("117.00"), 1), ("b-01", Decimal("113.00"), 2),
        ("b-03", Decimal("111.00"), 3), ("b-04", Decimal("111.00"), 3),
    ]
    assert [m.rank for m in ranking.members] == [1, 2, 3, 3, 3, 3, 3, 3]
    assert ranking.cutoff_rank == 3  # ⌈8 × 30%⌉
    assert all(m.in_top_share for m in ranking.members)
    assert ranking.average == Decimal("112.00")  # (117 + 113 + 6 × 111) ÷ 8


def test_points_are_reset_each_year() -> None:
    b = perfect()
    files = world(b)
    files["branches/b/points/2023.yaml"] = {"events": [{"member": "b-05", "item": "commendation",
                                                        "date": "2023-06-01", "points": 5}]}
    scores = run(files)
    assert _member(scores, "b-05").total == Decimal("111.00")
    earlier = next(m for m in scores.points["b"][2023].members if m.member == "b-05")
    assert _line(earlier, "commendation") == (1, Decimal(5), Decimal(5))
