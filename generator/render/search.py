"""Stage render: the Pagefind search index, built over the rendered pages, served from the site.

Pagefind's extended binary (shipped in the ``pagefind[extended]`` wheel, so it
works offline) segments Chinese words for pages with ``lang="zh-CN"``. Only
``<main data-pagefind-body>`` regions of the pages the views mark ``search``
are indexed. What a reader searches for is a branch, a unit, a person, a case
or a bulletin by name or by a word of its text, so the index leaves out:

- member points pages: a member's points are personal, the page exists to
  explain one person's score, and it is one click from its branch's page;
- the staff findings page, the 404 page, the search page and the sorted and
  filtered variants of the listings (the same rows as the main listing);
- on a branch's annual report, the per-indicator explanations and their
  evidence, the five-aspect score table, the organisational-life calendar,
  the activity list and the points table (``data-pagefind-ignore`` in
  ``branch.html.j2``): they are the same sentences on 3,000 pages, so a
  search for “党课” would list every branch; the report keeps its name, unit,
  secretary and committee, score and band with the reasons, findings,
  rectifications and the annual report text;
- the rows of the rankings, the branch tables (branch list, unit pages) and
  the case list: a row repeats what the linked page says, and that page is
  the result the reader wants; the listing itself stays findable.

The index is one Pagefind bundle, built from a directory of hard links to
the searchable pages and kept in the :class:`~generator.cache.bundles.BundleCache`,
keyed by those pages' paths and bytes, Pagefind's version and the generator's
fingerprint: a build whose searchable pages did not change (a PDF-only or
staff-page-only edit) restores the bundle instead of indexing again.

One bundle, not several merged ones: Pagefind drops a query word an index has
never seen, so with the pages split into shards (tried at 3,000 branches, 16
shards) a shard without a rare word answered the query's other words. A
person's name is such a word: “第二党小” found 1 page in one index and 1,661
in the shards. A search box must not do that, so re-indexing after an edit
(about 15 s of CPU for 4,500 pages) is the price of exact results.

The site must carry no external URL, and Pagefind's bundle has a few in its
code: the SVG namespace, a dummy base for URL parsing, translators' credits.
None is ever fetched. :func:`neutralise` rewrites them in the bundle
to values that are equal at run time (``:\\/\\/`` in a JavaScript string is
``://``; ``%2F`` in a ``data:`` URI is ``/``), and the bundle's UI variants the
site does not load are removed.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterable
from functools import cache
from importlib.metadata import version
from pathlib import Path

from pagefind_bin_extended import get_executable  # type: ignore[import-untyped]

from generator.cache.bundles import BundleCache
from generator.cache.store import fingerprint
from generator.render.assets import publish_file_fingerprinted

BUNDLE = "pagefind"
UNUSED = ("pagefind-component-ui.css", "pagefind-component-ui.js", "pagefind-modular-ui.css",
          "pagefind-modular-ui.js", "pagefind-highlight.js")
UI = ("pagefind-ui.js", "pagefind-ui.css")
ARGUMENTS = ("--silent",)


class SearchIndexFailed(Exception):
    """Pagefind exited with an error; its output says why."""


def build_index(site: Path, paths: Iterable[str], cache_dir: Path | None = None) -> dict[str, str]:
    """Index the pages ``paths`` (relative to ``site``) into ``site/pagefind/``, or restore the bundle of the same
    pages from the cache under ``cache_dir``. Returns the site paths of the fingerprinted UI script and stylesheet
    and of the bundle."""
    pages = sorted(set(paths))
    if not pages:
        raise SearchIndexFailed("no page to index")
    bundle = site / BUNDLE
    shutil.rmtree(bundle, ignore_errors=True)
    bundles = BundleCache(cache_dir) if cache_dir is not None else None
    key = index_key(site, pages)
    if bundles is None or not bundles.restore(key, bundle):
        index_pages(site, pages, bundle)
        neutralise(bundle)
        if bundles is not None:
            bundles.save(key, bundle)
    if bundles is not None:
        bundles.finish()
    names = {name: publish_file_fingerprinted(bundle / name) for name in UI}
    return {"js": f"{BUNDLE}/{names['pagefind-ui.js']}", "css": f"{BUNDLE}/{names['pagefind-ui.css']}",
            "bundle": f"{BUNDLE}/"}


def index_key(site: Path, pages: list[str]) -> str:
    """A hash of everything the bundle is made from: Pagefind, this generator, and each page's path and bytes."""
    h = hashlib.blake2b(digest_size=16)
    for part in (pagefind_version(), fingerprint(), *ARGUMENTS):
        h.update(part.encode() + b"\0")
    for path in pages:
        data = (site / path).read_bytes()
        h.update(path.encode() + b"\0" + len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


@cache
def pagefind_version() -> str:
    return version("pagefind_bin_extended")


def index_pages(site: Path, pages: list[str], bundle: Path) -> None:
    """Index ``pages`` from a directory of hard links to them (so nothing else is indexed) into ``bundle``."""
    with tempfile.TemporaryDirectory(prefix=".index-", dir=site) as work:
        for path in pages:
            target = Path(work) / path
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(site / path, target)
            except OSError:
                shutil.copyfile(site / path, target)
        result = subprocess.run(
            [str(get_executable()), "--site", work, "--output-path", str(bundle), *ARGUMENTS],
            capture_output=True, text=True, check=False, timeout=600,
        )
    if result.returncode != 0:
        raise SearchIndexFailed((result.stdout + result.stderr).strip())


def neutralise(bundle: Path) -> None:
    """Drop unused UI variants; spell ``://`` in the remaining JS and CSS so no URL appears literally."""
    for name in UNUSED:
        (bundle / name).unlink(missing_ok=True)
    for path in sorted(bundle.glob("*.js")):
        path.write_text(path.read_text(encoding="utf-8").replace("://", ":\\/\\/"), encoding="utf-8")
    for path in sorted(bundle.glob("*.css")):
        path.write_text(path.read_text(encoding="utf-8").replace("://", ":%2F%2F"), encoding="utf-8")
