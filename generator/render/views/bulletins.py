"""Bulletins (通报): the list, an HTML reading version of each, and the link to its PDF.

The body (staff Markdown plus the lists generated from the records it covers)
comes from :func:`generator.render.bulletins.bulletin_views`, the same value
the PDF stage prints, so the reading page and ``bulletins/<id>.pdf`` never
disagree; this module only arranges it for the templates.
"""

from __future__ import annotations

import re
from typing import Any

from generator.render.bulletins import BulletinView, bulletin_views
from generator.render.markdown import plain
from generator.render.pages import Page, page_path
from generator.render.views import urls
from generator.render.views.context import View

SUMMARY_CHARS = 120
_HEADING = re.compile(r"<(/?)h([1-6])>")


def bulletin_row(v: View, view: BulletinView) -> dict[str, Any]:
    body = plain(v.corpus.bulletins[view.id].source.body.replace("{{名单}}", ""))
    return {"id": view.id, "url": urls.bulletin(view.id), "pdf": view.pdf if v.pdf else None, "title": view.title,
            "number": view.number, "date": view.date, "kind": view.kind_name, "issued": view.issued,
            "summary": body[:SUMMARY_CHARS]}


def _views(v: View) -> list[BulletinView]:
    """Newest first; made once per render (the list, the pages, the home page and the feed all ask)."""
    return v.once("bulletins", lambda: sorted(bulletin_views(v.corpus, v.scores, v.markdown),
                                              key=lambda b: (b.date, b.number, b.id), reverse=True))


def bulletin_rows(v: View) -> list[dict[str, Any]]:
    """Newest first, for the list, the home page and the feed."""
    return [bulletin_row(v, view) for view in _views(v)]


def pages(v: View) -> list[Page]:
    views = _views(v)
    out = [Page(page_path(urls.BULLETINS), "site/bulletins.html.j2", "通报",
                {"rows": [bulletin_row(v, b) for b in views], "pdf": v.pdf}, section="bulletins")]
    for view in views:
        row = bulletin_row(v, view)
        data = {"bulletin": {**row, "organ_mark": v.site.organ_mark, "addressee": view.addressee,
                             "attachments": list(view.attachments), "signature": view.signature,
                             "cc": list(view.cc), "issued_by": view.issued_by},
                "body": site_outline(view.body_html)}
        out.append(Page(page_path(row["url"]), "site/bulletin.html.j2", view.title, data, section="bulletins"))
    return out


def site_outline(body: str) -> str:
    """The body's headings renumbered so that below the page's ``h1`` no level is skipped; for the reading page.

    The body's levels are the official document's, which the PDF prints (``h2`` the 黑体 ``一、``, ``h3`` the
    楷体 ``（一）``): the cases bulletin's generated list of ``（一）`` cases follows its opening paragraph with no
    ``一、`` above it. Screen readers navigate a page by its outline, which must not skip a level; so here each
    heading is one level below the nearest heading it belongs under, and a renumbered one keeps its look
    through the class of its document level (``<h2 class="h3">``).
    """
    above: list[int] = []
    shown = 2

    def renumber(match: re.Match[str]) -> str:
        nonlocal shown
        level = int(match.group(2))
        if match.group(1):
            return f"</h{shown}>"
        while above and above[-1] >= level:
            above.pop()
        above.append(level)
        shown = min(len(above) + 1, 6)
        return f"<h{shown}>" if shown == level else f'<h{shown} class="h{level}">'

    return _HEADING.sub(renumber, body)
