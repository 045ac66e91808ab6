"""Stage render: a page as a value (path, template, data) before it is written.

Views return :class:`Page` values; :func:`write_pages` renders and writes
them. Keeping pages as values lets tests and the sitemap, the search index and
the open data read the same list, and keeps writing in one place.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import Environment

from generator.cache.objects import object_name
from generator.cache.records import workers_available
from generator.cache.render import RenderCache
from generator.forked import forked

#: Fewer pages per worker than this are rendered in-process: forking costs more than it saves.
PAGES_PER_WORKER = 300


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


def write_pages(env: Environment, pages: Sequence[Page], common: Mapping[str, Any], out: Path,
                cache: RenderCache | None = None, workers: int | None = None) -> int:
    """Write ``pages`` under ``out``; returns how many were rendered (the rest were reused from ``cache``).

    A page is keyed by its own data, the shared data and (through the cache's salt) every template,
    so an unchanged page is linked from the previous build. The pages left to render are split
    among forked worker processes when there are enough of them to pay for it.
    """
    shared = cache.key("common", common) if cache is not None else None
    todo: list[tuple[Page, str | None]] = []
    for page in pages:
        key = cache.key("page", shared, page) if cache is not None and shared is not None else None
        if cache is None or not cache.reuse(key, out / page.path):
            todo.append((page, key))
    names = render_in_parallel(env, [page for page, _ in todo], common, out, workers)
    if cache is not None:
        for (page, key), name in zip(todo, names, strict=True):
            cache.keep(key, out / page.path, name)
    return len(todo)


def render_in_parallel(env: Environment, pages: Sequence[Page], common: Mapping[str, Any], out: Path,
                       workers: int | None = None) -> list[str]:
    """Render and write ``pages``; returns the content address of each written file, in order."""
    count = min(workers or workers_available(), max(1, len(pages) // PAGES_PER_WORKER))
    if count < 2:
        return render_share(env, pages, common, out)
    return forked(count, lambda share: render_share(env, pages[share::count], common, out), _interleave)


def render_share(env: Environment, pages: Sequence[Page], common: Mapping[str, Any], out: Path) -> list[str]:
    names: list[str] = []
    for page in pages:
        data = render_page(env, page, common).encode("utf-8")
        write_bytes(out / page.path, data)
        names.append(object_name(data))
    return names


def _interleave(shares: list[list[str]]) -> list[str]:
    """Undo ``pages[share::count]``: the names in the order of the pages."""
    count = len(shares)
    merged = [""] * sum(len(share) for share in shares)
    for index, share in enumerate(shares):
        merged[index::count] = share
    return merged


def write_text(path: Path, text: str) -> None:
    write_bytes(path, text.encode("utf-8"))


def write_bytes(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
