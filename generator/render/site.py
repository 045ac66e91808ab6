"""Stage render: the HTML site, from the checked corpus into a staging directory.

Reads top to bottom: static assets and content attachments first (pages link
to their fingerprinted names), the open data, then every page: the site-wide
pages as values from the views, each branch's pages made and written branch
by branch (in forked workers on a province's corpus): :func:`write_site`.
Then :func:`finish_site`: the search index over the written pages, and last
the search page that loads the index's UI and the feeds, which need only the
pages' outlines.
Nothing here reads the clock: the footer's date is the checked ``today``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from generator.cache.render import RenderCache
from generator.cache.store import digest
from generator.pipeline import Checked
from generator.render.assets import copy_assets, publish_static
from generator.render.env import environment
from generator.render.feeds import write_feeds
from generator.render.heap import frozen_heap
from generator.render.markdown import Links, MarkdownRenderer
from generator.render.opendata import write_open_data
from generator.render.pages import Page, page_path, write_made_pages, write_pages
from generator.render.search import build_index
from generator.render.views import (
    branches,
    bulletins,
    cases,
    contest,
    fund,
    home,
    rankings,
    secretaries,
    trainings,
    units,
    urls,
)
from generator.render.views.context import View, content_path
from generator.render.views.misc import findings_page, free_pages, nav_pages, not_found, search_page

#: (section key, label, URL) of the main navigation.
NAVIGATION = (
    ("home", "首页", urls.HOME), ("units", "单位", urls.UNITS), ("branches", "党支部", urls.BRANCHES),
    ("rankings", "排行榜", urls.RANKINGS), ("secretaries", "优秀书记", urls.SECRETARIES),
    ("cases", "警示教育", urls.CASES), ("contest", "写作大赛", urls.CONTEST), ("fund", "互助资金", urls.FUND),
    ("bulletins", "通报", urls.BULLETINS), ("search", "搜索", urls.SEARCH),
)


def make_view(checked: Checked, copied: frozenset[str], *, pdf: bool = True) -> View:
    corpus = checked.corpus
    assert corpus.site is not None and checked.scores is not None and checked.today is not None
    families: tuple[tuple[dict[str, Any], Callable[[str], str]], ...] = (
        (corpus.cases, urls.case), (corpus.profiles, urls.secretary), (corpus.bulletins, urls.bulletin),
        (corpus.pages, urls.page))
    linked = {content_path(at.source.name): to_url(key) for records, to_url in families
              for key, at in records.items()}
    links = Links(copied, linked, str(corpus.site.value.base_url))
    return View(corpus, checked.scores, tuple(checked.diagnostics), checked.today, MarkdownRenderer(links), pdf)


@dataclass(frozen=True)
class Unindexed:
    """A site whose pages are written but not yet indexed for search: what finishing it needs, as plain data.

    The pages are made where the checked corpus is (a forked process that ends with them); Pagefind,
    the search page and the feeds need only the written files and this, so they run after that
    process has gone and its memory with it.
    """

    outlines: list[Page]
    common: dict[str, Any]
    """What every page shows (site title, organ, today, navigation, assets)."""
    bulletins: list[dict[str, Any]]
    base_url: str


def write_site(checked: Checked, out: Path, cache: RenderCache | None = None, *, pdf: bool = True) -> Unindexed:
    """Every file of the site except the search index, the search page and the feeds (:func:`finish_site`).

    ``pdf`` says whether the build writes the bulletins' PDFs: without them no page may link to one.
    """
    with frozen_heap():
        return _write_site(checked, out, cache, pdf)


def _write_site(checked: Checked, out: Path, cache: RenderCache | None, pdf: bool) -> Unindexed:
    env = environment()
    copied = copy_assets(checked.corpus.assets, out)
    v = make_view(checked, copied, pdf=pdf)
    assets = publish_static(out)
    case_stats = cases.statistics(v, cases.case_rows(v))
    common: dict[str, Any] = {
        "site": {"title": v.site.title, "organ": v.site.organ, "organ_short": v.site.organ_short,
                 "year": v.year, "today": v.today},
        "nav": [{"key": k, "label": label, "url": url} for k, label, url in NAVIGATION],
        "footer_pages": nav_pages(v), "assets": assets,
    }
    datasets = write_open_data(v, case_stats, out)
    outlines = write_made_pages(env, site_pages(v, datasets), partial(branches.report_pages, v),
                                branches.branch_ids(v), common, out, cache,
                                inputs=_branch_inputs(checked.branch_keys, copied, v.pdf))
    return Unindexed(outlines, common, bulletins.bulletin_rows(v), str(v.site.base_url))


def _branch_inputs(keys: dict[str, str], copied: frozenset[str], pdf: bool) -> Callable[[str], str | None]:
    """A key of everything a branch's pages are made from besides what every page shows (``common``).

    They read the branch's records, scores and findings, province-wide records and the names of members
    of other branches, all of which its key in ``keys`` (:attr:`Checked.branch_keys`) covers, and which
    attachments exist (a Markdown link to one that does not is shown as plain text).
    """
    assets = digest("assets", str(pdf), *sorted(copied))
    return lambda branch_id: digest(keys[branch_id], assets) if branch_id in keys else None


def finish_site(site: Unindexed, out: Path, cache: RenderCache | None = None) -> None:
    """The search index over the written pages, then the search page that loads its UI, then the feeds."""
    env = environment()
    searchable = [page.path for page in site.outlines if page.search]
    search = search_page(build_index(out, searchable, cache.root if cache is not None else None))
    pages = site.outlines + write_pages(env, [search], site.common, out, cache)
    shown = site.common["site"]
    write_feeds(env, pages, site.bulletins, base_url=site.base_url, title=shown["title"], organ=shown["organ"],
                today=shown["today"], out=out)


def site_pages(v: View, datasets: list[dict[str, Any]]) -> list[Page]:
    """Every site-wide page except the search page, which is written after the index exists (each branch's own
    pages: :func:`branches.report_pages`).

    Made before the branches' workers are forked, not while they run: making them reads every branch
    (the listings' rows), and a page of the shared heap this process writes to while children share it is
    then held twice.
    """
    pages: list[Page] = []
    for family in (home, units, branches, rankings, secretaries, trainings, cases, contest, fund, bulletins):
        pages.extend(family.pages(v))
    pages.extend(free_pages(v))
    pages.append(Page(page_path(urls.DATA), "site/data.html.j2", "开放数据", {"datasets": datasets}))
    pages.append(not_found())
    pages.append(findings_page(v))
    return pages
