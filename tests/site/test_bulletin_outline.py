"""A bulletin's reading page never skips a heading level, and its headings keep the official document's look.

The body's levels are the PDF's (``h3`` is the 楷体 ``（一）`` heading), and the cases bulletin's generated
list of cases follows its opening paragraph with no ``一、`` heading above it; on the site that jumped from the
page's ``h1`` to ``h3``, which screen-reader users navigate by (axe: heading-order).
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

from generator.render.views.bulletins import site_outline
from tests.site.conftest import Problems

LEVELS = "() => [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map(h => Number(h.tagName[1]))"
LOOK = ("(selector) => { const s = getComputedStyle(document.querySelector(selector));"
        " return [s.fontFamily, s.fontSize, s.fontWeight, s.marginTop, s.paddingBottom, s.borderBottomWidth]; }")


def bulletin_urls(site: Path) -> list[str]:
    return sorted(page.parent.relative_to(site).as_posix() + "/" for page in (site / "bulletins").glob("*/index.html"))


@pytest.mark.browser
def test_no_bulletin_page_skips_a_heading_level(built_site: Path, server: str, page: tuple[Page, Problems]) -> None:
    tab, _ = page
    urls = bulletin_urls(built_site)
    assert "bulletins/2024-cases/" in urls
    for url in urls:
        tab.goto(server + url)
        levels: list[int] = tab.evaluate(LEVELS)
        assert levels[0] == 1 and levels.count(1) == 1, (url, levels)
        skips = [(before, after) for before, after in itertools.pairwise(levels) if after > before + 1]
        assert not skips, f"{url}: heading levels {levels} skip at {skips}"
        assert not Axe().run(tab, options={"runOnly": ["heading-order"]}).response["violations"], url


@pytest.mark.browser
def test_a_renumbered_case_heading_looks_like_the_documents_second_level(server: str,
                                                                         page: tuple[Page, Problems]) -> None:
    tab, _ = page
    tab.goto(server + "bulletins/2024-secretaries/")
    second_level = tab.evaluate(LOOK, ".bulletin .prose h3")
    tab.goto(server + "bulletins/2024-cases/")
    assert tab.evaluate(LOOK, ".bulletin .prose h2.h3") == second_level


@pytest.mark.parametrize(("body", "outline"), [
    ("<p>a</p><h3>（一）</h3><p>b</p><h2>二、</h2><h3>（一）</h3>",
     '<p>a</p><h2 class="h3">（一）</h2><p>b</p><h2>二、</h2><h3>（一）</h3>'),
    ("<h2>一、</h2><h4>1.</h4><h3>（一）</h3>", '<h2>一、</h2><h3 class="h4">1.</h3><h3>（一）</h3>'),
    ("<h2>一、</h2><h3>（一）</h3><p>&lt;h5&gt;</p>", "<h2>一、</h2><h3>（一）</h3><p>&lt;h5&gt;</p>"),
])
def test_site_outline_closes_gaps_and_keeps_levels_that_do_not_skip(body: str, outline: str) -> None:
    assert site_outline(body) == outline
