"""Stage render: the machine-readable files beside the pages: sitemap, Atom feed, robots.txt.

These are the only files that carry absolute URLs, all under ``site.base_url``.
Dates come from the records (bulletin dates, ``today``), never the clock.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from jinja2 import Environment

from generator.render.pages import Page, write_text
from generator.render.views import urls


def _stamp(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00+08:00"


def write_feeds(env: Environment, pages: Iterable[Page], bulletins: list[dict[str, Any]], *, base_url: str,
                title: str, organ: str, today: dt.date, out: Path) -> None:
    base = base_url if base_url.endswith("/") else f"{base_url}/"
    listed = sorted(p.url for p in pages if p.sitemap)
    write_text(out / "sitemap.xml", env.get_template("site/sitemap.xml.j2").render(base=base, urls=listed))
    entries = [{**b, "link": f"{base}{b['url']}", "updated": _stamp(b["date"])} for b in bulletins]
    updated = _stamp(max((b["date"] for b in bulletins), default=today))
    feed = env.get_template("site/feed.xml.j2").render(base=base, title=title, organ=organ, entries=entries,
                                                       updated=updated, feed_url=f"{base}feed.xml",
                                                       bulletins_url=f"{base}{urls.BULLETINS}")
    write_text(out / "feed.xml", feed)
    write_text(out / "robots.txt", f"User-agent: *\nDisallow: /staff/\nSitemap: {base}sitemap.xml\n")
