"""Rectifications: open past the deadline is overdue; closed late is noted."""

from __future__ import annotations

import datetime as dt
from typing import Any

from generator.codes import texts
from generator.diagnostics import Severity
from generator.models.activity import Rectification
from generator.rules.rectification import overdue_on
from tests.rules.conftest import Run
from tests.rules.trees import codes, compliant


def _item(**extra: Any) -> dict[str, Any]:
    return {"id": "r2024-01", "issue": "org_life", "description": "组织生活不规范", "found": dt.date(2024, 3, 1),
            "deadline": dt.date(2024, 10, 1), **extra}


def test_open_after_the_deadline_is_serious(run: Run) -> None:
    spec = compliant(3)
    spec.rectifications = [_item()]
    found = [d for d in run(spec) if d.code == "RECT001"]
    assert len(found) == 1 and found[0].severity is Severity.SERIOUS and found[0].records == ("r2024-01",)
    assert "91 天" in texts(found[0], "zh")[0] and "不按规定开展组织生活" in texts(found[0], "zh")[0]


def test_open_before_or_on_the_deadline_is_fine(run: Run) -> None:
    spec = compliant(3)
    spec.rectifications = [_item(deadline=dt.date(2024, 12, 31))]
    assert codes(run(spec)) == []


def test_closed_on_time_is_fine_and_closed_late_is_a_notice(run: Run) -> None:
    spec = compliant(3)
    spec.rectifications = [_item(closed=dt.date(2024, 10, 1))]
    assert codes(run(spec)) == []
    spec.rectifications = [_item(closed=dt.date(2024, 10, 9))]
    found = [d for d in run(spec) if d.code.startswith("RECT")]
    assert [(d.code, d.severity) for d in found] == [("RECT002", Severity.NOTICE)]


def test_overdue_on_any_day_for_the_year_end_veto() -> None:
    item = Rectification.model_validate(_item(closed=dt.date(2025, 1, 15)))
    assert overdue_on(item, dt.date(2024, 12, 31))
    assert not overdue_on(item, dt.date(2025, 1, 15))
    assert not overdue_on(item, dt.date(2024, 10, 1))
