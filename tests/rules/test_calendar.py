"""The organisational-life calendar the site shows: held meetings and status per period."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from generator.load import discover
from generator.models.corpus import build_corpus
from generator.rules.calendar import BranchCalendar, branch_calendar
from generator.rules.periods import Span, add_years, runs, span_of, spans
from tests.conftest import MINIMAL
from tests.rules.trees import SITE, compliant


def _calendar(content: Callable[..., Path], today: dt.date, drop: tuple[str, int] | None = None) -> BranchCalendar:
    spec = compliant(9, groups=2)
    if drop:
        spec.drop(*drop)
    spec.activities[2024] = [a for a in spec.activities[2024] if a["date"] <= today]
    base = {k: v for k, v in MINIMAL.items() if not k.startswith("branches/")}
    found = discover(content({"site.yaml": SITE, **spec.files()}, base=base))
    corpus, _ = build_corpus(found.sources, found.assets)
    return branch_calendar(corpus, "fgw-zhc", 2024, today)


def test_statuses_per_period(content: Callable[..., Path]) -> None:
    calendar = _calendar(content, dt.date(2024, 8, 15), drop=("theme_day", 7))
    theme = next(r for r in calendar.requirements if r.type == "theme_day")
    statuses = [p.status for p in theme.periods]
    assert statuses[:6] == ["met"] * 6
    assert statuses[6] == "missed" and statuses[7] == "met" and statuses[8:] == ["open"] * 4
    assert [p.span.label()[0] for p in theme.missed] == ["2024年7月"]
    assert [len(p.held) for p in theme.periods][:2] == [1, 1]


def test_requirements_per_group_and_months(content: Callable[..., Path]) -> None:
    calendar = _calendar(content, dt.date(2024, 12, 31))
    groups = [r.group for r in calendar.requirements if r.type == "group_meeting"]
    assert groups == ["g1", "g2"]
    assert all(p.status == "met" for r in calendar.requirements for p in r.periods)
    assert len(calendar.months) == 12
    assert [h.type.value for h in calendar.months[0]] == ["committee_meeting", "theme_day", "group_meeting",
                                                           "group_meeting"]
    assert calendar.months[0][0].id == "2024-01-05-committee_meeting"


def test_period_utilities() -> None:
    assert [s.end for s in spans(2024, "quarter")] == [dt.date(2024, 3, 31), dt.date(2024, 6, 30),
                                                        dt.date(2024, 9, 30), dt.date(2024, 12, 31)]
    assert span_of(dt.date(2024, 2, 29), "month") == Span(2024, "month", 2)
    assert span_of(dt.date(2024, 8, 1), "quarter").label() == ("2024年第3季度", "2024 Q3")
    assert not Span(2024, "year").ended(dt.date(2024, 12, 30)) and Span(2024, "year").ended(dt.date(2024, 12, 31))
    assert add_years(dt.date(2024, 2, 29), 3) == dt.date(2027, 2, 28)
    months = [Span(2023, "month", 12), Span(2024, "month", 1), Span(2024, "month", 3)]
    assert [len(r) for r in runs(months)] == [2, 1]
