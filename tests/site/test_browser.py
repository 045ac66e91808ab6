"""Every page type in a real chromium: loads cleanly, one h1, no serious accessibility violation."""

from __future__ import annotations

from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

from tests.site.conftest import Problems
from tests.site.pagetypes import PAGE_TYPES, page_url

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("kind", sorted(PAGE_TYPES))
def test_page_type_loads_cleanly_and_is_accessible(kind: str, built_site: Path, server: str,
                                                    page: tuple[Page, Problems]) -> None:
    tab, problems = page
    tab.goto(server + page_url(built_site, kind), wait_until="networkidle")
    if kind == "search":
        tab.wait_for_selector(".pagefind-ui__search-input")
    problems.assert_none()
    assert tab.locator("html").get_attribute("lang") == "zh-CN"
    assert tab.locator("h1").count() == 1
    assert tab.locator("a.skip[href='#main']").count() == 1
    violations = Axe().run(tab).response["violations"]
    serious = [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}"
               for v in violations if v["impact"] in ("serious", "critical")]
    assert not serious, serious


def test_keyboard_focus_is_visible(built_site: Path, server: str, page: tuple[Page, Problems]) -> None:
    tab, _ = page
    tab.goto(server)
    tab.keyboard.press("Tab")
    focused = tab.evaluate("() => [document.activeElement.className, getComputedStyle(document.activeElement)"
                           ".outlineStyle, document.activeElement.getBoundingClientRect().left]")
    assert focused[0] == "skip"
    assert focused[1] != "none"
    assert focused[2] >= 0, "the skip link comes into view when focused"
