"""The mutual-aid fund (爱心互助资金): totals per year and cumulative, never a name or case code."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from generator.render.charts import Chart, Series, bar_chart
from generator.render.pages import Page, page_path
from generator.render.views import urls
from generator.render.views.context import View
from generator.scoring.results import FundTotals

_WAN = Decimal(10000)


def _wan(amount: Decimal) -> Decimal:
    return (amount / _WAN).quantize(Decimal("0.01"), ROUND_HALF_UP)


def fund_chart(fund: FundTotals) -> Chart:
    return bar_chart("chart-fund", "爱心互助资金逐年筹集与发放",
                     "每年两个横条：上为当年筹集金额，下为当年发放金额，单位万元。",
                     [Series("raised", "筹集"), Series("disbursed", "发放")],
                     [(f"{y.year}年", [_wan(y.raised), _wan(y.disbursed)]) for y in fund.years],
                     unit="万元", stacked=False)


def pages(v: View) -> list[Page]:
    fund = v.scores.fund
    data = {"fund": fund, "chart": fund_chart(fund) if fund and fund.years else None}
    return [Page(page_path(urls.FUND), "site/fund.html.j2", "党员爱心互助资金", data, section="fund")]
