"""The official-document writing contest (公文写作技能大赛): editions, results, participation."""

from __future__ import annotations

from typing import Any

from generator.render.pages import Page, page_path
from generator.render.views import urls
from generator.render.views.context import View
from generator.scoring.results import ContestResult


def unit_participation(v: View, units: dict[str, int]) -> list[dict[str, Any]]:
    return [{"name": v.unit_name(u), "url": urls.unit(u) if u in v.corpus.units else "", "count": n}
            for u, n in sorted(units.items(), key=lambda kv: (-kv[1], v.unit_name(kv[0])))]


def edition_view(v: View, contest_id: str, result: ContestResult) -> dict[str, Any]:
    contest = v.corpus.contests[contest_id].value
    judges = [j.name for j in contest.judges]
    return {
        "id": contest_id, "title": result.title, "edition": result.edition, "year": result.year,
        "training": result.training_participants, "contest": result.contest_participants,
        "person_times": result.person_times, "finalists": result.finalists,
        "judges": len(judges), "trim_from": contest.trim_from_judges,
        "items": [{"group": i.group_name, "item": i.item_name, "rule": i.rule,
                   "anchor": f"{i.group}-{i.item}",
                   "entries": [{"rank": e.rank, "name": e.name, "unit": v.unit_short(e.unit), "score": e.score,
                                "scores": list(e.scores), "trimmed": e.trimmed, "award": e.award,
                                "award_name": e.award_name} for e in i.entries],
                   "judge_count": max((len(e.scores) for e in i.entries), default=0)} for i in result.items],
        "overall": [{"group": o.group_name, "items": [it.name for it in contest.items],
                     "entries": [{"rank": e.rank, "name": e.name, "unit": v.unit_short(e.unit), "total": e.total,
                                  "items": [e.items.get(it.id) for it in contest.items]} for e in o.entries],
                     "excluded": len(o.excluded)} for o in result.overall],
        "units": unit_participation(v, result.units),
        "url": urls.contest(contest_id),
    }


def pages(v: View) -> list[Page]:
    editions = [edition_view(v, cid, r) for cid, r in sorted(v.scores.contests.items(),
                                                              key=lambda kv: kv[1].edition)]
    totals = v.scores.contest_totals
    data = {"editions": editions,
            "totals": None if totals is None else {
                "editions": totals.editions, "training": totals.training_participants,
                "contest": totals.contest_participants, "person_times": totals.person_times,
                "finalists": totals.finalists, "units": unit_participation(v, totals.units)}}
    out = [Page(page_path(urls.CONTEST), "site/contest_index.html.j2", "公文写作技能大赛", data, section="contest")]
    out.extend(Page(page_path(e["url"]), "site/contest.html.j2", e["title"], {"edition": e}, section="contest")
               for e in editions)
    return out
