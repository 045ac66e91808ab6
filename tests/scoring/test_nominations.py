"""Content errors that need the scores: nominations, review grades, points records, exemplary secretaries."""

from __future__ import annotations

from typing import Any

from generator.codes import texts
from generator.diagnostics import Diagnostic, Kind
from generator.scoring import Scores
from tests.scoring.corpora import YEAR, Branch, case, perfect, run, training, world


def _errors(scores: Scores, code: str) -> list[Diagnostic]:
    found = [d for d in scores.diagnostics if d.code == code]
    assert all(d.kind is Kind.ERROR for d in found)
    return found


def _ranked_ten() -> Branch:
    """Ten members: b-02 117 (1st), b-03 114 (2nd), b-01 113 (3rd), the rest 111 (4th); cut-off rank 3."""
    b = perfect(size=10)
    b.events.append({"member": "b-03", "item": "commendation", "date": f"{YEAR}-09-01"})
    return b


def _nominate(b: Branch, members: list[str], servants: list[str] | None = None) -> None:
    assert b.assessment is not None
    b.assessment["nominations"] = {"excellent_member": members, "excellent_servant": servants or []}


def test_nominations_within_the_top_share_pass() -> None:
    b = _ranked_ten()
    _nominate(b, ["b-02", "b-03", "b-01"], ["b-03"])
    assert run(world(b)).diagnostics == ()


def test_a_nomination_below_the_cut_off_names_member_rank_and_cut_off() -> None:
    b = _ranked_ten()
    _nominate(b, ["b-02", "b-07"])
    (error,) = _errors(run(world(b)), "NOM001")
    assert error.params["member"] == "b-07" and error.params["rank"] == 4 and error.params["cutoff"] == 3
    assert error.location.field == "nominations.excellent_member[2]"
    message, hint = texts(error, "zh")
    assert message == "推荐的优秀党员党员b-07（b-07）2024年积分111.00分，排名第4名（共10人），不在前30%（第3名以内）"
    assert "前3名" in hint
    assert "rank 4 of 10" in texts(error, "en")[0]


def test_members_tied_at_the_cut_off_are_all_inside_it() -> None:
    b = perfect(size=10)  # b-02 117, b-01 113, eight tied at 111 with rank 3 = cut-off
    _nominate(b, ["b-09"])
    assert _errors(run(world(b)), "NOM001") == []


def test_servant_must_be_among_that_years_excellent_members() -> None:
    b = _ranked_ten()
    _nominate(b, ["b-02"], ["b-03"])
    (error,) = _errors(run(world(b)), "NOM002")
    assert error.params["member"] == "b-03"
    assert error.location.field == "nominations.excellent_servant[1]"


def test_a_nominee_from_another_branch_is_an_error() -> None:
    b, other = _ranked_ten(), perfect("c")
    _nominate(b, ["c-01"])
    (error,) = _errors(run(world(b, other)), "NOM005")
    assert error.params["member"] == "c-01"


def test_a_grade_for_someone_not_on_the_roll_is_an_error() -> None:
    b, other = perfect(size=10), perfect("c")
    assert b.assessment is not None
    b.assessment["review"] = {"date": f"{YEAR}-12-12", "grades": {"b-01": "excellent", "c-02": "qualified"}}
    (error,) = _errors(run(world(b, other)), "NOM005")
    assert error.params["member"] == "c-02"
    assert error.location.field == "review.grades.c-02"


def _events_error(event: dict[str, Any]) -> list[Diagnostic]:
    b = perfect()
    b.events.append(event)
    return [d for d in run(world(b, perfect("c"))).diagnostics if d.code.startswith("POINTS")]


def test_a_points_event_of_an_unknown_or_automatic_item_is_an_error() -> None:
    (error,) = _events_error({"member": "b-01", "item": "volunter", "date": f"{YEAR}-05-01"})
    assert error.code == "POINTS002" and "volunteer" in texts(error, "zh")[1]
    (error,) = _events_error({"member": "b-01", "item": "attendance", "date": f"{YEAR}-05-01"})
    assert error.code == "POINTS002"


def test_a_points_event_outside_the_items_bounds_is_an_error() -> None:
    (error,) = _events_error({"member": "b-01", "item": "commendation", "date": f"{YEAR}-05-01", "points": 8})
    assert error.code == "POINTS003"
    assert (error.params["low"], error.params["high"], error.params["points"]) == (1, 5, 8)


def test_a_points_event_for_another_branchs_member_is_an_error() -> None:
    (error,) = _events_error({"member": "c-01", "item": "commendation", "date": f"{YEAR}-05-01"})
    assert error.code == "POINTS004"


def _profile(member: str = "b-01", branch: str = "b", year: int = YEAR) -> dict[str, Any]:
    return {"member": member, "branch": branch, "year": year, "title": "扎根基层的好书记"}


def test_an_eligible_profile_passes_with_every_condition_explained() -> None:
    scores = run(world(perfect(), files={"secretaries/s1.md": _profile()}))
    check = scores.profiles["s1"]
    assert check.eligible and check.band == "excellent"
    assert set(check.conditions) == {"secretary", "trained", "no_case", "band"}
    assert scores.diagnostics == ()


def test_a_profile_of_someone_not_secretary_that_year_fails() -> None:
    files = world(perfect(), files={"secretaries/s1.md": _profile("b-02")})
    files["trainings/t2024.yaml"] = training("b-01", "b-02")
    (error,) = _errors(run(files), "PROF001")
    assert texts(error, "zh")[0] == "党员b-02（b-02）2024年不符合优秀党支部书记条件：未满足“2024年担任测试党支部书记”"


def test_a_secretary_replaced_during_the_year_was_still_secretary_that_year() -> None:
    b = perfect()
    b.branch["committees"].append({"elected": f"{YEAR}-09-01", "members": [
        {"member": "b-02", "role": "secretary"}, {"member": "b-01", "role": "organization"},
        {"member": "b-03", "role": "propaganda"}, {"member": "b-04", "role": "discipline"}]})
    files = world(b, files={"secretaries/s1.md": _profile("b-01")})
    files["trainings/t2024.yaml"] = training("b-01", "b-02")
    assert _errors(run(files), "PROF001") == []


def test_an_untrained_secretary_fails_and_the_error_says_so() -> None:
    files = world(perfect(), files={"secretaries/s1.md": _profile()})
    files["trainings/t2024.yaml"] = training("b-02")
    (error,) = _errors(run(files), "PROF001")
    assert "未满足“2024年参加书记培训”" in error.params["failed"]
    assert "担任" not in error.params["failed"]


def test_a_secretary_with_a_case_that_year_fails() -> None:
    files = world(perfect(), files={"secretaries/s1.md": _profile(), "cases/c1.md": case("b-01", None)})
    (error,) = _errors(run(files), "PROF001")
    assert "没有涉及本人的违纪案例（有：c1）" in error.params["failed"]


def test_a_secretary_of_a_branch_below_good_fails_listing_every_failed_condition() -> None:
    b = perfect()
    b.assessment = {"business_score": 0}
    b.drop(type="warning_education")
    files = world(b, files={"secretaries/s1.md": _profile(), "cases/c1.md": case("b-01", None)})
    scores = run(files)
    assert scores.branches["b"][YEAR].band == "pass"
    (error,) = _errors(scores, "PROF001")
    assert error.params["failed"] == (
        "未满足“2024年没有涉及本人的违纪案例（有：c1）”；未满足“支部2024年等次不低于良好（实为合格）”")
    assert scores.profiles["s1"].conditions["band"][0] is False
