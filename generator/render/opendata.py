"""Stage render: open data files (JSON and CSV) of branch scores, contest results and case statistics.

CSV is written as UTF-8 with a byte-order mark and CRLF line ends, so Excel
and WPS on a cadre's Windows machine open the Chinese headers correctly.
JSON numbers are written from the Decimals: a score of 87.55 reads 87.55
(the shortest form that round-trips), and CSV cells carry the Decimal's text.
"""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from generator.render.views.context import View
from generator.render.views.rankings import ranking_rows

DATASETS = {"branch-scores": "党支部得分与等次", "contest-results": "公文写作技能大赛成绩",
            "case-statistics": "警示教育案例统计"}


def branch_scores(v: View) -> tuple[list[str], list[list[Any]]]:
    assert v.corpus.rubric is not None
    dims = v.corpus.rubric.value.dimensions
    header = ["年度", "名次", "单位内名次", "支部标识", "支部名称", "单位", "总分", "等次", *[d.name for d in dims]]
    rows = []
    for year in sorted(v.scores.rankings):
        for r in ranking_rows(v, year):
            score = v.score(r["id"], year)
            points = {d.key: d.points for d in score.dimensions} if score else {}
            rows.append([year, r["rank"], r["unit_rank"], r["id"], r["name"], v.unit_name(r["unit"]), r["total"],
                         r["band_name"], *[points.get(d.key, "") for d in dims]])
    return header, rows


def contest_results(v: View) -> tuple[list[str], list[list[Any]]]:
    header = ["届次", "大赛", "组别", "项目", "名次", "姓名", "单位", "得分", "奖项"]
    rows = [[c.edition, c.title, i.group_name, i.item_name, e.rank, e.name, v.unit_name(e.unit), e.score,
             e.award_name]
            for c in sorted(v.scores.contests.values(), key=lambda c: c.edition) for i in c.items for e in i.entries]
    return header, rows


def case_statistics(stats: dict[str, Any]) -> tuple[list[str], list[list[Any]]]:
    header = ["统计口径", "类别", "案例数"]
    rows: list[list[Any]] = [["违反的纪律", s["name"], s["count"]] for s in stats["disciplines"]]
    rows += [["处理结果", s["name"], s["count"]] for s in stats["outcomes"]]
    rows += [["四风问题", s["name"], s["count"]] for s in stats["four_winds"]]
    rows += [["违反中央八项规定精神", "是", stats["eight_rules"]], ["合计", "案例总数", stats["total"]]]
    return header, rows


def _json_value(value: Any) -> Any:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def write_dataset(out: Path, name: str, header: list[str], rows: list[list[Any]]) -> None:
    folder = out / "data"
    folder.mkdir(parents=True, exist_ok=True)
    records = [{h: _json_value(x) for h, x in zip(header, row, strict=True)} for row in rows]
    (folder / f"{name}.json").write_text(
        json.dumps({"title": DATASETS[name], "fields": header, "records": records}, ensure_ascii=False, indent=1)
        + "\n", encoding="utf-8")
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([["" if x is None else x for x in row] for row in rows])
    (folder / f"{name}.csv").write_bytes(buffer.getvalue().encode("utf-8-sig"))


def write_open_data(v: View, case_stats: dict[str, Any], out: Path) -> list[dict[str, Any]]:
    """Write every dataset; return what the data page lists (name, title, row count)."""
    sets = {"branch-scores": branch_scores(v), "contest-results": contest_results(v),
            "case-statistics": case_statistics(case_stats)}
    listed = []
    for name, (header, rows) in sets.items():
        write_dataset(out, name, header, rows)
        listed.append({"name": name, "title": DATASETS[name], "rows": len(rows), "fields": header,
                       "json": f"data/{name}.json", "csv": f"data/{name}.csv"})
    return listed
