"""How the pages lay out for a reader: on a phone and a desktop, and on paper.

On a phone the page itself never scrolls sideways; a wide table scrolls inside
its own container. A printout drops navigation, footer and search, keeps its
tables on the page, and prints the records behind each score (the ``<details>``
a reader opens on screen), since paper cannot be clicked.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from tests.site.pagetypes import PAGE_TYPES, page_url

pytestmark = pytest.mark.browser

PHONE, DESKTOP = {"width": 375, "height": 800}, {"width": 1366, "height": 800}
#: A4 portrait at 96 dpi less Chromium's default print margins: the width a printed page lays out in.
PAPER = {"width": 718, "height": 1000}

#: Tables wider than their scroller, each with what the scroller lets a reader do: [caption, can scroll].
WIDE_TABLES = """() => [...document.querySelectorAll('table')]
  .filter(t => t.getBoundingClientRect().width > t.parentElement.clientWidth + 1)
  .map(t => [t.caption ? t.caption.textContent : t.id,
             ['auto', 'scroll'].includes(getComputedStyle(t.parentElement).overflowX)])"""


@pytest.fixture
def tab(browser: Browser, request: pytest.FixtureRequest) -> Iterator[Page]:
    """A page of the viewport size the test is parametrized with (``PHONE`` without one)."""
    context = browser.new_context(locale="zh-CN", viewport=getattr(request, "param", PHONE))
    try:
        yield context.new_page()
    finally:
        context.close()


@pytest.mark.parametrize("tab", [PHONE, DESKTOP], indirect=True, ids=["phone", "desktop"])
@pytest.mark.parametrize("kind", sorted(PAGE_TYPES))
def test_page_never_scrolls_sideways_and_wide_tables_scroll_in_place(kind: str, built_site: Path, server: str,
                                                                     tab: Page) -> None:
    tab.goto(server + page_url(built_site, kind), wait_until="networkidle")
    width = tab.evaluate("[document.scrollingElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1], f"the page is {width[0]}px wide in a {width[1]}px window"
    stuck = [caption for caption, scrolls in tab.evaluate(WIDE_TABLES) if not scrolls]
    assert not stuck, f"wide tables that cannot scroll: {stuck}"


@pytest.mark.parametrize("tab", [PAPER], indirect=True, ids=["paper"])
@pytest.mark.parametrize("kind", sorted(PAGE_TYPES))
def test_print_drops_navigation_and_search_keeps_tables_and_shows_the_records(kind: str, built_site: Path,
                                                                               server: str, tab: Page) -> None:
    tab.goto(server + page_url(built_site, kind), wait_until="networkidle")
    tab.emulate_media(media="print")
    for chrome in ("nav[aria-label='主导航']", ".site-footer", ".skip", ".pagefind-ui__form"):
        assert not any(tab.locator(chrome).evaluate_all("es => es.map(e => e.checkVisibility())")), chrome
    assert tab.evaluate("document.scrollingElement.scrollWidth") <= PAPER["width"], "the printout is cut off"
    assert not tab.evaluate(WIDE_TABLES), "a table is wider than the paper"
    hidden = tab.locator("details > :not(summary)").evaluate_all("es => es.filter(e => !e.checkVisibility()).length")
    assert hidden == 0, f"{hidden} blocks of records print as a closed ▶ line"


@pytest.mark.parametrize("tab", [PAPER], indirect=True, ids=["paper"])
def test_details_open_for_printing_and_close_afterwards(built_site: Path, server: str, tab: Page) -> None:
    """Where the browser lacks the print style's ``details::details-content``, the script opens them."""
    tab.goto(server + page_url(built_site, "branch"), wait_until="networkidle")
    states = "() => [...document.querySelectorAll('details')].map(d => d.open)"
    before = tab.evaluate(states)
    assert before and not any(before)
    tab.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert all(tab.evaluate(states))
    tab.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert tab.evaluate(states) == before
