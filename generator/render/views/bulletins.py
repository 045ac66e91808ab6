"""Bulletins (通报): the list, an HTML reading version of each, and the link to its PDF.

The body (staff Markdown plus the lists generated from the records it covers)
comes from :func:`generator.render.bulletins.bulletin_views`, the same value
the PDF stage prints, so the reading page and ``bulletins/<id>.pdf`` never
disagree; this module only arranges it for the templates.
"""

from __future__ import annotations

from typing import Any

from generator.render.bulletins import BulletinView, bulletin_views
from generator.render.markdown import plain
from generator.render.pages import Page, page_path
from generator.render.views import urls
from generator.render.views.context import View

SUMMARY_CHARS = 120


def bulletin_row(v: View, view: BulletinView) -> dict[str, Any]:
    body = plain(v.corpus.bulletins[view.id].source.body.replace("{{名单}}", ""))
    return {"id": view.id, "url": urls.bulletin(view.id), "pdf": view.pdf, "title": view.title,
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
                {"rows": [bulletin_row(v, b) for b in views]}, section="bulletins")]
    for view in views:
        row = bulletin_row(v, view)
        data = {"bulletin": {**row, "organ_mark": v.site.organ_mark, "addressee": view.addressee,
                             "attachments": list(view.attachments), "signature": view.signature,
                             "cc": list(view.cc), "issued_by": view.issued_by},
                "body": view.body_html}
        out.append(Page(page_path(row["url"]), "site/bulletin.html.j2", view.title, data, section="bulletins"))
    return out
