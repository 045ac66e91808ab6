"""The home page: the year at a glance, every figure linking to the page that explains it."""

from __future__ import annotations

from typing import Any

from generator.render.charts import Series, bar_chart
from generator.render.pages import Page
from generator.render.views import urls
from generator.render.views.branches import band_names, branch_rows
from generator.render.views.bulletins import bulletin_rows
from generator.render.views.context import View
from generator.render.views.rankings import ranking_rows
from generator.render.views.secretaries import profile_rows
from generator.render.views.trainings import training_rows

TOP_BRANCHES = 5
LATEST_BULLETINS = 3


def figures(v: View) -> list[dict[str, Any]]:
    trainings = training_rows(v)
    trained = {m for t in v.corpus.trainings.values() for m in t.value.attendees}
    out = [{"label": "党支部", "value": str(len(v.corpus.branches)), "unit": "个", "url": urls.BRANCHES},
           {"label": "书记培训", "value": str(len(trainings)), "unit": "期", "url": urls.TRAININGS},
           {"label": "参训书记", "value": str(len(trained)), "unit": "人", "url": urls.TRAININGS}]
    totals = v.scores.contest_totals
    if totals is not None:
        out.append({"label": "写作大赛参训参赛", "value": f"{totals.person_times:,}", "unit": "人次",
                    "url": urls.CONTEST})
    fund = v.scores.fund
    if fund is not None:
        out.extend([{"label": "互助资金累计筹集", "value": fund.raised, "unit": "money", "url": urls.FUND},
                    {"label": "互助资金累计发放", "value": fund.disbursed, "unit": "money", "url": urls.FUND},
                    {"label": "受助党员", "value": str(fund.cases), "unit": "名", "url": urls.FUND}])
    out.append({"label": "警示教育案例", "value": str(len(v.corpus.cases)), "unit": "件", "url": urls.CASES})
    return out


def pages(v: View) -> list[Page]:
    rows = branch_rows(v, v.year)
    names = band_names(v)
    bands = [{"key": k, "name": n, "count": sum(1 for r in rows if r["band"] == k),
              "url": f"branches/band/{k}/"} for k, n in names.items()]
    chart = bar_chart("chart-home-bands", f"{v.year}年度党支部等次分布", "每个横条是评为该等次的党支部数量。",
                      [Series("count", "党支部数")], [(b["name"], [b["count"]]) for b in bands], unit="个")
    profiles = profile_rows(v)
    latest_year = max((p["year"] for p in profiles), default=v.year)
    data = {"year": v.year, "bands": bands, "chart": chart, "figures": figures(v),
            "top": ranking_rows(v, v.year)[:TOP_BRANCHES],
            "bulletins": bulletin_rows(v)[:LATEST_BULLETINS],
            "secretaries": [p for p in profiles if p["year"] == latest_year], "secretaries_year": latest_year}
    return [Page("index.html", "site/index.html.j2", f"{v.year}年度创建概览", data, section="home")]
