"""Property-based tests: bounds, monotonicity, order independence and weights as data."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.scoring.results import Evidence
from tests.scoring.corpora import CONFIG, YEAR, Branch, branch_score, case, dimension, perfect, run, world

SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
REQUIRED = ["branch_assembly", "committee_meeting", "group_meeting", "party_lecture", "org_life_meeting",
            "democratic_review", "warning_education"]


@st.composite
def branches(draw: st.DrawFn) -> Branch:
    """A perfect branch with random gaps: meetings dropped, dues unpaid, cadres, cases, rectifications."""
    b = perfect(size=draw(st.integers(4, 10)))
    keep = draw(st.lists(st.booleans(), min_size=len(b.activities), max_size=len(b.activities)))
    b.activities = [a for a, k in zip(b.activities, keep, strict=True) if k]
    for m in b.members:
        m["dues"] = {YEAR: sorted(draw(st.sets(st.integers(1, 12))))}
        if draw(st.integers(0, 4)) == 0:
            m["cadre_level"] = "department"
    b.branch["secretary_is_head"] = draw(st.booleans())
    b.events = b.events[: draw(st.integers(0, len(b.events)))]
    b.assessment = {"business_score": str(draw(st.decimals(0, 20, places=2)))}
    for n in range(draw(st.integers(0, 3))):
        closed = draw(st.sampled_from([None, f"{YEAR}-04-15", f"{YEAR}-08-15"]))
        b.rectifications.append({"id": f"r{n}", "issue": "other", "description": "问题", "found": f"{YEAR}-01-05",
                                 "deadline": f"{YEAR}-0{draw(st.integers(2, 9))}-28", "closed": closed})
    return b


def _cases(b: Branch, draw: st.DrawFn) -> dict[str, Any]:
    sanctions = st.sampled_from([None, "warning", "serious_warning", "removal_from_post", "probation", "expulsion"])
    return {f"cases/c{n}.md": case(b.member(draw(st.integers(1, len(b.members)))), draw(sanctions))
            for n in range(draw(st.integers(0, 2)))}


@SETTINGS
@given(data=st.data())
def test_every_score_lies_within_its_weight(data: st.DataObject) -> None:
    b = data.draw(branches())
    result = branch_score(run(world(b, files=_cases(b, data.draw))))
    for dim in result.dimensions:
        assert Decimal(0) <= dim.points <= dim.weight
        for item in dim.indicators:
            assert Decimal(0) <= item.points <= item.weight, item
            assert Decimal(0) <= item.ratio <= 1
    assert Decimal(0) <= result.total <= 100


@SETTINGS
@given(b=branches(), kind=st.sampled_from(REQUIRED), day=st.dates(dt.date(YEAR, 1, 1), dt.date(YEAR, 12, 31)),
       group=st.sampled_from(["g1", "g2"]))
def test_adding_a_required_meeting_never_lowers_the_score(b: Branch, kind: str, day: dt.date, group: str) -> None:
    before = branch_score(run(world(b)))
    meeting: dict[str, Any] = {"type": kind, "date": day.isoformat(), "topic": "补充的会议"}
    if kind == "group_meeting":
        meeting["group"] = group
    b.activities.append(meeting)
    after = branch_score(run(world(b)))
    assert after.total >= before.total
    for old, new in zip(before.dimensions, after.dimensions, strict=True):
        assert new.points >= old.points


def _without_positions(value: Any) -> Any:
    """The same results with every evidence's field path blanked (it names the record's place in its file)."""
    if isinstance(value, Evidence):
        return dataclasses.replace(value, field="")
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return type(value)(**{f.name: _without_positions(getattr(value, f.name)) for f in dataclasses.fields(value)})
    if isinstance(value, tuple):
        return tuple(_without_positions(v) for v in value)
    if isinstance(value, dict):
        return {k: _without_positions(v) for k, v in value.items()}
    return value


def _contest(entries: int) -> dict[str, Any]:
    return {
        "edition": 1, "title": "大赛", "year": YEAR, "training_participants": 10, "contest_participants": 5,
        "groups": [{"id": "a", "name": "甲组"}],
        "items": [{"id": "x", "name": "讲话撰写"}, {"id": "y", "name": "公文核改"}],
        "judges": [{"id": f"j{n}", "name": f"评委{n}"} for n in range(5)],
        "entries": [{"id": f"e{n}", "name": f"选手{n}", "unit": "fgw", "group": "a",
                     "scores": {"x": [80 + n % 4, 85, 90 - n % 3, 70, 95], "y": [60 + n % 5] * 5}}
                    for n in range(entries)],
    }


@SETTINGS
@given(data=st.data())
def test_the_order_of_records_never_changes_a_result(data: st.DataObject) -> None:
    b = data.draw(branches())
    other = perfect("c")
    files = world(b, other, files={**_cases(b, data.draw), "contest/e1.yaml": _contest(8), "fund/2024.yaml": {
        "donations": [{"unit": "fgw", "date": f"{YEAR}-0{n}-01", "amount": f"{n}00.5{n}"} for n in range(1, 6)],
        "disbursements": [{"case": f"AID-2024-00{n % 3}", "date": f"{YEAR}-05-01", "amount": "10", "cause": "illness"}
                          for n in range(4)],
    }})
    shuffled = copy.deepcopy(files)
    for content in shuffled.values():
        for key in ("activities", "members", "events", "rectifications", "entries", "attendees", "donations",
                    "disbursements"):
            if isinstance(content, dict) and isinstance(content.get(key), list):
                content[key] = data.draw(st.permutations(content[key]))
    reordered = dict(data.draw(st.permutations(list(shuffled.items()))))
    assert _without_positions(run(reordered)) == _without_positions(run(files))


@SETTINGS
@given(weight=st.integers(1, 39), business=st.decimals(0, 20, places=2))
def test_changing_a_weight_in_rubric_yaml_changes_the_score_accordingly(weight: int, business: Decimal) -> None:
    """Move weight between leadership and serving_center in the data: totals follow, no code involved."""
    b = perfect()
    b.assessment = {"business_score": str(business)}
    rubric = copy.deepcopy(CONFIG["rubric.yaml"])
    leadership, serving = rubric["dimensions"][0], rubric["dimensions"][3]
    leadership["weight"] = 40 - weight
    for item in leadership["indicators"]:
        item["weight"] = str(Decimal(40 - weight) / 4)
    serving["weight"] = weight
    serving["indicators"][0]["weight"] = weight
    result = branch_score(run({**world(b), "rubric.yaml": rubric}))
    expected = (Decimal(weight) * business / 20).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    assert dimension(result, "serving_center").points == expected
    assert dimension(result, "leadership").points == Decimal(40 - weight)
    assert result.total == Decimal(60) + Decimal(40 - weight) + dimension(result, "serving_center").points
