"""Warning-education cases (警示教育): the filterable list, statistics with charts, a page per case.

Names are masked (``张某某``) wherever they appear, the body included, unless
``site.privacy.mask_case_names`` is false. Filters work without JavaScript as
pre-rendered pages (``cases/year/2024/``, ``cases/discipline/integrity/``…);
``site.js`` filters the full list in place.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from generator.labels import by_value, zh
from generator.models.base import Discipline, FourWinds, GovernmentSanction, Handling, PartySanction
from generator.models.campaign import Case
from generator.models.corpus import At
from generator.privacy import mask_name
from generator.render.charts import Chart, Series, bar_chart
from generator.render.pages import Page, page_path
from generator.render.views import urls
from generator.render.views.context import View

OUTCOME_KINDS = (("party", "党纪处分", PartySanction), ("government", "政务处分", GovernmentSanction),
                 ("handling", "组织处理", Handling))


def outcomes(case: Case) -> list[tuple[str, str, str]]:
    """(kind, value, Chinese) of each outcome, the three kinds kept apart and in that order."""
    found = []
    if case.party_sanction:
        found.append(("party", case.party_sanction.value, zh(case.party_sanction)))
    if case.government_sanction:
        found.append(("government", case.government_sanction.value, zh(case.government_sanction)))
    found.extend(("handling", h.value, zh(h)) for h in case.handling)
    return found


def person_name(v: View, case: Case) -> str:
    return mask_name(case.person.name) if v.site.privacy.mask_case_names else case.person.name


def case_row(v: View, case_id: str, case: Case) -> dict[str, Any]:
    return {
        "id": case_id, "url": urls.case(case_id), "title": case.title, "date": case.date, "year": case.date.year,
        "unit": case.unit, "unit_name": v.unit_name(case.unit), "person": person_name(v, case),
        "position": case.person.position,
        "disciplines": [{"key": d.value, "name": zh(d)} for d in case.disciplines],
        "four_winds": case.four_winds.value if case.four_winds else "",
        "four_winds_name": zh(case.four_winds) if case.four_winds else "",
        "eight_rules": case.eight_rules,
        "outcomes": [{"kind": k, "value": val, "key": f"{k}-{val}", "name": name,
                      "kind_name": dict((x[0], x[1]) for x in OUTCOME_KINDS)[k]}
                     for k, val, name in outcomes(case)],
    }


def case_rows(v: View) -> list[dict[str, Any]]:
    rows = [case_row(v, cid, at.value) for cid, at in v.corpus.cases.items()]
    return sorted(rows, key=lambda r: (r["date"], r["id"]), reverse=True)


def filters(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each filter dimension with its options (only values that occur) and no-JS page URLs."""
    years = sorted({r["year"] for r in rows}, reverse=True)
    outcome_options = [{"value": f"{kind}-{value}", "name": f"{kind_name}：{name}"}
                       for kind, kind_name, enum in OUTCOME_KINDS for value, name in by_value(enum).items()
                       if any(o["key"] == f"{kind}-{value}" for r in rows for o in r["outcomes"])]
    dims: list[tuple[str, str, str, list[dict[str, str]], Callable[[dict[str, Any], str], bool]]] = [
        ("year", "年度", "cases/year/", [{"value": str(y), "name": f"{y}年"} for y in years],
         lambda r, x: str(r["year"]) == x),
        ("discipline", "违反的纪律", "cases/discipline/",
         [{"value": k, "name": n} for k, n in by_value(Discipline).items()
          if any(d["key"] == k for r in rows for d in r["disciplines"])],
         lambda r, x: any(d["key"] == x for d in r["disciplines"])),
        ("four-winds", "四风问题", "cases/four-winds/",
         [{"value": k, "name": n} for k, n in by_value(FourWinds).items() if any(r["four_winds"] == k for r in rows)],
         lambda r, x: r["four_winds"] == x),
        ("outcome", "处理结果", "cases/outcome/", outcome_options,
         lambda r, x: any(o["key"] == x for o in r["outcomes"])),
    ]
    return [{"key": key, "name": name, "options": [{**o, "url": f"{base}{o['value']}/",
                                                    "count": sum(1 for r in rows if test(r, o["value"])),
                                                    "rows": [r for r in rows if test(r, o["value"])]}
                                                   for o in options]}
            for key, name, base, options, test in dims]


def statistics(v: View, rows: list[dict[str, Any]]) -> dict[str, Any]:
    disciplines = [(n, sum(1 for r in rows for d in r["disciplines"] if d["key"] == k))
                   for k, n in by_value(Discipline).items()]
    outcome_rows = [(f"{kind_name}：{n}", sum(1 for r in rows for o in r["outcomes"] if o["key"] == f"{kind}-{k}"))
                    for kind, kind_name, enum in OUTCOME_KINDS for k, n in by_value(enum).items()]
    outcome_rows = [(name, count) for name, count in outcome_rows if count]
    winds = [(n, sum(1 for r in rows if r["four_winds"] == k)) for k, n in by_value(FourWinds).items()]
    return {
        "total": len(rows), "eight_rules": sum(1 for r in rows if r["eight_rules"]),
        "disciplines": [{"name": n, "count": c} for n, c in disciplines],
        "outcomes": [{"name": n, "count": c} for n, c in outcome_rows],
        "four_winds": [{"name": n, "count": c} for n, c in winds],
        "discipline_chart": _count_chart("chart-disciplines", "案例按违反的纪律统计",
                                         "每个横条是违反该项纪律的案例数；一个案例可能违反多项纪律。", disciplines),
        "outcome_chart": _count_chart("chart-outcomes", "案例按处理结果统计",
                                      "党纪处分、政务处分和组织处理分开统计；一个案例可能有多种处理。", outcome_rows),
    }


def _count_chart(chart_id: str, title: str, desc: str, data: list[tuple[str, int]]) -> Chart:
    return bar_chart(chart_id, title, desc, [Series("count", "案例数")], [(n, [c]) for n, c in data], unit="件")


def case_page(v: View, case_id: str, at: At[Case]) -> Page:
    row = case_row(v, case_id, at.value)
    path = page_path(row["url"])
    root = "../" * path.count("/")
    body = v.render_body(at, root)
    if v.site.privacy.mask_case_names:
        body = body.replace(at.value.person.name, row["person"])
    groups = [{"name": kind_name, "items": [o["name"] for o in row["outcomes"] if o["kind"] == kind]}
              for kind, kind_name, _ in OUTCOME_KINDS]
    return Page(path, "site/case.html.j2", at.value.title, {"case": row, "body": body, "outcome_groups": groups},
                section="cases")


def pages(v: View) -> list[Page]:
    rows = case_rows(v)
    dims = filters(rows)
    stats = statistics(v, rows)
    common = {"filters": [{"key": d["key"], "name": d["name"], "options": [
        {k: o[k] for k in ("value", "name", "url", "count")} for o in d["options"]]} for d in dims]}
    out = [Page(page_path(urls.CASES), "site/cases.html.j2", "警示教育典型案例",
                {**common, "rows": rows, "stats": stats, "selected": None}, section="cases")]
    for dim in dims:
        for option in dim["options"]:
            selected = {"dimension": dim["name"], "name": option["name"]}
            out.append(Page(page_path(option["url"]), "site/cases.html.j2",
                            f"警示教育典型案例：{option['name']}",
                            {**common, "rows": option["rows"], "stats": None, "selected": selected},
                            section="cases", search=False, sitemap=False))
    out.extend(case_page(v, cid, at) for cid, at in sorted(v.corpus.cases.items()))
    return out
