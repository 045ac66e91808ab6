"""Secretaries' trainings (示范培训, 全覆盖培训): each course with its dates and number trained."""

from __future__ import annotations

from typing import Any

from generator.labels import zh
from generator.render.pages import Page, page_path
from generator.render.views import urls
from generator.render.views.context import View


def training_rows(v: View) -> list[dict[str, Any]]:
    rows = [{"id": tid, "anchor": f"training-{tid}", "title": t.value.title, "kind": zh(t.value.kind),
             "start": t.value.start, "end": t.value.end, "attendees": len(set(t.value.attendees)),
             "year": t.value.start.year}
            for tid, t in v.corpus.trainings.items()]
    return sorted(rows, key=lambda r: (r["start"], r["id"]), reverse=True)


def pages(v: View) -> list[Page]:
    rows = training_rows(v)
    return [Page(page_path(urls.TRAININGS), "site/trainings.html.j2", "党支部书记培训",
                 {"rows": rows, "total": sum(r["attendees"] for r in rows)}, section="secretaries")]
