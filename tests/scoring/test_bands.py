"""Hand-worked examples: band boundaries, the 80% condition, deductions and every veto."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.scoring.corpora import YEAR, Branch, branch_score, case, dimension, perfect, run, world


def _near_ninety(business: str) -> Branch:
    """Loses 6.25 outside serving_center, every dimension kept ≥ 80%: total = 93.75 + (business − 20)."""
    b = perfect()
    seats = b.branch["committees"][0]["members"]
    b.branch["committees"][0]["members"] = [s for s in seats if s["role"] != "propaganda"]  # leadership −1
    b.drop(type="branch_assembly", date=f"{YEAR}-09-20")  # systems −1.25
    b.rectifications = [{"id": "r1", "issue": "org_life", "description": "组织生活不规范", "found": f"{YEAR}-02-01",
                         "deadline": f"{YEAR}-06-30", "closed": f"{YEAR}-07-15"}]  # systems −2, closed: no veto
    b.assessment = {"business_score": business}
    return b


def _with_warning(b: Branch) -> dict[str, object]:
    return world(b, files={"cases/c1.md": case(b.member(6), "warning")})  # integrity −2


@pytest.mark.parametrize(("business", "total", "band"), [("16.24", "89.99", "good"), ("16.25", "90.00", "excellent")])
def test_five_good_starts_at_exactly_90(business: str, total: str, band: str) -> None:
    result = branch_score(run(_with_warning(_near_ninety(business))))
    assert result.total == Decimal(total)
    assert result.band == band
    if band == "good":
        assert result.band_reasons == ("总分89.99低于五好党支部要求的90",)


@pytest.mark.parametrize(("business", "band"), [("15.99", "good"), ("16.00", "excellent")])
def test_every_dimension_needs_80_percent_for_five_good(business: str, band: str) -> None:
    b = perfect()
    b.assessment = {"business_score": business}
    result = branch_score(run(world(b)))
    assert result.total >= 90
    assert result.band == band
    if band == "good":
        assert result.band_reasons == ("“服务中心工作好”得分15.99低于五好党支部要求的16.00（权重的80%）",)


def _lost_one_in_leadership(business: str) -> Branch:
    b = perfect()
    seats = b.branch["committees"][0]["members"]
    b.branch["committees"][0]["members"] = [s for s in seats if s["role"] != "propaganda"]
    b.assessment = {"business_score": business}
    return b


@pytest.mark.parametrize(("business", "total", "band"), [("0.99", "79.99", "pass"), ("1.00", "80.00", "good")])
def test_good_starts_at_exactly_80(business: str, total: str, band: str) -> None:
    result = branch_score(run(world(_lost_one_in_leadership(business))))
    assert (result.total, result.band) == (Decimal(total), band)


@pytest.mark.parametrize(("business", "total", "band"), [("0.99", "59.99", "fail"), ("1.00", "60.00", "pass")])
def test_pass_starts_at_exactly_60(business: str, total: str, band: str) -> None:
    b = _lost_one_in_leadership(business)  # leadership 19
    b.branch["secretary_is_head"] = False  # leadership 14
    b.drop(type="org_life_meeting")
    b.drop(type="democratic_review")  # systems 20
    b.drop(type="warning_education")  # integrity 10
    files = world(b)
    files["trainings/t2024.yaml"] = {**files["trainings/t2024.yaml"], "attendees": [b.member(2)]}  # leadership 9
    result = branch_score(run(files))
    assert (result.total, result.band) == (Decimal(total), band)
    assert result.band_name == {"fail": "不合格", "pass": "合格"}[band]


def test_each_overdue_rectification_deducts_two_points_from_systems() -> None:
    b = perfect()
    b.rectifications = [
        {"id": "r1", "issue": "dues", "description": "党费", "found": f"{YEAR}-01-10", "deadline": f"{YEAR}-03-31",
         "closed": f"{YEAR}-04-02"},
        {"id": "r2", "issue": "org_life", "description": "组织生活", "found": f"{YEAR}-01-10",
         "deadline": f"{YEAR}-05-31", "closed": f"{YEAR}-05-20"},
        {"id": "r3", "issue": "other", "description": "其他", "found": f"{YEAR}-01-10", "deadline": f"{YEAR}-06-30",
         "closed": f"{YEAR}-09-01"},
    ]
    result = branch_score(run(world(b)))
    systems = dimension(result, "systems")
    (deduction,) = systems.deductions
    assert (deduction.count, deduction.points) == (2, Decimal("4.00"))
    assert [e.record for e in deduction.inputs] == ["r1", "r3"]
    assert (systems.scaled, systems.points) == (Decimal("25.00"), Decimal("21.00"))
    assert result.vetoes == () and result.band == "excellent"


def test_a_rectification_overdue_since_last_year_and_still_open_deducts_this_year() -> None:
    """Fourteen months overdue must cost at least what one month overdue costs; one closed last year costs nothing."""
    b = perfect()
    b.rectifications = [
        {"id": "r1", "issue": "dues", "description": "党费", "found": f"{YEAR - 1}-09-01",
         "deadline": f"{YEAR - 1}-10-31"},
        {"id": "r2", "issue": "other", "description": "其他", "found": f"{YEAR - 1}-09-01",
         "deadline": f"{YEAR - 1}-10-31", "closed": f"{YEAR - 1}-11-15"},
    ]
    result = branch_score(run(world(b)))
    (deduction,) = dimension(result, "systems").deductions
    assert (deduction.count, deduction.points) == (1, Decimal("2.00"))
    assert [e.record for e in deduction.inputs] == ["r1"]
    assert [v.key for v in result.vetoes] == ["open_rectification"]
    assert result.total == Decimal("98.00")


def test_deductions_never_take_a_dimension_below_zero() -> None:
    b = perfect()
    b.drop(type="branch_assembly")
    b.drop(type="committee_meeting")
    b.drop(type="group_meeting")
    b.drop(type="party_lecture")
    b.drop(type="org_life_meeting")
    b.drop(type="democratic_review")
    b.rectifications = [{"id": "r1", "issue": "other", "description": "其他", "found": f"{YEAR}-01-10",
                         "deadline": f"{YEAR}-03-31", "closed": f"{YEAR}-04-02"}]
    assert dimension(branch_score(run(world(b))), "systems").points == Decimal("0.00")


@pytest.mark.parametrize("sanction", ["probation", "expulsion"])
def test_a_serious_sanction_vetoes_five_good(sanction: str) -> None:
    b = perfect()
    files = world(b, files={"cases/c1.md": case(b.member(5), sanction)})
    result = branch_score(run(files))
    assert [v.key for v in result.vetoes] == ["sanction"]
    assert result.vetoes[0].inputs[0].record == "c1"
    assert result.total == Decimal("90.00")  # integrity loses its 10 points
    assert result.band == "good"
    assert "有一票否决情形，不能评为五好党支部" in result.band_reasons


def test_a_lesser_sanction_is_no_veto() -> None:
    b = perfect()
    result = branch_score(run(world(b, files={"cases/c1.md": case(b.member(5), "serious_warning")})))
    assert result.vetoes == ()


def test_a_rectification_still_open_at_year_end_vetoes_five_good() -> None:
    b = perfect()
    b.rectifications = [{"id": "r9", "issue": "dues", "description": "党费", "found": f"{YEAR}-01-10",
                         "deadline": f"{YEAR}-11-30"}]
    result = branch_score(run(world(b)))
    assert [v.key for v in result.vetoes] == ["open_rectification"]
    assert result.total == Decimal("98.00")
    assert result.band == "good"


def test_a_rectification_due_next_year_is_neither_deducted_nor_a_veto() -> None:
    b = perfect()
    b.rectifications = [{"id": "r9", "issue": "dues", "description": "党费", "found": f"{YEAR}-11-10",
                         "deadline": f"{YEAR + 1}-01-31"}]
    result = branch_score(run(world(b)))
    assert (result.vetoes, result.total) == ((), Decimal("100.00"))
