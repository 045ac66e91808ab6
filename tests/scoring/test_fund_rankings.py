"""The fund's totals and the branch rankings, worked by hand."""

from __future__ import annotations

from decimal import Decimal

from tests.scoring.corpora import YEAR, perfect, run, world


def _fund(donations: list[str], paid: list[tuple[str, str]], year: int) -> dict[str, object]:
    return {
        "donations": [{"unit": "fgw", "date": f"{year}-03-01", "amount": a} for a in donations],
        "disbursements": [{"case": code, "date": f"{year}-06-01", "amount": a, "cause": "illness"} for code, a in paid],
    }


def test_fund_totals_per_year_cumulative_and_distinct_cases() -> None:
    scores = run({
        "fund/2023.yaml": _fund(["100000.10", "50000.05"], [("AID-2023-001", "20000"), ("AID-2023-002", "5000.5")],
                                2023),
        "fund/2024.yaml": _fund(["80000"], [("AID-2023-001", "10000"), ("AID-2024-001", "3000")], 2024),
    })
    fund = scores.fund
    assert fund is not None
    first, second = fund.years
    assert (first.raised, first.disbursed, first.cases) == (Decimal("150000.15"), Decimal("25000.50"), 2)
    assert (second.raised, second.disbursed, second.cases) == (Decimal("80000.00"), Decimal("13000.00"), 2)
    assert (second.cumulative_raised, second.cumulative_disbursed) == (Decimal("230000.15"), Decimal("38000.50"))
    assert second.cumulative_cases == 3  # AID-2023-001 assisted twice counts once
    assert (fund.raised, fund.disbursed, fund.balance, fund.cases) == (
        Decimal("230000.15"), Decimal("38000.50"), Decimal("191999.65"), 3)
    assert scores.diagnostics == ()


def test_disbursing_more_than_raised_is_a_content_error() -> None:
    scores = run({
        "fund/2023.yaml": _fund(["1000"], [("AID-2023-001", "800")], 2023),
        "fund/2024.yaml": _fund(["100"], [("AID-2024-001", "300.01")], 2024),
    })
    (error,) = scores.diagnostics
    assert error.code == "FUND001"
    assert (error.params["year"], error.params["disbursed"], error.params["raised"]) == (
        2024, Decimal("1100.01"), Decimal("1100.00"))
    assert error.location.file == "content/fund/2024.yaml"


def test_rankings_province_wide_and_per_unit_with_band_counts() -> None:
    top, second, third, other = perfect("b1"), perfect("b2"), perfect("b3"), perfect("c1", unit="jyt")
    second.assessment = {"business_score": 15}
    third.assessment = {"business_score": 15}
    other.assessment = {"business_score": 0}
    ranking = run(world(top, second, third, other)).rankings[YEAR]
    assert [(r.branch, r.total, r.rank, r.unit_rank) for r in ranking.branches] == [
        ("b1", Decimal("100.00"), 1, 1), ("b2", Decimal("95.00"), 2, 2), ("b3", Decimal("95.00"), 2, 2),
        ("c1", Decimal("80.00"), 4, 1),
    ]
    assert [r.branch for r in ranking.units["jyt"]] == ["c1"]
    assert ranking.bands == {"excellent": 1, "good": 3, "pass": 0, "fail": 0}
    assert ranking.unit_bands == {"fgw": {"excellent": 1, "good": 2, "pass": 0, "fail": 0},
                                  "jyt": {"excellent": 0, "good": 1, "pass": 0, "fail": 0}}
    assert ranking.band_names["excellent"] == "五好党支部"
