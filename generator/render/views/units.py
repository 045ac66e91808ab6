"""Units (省直部门): the list with band counts and a chart, and a page per unit with its branches."""

from __future__ import annotations

from typing import Any

from generator.render.charts import Chart, Series, bar_chart
from generator.render.pages import Page, page_path
from generator.render.views import urls
from generator.render.views.branches import band_names, branch_rows, sorted_rows
from generator.render.views.context import View


def unit_ids(v: View) -> list[str]:
    return sorted(v.corpus.units, key=lambda u: (v.corpus.units[u].value.order, u))


def band_counts(v: View, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Per unit: id, names, link, branch count and the count per band (rubric order)."""
    names = band_names(v)
    out = []
    for unit_id in unit_ids(v):
        mine = [r for r in rows if r["unit"] == unit_id]
        out.append({"id": unit_id, "name": v.unit_name(unit_id), "short": v.unit_short(unit_id),
                    "url": urls.unit(unit_id), "branches": len(mine),
                    "bands": [sum(1 for r in mine if r["band"] == key) for key in names],
                    "unrated": sum(1 for r in mine if not r["band"])})
    return out


def bands_chart(v: View, counts: list[dict[str, Any]]) -> Chart:
    names = band_names(v)
    series = [Series(key, name) for key, name in names.items()]
    return bar_chart("chart-bands", f"{v.year}年度各单位党支部等次分布",
                     "横条按等次分段，显示每个单位评为各等次的党支部数量。", series,
                     [(c["short"], c["bands"]) for c in counts], unit="个")


def pages(v: View) -> list[Page]:
    rows = branch_rows(v, v.year)
    counts = band_counts(v, rows)
    names = band_names(v)
    out = [Page(page_path(urls.UNITS), "site/units.html.j2", "省直部门（单位）",
                {"year": v.year, "units": counts, "band_names": list(names.values()),
                 "chart": bands_chart(v, counts)}, section="units")]
    for count in counts:
        mine = sorted_rows([r for r in rows if r["unit"] == count["id"]], "score")
        out.append(Page(page_path(count["url"]), "site/unit.html.j2", count["name"],
                        {"year": v.year, "unit": count, "rows": mine, "band_names": list(names.values())},
                        section="units"))
    return out
