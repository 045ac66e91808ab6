"""What a reader does in the browser: search in Chinese, sort and filter tables, read calendars and charts."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page

from tests.conftest import BUNDLED
from tests.site.conftest import Problems

pytestmark = pytest.mark.browser

#: A word that occurs in the body (not the title) of one bundled case.
CASE, WORD = "2024-gongche", "过路费"


def test_chinese_word_from_a_case_body_finds_that_case(server: str, page: tuple[Page, Problems]) -> None:
    source = (BUNDLED / "cases" / f"{CASE}.md").read_text(encoding="utf-8")
    front, _, body = source.partition("\n---\n")
    assert WORD in body and WORD not in front, "pick a word of the case body"
    tab, problems = page
    tab.goto(server + "search/", wait_until="networkidle")
    tab.locator(".pagefind-ui__search-input").fill(WORD)
    result = tab.locator(f".pagefind-ui__result-link[href$='/cases/{CASE}/']")
    result.wait_for(timeout=15000)
    assert result.count() == 1
    problems.assert_none()


def _column(tab: Page, table: str, index: int) -> list[str]:
    return tab.eval_on_selector_all(f"#{table} tbody tr:not([hidden])",
                                    f"rows => rows.map(r => r.children[{index}].getAttribute('data-value'))")


def test_branch_table_sorts_and_filters_in_place(server: str, page: tuple[Page, Problems]) -> None:
    tab, problems = page
    tab.goto(server + "branches/", wait_until="networkidle")
    assert tab.locator("form.table-filter").is_visible(), "the script reveals the filter form"
    tab.get_by_role("button", name="党员").click()
    members = [int(x) for x in _column(tab, "branch-table", 2)]
    assert members == sorted(members) and members[0] < members[-1]
    tab.get_by_role("button", name="党员").click()
    assert [int(x) for x in _column(tab, "branch-table", 2)] == sorted(members, reverse=True)
    units = tab.eval_on_selector_all("#f-unit option", "os => os.map(o => o.value).filter(Boolean)")
    tab.select_option("#f-unit", units[0])
    shown = tab.eval_on_selector_all("#branch-table tbody tr:not([hidden])", "rows => rows.map(r => r.dataset.unit)")
    assert shown and set(shown) == {units[0]}
    assert f"显示 {len(shown)} 条" in tab.locator("form.table-filter output").inner_text()
    tab.select_option("#f-unit", "")
    tab.fill("#f-text", "不存在的支部名称")
    assert _column(tab, "branch-table", 0) == []
    problems.assert_none()


def test_branch_table_works_without_javascript(server: str, browser: Browser) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        tab = context.new_page()
        tab.goto(server + "branches/")
        assert tab.locator("form.table-filter").is_hidden()
        tab.get_by_role("link", name="按名称").click()
        names = tab.eval_on_selector_all("#branch-table tbody th", "cells => cells.map(c => c.dataset.value)")
        assert names == sorted(names)
        tab.goto(server + "branches/")
        band = tab.locator("nav.views a[href*='band/']").first
        label = band.inner_text()
        band.click()
        bands = tab.eval_on_selector_all("#branch-table tbody td:nth-child(5)", "cells => cells.map(c => c.innerText)")
        assert bands and set(bands) == {label.split("（")[0]}
    finally:
        context.close()


def test_case_list_filters_by_discipline(server: str, page: tuple[Page, Problems]) -> None:
    tab, problems = page
    tab.goto(server + "cases/", wait_until="networkidle")
    total = tab.locator("#case-table tbody tr").count()
    tab.select_option("#cf-discipline", "integrity")
    kept = tab.locator("#case-table tbody tr:not([hidden])")
    assert 0 < kept.count() < total
    for text in kept.locator("td:nth-child(3)").all_inner_texts():
        assert "廉洁纪律" in text
    problems.assert_none()


def test_calendar_shows_held_and_missed_periods(server: str, page: tuple[Page, Problems]) -> None:
    tab, problems = page
    tab.goto(server + "branches/", wait_until="networkidle")
    tab.locator("#branch-table tbody th a").first.click()
    calendar = tab.locator("table.calendar")
    assert calendar.is_visible()
    assert calendar.locator("thead th").count() == 14, "requirement, 12 months, total"
    rows = calendar.locator("tbody tr")
    assert rows.count() >= 5
    for i in range(rows.count()):
        spans = rows.nth(i).locator("td.cal").evaluate_all("cells => cells.reduce((n, c) => n + c.colSpan, 0)")
        assert spans == 12, "every requirement row covers the twelve months"
    assert calendar.locator("td.cal-met").count() > 0
    problems.assert_none()


@pytest.mark.parametrize("url", ["", "units/", "cases/", "fund/"])
def test_charts_render_with_text_alternatives(url: str, server: str, page: tuple[Page, Problems]) -> None:
    tab, problems = page
    tab.goto(server + url, wait_until="networkidle")
    charts = tab.locator("figure.chart")
    assert charts.count() >= 1
    for i in range(charts.count()):
        chart = charts.nth(i)
        svg = chart.locator("svg[role='img']")
        box = svg.bounding_box()
        assert box is not None and box["width"] > 200 and box["height"] > 20
        assert svg.locator(":scope > title").text_content() and svg.locator(":scope > desc").text_content()
        assert svg.locator("rect").count() >= 1
        assert chart.locator("details table th[scope='row']").count() >= 1
    problems.assert_none()
