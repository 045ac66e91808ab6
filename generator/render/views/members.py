"""Member points pages: one member's 四讲四有 points for one year, every line explained.

A page exists only for the members ``site.privacy.member_points`` publishes
(:meth:`View.public_points`): none, the top of each branch's ranking, or all.
It shows the total, the rank within the branch, each category, and every
points line (automatic and manual) with its rule and the records it came
from, linked to the branch's annual report of that year. Lines marked
``private`` (an individual's dues record) are never shown, on every page
alike, so their absence gives nothing away. When case names are masked, a
sanction line names no case: a link from a named member would unmask it.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from generator.models.corpus import BranchData
from generator.render.pages import Page, page_path
from generator.render.views import urls
from generator.render.views.context import View
from generator.scoring.results import BranchPoints, Evidence, MemberPoints, PointsLine


def member_pages(v: View, data: BranchData, years: list[int]) -> list[Page]:
    """The points pages of the branch's published members, for each year it has a points ranking."""
    pages = []
    for year in years:
        ranking = v.scores.points.get(data.id, {}).get(year)
        if ranking is None:
            continue
        branch_url = urls.branch(data.id) if year == v.year else urls.branch(data.id, year)
        for member in v.public_points(ranking):
            url = urls.member_points(data.id, year, member.member)
            pages.append(Page(page_path(url), "site/member_points.html.j2", f"{member.name}：{year}年度党员积分",
                              member_view(v, data, ranking, member, branch_url), section="branches"))
    return pages


def member_view(v: View, data: BranchData, ranking: BranchPoints, member: MemberPoints,
                branch_url: str) -> dict[str, Any]:
    mask = v.site.privacy.mask_case_names
    return {
        "name": member.name, "year": member.year, "total": member.total, "rank": member.rank,
        "count": len(ranking.members), "in_top_share": member.in_top_share, "share": ranking.share,
        "cutoff_rank": ranking.cutoff_rank, "vetoed": member.vetoed, "veto_reason": member.veto_reason,
        "branch": {"name": data.branch.value.name, "url": branch_url},
        "categories": [_category(v, key, name, member, branch_url, mask) for key, name in ranking.categories.items()],
    }


def _base(v: View, key: str) -> Decimal | None:
    assert v.corpus.points_scheme is not None
    return next((c.base for c in v.corpus.points_scheme.value.categories if c.key == key), None)


def _category(v: View, key: str, name: str, member: MemberPoints, branch_url: str, mask: bool) -> dict[str, Any]:
    return {
        "key": key, "name": name, "base": _base(v, key), "points": member.categories.get(key),
        "floored": key in member.floored,
        "lines": [_line(line, branch_url, mask) for line in member.lines if line.category == key and not line.private],
    }


def _line(line: PointsLine, branch_url: str, mask: bool) -> dict[str, Any]:
    return {"name": line.name, "auto": line.source == "auto", "count": line.count,
            "raw": line.raw, "points": line.points, "capped": line.raw != line.points, "rule": line.rule,
            "inputs": [_evidence(e, branch_url, mask) for e in line.inputs]}


def _evidence(item: Evidence, branch_url: str, mask: bool) -> dict[str, str]:
    if item.kind == "case" and mask:
        return {"label": "党纪处分", "counted": item.counted, "url": ""}
    if item.kind == "points_event":
        return {"label": item.label, "counted": item.counted, "url": ""}
    return {"label": item.label, "counted": item.counted, "url": urls.evidence(item, branch_url)}
