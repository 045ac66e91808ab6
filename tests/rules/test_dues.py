"""Party dues: any unpaid month is a warning, six in a row is serious."""

from __future__ import annotations

import datetime as dt

from generator.codes import texts
from generator.diagnostics import Severity
from generator.models.org import Member
from generator.rules.dues import owed_months, unpaid_months
from tests.rules.conftest import Run
from tests.rules.trees import codes, compliant, member_id


def test_an_unpaid_month_is_a_warning_at_the_dues_line(run: Run) -> None:
    spec = compliant(3)
    spec.members[1]["dues"][2024].remove(5)
    found = [d for d in run(spec) if d.code.startswith("DUES")]
    assert [d.code for d in found] == ["DUES001"]
    assert found[0].severity is Severity.WARNING and found[0].records == (member_id(2),)
    assert found[0].location.field == "members[2].dues.2024" and found[0].location.line > 0
    assert "5月" in texts(found[0], "zh")[0] and "May" in texts(found[0], "en")[0]


def test_the_current_month_is_not_yet_owed(run: Run) -> None:
    spec = compliant(3)
    for m in spec.members:
        m["dues"] = {2024: [1, 2, 3, 4]}
    spec.activities[2024] = [a for a in spec.activities[2024] if a["date"] <= dt.date(2024, 5, 20)]
    assert not [c for c in codes(run(spec, today=dt.date(2024, 5, 20))) if c.startswith("DUES")]
    assert "DUES001" in codes(run(spec, today=dt.date(2024, 5, 31)))


def test_months_before_joining_are_not_owed(run: Run) -> None:
    spec = compliant(4)
    spec.members[3].update(status="probationary", joined=dt.date(2024, 5, 15), dues={2024: list(range(6, 13))})
    assert not [c for c in codes(run(spec)) if c.startswith("DUES")]


def test_six_unpaid_months_in_a_row_are_serious(run: Run) -> None:
    spec = compliant(3)
    spec.members[2]["dues"] = {2024: [1, 2, 3, 4, 11, 12]}
    found = [d for d in run(spec) if d.code == "DUES002"]
    assert len(found) == 1 and found[0].severity is Severity.SERIOUS
    assert "2024年5月" in texts(found[0], "zh")[0] and "2024年10月" in texts(found[0], "zh")[0]


def test_five_unpaid_months_in_a_row_are_not_serious(run: Run) -> None:
    spec = compliant(3)
    spec.members[2]["dues"] = {2024: [1, 2, 3, 4, 10, 11, 12]}
    found = codes(run(spec))
    assert "DUES001" in found and "DUES002" not in found


def test_a_run_across_the_year_boundary(run: Run) -> None:
    spec = compliant(3)
    for m in spec.members:
        m["dues"] = {2023: list(range(1, 13)), 2024: list(range(1, 13))}
    spec.members[2]["dues"] = {2023: list(range(1, 10)), 2024: list(range(4, 13))}
    found = [d for d in run(spec) if d.code == "DUES002"]
    assert len(found) == 1 and "2023年10月" in texts(found[0], "zh")[0] and "2024年3月" in texts(found[0], "zh")[0]


def test_helpers_for_scoring() -> None:
    member = Member.model_validate({"id": "a", "name": "张三", "status": "full", "joined": "2024-03-01",
                                    "position": "科员", "dues": {2024: [3, 4]}})
    assert [s.index for s in owed_months(member, 2024, dt.date(2024, 6, 30))] == [3, 4, 5, 6]
    assert [s.index for s in unpaid_months(member, 2024, dt.date(2024, 6, 30))] == [5, 6]
