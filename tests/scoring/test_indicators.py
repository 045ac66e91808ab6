"""Hand-worked examples: each rubric indicator, proportional where partly met, left out where not applicable."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from tests.scoring.corpora import (
    YEAR,
    branch_score,
    case,
    dimension,
    indicator,
    perfect,
    run,
    training,
    world,
)


def test_the_perfect_branch_scores_100_and_is_five_good() -> None:
    result = branch_score(run(world(perfect())))
    assert result.total == Decimal("100.00")
    assert (result.band, result.band_name) == ("excellent", "五好党支部")
    assert result.band_reasons == ()


def test_secretary_not_head_loses_its_five_points() -> None:
    b = perfect()
    b.branch["secretary_is_head"] = False
    result = branch_score(run(world(b)))
    assert indicator(result, "secretary_is_head").points == 0
    assert dimension(result, "leadership").points == Decimal("15.00")
    assert result.total == Decimal("95.00")


def test_committee_missing_a_role_earns_four_fifths() -> None:
    b = perfect()
    seats = b.branch["committees"][0]["members"]
    b.branch["committees"][0]["members"] = [s for s in seats if s["role"] != "propaganda"]
    result = branch_score(run(world(b)))
    item = indicator(result, "committee_complete")
    assert item.points == Decimal("4.00")  # 3 of 4 roles + size 3 within 3–7 → 4 of 5 parts
    assert "宣传委员" in item.summary


def test_committee_not_required_for_a_small_branch_is_left_out_and_rescaled() -> None:
    b = perfect(size=5)
    b.branch["committees"][0]["members"] = b.branch["committees"][0]["members"][:1]
    b.drop(type="committee_meeting")
    b.branch["secretary_is_head"] = False
    result = branch_score(run(world(b)))
    item = indicator(result, "committee_complete")
    assert not item.applicable and item.points == 0
    leadership = dimension(result, "leadership")
    assert leadership.available == Decimal(15)
    assert leadership.raw == Decimal("10.00")
    assert leadership.points == Decimal("13.33")  # 10 of 15 rescaled to 20
    assert not indicator(result, "committee").applicable


def test_untrained_secretary_loses_training_points() -> None:
    files = world(perfect())
    files["trainings/t2024.yaml"] = training("b-02")
    result = branch_score(run(files))
    assert indicator(result, "secretary_trained").points == 0
    assert indicator(result, "secretary_trained").summary == "书记当年未参加培训"


def test_training_of_an_earlier_year_does_not_count() -> None:
    files = world(perfect())
    files["trainings/t2024.yaml"] = training("b-01", start="2023-11-01")
    assert indicator(branch_score(run(files)), "secretary_trained").points == 0


def test_overdue_election_scores_zero_unless_postponed_with_approval() -> None:
    b = perfect()
    b.branch["committees"][0]["elected"] = "2021-06-01"
    assert indicator(branch_score(run(world(b))), "election_on_time").points == 0
    b.branch["postponement"] = {"approved": "2024-05-20", "document": "川直工委〔2024〕5号", "until": "2025-05-31"}
    item = indicator(branch_score(run(world(b))), "election_on_time")
    assert item.points == Decimal("5.00")
    assert "延期" in item.summary


def test_an_election_held_late_this_year_scores_zero() -> None:
    b = perfect()
    first = b.branch["committees"][0]
    first["elected"] = "2021-03-01"
    b.branch["committees"].append({"elected": f"{YEAR}-09-01", "members": [dict(s) for s in first["members"]]})
    item = indicator(branch_score(run(world(b))), "election_on_time")
    assert item.points == 0
    assert "逾期184天" in item.summary
    b.branch["committees"][1]["elected"] = f"{YEAR}-03-01"
    assert indicator(branch_score(run(world(b))), "election_on_time").points == Decimal("5.00")


def test_a_missed_quarterly_assembly_earns_three_quarters() -> None:
    b = perfect()
    b.drop(type="branch_assembly", date=f"{YEAR}-09-20")
    item = indicator(branch_score(run(world(b))), "assembly")
    assert item.points == Decimal("3.75")
    assert item.ratio == Decimal("0.75")
    assert "第3季度" in item.summary


def test_missed_committee_months_are_proportional_and_rounded_half_up() -> None:
    b = perfect()
    b.drop(type="committee_meeting", date=f"{YEAR}-02-05")
    b.drop(type="committee_meeting", date=f"{YEAR}-08-05")
    assert indicator(branch_score(run(world(b))), "committee").points == Decimal("4.17")  # 5 × 10/12 = 4.1666…


def test_group_meetings_count_per_group() -> None:
    b = perfect()
    b.drop(type="group_meeting", group="g2", date=f"{YEAR}-07-11")
    item = indicator(branch_score(run(world(b))), "groups")
    assert item.points == Decimal("4.79")  # 5 × 23/24
    assert "第二党小组" in item.summary


def test_group_meetings_do_not_apply_without_groups() -> None:
    b = perfect()
    b.branch["groups"] = []
    for m in b.members:
        del m["group"]
    b.drop(type="group_meeting")
    result = branch_score(run(world(b)))
    assert not indicator(result, "groups").applicable
    assert dimension(result, "systems").points == Decimal("25.00")


def test_a_missed_quarterly_lecture_earns_three_quarters() -> None:
    b = perfect()
    b.drop(type="party_lecture", date=f"{YEAR}-06-25")
    assert indicator(branch_score(run(world(b))), "lectures").points == Decimal("3.75")


def test_org_life_meeting_and_review_each_half_of_their_indicator() -> None:
    b = perfect()
    b.drop(type="democratic_review")
    item = indicator(branch_score(run(world(b))), "annual")
    assert item.points == Decimal("2.50")
    assert "民主评议党员" in item.summary


def test_unpaid_dues_counted_in_member_months() -> None:
    b = perfect()
    b.find("b-05")["dues"] = {YEAR: list(range(1, 10))}
    item = indicator(branch_score(run(world(b))), "dues")
    assert item.points == Decimal("7.75")  # 8 × 93/96
    assert item.summary == "应缴96人·月，已缴93人·月"
    assert all(e.kind != "member" for e in item.inputs), "individual dues records are not published"


def test_a_member_who_joined_mid_year_owes_dues_only_from_then() -> None:
    b = perfect()
    b.find("b-08")["since"] = f"{YEAR}-07-01"
    b.find("b-08")["dues"] = {YEAR: list(range(7, 13))}
    item = indicator(branch_score(run(world(b))), "dues")
    assert item.summary == "应缴90人·月，已缴90人·月"
    assert item.points == Decimal("8.00")


def test_points_coverage_is_the_share_of_members_with_points_records() -> None:
    b = perfect()
    b.events = b.events[:6]
    assert indicator(branch_score(run(world(b))), "points").points == Decimal("4.50")  # 6 × 6/8


def test_leading_cadre_short_of_a_talk_earns_two_thirds() -> None:
    b = perfect()
    b.find("b-05")["cadre_level"] = "department"
    b.activities.append({"type": "party_lecture", "date": f"{YEAR}-11-03", "topic": "专题党课", "lecturer": "b-05"})
    item = indicator(branch_score(run(world(b))), "leading_cadres")
    assert item.applicable
    assert item.points == Decimal("4.00")  # org life ≥ 6 ✓, lecture 1 ✓, talk 0 of 1 → 2/3 of 6
    assert item.inputs[0].counted.startswith("组织生活")
    b.activities.append({"type": "heart_talk", "date": f"{YEAR}-11-04", "topic": "谈心", "host": "b-05",
                         "attendees": ["b-05", "b-06"]})
    assert indicator(branch_score(run(world(b))), "leading_cadres").points == Decimal("6.00")


def test_leading_cadres_do_not_apply_without_any() -> None:
    result = branch_score(run(world(perfect())))
    assert not indicator(result, "leading_cadres").applicable
    members = dimension(result, "members")
    assert (members.available, members.points) == (Decimal(14), Decimal("20.00"))


def test_business_score_is_the_units_assessment() -> None:
    b = perfect()
    b.assessment = {"business_score": "15.5"}
    result = branch_score(run(world(b)))
    assert indicator(result, "business").points == Decimal("15.50")
    assert result.total == Decimal("95.50")


def test_missing_assessment_scores_zero_once_the_year_is_over_but_waits_while_it_runs() -> None:
    b = perfect()
    b.assessment = None
    assert indicator(branch_score(run(world(b))), "business").points == 0
    midyear = branch_score(run(world(b), today=dt.date(YEAR, 6, 30)))
    assert not indicator(midyear, "business").applicable


def test_a_year_in_progress_is_judged_on_the_periods_that_have_ended() -> None:
    b = perfect()
    result = branch_score(run(world(b), today=dt.date(YEAR, 6, 30)))
    assert indicator(result, "committee").summary == "6个统计周期中6个达标"
    assert not indicator(result, "annual").applicable  # the yearly meetings are not due yet
    assert result.reference == dt.date(YEAR, 6, 30)


def test_no_warning_education_loses_its_points() -> None:
    b = perfect()
    b.drop(type="warning_education")
    result = branch_score(run(world(b)))
    assert indicator(result, "warning_education").points == 0
    assert dimension(result, "integrity").points == Decimal("10.00")


def test_sanctions_deduct_by_kind() -> None:
    cases = {"cases/c1.md": case("b-02", "warning"), "cases/c2.md": case("b-03", "removal_from_post")}
    files = world(perfect(), files=cases)
    item = indicator(branch_score(run(files)), "no_sanctions")
    assert item.points == Decimal("2.00")  # 10 − 2 − 6
    assert sorted(e.record for e in item.inputs) == ["c1", "c2"]


def test_sanctions_never_push_the_indicator_below_zero() -> None:
    cases = {"cases/c1.md": case("b-02", "removal_from_post"), "cases/c2.md": case("b-03", "removal_from_post")}
    files = world(perfect(), files=cases)
    assert indicator(branch_score(run(files)), "no_sanctions").points == 0


def test_cases_without_a_sanction_or_of_another_year_do_not_count() -> None:
    cases = {"cases/c1.md": case("b-02", None), "cases/c2.md": case("b-03", "warning", date="2023-05-01")}
    files = world(perfect(), files=cases)
    assert indicator(branch_score(run(files)), "no_sanctions").points == Decimal("10.00")


def test_every_indicator_explains_its_rule_and_inputs() -> None:
    result = branch_score(run(world(perfect())))
    for dim in result.dimensions:
        for item in dim.indicators:
            assert item.rule and item.summary
    assembly = indicator(result, "assembly")
    assert [e.counted for e in assembly.inputs] == ["计入第1季度", "计入第2季度", "计入第3季度", "计入第4季度"]
    first = assembly.inputs[0]
    assert (first.file, first.kind) == ("content/branches/b/activities/2024.yaml", "activity")
    assert first.field.startswith("activities[")
    assert first.record == f"{YEAR}-03-20-branch_assembly"


def test_periods_the_branch_was_founded_during_are_not_scored_as_missed() -> None:
    """Founded mid-August: August, Q3 and the year are shown as not required by the calendar and check."""
    b = perfect()
    b.branch["founded"] = f"{YEAR}-08-15"
    b.branch["committees"][0]["elected"] = f"{YEAR}-08-15"
    b.activities = [a for a in b.activities if a["date"] >= f"{YEAR}-08-15"]
    result = branch_score(run(world(b)))
    committee = indicator(result, "committee")
    assert committee.points == Decimal("5.00") and "8月" not in committee.summary
    assert "4个统计周期中4个达标" in committee.summary  # September to December
    warning = indicator(result, "warning_education")
    assert not warning.applicable and "成立于统计周期中途" in warning.summary
