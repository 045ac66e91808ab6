"""The bundled content states the seed's figures from its own records."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from generator.pipeline import Checked, Settings, check
from tests.conftest import BUNDLED


@pytest.fixture(scope="module")
def checked(tmp_path_factory: pytest.TempPathFactory) -> Checked:
    return check(Settings(BUNDLED, tmp_path_factory.mktemp("site")))


def test_the_fund_raised_over_1570_wan_and_paid_175_78_wan_to_155_members(checked: Checked) -> None:
    assert checked.scores is not None and checked.scores.fund is not None
    fund = checked.scores.fund
    assert fund.raised > Decimal("15700000")
    assert fund.disbursed == Decimal("1757800.00")
    assert fund.cases == 155


def test_two_contest_editions_with_11000_person_times(checked: Checked) -> None:
    assert checked.scores is not None and checked.scores.contest_totals is not None
    totals = checked.scores.contest_totals
    assert (totals.editions, totals.person_times) == (2, 11000)


def test_scoring_finds_no_content_error_in_the_bundled_content(checked: Checked) -> None:
    assert checked.scores is not None
    assert [(d.code, d.location.prefix()) for d in checked.scores.diagnostics] == []


def test_the_same_content_scores_the_same_on_every_run(checked: Checked) -> None:
    again = check(Settings(BUNDLED, BUNDLED.parent / "unused", today=checked.today or dt.date(2024, 12, 31)))
    assert again.scores == checked.scores
