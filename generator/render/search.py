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

Pagefind reads lean copies of the searchable pages (:func:`lean_page`): the
same bytes with every ``data-pagefind-ignore`` element removed, start tag to
matching end tag. A branch's report is mostly ignored detail, so Pagefind
reads a sixth of the bytes, and the bundle, kept in the
:class:`~generator.cache.bundles.BundleCache`, is keyed by the lean copies
(paths and contents), Pagefind's version and the generator's fingerprint: a build
whose indexed text did not change (an activity's topic, which only the
evidence lists and the activity table show; a PDF-only or staff-page-only
edit) restores the bundle instead of indexing again. Finding that out costs
a hash of each page: the lean copies' digests are remembered by their pages'
digests, so only new or changed pages are scanned.

A lean copy indexes exactly as its page does (the tests compare the two
bundles byte for byte; at 3,000 branches they are identical). Pagefind drops
an ignored element's text, and the anchors (elements with an ``id``) inside
it, but still reads a few things there: ``data-pagefind-meta``, ``-filter``,
``-sort`` and other ``data-pagefind-*`` attributes, the first ``<h1>`` as the
title (even an ignored one), the first ``<img>`` as the image, a
``<title>``. An ignored element holding any of those stays in the copy (an
ignored element inside it may still go), and so do small ones whose removal
would need more argument: inline elements (``span``, ``a``…, which Pagefind
attaches to an enclosing anchor) and elements whose end tag HTML lets a page
leave out (``p``, ``li``, ``td``…). The scanner reads the markup the
templates write, valid HTML (the site's tests check it with the Nu
validator) whose attribute values hold no ``<`` (Jinja escapes it), and
finds an element's end by counting the start and end tags of its name,
skipping comments and raw text (script, style, title…). Rather than guess,
it fails the build, naming the page, at markup it may not read as Pagefind
does: an upper-case tag name, an unclosed comment or raw-text element,
CDATA, ``<noscript>``, ``<plaintext>``, a ``<`` inside a tag, a self-closing
non-void element of the ignored element's name, an element without its end
tag.

Pagefind indexes every Chinese character of the lean copies as a word of its own: :func:`split_han` puts a
zero-width space before each one in their text. Pagefind cuts Chinese text into words with a dictionary (jieba)
when it indexes, but the browser cuts a query with ``Intl.Segmenter``, which cuts otherwise: “李明华” indexed as
one word was searched as 李/明/华 and found nothing of his, “党费” found pages with 党内 and 费用 (Pagefind
issue 1237, since 1.5). One character per word on both sides finds any word a page shows, a name the
dictionary does not know as well as one it does. The search page loads the bundle through
``templates/static/search.js``, published as ``pagefind/search/pagefind.js``: it searches a query's characters
as an exact phrase (a substring search), ranks the matches by Pagefind's ordinary score of those characters,
and takes the zero-width spaces out of the titles and excerpts a reader sees. The separators are invisible
(Pagefind's excerpts already carried them between its words) and cost little: for the 460 pages of 300
branches, Pagefind took 0.63–0.77 s without them and 0.71–0.74 s with them, inserting them 0.06 s.

One bundle, not several merged ones: Pagefind drops a query word an index has
never seen, so with the pages split into shards (tried at 3,000 branches, 16
shards) a shard without a rare word answered the query's other words. A
person's name is such a word: “第二党小” found 1 page in one index and 1,661
in the shards. A search box must not do that, so re-indexing after an edit
(about 7 s of CPU for 4,500 lean pages) is the price of exact results.

The site must carry no external URL, and Pagefind's bundle has a few in its
code: the SVG namespace, a dummy base for URL parsing, translators' credits.
None is ever fetched. :func:`neutralise` rewrites them in the bundle
to values that are equal at run time (``:\\/\\/`` in a JavaScript string is
``://``; ``%2F`` in a ``data:`` URI is ``/``), and the bundle's UI variants the
site does not load are removed.
"""

from __future__ import annotations

import bisect
import hashlib
import json
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterable, Iterator
from functools import cache
from importlib.metadata import version
from pathlib import Path
from typing import NoReturn

from pagefind_bin_extended import get_executable  # type: ignore[import-untyped]

from generator.cache.bundles import BundleCache
from generator.cache.store import Store, digest, fingerprint
from generator.render.assets import STATIC, publish_file_fingerprinted

BUNDLE = "pagefind"
UNUSED = ("pagefind-component-ui.css", "pagefind-component-ui.js", "pagefind-modular-ui.css",
          "pagefind-modular-ui.js", "pagefind-highlight.js")
UI = ("pagefind-ui.js", "pagefind-ui.css")
#: The search page's module over the bundle (see the module docstring), and where it is published in the bundle.
SEARCH_MODULE = STATIC / "search.js"
SEARCH = "search"
ARGUMENTS = ("--silent",)
#: The cache area and entry of the page digest → lean-copy digest pairs (see :func:`index_key`).
LEAN_DIGESTS = "search-lean"
DIGESTS = "digests"
_HEX = re.compile("[0-9a-f]{32}")
#: A comment, a tag (its quoted attribute values may hold ``>``), or a run of Chinese characters of the text.
_HAN_OR_MARKUP = re.compile("<!--.*?-->|<(?:[^>\"']|\"[^\"]*\"|'[^']*')*>"
                            "|([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]+)", re.S)
ZWSP = "\u200b"

IGNORE = b"data-pagefind-ignore"
#: Elements without an end tag: an ignored one is its start tag alone.
VOID = frozenset({b"area", b"base", b"br", b"col", b"embed", b"hr", b"img", b"input", b"link", b"meta", b"source",
                  b"track", b"wbr"})
#: Ignored elements left in a lean copy by name: Pagefind's inline elements (it attaches them to the anchor around
#: them) and the elements whose end tag may be left out (counting end tags would not find their end).
KEPT = frozenset({b"a", b"abbr", b"acronym", b"b", b"bdo", b"big", b"button", b"cite", b"code", b"dfn", b"em", b"i",
                  b"kbd", b"label", b"map", b"object", b"output", b"q", b"samp", b"script", b"select", b"small",
                  b"span", b"strong", b"sub", b"sup", b"textarea", b"time", b"tt", b"var",
                  b"html", b"head", b"body", b"p", b"li", b"dt", b"dd", b"rt", b"rp", b"optgroup", b"option",
                  b"colgroup", b"caption", b"thead", b"tbody", b"tfoot", b"tr", b"td", b"th"})
_MARKUP = re.compile(rb"<(?:[!?]|/?[A-Z]|(?P<raw>s(?:cript|tyle)|t(?:extarea|itle)|xmp|iframe|no(?:embed|frames|script)"
                     rb"|plaintext)[\s/>]|(?P<collected>h1|img)[\s/>])")
_COMMENT = re.compile(rb"<!--(?:-?>|.*?-->)", re.S)
_ATTRIBUTE = rb"""\s+(?P<attribute>[^\s"'<>/=]+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?"""
_ATTRIBUTES = re.compile(_ATTRIBUTE)
_START_TAG = re.compile(rb"<(?P<name>[a-z][a-z0-9-]*)(?P<attributes>(?:" + _ATTRIBUTE.replace(b"?P<attribute>", b"")
                        + rb")*)\s*(?P<slash>/?)>")


class SearchIndexFailed(Exception):
    """Pagefind exited with an error, or a page cannot be indexed; the message says why."""


class UnsupportedPage(SearchIndexFailed):
    """A searchable page has markup the scanner behind :func:`lean_page` does not read as Pagefind does."""


def build_index(site: Path, paths: Iterable[str], cache_dir: Path | None = None) -> dict[str, str]:
    """Index the pages ``paths`` (relative to ``site``) into ``site/pagefind/``, or restore the bundle of the same
    indexed text from the cache under ``cache_dir``. Returns the site paths of the fingerprinted UI script and
    stylesheet and of the bundle."""
    pages = sorted(set(paths))
    if not pages:
        raise SearchIndexFailed("no page to index")
    bundle = site / BUNDLE
    shutil.rmtree(bundle, ignore_errors=True)
    bundles = BundleCache(cache_dir) if cache_dir is not None else None
    key = index_key(site, pages, Store(cache_dir, LEAN_DIGESTS) if cache_dir is not None else None)
    if bundles is None or not bundles.restore(key, bundle):
        index_pages(site, pages, bundle)
        neutralise(bundle)
        if bundles is not None:
            bundles.save(key, bundle)
    if bundles is not None:
        bundles.finish()
    names = {name: publish_file_fingerprinted(bundle / name) for name in UI}
    (bundle / SEARCH).mkdir()
    shutil.copyfile(SEARCH_MODULE, bundle / SEARCH / "pagefind.js")
    return {"js": f"{BUNDLE}/{names['pagefind-ui.js']}", "css": f"{BUNDLE}/{names['pagefind-ui.css']}",
            "bundle": f"{BUNDLE}/", "search": f"{BUNDLE}/{SEARCH}/"}


def index_key(site: Path, pages: list[str], memo: Store | None = None) -> str:
    """A hash of everything the bundle is made from: Pagefind, this generator, each page's path and lean copy.

    A lean copy's digest is looked up in ``memo`` by its page's digest when an earlier build made it, so only
    new or changed pages are scanned again."""
    known = _known_digests(memo)
    digests: dict[str, str] = {}
    h = hashlib.blake2b(digest_size=16)
    for part in (pagefind_version(), fingerprint(), *ARGUMENTS):
        h.update(part.encode() + b"\0")
    for path in pages:
        page = (site / path).read_bytes()
        whole = digest(page)
        lean = digests.get(whole) or known.get(whole) or digest(_lean(path, page))
        digests[whole] = lean
        h.update(f"{path}\0{lean}\0".encode())
    if memo is not None and digests != known:
        memo.put(DIGESTS, json.dumps(digests, sort_keys=True).encode("ascii"))
    return h.hexdigest()


def _known_digests(memo: Store | None) -> dict[str, str]:
    """The page digest → lean-copy digest pairs an earlier build recorded in ``memo``."""
    known = memo.get_dict(DIGESTS) if memo is not None else {}
    return {page: lean for page, lean in known.items() if isinstance(lean, str) and _HEX.fullmatch(lean)}


@cache
def pagefind_version() -> str:
    return version("pagefind_bin_extended")


def index_pages(site: Path, pages: list[str], bundle: Path) -> None:
    """Index ``pages`` into ``bundle`` from a directory of their lean copies (so nothing else is indexed)."""
    with tempfile.TemporaryDirectory(prefix=".index-", dir=site) as work:
        for path in pages:
            target = Path(work) / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(split_han(read_lean(site, path)))
        result = subprocess.run(
            [str(get_executable()), "--site", work, "--output-path", str(bundle), *ARGUMENTS],
            capture_output=True, text=True, check=False, timeout=600,
        )
    if result.returncode != 0:
        raise SearchIndexFailed((result.stdout + result.stderr).strip())


def split_han(page: bytes) -> bytes:
    """``page`` with a zero-width space before each Chinese character of its text (not in tags or comments), so
    Pagefind indexes each one as a word (see the module docstring). Before, not after: a character next to
    another across an inline tag (``<a>综合</a>处``) is still apart, and an element's text still ends as it did,
    so Pagefind still puts a space between two cells and a full stop after a heading."""
    return _HAN_OR_MARKUP.sub(_split_run, page.decode("utf-8")).encode("utf-8")


def _split_run(found: re.Match[str]) -> str:
    run = found[1]
    return ZWSP + ZWSP.join(run) if run else found[0]


def read_lean(site: Path, path: str) -> bytes:
    """The lean copy of the page ``path``."""
    return _lean(path, (site / path).read_bytes())


def _lean(path: str, page: bytes) -> bytes:
    """The lean copy of ``page``; an :class:`UnsupportedPage` error names the page ``path``."""
    try:
        return lean_page(page)
    except UnsupportedPage as error:
        raise UnsupportedPage(f"{path}: {error}") from None


def lean_page(page: bytes) -> bytes:
    """``page`` without its ignored elements, indexing as ``page`` does (see the module docstring)."""
    parts: list[bytes] = []
    kept = 0
    for start, end in ignored_elements(page):
        parts.append(page[kept:start])
        kept = end
    parts.append(page[kept:])
    return b"".join(parts)


def ignored_elements(page: bytes) -> Iterator[tuple[int, int]]:
    """The byte spans of the ignored elements a lean copy leaves out, in order, none inside another."""
    opaque, collected = scan_markup(page)
    position = 0
    while (found := page.find(IGNORE, position)) >= 0:
        position = found + len(IGNORE)
        if _span_at(opaque, found) is not None:
            continue
        tag = _tag_with_attribute(page, found)
        if tag is None or tag["name"] in KEPT:
            continue
        end = _element_end(page, tag, opaque)
        if not _collected(page, tag.start(), end, collected):
            yield tag.start(), end
            position = end


def scan_markup(page: bytes) -> tuple[list[tuple[int, int]], list[int]]:
    """Where ``page`` has text that is not markup (comments, ``<!…>``/``<?…>``, raw-text elements: script,
    style, title…), and where its ``<h1>``, ``<img>`` and ``<title>`` tags are."""
    opaque: list[tuple[int, int]] = []
    collected: list[int] = []
    position = 0
    while (found := _MARKUP.search(page, position)) is not None:
        start, raw = found.start(), found["raw"]
        if found["collected"] or raw == b"title":
            collected.append(start)
        if found["collected"]:
            end = found.end()
        elif page.startswith(b"<!--", start):
            comment = _COMMENT.match(page, start)
            end = comment.end() if comment is not None else _unsupported(start, "an unclosed comment")
        elif page.startswith(b"<![", start):
            end = _unsupported(start, "a CDATA section")
        elif page[start + 1] in b"!?":
            end = page.find(b">", start) + 1 or _unsupported(start, "an unclosed <! or <?")
        elif raw is None:
            end = _unsupported(start, "an upper-case tag name")
        elif raw in (b"noscript", b"plaintext"):
            end = _unsupported(start, f"<{raw.decode()}>")
        else:
            closing = _end_tag(raw).search(page, found.end())
            end = closing.end() if closing is not None else _unsupported(start, f"an unclosed <{raw.decode()}>")
        if not found["collected"]:
            opaque.append((start, end))
        position = end
    return opaque, collected


def _tag_with_attribute(page: bytes, found: int) -> re.Match[bytes] | None:
    """The start tag whose attribute name ``data-pagefind-ignore`` is at ``found``; ``None`` if those bytes are
    text or inside an attribute value."""
    start = page.rfind(b"<", 0, found)
    tag = _START_TAG.match(page, start) if start >= 0 else None
    if tag is None or tag.end() <= found:
        if start >= 0 and tag is None and page.find(b">", start, found) < 0:
            _unsupported(start, "a tag it cannot read")
        return None
    for attribute in _ATTRIBUTES.finditer(page, tag.start("attributes"), tag.end("attributes")):
        if attribute.start("attribute") == found:
            return tag if attribute["attribute"] == IGNORE else None
    return None


def _element_end(page: bytes, tag: re.Match[bytes], opaque: list[tuple[int, int]]) -> int:
    """Where the element opened by ``tag`` ends: after the end tag that balances the start and end tags of its
    name in between (comments and raw text skipped)."""
    name = tag["name"]
    if name in VOID:
        return tag.end()
    if tag["slash"]:
        _unsupported(tag.start(), f"a self-closing <{name.decode()}/>")
    depth, position = 1, tag.end()
    tags = _tags_named(name)
    while (match := tags.search(page, position)) is not None:
        if (span := _span_at(opaque, match.start())) is not None:
            position = span[1]
        elif page.rfind(b"<", 0, match.start()) > page.rfind(b">", 0, match.start()):
            _unsupported(match.start(), "a '<' inside a tag")
        elif match["end"]:
            depth -= 1
            position = page.find(b">", match.end()) + 1 or _unsupported(match.start(), "an unclosed end tag")
            if depth == 0:
                return position
        else:
            nested = _START_TAG.match(page, match.start())
            if nested is None or nested["slash"]:
                _unsupported(match.start(), f"a <{name.decode()}> tag it cannot read or a self-closing one")
            depth += 1
            position = nested.end()
    _unsupported(tag.start(), f"<{name.decode()}> without its end tag")


def _collected(page: bytes, start: int, end: int, collected: list[int]) -> bool:
    """Whether Pagefind reads something from ``page[start:end]`` although it is ignored (module docstring)."""
    if bisect.bisect_left(collected, start) < bisect.bisect_left(collected, end):
        return True
    position = start
    while (found := page.find(b"data-pagefind-", position, end)) >= 0:
        if not page.startswith(IGNORE, found):
            return True
        position = found + len(IGNORE)
    return False


def _span_at(spans: list[tuple[int, int]], position: int) -> tuple[int, int] | None:
    index = bisect.bisect_right(spans, position, key=lambda span: span[0]) - 1
    return spans[index] if index >= 0 and position < spans[index][1] else None


@cache
def _tags_named(name: bytes) -> re.Pattern[bytes]:
    """The start (group ``end`` empty) and end tags of the elements called ``name``, up to the name."""
    return re.compile(rb"<(?P<end>/?)" + re.escape(name) + rb"(?=[\s/>])")


@cache
def _end_tag(name: bytes) -> re.Pattern[bytes]:
    return re.compile(rb"</" + re.escape(name) + rb"(?=[\s/>])[^>]*>")


def _unsupported(at: int, what: str) -> NoReturn:
    raise UnsupportedPage(f"{what} at byte {at}: the search index's lean copies need markup read as Pagefind "
                          "reads it (see generator/render/search.py)")


def neutralise(bundle: Path) -> None:
    """Drop unused UI variants; spell ``://`` in the remaining JS and CSS so no URL appears literally."""
    for name in UNUSED:
        (bundle / name).unlink(missing_ok=True)
    for path in sorted(bundle.glob("*.js")):
        path.write_text(path.read_text(encoding="utf-8").replace("://", ":\\/\\/"), encoding="utf-8")
    for path in sorted(bundle.glob("*.css")):
        path.write_text(path.read_text(encoding="utf-8").replace("://", ":%2F%2F"), encoding="utf-8")
