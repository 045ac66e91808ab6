"""Free pages (关于本站…), the search page, the 404 page and the staff findings page.

The findings page lists every compliance finding, public or not, for the
work committee's staff: it is not linked from the navigation, carries
``noindex`` and stays out of the search index and the sitemap.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from generator.codes import REGISTRY
from generator.render.pages import Page, page_path
from generator.render.views import urls
from generator.render.views.branch_page import finding_views
from generator.render.views.context import View


def free_pages(v: View) -> list[Page]:
    out = []
    for page_id, at in sorted(v.corpus.pages.items(), key=lambda kv: (kv[1].value.order, kv[0])):
        path = page_path(urls.page(page_id))
        body = v.render_body(at, "../" * path.count("/"))
        out.append(Page(path, "site/free.html.j2", at.value.title, {"body": body}, section=page_id))
    return out


def nav_pages(v: View) -> list[dict[str, str]]:
    """Free pages for the footer, in their configured order."""
    return [{"title": at.value.title, "url": urls.page(pid)}
            for pid, at in sorted(v.corpus.pages.items(), key=lambda kv: (kv[1].value.order, kv[0]))]


def search_page(pagefind: dict[str, str]) -> Page:
    return Page(page_path(urls.SEARCH), "site/search.html.j2", "全站搜索", {"pagefind": pagefind},
                section="search", search=False)


def not_found() -> Page:
    return Page("404.html", "site/404.html.j2", "页面不存在", {}, search=False, sitemap=False)


def findings_page(v: View) -> Page:
    findings = v.findings(public_only=False)
    units: dict[str, dict[str, list[Any]]] = {}
    for diag in findings:
        branch = v.corpus.branches.get(diag.branch)
        unit = diag.unit or (branch.unit if branch else "")
        units.setdefault(unit, {}).setdefault(diag.branch, []).append(diag)
    codes = Counter(d.code for d in findings)
    groups = []
    for unit_id in sorted(units, key=lambda u: (u == "", v.unit_name(u))):
        branches = []
        for branch_id in sorted(units[unit_id], key=lambda b: (b == "", v.branch_name(b))):
            items = units[unit_id][branch_id]
            counts = Counter(d.code for d in items)
            branches.append({"id": branch_id, "name": v.branch_name(branch_id) if branch_id else "不属于单个支部",
                             "url": urls.branch(branch_id) if branch_id in v.corpus.branches else "",
                             "counts": [{"code": c, "count": n} for c, n in sorted(counts.items())],
                             "findings": finding_views(items)})
        groups.append({"name": v.unit_name(unit_id) if unit_id else "未归属单位", "branches": branches,
                       "count": sum(len(units[unit_id][b["id"]]) for b in branches)})
    data: dict[str, Any] = {"groups": groups, "total": len(findings),
                            "codes": [{"code": c, "title": REGISTRY[c].title_zh, "severity": REGISTRY[c].severity.value,
                                       "count": n} for c, n in sorted(codes.items())]}
    return Page(page_path(urls.STAFF_FINDINGS), "site/findings.html.j2", "合规检查问题清单（内部）", data,
                search=False, sitemap=False, noindex=True)
