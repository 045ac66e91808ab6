"""Hand-worked examples of the writing contest: trimming, rounding, shared ranks, awards at quota boundaries."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from generator.scoring.contest import item_score
from generator.scoring.results import ContestResult, ItemResult
from tests.scoring.corpora import run

D = Decimal


def _edition(entries: list[dict[str, Any]], judges: int = 5, **extra: Any) -> dict[str, Any]:
    return {
        "edition": 1, "title": "第一届公文写作技能大赛", "year": 2023,
        "training_participants": 5000, "contest_participants": 1000,
        "groups": [{"id": "a", "name": "甲组"}, {"id": "b", "name": "乙组"}],
        "items": [{"id": "speech", "name": "讲话撰写"}, {"id": "proof", "name": "公文核改"}],
        "judges": [{"id": f"j{n}", "name": f"评委{n}"} for n in range(1, judges + 1)],
        "entries": entries, **extra,
    }


def _entry(n: int, speech: list[Any], proof: list[Any] | None = None, group: str = "a",
           unit: str = "fgw") -> dict[str, Any]:
    scores = {"speech": speech, **({"proof": proof} if proof is not None else {})}
    return {"id": f"e{n:02d}", "name": f"选手{n}", "unit": unit, "group": group, "scores": scores}


def _run(*editions: dict[str, Any]) -> tuple[dict[str, ContestResult], Any]:
    files = {f"contest/e{i}.yaml": e for i, e in enumerate(editions, start=1)}
    scores = run(files)
    return scores.contests, scores


def _item(result: ContestResult, group: str = "a", item: str = "speech") -> ItemResult:
    return next(r for r in result.items if (r.group, r.item) == (group, item))


def test_four_judges_are_averaged_without_trimming() -> None:
    assert item_score((D(80), D(90), D(85), D(70)), 5) == (D("81.25"), (D(80), D(90), D(85), D(70)), False)


def test_five_judges_drop_the_highest_and_the_lowest() -> None:
    score, kept, trimmed = item_score((D(80), D(90), D(85), D(70), D(95)), 5)
    assert (score, kept, trimmed) == (D("85.00"), (D(80), D(85), D(90)), True)


def test_only_one_of_several_equal_extremes_is_dropped() -> None:
    assert item_score((D(90), D(90), D(80), D(80), D(85)), 5)[0] == D("85.00")  # (90 + 80 + 85) ÷ 3


def test_item_scores_round_half_up_to_two_places() -> None:
    assert item_score((D("90.01"), D("90.00")), 5)[0] == D("90.01")  # 90.005 → 90.01, not banker's 90.00
    assert item_score((D(85), D(86), D(86), D(0), D(100)), 5)[0] == D("85.67")


def test_ranks_are_shared_on_ties() -> None:
    entries = [_entry(1, [90] * 5), _entry(2, [95] * 5), _entry(3, [95] * 5), _entry(4, [80] * 5)]
    contests, _ = _run(_edition(entries))
    ranked = [(e.entry, e.rank) for e in _item(contests["e1"]).entries]
    assert ranked == [("e02", 1), ("e03", 1), ("e01", 3), ("e04", 4)]


def test_awards_follow_the_quotas_of_entries() -> None:
    entries = [_entry(n, [100 - n] * 5) for n in range(1, 11)]
    contests, _ = _run(_edition(entries))
    item = _item(contests["e1"])
    assert item.cutoffs == {"first": 1, "second": 3, "third": 6}  # 10%, +20%, +30% of 10
    assert [e.award_name for e in item.entries] == ["一等奖", "二等奖", "二等奖", "三等奖", "三等奖", "三等奖",
                                                    "", "", "", ""]


def test_entries_tied_at_a_quota_boundary_all_take_the_higher_award() -> None:
    scores = [99, 98, 97, 96, 95, 94, 94, 92, 91, 90]  # 6th and 7th tied at the third-prize boundary
    entries = [_entry(n, [s] * 5) for n, s in enumerate(scores, start=1)]
    entries[1]["scores"]["speech"] = [99] * 5  # 1st and 2nd tied at the first-prize boundary
    contests, _ = _run(_edition(entries))
    awards = [(e.entry, e.rank, e.award) for e in _item(contests["e1"]).entries]
    assert awards == [
        ("e01", 1, "first"), ("e02", 1, "first"), ("e03", 3, "second"), ("e04", 4, "third"), ("e05", 5, "third"),
        ("e06", 6, "third"), ("e07", 6, "third"), ("e08", 8, ""), ("e09", 9, ""), ("e10", 10, ""),
    ]


def test_quotas_are_configurable_per_edition() -> None:
    entries = [_entry(n, [100 - n] * 5) for n in range(1, 11)]
    contests, _ = _run(_edition(entries, quotas={"first": "0.2", "second": "0.2", "third": "0.2"}))
    assert _item(contests["e1"]).cutoffs == {"first": 2, "second": 4, "third": 6}


def test_overall_ranking_adds_items_and_excludes_a_zero() -> None:
    entries = [
        _entry(1, [90] * 5, [80] * 5), _entry(2, [85] * 5, [85] * 5), _entry(3, [99] * 5, [0] * 5),
        _entry(4, [95] * 5), _entry(5, [70] * 5, [70] * 5, group="b"),
    ]
    contests, _ = _run(_edition(entries))
    overall = contests["e1"].overall
    a = next(o for o in overall if o.group == "a")
    assert [(e.entry, e.total, e.rank) for e in a.entries] == [("e01", D("170.00"), 1), ("e02", D("170.00"), 1)]
    assert a.excluded == ("e03", "e04")
    b = next(o for o in overall if o.group == "b")
    assert [e.entry for e in b.entries] == ["e05"]


def test_participation_per_edition_and_in_total() -> None:
    first = _edition([_entry(1, [90] * 5), _entry(2, [90] * 5, unit="jyt"), _entry(3, [80] * 5, unit="jyt")])
    second = {**_edition([_entry(1, [90] * 5)]), "edition": 2, "year": 2024,
              "training_participants": 4000, "contest_participants": 1000}
    contests, scores = _run(first, second)
    assert contests["e1"].person_times == 6000
    assert contests["e1"].units == {"fgw": 1, "jyt": 2}
    totals = scores.contest_totals
    assert (totals.editions, totals.person_times, totals.finalists) == (2, 11000, 4)
    assert totals.units == {"fgw": 2, "jyt": 2}


@pytest.mark.parametrize(("entries", "code"), [
    ([_entry(1, [90, 90, 90, 90, 101])], "CONTEST001"),
    ([_entry(1, [90] * 5), _entry(1, [80] * 5)], "CONTEST002"),
    ([_entry(1, [90] * 5), {**_entry(2, [80] * 5), "name": "选手1"}], "CONTEST002"),
    ([_entry(1, [90, 90, 90, 90])], "CONTEST003"),
])
def test_impossible_contest_data_is_a_content_error(entries: list[dict[str, Any]], code: str) -> None:
    _, scores = _run(_edition(entries))
    assert [d.code for d in scores.diagnostics] == [code]
    assert scores.diagnostics[0].location.file == "content/contest/e1.yaml"


def test_quotas_over_the_whole_field_are_an_error() -> None:
    _, scores = _run(_edition([_entry(1, [90] * 5)], quotas={"first": "0.5", "second": "0.5", "third": "0.5"}))
    assert [d.code for d in scores.diagnostics] == ["CONTEST004"]
