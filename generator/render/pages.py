"""Stage render: a page as a value (path, template, data) before it is written.

Views return :class:`Page` values; :func:`write_pages` renders and writes
them. Keeping pages as values lets tests and the sitemap, the search index and
the open data read the same list, and keeps writing in one place.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import Environment


@dataclass(frozen=True)
class Page:
    """One HTML page.

    ``path`` is relative to the site root and ends in ``index.html`` (or is ``404.html``);
    ``section`` marks the navigation entry; ``search`` puts the page in the search index,
    ``sitemap`` in ``sitemap.xml``; ``noindex`` asks robots to stay away (staff pages).
    """

    path: str
    template: str
    title: str
    data: Mapping[str, Any] = field(default_factory=dict)
    section: str = ""
    search: bool = True
    sitemap: bool = True
    noindex: bool = False

    @property
    def url(self) -> str:
        """The page's URL relative to the site root: ``branches/x/`` for ``branches/x/index.html``."""
        return self.path.removesuffix("index.html")

    @property
    def root(self) -> str:
        """The relative way back to the site root from this page."""
        depth = self.path.count("/")
        return "../" * depth if depth else "./"


def page_path(url: str) -> str:
    """``branches/x/`` → ``branches/x/index.html``; the home page is ``index.html``."""
    return f"{url}index.html" if url.endswith("/") or not url else url


def render_page(env: Environment, page: Page, common: Mapping[str, Any]) -> str:
    meta = {"title": page.title, "url": page.url, "section": page.section, "search": page.search,
            "noindex": page.noindex}
    return env.get_template(page.template).render(**common, **page.data, page=meta, root=page.root)


def write_pages(env: Environment, pages: Iterable[Page], common: Mapping[str, Any], out: Path) -> int:
    count = 0
    for page in pages:
        write_text(out / page.path, render_page(env, page, common))
        count += 1
    return count


def write_text(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="\n")
