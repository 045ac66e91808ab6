"""Stage render: a page as a value (path, template, data) before it is written.

Views return :class:`Page` values; :func:`write_pages` renders and writes
them and returns their outlines (the page without its data), which is all the
sitemap, the search index and the feeds read. Keeping pages as values keeps
writing in one place; dropping each page's data once it is written keeps a
province's 14,000 pages from ever being in memory at once
(:func:`write_made_pages` makes them branch by branch, in forked workers).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, TypeVar

from jinja2 import Environment

from generator.cache.objects import object_name
from generator.cache.records import workers_available
from generator.cache.render import Recorded, RenderCache
from generator.forked import forked_map

#: From this many items (branches) on, their pages are made and written by forked workers; with fewer,
#: forking would cost more than it saves.
PARALLEL_ITEMS = 100
#: The most items one forked worker takes: its copies of the shared heap grow with its share (at 3,000
#: branches about 20 MB and 0.2 MB a branch) and are freed when it ends, but each worker costs a fork
#: of the whole heap (about 0.1 s of CPU time).
ITEMS_PER_WORKER = 500
T = TypeVar("T")


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

    def outline(self) -> Page:
        """The page without its data: what the sitemap, the search index and the feeds read once it is written."""
        return replace(self, data={})

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


def write_pages(env: Environment, pages: Iterable[Page], common: Mapping[str, Any], out: Path,
                cache: RenderCache | None = None) -> list[Page]:
    """Write ``pages`` under ``out`` one by one; returns their outlines (:meth:`Page.outline`), in order.

    A page is keyed by its own data, the shared data and (through the cache's salt) every template,
    so an unchanged page is linked from the previous build instead of being rendered. ``pages`` may
    be a generator: no page's data is kept once it is written.
    """
    shared = cache.key("common", common) if cache is not None else None
    return [_write(env, page, common, out, cache, shared)[0] for page in pages]


def _write(env: Environment, page: Page, common: Mapping[str, Any], out: Path, cache: RenderCache | None,
           shared: str | None) -> tuple[Page, str | None]:
    """The page's outline and its key in the cache."""
    key = cache.key("page", shared, page) if cache is not None and shared is not None else None
    if cache is None or not cache.reuse(key, out / page.path):
        data = render_page(env, page, common).encode("utf-8")
        write_bytes(out / page.path, data)
        if cache is not None:
            cache.keep(key, out / page.path, object_name(data))
    return page.outline(), key


def write_item_pages(env: Environment, make: Callable[[T], Iterable[Page]], items: Iterable[T],
                     common: Mapping[str, Any], out: Path, cache: RenderCache | None = None,
                     inputs: Callable[[T], str | None] | None = None) -> list[Page]:
    """:func:`write_pages` of ``make(item)`` for each of ``items``, in order; returns the outlines.

    ``inputs(item)``, when given, is a key of everything an item's pages are made from (``None``: unknown,
    so never reused whole). An item whose pages the cache holds under that key has them linked without
    making them: at 3,000 branches making every branch's page data only to find it unchanged took most
    of a one-record edit's site stage.
    """
    shared = cache.key("common", common) if cache is not None else None
    outlines: list[Page] = []
    for item in items:
        known = inputs(item) if inputs is not None else None
        group = cache.key("item-pages", shared, known) if cache is not None and known else None
        reused = cache.reuse_group(group, out) if cache is not None and group else None
        if reused is not None:
            outlines.extend(_outline(fields) for fields in reused)
            continue
        written = [_write(env, page, common, out, cache, shared) for page in make(item)]
        if cache is not None:
            cache.keep_group(group, [(key, _fields(page)) for page, key in written])
        outlines.extend(page for page, _ in written)
    return outlines


def _fields(outline: Page) -> list[Any]:
    """An outline as JSON (:meth:`RenderCache.keep_group`): its path first."""
    return [outline.path, outline.template, outline.title, outline.section, outline.search, outline.sitemap,
            outline.noindex]


def _outline(fields: list[Any]) -> Page:
    path, template, title, section, search, sitemap, noindex = fields
    return Page(path, template, title, {}, section, search, sitemap, noindex)


def write_made_pages(env: Environment, pages: Iterable[Page], make: Callable[[T], Iterable[Page]],
                     items: Sequence[T], common: Mapping[str, Any], out: Path, cache: RenderCache | None = None,
                     workers: int | None = None, inputs: Callable[[T], str | None] | None = None) -> list[Page]:
    """:func:`write_pages` of ``pages`` and then :func:`write_item_pages` of ``items``; returns the outlines.

    With enough items, they are cut into runs of at most :data:`ITEMS_PER_WORKER`, as many for each
    worker process, each run done by a child forked for it (:func:`forked_map`) while this process
    writes ``pages``. A child makes its run's pages, writes them and sends back only their outlines
    and what its copy of ``cache`` recorded (:meth:`RenderCache.recorded`), which this process's cache
    adopts. No process holds more than one item's pages, and a child's copy-on-write copies of the
    shared heap last only as long as its run.
    """
    processes = workers or workers_available()
    if processes < 2 or len(items) < PARALLEL_ITEMS:
        return write_pages(env, pages, common, out, cache) + write_item_pages(env, make, items, common, out, cache,
                                                                              inputs)
    compile_templates(env)
    count = processes * -(-len(items) // (processes * ITEMS_PER_WORKER))
    bounds = [len(items) * run // count for run in range(count + 1)]

    def work(run: int) -> tuple[list[Page], Recorded | None]:
        if not run:
            return write_pages(env, pages, common, out, cache), None
        if cache is not None:
            cache.start_worker()
        written = write_item_pages(env, make, items[bounds[run - 1]:bounds[run]], common, out, cache, inputs)
        return written, cache.recorded() if cache is not None else None

    outlines: list[Page] = []
    for written, recorded in forked_map(work, count + 1, processes):
        outlines.extend(written)
        if recorded is not None and cache is not None:
            cache.adopt(recorded)
    return outlines


def compile_templates(env: Environment) -> None:
    """Compile every page template in this process, so that forked workers share the code, not compile it each."""
    for name in env.list_templates(filter_func=lambda name: name.startswith("site/")):
        env.get_template(name)


def write_text(path: Path, text: str) -> None:
    write_bytes(path, text.encode("utf-8"))


def write_bytes(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
