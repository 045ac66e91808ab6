"""What a reader finds by typing a name or a word, without spaces, into the site's search, in a real chromium.

The bundled site is served over HTTP and searched through the module its
search page loads (``pagefind/search/pagefind.js`` over Pagefind's bundle) or
through the search box itself. Pagefind 1.5 cuts Chinese into words with a
dictionary when indexing and with the browser's ``Intl.Segmenter`` when
searching, so names the two cut differently were not found (李明华 found two
contest pages, 朱娟月 nothing) and 党费 found pages with 党内 and 费用.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from playwright.sync_api import Page

from tests.conftest import BUNDLED
from tests.site.conftest import Problems
from tests.site.test_search_index import indexed

pytestmark = pytest.mark.browser

SEARCH = """async (queries) => {
  const pagefind = await import(new URL("../pagefind/search/pagefind.js", document.baseURI).href);
  await pagefind.options({ baseUrl: "/" });
  const found = {};
  for (const query of queries) {
    const search = await pagefind.search(query);
    found[query] = await Promise.all(search.results.map((result) => result.data()));
  }
  return found;
}"""
#: Words of the bundled pages that the index used to cut differently from the browser, or find in other words.
TERMS = ("党费", "换届", "支委", "综合处党支部", "李明华", "朱娟月", "过路费", "第二党小组", "2024年度")


def branch_queries() -> list[tuple[str, str]]:
    """(query, branch page) for each bundled branch: its name and the name of each member of its committee."""
    queries: list[tuple[str, str]] = []
    for folder in sorted((BUNDLED / "branches").iterdir()):
        branch = yaml.safe_load((folder / "branch.yaml").read_text(encoding="utf-8"))
        members = yaml.safe_load((folder / "members.yaml").read_text(encoding="utf-8"))["members"]
        names = {member["id"]: member["name"] for member in members}
        committee = max(branch["committees"], key=lambda elected: str(elected["elected"]))
        url = f"/branches/{folder.name}/"
        queries += [(branch["name"], url)] + [(names[seat["member"]], url) for seat in committee["members"]]
    return queries


def search(tab: Page, server: str, queries: list[str]) -> dict[str, list[dict[str, Any]]]:
    """Each query's results, best first, as the search page's module gives them (url, meta, excerpt, content)."""
    tab.goto(server + "search/", wait_until="networkidle")
    return tab.evaluate(SEARCH, queries)


def test_every_branch_name_and_committee_member_finds_the_branch_among_the_first_five(
        server: str, page: tuple[Page, Problems]) -> None:
    tab, problems = page
    queries = branch_queries()
    assert len(queries) > 40
    found = search(tab, server, sorted({query for query, _ in queries}))
    missed = [(query, url, [r["url"] for r in found[query][:5]]) for query, url in queries
              if url not in [r["url"] for r in found[query][:5]]]
    assert not missed
    problems.assert_none()


def test_a_word_finds_exactly_the_pages_that_show_it(built_site: Path, server: str,
                                                     page: tuple[Page, Problems]) -> None:
    tab, problems = page
    texts = {url: text.replace("\u200b", "") for url, text in indexed(built_site).items()}
    found = search(tab, server, list(TERMS))
    for term in TERMS:
        showing = sorted(url for url, text in texts.items() if term in text)
        assert showing, term
        assert sorted(r["url"] for r in found[term]) == showing, term
    problems.assert_none()


def test_words_apart_must_all_be_on_the_page(built_site: Path, server: str, page: tuple[Page, Problems]) -> None:
    tab, problems = page
    texts = {url: text.replace("\u200b", "") for url, text in indexed(built_site).items()}
    query = "李明华 党费、支委"
    showing = sorted(url for url, text in texts.items() if all(w in text for w in ("李明华", "党费", "支委")))
    assert "/branches/fgw-zhc/" in showing
    assert sorted(r["url"] for r in search(tab, server, [query])[query]) == showing
    problems.assert_none()


def test_a_name_typed_in_the_search_box_finds_its_branch_and_reads_naturally(
        server: str, page: tuple[Page, Problems]) -> None:
    tab, problems = page
    tab.goto(server + "search/", wait_until="networkidle")
    box = tab.locator(".pagefind-ui__search-input")
    for name, urls in (("李明华", ("/branches/fgw-zhc/", "/secretaries/2024-fgw-zhc/")),
                       ("朱娟月", ("/branches/tjj-gy/",))):
        box.fill(name)
        for url in urls:
            tab.locator(f".pagefind-ui__result-link[href$='{url}']").wait_for(timeout=15000)
        results = tab.locator(".pagefind-ui__result")
        titles = results.locator(".pagefind-ui__result-link").all_inner_texts()
        excerpts = [excerpt.inner_html() for excerpt in results.locator(".pagefind-ui__result-excerpt").all()]
        assert titles and all("\u200b" not in title for title in titles)
        assert excerpts and all(f"<mark>{name}" in excerpt and "\u200b" not in excerpt for excerpt in excerpts)
    problems.assert_none()
