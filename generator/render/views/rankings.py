"""Rankings: branches by score province-wide and within each unit, and points leaders per branch."""

from __future__ import annotations

from typing import Any

from generator.render.pages import Page, page_path
from generator.render.views import urls
from generator.render.views.branch_page import points_view
from generator.render.views.context import View


def ranking_rows(v: View, year: int) -> list[dict[str, Any]]:
    ranking = v.scores.rankings.get(year)
    if ranking is None:
        return []
    return [{"rank": r.rank, "unit_rank": r.unit_rank, "id": r.branch, "name": v.branch_name(r.branch),
             "url": urls.branch(r.branch), "unit": r.unit, "unit_name": v.unit_short(r.unit),
             "unit_url": urls.unit(r.unit), "total": r.total, "band": r.band, "band_name": r.band_name}
            for r in ranking.branches]


def pages(v: View) -> list[Page]:
    rows = ranking_rows(v, v.year)
    by_unit: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        by_unit.setdefault(row["unit"], []).append(row)
    units = [{"id": uid, "name": v.unit_name(uid), "url": urls.unit(uid),
              "rows": sorted(by_unit[uid], key=lambda r: (r["unit_rank"], r["name"]))}
             for uid in sorted(by_unit, key=lambda u: (v.corpus.units[u].value.order if u in v.corpus.units else 0,
                                                       u))]
    leaders = []
    if v.site.privacy.member_points != "none":
        for branch_id in sorted(v.corpus.branches):
            points = points_view(v, branch_id, v.year)
            if points and points["members"]:
                leaders.append({"name": v.branch_name(branch_id), "url": urls.branch(branch_id),
                                "members": points["members"]})
    data = {"year": v.year, "rows": rows, "units": units, "leaders": leaders,
            "scope": v.site.privacy.member_points, "top": v.site.privacy.top_points}
    return [Page(page_path(urls.RANKINGS), "site/rankings.html.j2", f"{v.year}年度排行榜", data,
                 section="rankings")]
