"""Democratic review: probationary members are not graded; 优秀 at most a third of those graded."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from generator.codes import texts
from generator.diagnostics import Kind
from generator.rules.review import excellent_allowed
from tests.rules.conftest import Run
from tests.rules.trees import codes, compliant, member_id


def _review(grades: dict[int, str]) -> dict[str, object]:
    return {"business_score": 18, "review": {"date": dt.date(2024, 12, 21),
                                             "grades": {member_id(i): g for i, g in grades.items()}}}


def test_probationary_member_graded_is_a_content_error(run: Run) -> None:
    spec = compliant(4)
    spec.members[3].update(status="probationary", joined=dt.date(2024, 3, 1), dues={2024: list(range(3, 13))})
    spec.assessments[2024] = _review({1: "qualified", 2: "qualified", 3: "qualified", 4: "qualified"})
    found = [d for d in run(spec) if d.code == "REV001"]
    assert len(found) == 1 and found[0].kind is Kind.ERROR and found[0].records == (member_id(4),)
    assert found[0].location.field == f"review.grades.{member_id(4)}"
    del spec.assessments[2024]["review"]["grades"][member_id(4)]
    assert "REV001" not in codes(run(spec))


def test_a_member_recorded_full_but_still_in_probation_on_the_review_day(run: Run) -> None:
    spec = compliant(4)
    spec.members[3].update(joined=dt.date(2024, 3, 1), dues={2024: list(range(3, 13))})
    spec.assessments[2024] = _review({1: "qualified", 4: "qualified"})
    assert "REV001" in codes(run(spec))


@pytest.mark.parametrize(("graded", "excellent", "error"), [(3, 1, False), (3, 2, True), (6, 2, False),
                                                             (6, 3, True), (2, 1, True), (9, 3, False)])
def test_excellent_share(run: Run, graded: int, excellent: int, error: bool) -> None:
    spec = compliant(max(graded, 3))
    grades = {i: ("excellent" if i <= excellent else "qualified") for i in range(1, graded + 1)}
    spec.assessments[2024] = _review(grades)
    found = [d for d in run(spec) if d.code == "REV002"]
    assert bool(found) is error
    if error:
        assert "三分之一" in texts(found[0], "zh")[0] and "1/3" in texts(found[0], "en")[0]
        assert len(found[0].records) == excellent


def test_allowed_reads_a_rounded_share_as_a_simple_fraction() -> None:
    assert excellent_allowed(3, Decimal("0.3333")) == 1
    assert excellent_allowed(30, Decimal("0.3333")) == 10
    assert excellent_allowed(10, Decimal("0.3")) == 3
    assert excellent_allowed(2, Decimal("0.3333")) == 0
