"""The branches table and its no-JavaScript variants, and every branch's annual report pages.

Each branch also has its members' points pages (:mod:`members`) as the privacy settings allow.
A branch's pages are made one branch at a time (:func:`report_pages`), not as one list: at
3,000 branches they are 11,000 pages, and the render stage makes, writes and forgets them
branch by branch, in worker processes that each take a share of the branches.
The table works without scripts: each sort order is a pre-rendered page
(``branches/``, ``branches/by-name/``…) and each band filter too
(``branches/band/<band>/``); ``site.js`` adds in-place sorting and filtering.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from generator.render.pages import Page, page_path
from generator.render.views import urls
from generator.render.views.branch_page import branch_pages, branch_years, profile_view, reference_day
from generator.render.views.context import View
from generator.render.views.members import member_pages

#: sort key → (URL, Chinese label)
SORTS = {"score": ("branches/", "按得分"), "name": ("branches/by-name/", "按名称"),
         "unit": ("branches/by-unit/", "按单位"), "members": ("branches/by-members/", "按党员人数")}


def band_names(v: View) -> dict[str, str]:
    assert v.corpus.rubric is not None
    return {band.key: band.name for band in v.corpus.rubric.value.bands}


def branch_rows(v: View, year: int) -> list[dict[str, Any]]:
    """One row per branch for ``year``, in id order; scores may be missing (not assessed).

    Computed once per render: the home page, the units and the branch listings all read them
    (callers must not change the rows).
    """
    return v.once(f"branch_rows/{year}", lambda: _branch_rows(v, year))


def _branch_rows(v: View, year: int) -> list[dict[str, Any]]:
    ranking = v.scores.rankings.get(year)
    ranks = {r.branch: r for r in ranking.branches} if ranking else {}
    day = reference_day(v, year)
    rows = []
    for branch_id, data in sorted(v.corpus.branches.items()):
        score = v.score(branch_id, year)
        profile = profile_view(v, data, day)
        ranked = ranks.get(branch_id)
        rows.append({
            "id": branch_id, "name": profile["name"], "url": urls.branch(branch_id),
            "unit": data.unit, "unit_name": v.unit_short(data.unit), "unit_url": urls.unit(data.unit),
            "unit_order": _unit_order(v, data.unit),
            "members": profile["full"] + profile["probationary"],
            "total": score.total if score else None, "band": score.band if score else "",
            "band_name": score.band_name if score else "未评定",
            "rank": ranked.rank if ranked else None, "unit_rank": ranked.unit_rank if ranked else None,
        })
    return rows


def _unit_order(v: View, unit_id: str) -> tuple[int, str]:
    unit = v.corpus.units.get(unit_id)
    return (unit.value.order if unit else 0, unit_id)


def sorted_rows(rows: list[dict[str, Any]], key: str) -> list[dict[str, Any]]:
    if key == "name":
        return sorted(rows, key=lambda r: (r["name"], r["id"]))
    if key == "unit":
        return sorted(rows, key=lambda r: (r["unit_order"], r["name"], r["id"]))
    if key == "members":
        return sorted(rows, key=lambda r: (-r["members"], r["name"], r["id"]))
    return sorted(rows, key=lambda r: (r["total"] is None, -(r["total"] or Decimal(0)), r["name"], r["id"]))


def pages(v: View) -> list[Page]:
    """The branches table, its sort orders and its band filters (the branches' own pages: :func:`report_pages`)."""
    rows = branch_rows(v, v.year)
    names = band_names(v)
    bands = [{"key": k, "name": n, "url": f"branches/band/{k}/", "count": sum(1 for r in rows if r["band"] == k)}
             for k, n in names.items()]
    units = sorted({(r["unit_order"], r["unit"], r["unit_name"]) for r in rows})
    common = {"year": v.year, "bands": bands, "sorts": [{"key": k, "url": u, "label": lbl}
                                                         for k, (u, lbl) in SORTS.items()],
              "units": [{"id": uid, "name": name} for _, uid, name in units]}
    out = []
    orders = {key: sorted_rows(rows, key) for key in SORTS}
    for key, (url, label) in SORTS.items():
        data = {**common, "rows": orders[key], "sort": key, "band": "", "variant": label}
        out.append(Page(page_path(url), "site/branches.html.j2", "党支部一览", data, section="branches",
                        search=key == "score", sitemap=key == "score"))
    for band in bands:
        selected = [r for r in orders["score"] if r["band"] == band["key"]]
        data = {**common, "rows": selected, "sort": "score", "band": band["key"], "variant": band["name"]}
        out.append(Page(page_path(band["url"]), "site/branches.html.j2", f"党支部一览：{band['name']}", data,
                        section="branches", search=False, sitemap=False))
    return out


def branch_ids(v: View) -> list[str]:
    """The branches whose :func:`report_pages` the site has, in id order.

    Every branch's pages look up its public findings: they are grouped here, once, so that the
    workers forked afterwards to make the branches' pages share the groups instead of each
    reading every finding again.
    """
    _ = v.public_findings
    return sorted(v.corpus.branches)


def report_pages(v: View, branch_id: str) -> list[Page]:
    """One branch's annual report for each year and its members' points pages."""
    data = v.corpus.branches[branch_id]
    years = branch_years(v, data)
    return [*branch_pages(v, data, years), *member_pages(v, data, years)]
