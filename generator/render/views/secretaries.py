"""Exemplary branch secretaries (优秀党支部书记): the list by year and a profile page each."""

from __future__ import annotations

from typing import Any

from generator.render.pages import Page, page_path
from generator.render.views import urls
from generator.render.views.context import View


def profile_rows(v: View) -> list[dict[str, Any]]:
    rows = []
    for profile_id, at in v.corpus.profiles.items():
        p = at.value
        score = v.score(p.branch, p.year)
        branch = v.corpus.branches.get(p.branch)
        unit = branch.unit if branch else ""
        rows.append({
            "id": profile_id, "url": urls.secretary(profile_id), "name": v.member_name(p.member),
            "title": p.title, "year": p.year, "branch": v.branch_name(p.branch),
            "branch_url": urls.branch(p.branch) if p.year == v.year else urls.branch(p.branch, p.year),
            "unit_name": v.unit_name(unit), "unit_url": urls.unit(unit) if unit else "",
            "photo": f"assets/{p.photo}" if p.photo and p.photo in v.corpus.assets else "",
            "total": score.total if score else None, "band_name": score.band_name if score else "",
        })
    return sorted(rows, key=lambda r: (-r["year"], r["unit_name"], r["name"], r["id"]))


def pages(v: View) -> list[Page]:
    rows = profile_rows(v)
    years = sorted({r["year"] for r in rows}, reverse=True)
    out = [Page(page_path(urls.SECRETARIES), "site/secretaries.html.j2", "优秀党支部书记",
                {"years": [{"year": y, "rows": [r for r in rows if r["year"] == y]} for y in years]},
                section="secretaries")]
    for row in rows:
        at = v.corpus.profiles[row["id"]]
        page = Page(page_path(row["url"]), "site/secretary.html.j2", f"{row['name']}：{row['title']}",
                    {"profile": row}, section="secretaries")
        body = v.render_body(at, page.root)
        out.append(Page(page.path, page.template, page.title, {"profile": row, "story": body},
                        section="secretaries"))
    return out
