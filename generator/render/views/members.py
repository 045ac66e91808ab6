"""Member points pages: one member's 四讲四有 points for one year, every line explained.

A page exists only for the members ``site.privacy.member_points`` publishes
(:meth:`View.public_points`): none, the top of each branch's ranking, or all.
It shows the total, the rank within the branch, each category, and every
points line (automatic and manual) with its rule and the records it came
from, linked to the branch's annual report of that year. Lines marked
``private`` (an individual's dues record) are never shown, on every page
alike, so their absence gives nothing away. When case names are masked, a
sanction line names no case: a link from a named member would unmask it.

Points come formatted (``25.00``, a line's signed ``+10.00``): there are some
ten thousand of these pages, and the template shows each category's points twice.
"""

from __future__ import annotations

from typing import Any

from generator.models.corpus import BranchData
from generator.render.env import number
from generator.render.pages import Page, page_path
from generator.render.views import urls
from generator.render.views.context import View, points
from generator.scoring.results import BranchPoints, Evidence, MemberPoints, PointsLine


def member_pages(v: View, data: BranchData, years: list[int]) -> list[Page]:
    """The points pages of the branch's published members, for each year it has a points ranking."""
    pages = []
    for year in years:
        ranking = v.scores.points.get(data.id, {}).get(year)
        if ranking is None:
            continue
        branch_url = urls.branch(data.id) if year == v.year else urls.branch(data.id, year)
        evidence = EvidenceViews(branch_url, v.site.privacy.mask_case_names)
        for member in v.public_points(ranking):
            url = urls.member_points(data.id, year, member.member)
            pages.append(Page(page_path(url), "site/member_points.html.j2", f"{member.name}：{year}年度党员积分",
                              member_view(v, data, ranking, member, evidence), section="branches",
                              search=False))
    return pages


class EvidenceViews:
    """The records behind a branch-year's points lines as the pages show them, each made once.

    Scoring shares one :class:`Evidence` among every member a record counted for (a meeting
    they all attended), so the members' pages of a branch repeat the same records. The memo is
    keyed by identity and keeps each record, so no id is reused while it lives.
    """

    def __init__(self, branch_url: str, mask: bool) -> None:
        self.branch_url = branch_url
        self.mask = mask
        self._made: dict[int, tuple[Evidence, dict[str, str]]] = {}

    def __call__(self, item: Evidence) -> dict[str, str]:
        found = self._made.get(id(item))
        if found is None:
            found = self._made[id(item)] = (item, _evidence(item, self.branch_url, self.mask))
        return found[1]


def member_view(v: View, data: BranchData, ranking: BranchPoints, member: MemberPoints,
                evidence: EvidenceViews) -> dict[str, Any]:
    bases = v.once("points/bases", lambda: _bases(v))
    lines: dict[str, list[dict[str, Any]]] = {key: [] for key in ranking.categories}
    for line in member.lines:
        if not line.private and line.category in lines:
            lines[line.category].append(_line(line, evidence))
    return {
        "name": member.name, "year": member.year, "total": member.total, "rank": member.rank,
        "count": len(ranking.members), "in_top_share": member.in_top_share, "share": ranking.share,
        "cutoff_rank": ranking.cutoff_rank, "vetoed": member.vetoed, "veto_reason": member.veto_reason,
        "branch": {"name": data.branch.value.name, "url": evidence.branch_url},
        "categories": [{"key": key, "name": name, "base": bases.get(key), "points": points(member.categories.get(key)),
                        "floored": key in member.floored, "lines": lines[key]}
                       for key, name in ranking.categories.items()],
    }


def _bases(v: View) -> dict[str, str]:
    """Each category's base points, formatted."""
    assert v.corpus.points_scheme is not None
    found: dict[str, str] = {}
    for category in v.corpus.points_scheme.value.categories:
        found.setdefault(category.key, number(category.base))
    return found


def _line(line: PointsLine, evidence: EvidenceViews) -> dict[str, Any]:
    return {"name": line.name, "auto": line.source == "auto", "count": line.count,
            "raw": number(line.raw), "points": f"+{number(line.points)}" if line.points > 0 else number(line.points),
            "capped": line.raw != line.points, "rule": line.rule, "inputs": [evidence(e) for e in line.inputs]}


def _evidence(item: Evidence, branch_url: str, mask: bool) -> dict[str, str]:
    if item.kind == "case" and mask:
        return {"label": "党纪处分", "counted": item.counted, "url": ""}
    if item.kind == "points_event":
        return {"label": item.label, "counted": item.counted, "url": ""}
    return {"label": item.label, "counted": item.counted, "url": urls.evidence(item, branch_url)}
