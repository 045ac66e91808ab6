"""Stage render: Markdown bodies (profiles, cases, reports, bulletins, pages) to safe HTML.

Content is written by many clerks and must never run code on a reader's
machine, so python-markdown's output is passed through nh3 (Rust ammonia) with
a small allow-list of tags and attributes: no ``<script>``, no event handlers,
no ``style`` beyond table alignment, and URLs only where they stay on the
intranet site. Relative links to content files are rewritten to the pages and
copied assets that the site publishes; anything else loses its link.
Headings are shifted so the body's top level becomes ``h2``: the page keeps a
single ``h1``, and a bulletin's ``一、`` headings are ``h2`` whatever level the
author typed.
"""

from __future__ import annotations

import html
import posixpath
import re
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import markdown
import nh3

ALLOWED_TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "dd", "del", "dl", "dt", "em", "figcaption",
    "figure", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "li", "ol", "p", "pre", "s", "span",
    "strong", "sub", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul",
})
ALLOWED_ATTRIBUTES: dict[str, set[str]] = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "img": {"src", "alt", "title", "width", "height"},
    "ol": {"start"},
    "td": {"colspan", "rowspan", "style"},
    "th": {"colspan", "rowspan", "scope", "style"},
}
URL_ATTRIBUTES = frozenset({("a", "href"), ("img", "src")})
EXTENSIONS = ("tables", "sane_lists", "fenced_code")
_HEADING = re.compile(r"<(/?)h([1-6])\b", re.IGNORECASE)
_IMG_WITHOUT_SRC = re.compile(r"<img(?![^>]*\ssrc=)[^>]*>")
_SCHEMES = frozenset({"http", "https", "mailto"})


@dataclass(frozen=True)
class Links:
    """Where relative links in content go: content paths of assets and of records with a page.

    ``assets`` are content-relative paths of copied files (served under ``assets/``);
    ``pages`` maps a content-relative Markdown path (``cases/x.md``) to its page URL
    (``cases/x/``); ``base_url`` is the only absolute URL prefix that may survive.
    """

    assets: frozenset[str] = frozenset()
    pages: Mapping[str, str] = field(default_factory=dict)
    base_url: str = ""

    def resolve(self, url: str, folder: str, root: str) -> str | None:
        """The published URL for ``url`` written in a file under ``folder``; None drops it."""
        url = url.strip()
        if not url or url.startswith("//"):
            return None
        if url.startswith("#"):
            return url
        parts = urlsplit(url)
        if parts.scheme:
            if parts.scheme.lower() not in _SCHEMES:
                return None
            if parts.scheme.lower() == "mailto":
                return url
            return url if self.base_url and url.startswith(self.base_url) else None
        path = posixpath.normpath(posixpath.join(folder, parts.path)) if parts.path else ""
        fragment = f"#{parts.fragment}" if parts.fragment else ""
        if path in self.assets:
            return f"{root}assets/{path}{fragment}"
        if path in self.pages:
            return f"{root}{self.pages[path]}{fragment}"
        return None


class MarkdownRenderer:
    """Renders one Markdown body for one page; ``root`` is that page's way back to the site root.

    One renderer serves a whole build: it keeps a python-markdown parser per thread (building one
    costs more than converting a short body) and remembers each body it rendered, since the same
    story appears on its own page and in a bulletin.
    """

    def __init__(self, links: Links) -> None:
        self.links = links
        self._local = threading.local()
        self._done: dict[tuple[str, str, str], str] = {}

    def _parser(self) -> markdown.Markdown:
        parser: markdown.Markdown | None = getattr(self._local, "parser", None)
        if parser is None:
            parser = self._local.parser = markdown.Markdown(extensions=list(EXTENSIONS), output_format="html")
        return parser

    def render(self, text: str, *, folder: str = "", root: str = "./") -> str:
        key = (text, folder, root)
        found = self._done.get(key)
        if found is None:
            found = self._done[key] = self._render(text, folder, root)
        return found

    def _render(self, text: str, folder: str, root: str) -> str:
        raw = self._parser().reset().convert(text)
        levels = [int(m.group(2)) for m in _HEADING.finditer(raw)]
        offset = 2 - min(levels, default=2)
        shifted = _HEADING.sub(lambda m: f"<{m.group(1)}h{max(2, min(int(m.group(2)) + offset, 6))}", raw)

        def keep(tag: str, attribute: str, value: str) -> str | None:
            if (tag, attribute) in URL_ATTRIBUTES:
                return self.links.resolve(value, folder, root)
            if attribute == "style":
                return _alignment(value)
            return value

        clean = nh3.clean(
            shifted,
            tags=set(ALLOWED_TAGS),
            clean_content_tags={"script", "style"},
            attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
            attribute_filter=keep,
            url_schemes=set(_SCHEMES),
            link_rel=None,
            strip_comments=True,
        )
        return _IMG_WITHOUT_SRC.sub("", clean).strip()


def _alignment(value: str) -> str | None:
    """Only ``text-align`` survives, as python-markdown writes it for table columns."""
    match = re.fullmatch(r"\s*text-align:\s*(left|right|center);?\s*", value)
    return f"text-align: {match.group(1)};" if match else None


def plain(text: str) -> str:
    """The text of a Markdown body without markup, for summaries and the feed."""
    text = nh3.clean(markdown.markdown(text, extensions=list(EXTENSIONS)), tags=set())
    return re.sub(r"\s+", " ", html.unescape(text)).strip()
