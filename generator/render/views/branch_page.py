"""One branch's public annual report for one year: profile, committee, score, calendar, records.

The current year is at ``branches/<id>/``, earlier years at
``branches/<id>/<year>/``. Findings are filtered by ``site.privacy.public_findings`` and
shown on the page of the year they are about, dues findings only counted (an
individual's dues record is never published);
member points appear only as ``site.privacy.member_points`` allows.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from generator.codes import REGISTRY, texts
from generator.diagnostics import Diagnostic
from generator.labels import zh
from generator.models.base import MemberStatus, Role
from generator.models.corpus import BranchData
from generator.render.pages import Page, page_path
from generator.render.views import urls
from generator.render.views.context import View, points
from generator.render.views.finding_years import page_year
from generator.render.views.orglife import calendar
from generator.render.views.scorecard import scorecard
from generator.rules import dues
from generator.rules.roster import BranchView, has_committee

ROLE_ORDER = (Role.SECRETARY, Role.DEPUTY_SECRETARY, Role.ORGANIZATION, Role.PROPAGANDA, Role.DISCIPLINE)


def branch_years(v: View, data: BranchData) -> list[int]:
    scored = set(v.scores.branches.get(data.id, {}))
    return sorted({y for y in set(data.years()) | scored if y <= v.year} | {v.year})


def branch_pages(v: View, data: BranchData, years: list[int]) -> list[Page]:
    """The branch's annual report for each of ``years`` (:func:`branch_years`)."""
    assert v.corpus.requirements is not None
    roster = BranchView(data, v.corpus.requirements.value.branch)
    pages = []
    for year in years:
        url = urls.branch(data.id) if year == v.year else urls.branch(data.id, year)
        title = data.branch.value.name if year == v.year else f"{data.branch.value.name}（{year}年度）"
        report = annual_report(v, roster, year, years, url)
        pages.append(Page(page_path(url), "site/branch.html.j2", title, report, section="branches"))
    return pages


def reference_day(v: View, year: int) -> dt.date:
    return min(v.today, dt.date(year, 12, 31))


def annual_report(v: View, roster: BranchView, year: int, years: list[int], url: str) -> dict[str, Any]:
    assert v.corpus.requirements is not None
    data = roster.data
    root = "../" * url.count("/")
    day = reference_day(v, year)
    committee = committee_view(v, data, day)
    score = v.score(data.id, year)
    report = data.reports.get(year)
    return {
        "year": year,
        "profile": profile_view(v, data, day),
        "committee": committee,
        "score": scorecard(score, url) if score else None,
        "calendar": calendar(roster, v.corpus.requirements.value, year, v.today),
        "activities": activities_view(v, roster, year),
        "points": points_view(v, data.id, year),
        "findings": findings_view(v, data.id, year, years),
        "public_levels": [_SEVERITY[s] for s in v.site.privacy.public_findings],
        "rectifications": rectifications_view(data, v.today),
        "report": {"title": report.value.title or f"{year}年度工作报告", "html": v.render_body(report, root)}
        if report else None,
        "years": [{"year": y, "url": urls.branch(data.id) if y == v.year else urls.branch(data.id, y),
                   "current": y == year} for y in years],
    }


def profile_view(v: View, data: BranchData, day: dt.date) -> dict[str, Any]:
    branch = data.branch.value
    on_roll = [m.value for m in data.members if m.value.on_roll(day.year, day.month)]
    return {
        "id": data.id, "name": branch.name, "unit": data.unit, "unit_name": v.unit_name(data.unit),
        "unit_url": urls.unit(data.unit), "internal_body": branch.internal_body, "founded": branch.founded,
        "secretary_is_head": branch.secretary_is_head,
        "full": sum(1 for m in on_roll if m.status is MemberStatus.FULL),
        "probationary": sum(1 for m in on_roll if m.status is MemberStatus.PROBATIONARY),
        "groups": [{"name": g.name, "leader": v.member_name(g.leader),
                    "size": sum(1 for m in on_roll if m.group == g.id)} for g in branch.groups],
    }


def committee_view(v: View, data: BranchData, day: dt.date) -> dict[str, Any] | None:
    term = data.branch.value.term_on(day)
    if term is None:
        return None
    assert v.corpus.requirements is not None
    years = v.corpus.requirements.value.branch.term_years
    seats = sorted(term.members, key=lambda s: ROLE_ORDER.index(s.role))
    return {
        "elected": term.elected,
        "term_end": _add_years(term.elected, years),
        "is_committee": has_committee(term, v.corpus.requirements.value.branch),
        "secretary": v.member_name(term.holder(Role.SECRETARY)),
        "seats": [{"role": zh(s.role), "name": v.member_name(s.member)} for s in seats],
        "postponement": data.branch.value.postponement,
    }


def _add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def activities_view(v: View, roster: BranchView, year: int) -> list[dict[str, Any]]:
    """The year's activities in date order, each anchored by the id the scores' evidence uses."""
    rows = [{"anchor": urls.activity_anchor(record), "date": at.value.date, "type": zh(at.value.type),
             "topic": at.value.topic, "lecturer": v.member_name(at.value.lecturer),
             "absent": len(at.value.absentees), "summary": at.value.summary or ""}
            for record, at in roster.activities_with_ids(year)]
    return sorted(rows, key=lambda r: (r["date"], r["type"], r["anchor"]))


def points_view(v: View, branch_id: str, year: int) -> dict[str, Any] | None:
    ranking = v.scores.points.get(branch_id, {}).get(year)
    if ranking is None:
        return None
    return {
        "count": len(ranking.members), "average": ranking.average, "share": ranking.share,
        "cutoff_rank": ranking.cutoff_rank, "categories": list(ranking.categories.items()),
        "members": [{"rank": m.rank, "name": m.name, "total": m.total,
                     "url": urls.member_points(branch_id, year, m.member),
                     "categories": [points(m.categories.get(key)) for key in ranking.categories]}
                    for m in v.public_points(ranking)],
        "scope": v.site.privacy.member_points,
    }


_SEVERITY = {"serious": "严重", "warning": "警告", "notice": "提示", "error": "错误"}


def finding_view(diag: Diagnostic) -> dict[str, Any]:
    message, hint = texts(diag, "zh")
    definition = REGISTRY[diag.code]
    return {"code": diag.code, "title": definition.title_zh, "severity": diag.severity.value,
            "severity_name": _SEVERITY[diag.severity.value], "message": message, "hint": hint,
            "where": diag.location.prefix()}


#: Findings whose message is an individual's dues record: public pages say what and how many, never who.
DUES_FINDINGS = frozenset({dues.UNPAID.code, dues.UNPAID_SERIOUS.code})


def findings_view(v: View, branch_id: str, year: int, years: list[int]) -> list[dict[str, Any]]:
    """The branch's public findings about ``year`` (:func:`page_year` says which page each belongs on)."""
    return finding_views([d for d in v.public_findings.get(branch_id, ()) if page_year(d, years, v.year) == year])


def finding_views(found: list[Diagnostic]) -> list[dict[str, Any]]:
    """Findings as shown on any published page: dues findings counted, never naming a member."""
    private: dict[str, list[Diagnostic]] = {}
    for diag in found:
        if diag.code in DUES_FINDINGS:
            private.setdefault(diag.code, []).append(diag)
    return [finding_view(d) for d in found if d.code not in DUES_FINDINGS] + \
        [_dues_view(items) for _, items in sorted(private.items())]


def _dues_view(items: list[Diagnostic]) -> dict[str, Any]:
    """Dues findings of one code, counted: the members and the months are an individual's dues record."""
    view = finding_view(items[0])
    members = len({d.records for d in items})
    return {**view, "message": f"涉及{members}名党员（个人党费缴纳情况按规定不公开）"}


def rectifications_view(data: BranchData, today: dt.date) -> list[dict[str, Any]]:
    rows = []
    for at in sorted(data.rectifications, key=lambda r: (r.value.found, r.value.id)):
        r = at.value
        if r.closed:
            status, text = ("closed", "按期完成") if r.closed <= r.deadline else ("late", "逾期完成")
        else:
            status, text = ("overdue", "逾期未完成") if r.deadline < today else ("open", "整改中")
        rows.append({"id": r.id, "issue": zh(r.issue), "description": r.description, "found": r.found,
                     "deadline": r.deadline, "closed": r.closed, "measures": r.measures or "",
                     "status": status, "status_text": text})
    return rows
