"""Dates a record cannot have: outside its year file, after today, or in the wrong order."""

from __future__ import annotations

import datetime as dt

from generator.codes import texts
from generator.diagnostics import Kind
from tests.rules.conftest import Run
from tests.rules.trees import activity, codes, compliant, dump


def test_activity_outside_its_year_file(run: Run) -> None:
    spec = compliant(3)
    spec.activities[2024].insert(0, activity("theme_day", dt.date(2023, 12, 28)))
    found = [d for d in run(spec) if d.code == "DATE001"]
    assert len(found) == 1 and found[0].kind is Kind.ERROR
    assert found[0].location.field == "activities[1].date" and found[0].location.line == 3
    assert "2023.yaml" in texts(found[0], "zh")[1]


def test_review_date_outside_its_assessment_year(run: Run) -> None:
    spec = compliant(3)
    spec.assessments[2024] = {"business_score": 18, "review": {"date": dt.date(2025, 1, 8), "grades": {}}}
    assert "DATE001" in codes(run(spec, today=dt.date(2025, 2, 1)))


def test_dates_after_today(run: Run) -> None:
    spec = compliant(3)
    spec.members[2]["joined"] = dt.date(2025, 7, 1)
    found = [d for d in run(spec, today=dt.date(2024, 12, 31)) if d.code == "DATE002"]
    assert [d.location.field for d in found] == ["members[3].joined"]
    spec = compliant(3)
    spec.activities[2024] = [a for a in spec.activities[2024] if a["date"] <= dt.date(2024, 12, 20)]
    found = [d for d in run(spec, today=dt.date(2024, 12, 19)) if d.code == "DATE002"]
    assert len(found) == 1 and "2024年12月20日" in texts(found[0], "zh")[0]
    assert "DATE002" not in codes(run(spec, today=dt.date(2024, 12, 20)))


def test_dates_in_the_wrong_order(run: Run) -> None:
    spec = compliant(4)
    spec.members[3]["left"] = dt.date(1990, 1, 1)
    spec.rectifications = [{"id": "r1", "issue": "dues", "description": "党费", "found": dt.date(2024, 5, 1),
                            "deadline": dt.date(2024, 4, 1), "closed": dt.date(2024, 4, 20)}]
    training = {"title": "示范培训班", "kind": "demonstration", "start": dt.date(2024, 5, 9),
                "end": dt.date(2024, 5, 6), "attendees": ["fgw-zhc-01"]}
    found = [d for d in run(spec, extra={"trainings/t2024.yaml": dump(training)}) if d.code == "DATE003"]
    assert sorted(d.location.field for d in found) == ["end", "members[4].left", "rectifications[1].closed",
                                                       "rectifications[1].deadline"]
    assert all(d.kind is Kind.ERROR for d in found)


def test_consistent_dates_pass(run: Run) -> None:
    spec = compliant(3)
    spec.rectifications = [{"id": "r1", "issue": "dues", "description": "党费", "found": dt.date(2024, 5, 1),
                            "deadline": dt.date(2024, 6, 1), "closed": dt.date(2024, 5, 20)}]
    assert codes(run(spec)) == []
