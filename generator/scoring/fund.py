"""Stage 4, scoring: the mutual-aid fund's totals — raised, disbursed and assisted cases.

Totals only, per year and cumulative, counted exactly in ``Decimal`` yuan;
recipients are counted by distinct case code and never named. Spending more
than has been raised by the end of any year is a content error.
"""

from __future__ import annotations

from decimal import Decimal

from generator.codes import make
from generator.diagnostics import Diagnostic
from generator.models.campaign import FundYear
from generator.models.corpus import At
from generator.scoring import codes
from generator.scoring.results import FundTotals, FundYearTotals

ZERO = Decimal("0.00")


def fund_totals(funds: dict[int, At[FundYear]]) -> tuple[FundTotals, list[Diagnostic]]:
    """Per-year and cumulative totals of the fund, and the years it was overspent."""
    years: list[FundYearTotals] = []
    problems: list[Diagnostic] = []
    raised_so_far = disbursed_so_far = ZERO
    cases_so_far: set[str] = set()
    for year in sorted(funds):
        at = funds[year]
        raised = sum((d.amount for d in at.value.donations), ZERO)
        disbursed = sum((d.amount for d in at.value.disbursements), ZERO)
        cases = {d.case for d in at.value.disbursements}
        raised_so_far += raised
        disbursed_so_far += disbursed
        cases_so_far |= cases
        years.append(FundYearTotals(year, raised, disbursed, len(cases), raised_so_far, disbursed_so_far,
                                    len(cases_so_far)))
        if disbursed_so_far > raised_so_far:
            problems.append(make(codes.OVERSPENT, at.loc("disbursements"), year=year, disbursed=disbursed_so_far,
                                 raised=raised_so_far))
    totals = FundTotals(tuple(years), raised_so_far, disbursed_so_far, raised_so_far - disbursed_so_far,
                        len(cases_so_far))
    return totals, problems
