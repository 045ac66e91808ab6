"""The search index: exactly the searchable pages, restored from the cache only when their indexed text is unchanged.

Small sites are written here as files and indexed by the real Pagefind
binary; what Pagefind stored for each page is read back from its fragments.
A cached build must give the same files as a cold one, and a damaged cache
must cost a re-index, never a broken index. Pagefind reads lean copies of the
pages; the index they give must be the one the full pages give.
"""

from __future__ import annotations

import gzip
import json
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from pagefind_bin_extended import get_executable  # type: ignore[import-untyped]

from generator.render import search
from generator.render.search import ARGUMENTS, UnsupportedPage, build_index, lean_page, split_han
from tests.conftest import BUNDLED, run_cli

PAGE = ('<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>{title}</title></head>\n'
        '<body><nav>导航</nav><main data-pagefind-body><h1>{title}</h1><p>{text}</p>'
        '<table data-pagefind-ignore><tr><td>{ignored}</td></tr></table></main></body></html>\n')
IGNORED = "不应索引的表格"
PAGES = {
    "index.html": ("首页", "全省党支部概览"),
    "rankings/index.html": ("排行榜", "年度排名"),
    "cases/index.html": ("警示案例", "案例一览"),
    "cases/2024-a/index.html": ("公车私用案", "违规报销过路费"),
    "bulletins/2024-1/index.html": ("通报", "关于表扬优秀党支部书记的通报"),
    **{f"branches/b{n}/index.html": (f"第{n}党支部", f"书记张{n}明，整改事项{n}") for n in range(12)},
    "branches/b1/2023/index.html": ("第1党支部2023年度", "往年报告"),
}
#: Written but not searchable, like a member's points page.
UNLISTED = {"branches/b1/points/2024/m1/index.html": ("党员积分", "个人积分明细")}


def write_site(root: Path, pages: dict[str, tuple[str, str]], ignored: dict[str, str] | None = None) -> Path:
    """The pages as files; ``ignored`` gives some pages other text in their ignored table."""
    for rel, (title, text) in pages.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(PAGE.format(title=title, text=text, ignored=(ignored or {}).get(rel, IGNORED)),
                        encoding="utf-8")
    return root


def indexed(site: Path) -> dict[str, str]:
    """URL → indexed text of every page in the bundle under ``site/pagefind/``."""
    found: dict[str, str] = {}
    for fragment in sorted((site / "pagefind" / "fragment").iterdir()):
        record = json.loads(gzip.decompress(fragment.read_bytes()).removeprefix(b"pagefind_dcd"))
        assert record["url"] not in found, f"{record['url']} is indexed twice"
        found[record["url"]] = record["content"]
    return found


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture
def indexing(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """The page lists Pagefind actually indexes (a restored bundle adds none)."""
    built: list[list[str]] = []
    real = search.index_pages

    def record(site: Path, pages: list[str], bundle: Path) -> None:
        built.append(pages)
        real(site, pages, bundle)

    monkeypatch.setattr(search, "index_pages", record)
    return built


def test_exactly_the_listed_pages_are_indexed_without_ignored_parts(tmp_path: Path) -> None:
    site = write_site(tmp_path / "site", PAGES | UNLISTED)
    paths = build_index(site, PAGES)
    found = indexed(site)
    assert sorted(found) == sorted("/" + p.removesuffix("index.html") for p in PAGES)
    assert "违规报销过路费" in found["/cases/2024-a/"].replace("\u200b", "")
    assert not any("不应索引" in text.replace("\u200b", "") for text in found.values())
    assert paths["bundle"] == "pagefind/"
    assert (site / paths["js"]).is_file() and (site / paths["css"]).is_file()
    assert (site / paths["search"] / "pagefind.js").is_file(), "the search page's module over the bundle"
    assert not list(site.glob(".index-*")), "the directory of links Pagefind read is removed"


def test_the_bundle_has_no_url(tmp_path: Path) -> None:
    site = write_site(tmp_path / "site", PAGES)
    build_index(site, PAGES)
    urls = [p for p in (site / "pagefind").rglob("*") if p.is_file() and re.search(rb"https?://", p.read_bytes())]
    assert not urls


def test_unchanged_pages_restore_the_bundle_and_an_edit_reindexes(tmp_path: Path, indexing: list[list[str]]) -> None:
    cache = tmp_path / "cache"
    build_index(write_site(tmp_path / "first", PAGES), PAGES, cache)
    assert indexing == [sorted(PAGES)]
    again = build_index(write_site(tmp_path / "again", PAGES), PAGES, cache)
    assert len(indexing) == 1, "the same pages are not indexed again"
    assert again == build_index(write_site(tmp_path / "cold", PAGES), PAGES)
    assert tree(tmp_path / "again") == tree(tmp_path / "cold")
    edited = PAGES | {"branches/b3/index.html": ("第3党支部", "书记李3红，整改已完成")}
    indexing.clear()
    build_index(write_site(tmp_path / "edited", edited), edited, cache)
    assert indexing == [sorted(edited)]
    assert "李3红" in indexed(tmp_path / "edited")["/branches/b3/"].replace("\u200b", "")


@pytest.mark.parametrize("damage", [
    lambda path: path.write_bytes(b"x" * path.stat().st_size),
    lambda path: path.unlink(),
])
def test_a_damaged_cache_means_reindexing_not_a_broken_index(
        tmp_path: Path, indexing: list[list[str]], damage: Callable[[Path], None]) -> None:
    cache = tmp_path / "cache"
    build_index(write_site(tmp_path / "first", PAGES), PAGES, cache)
    fragment = min((tmp_path / "first" / "pagefind" / "fragment").iterdir()).read_bytes()
    damaged = [obj for obj in (cache / "search-objects").glob("*/*") if obj.read_bytes() == fragment]
    assert len(damaged) == 1
    damage(damaged[0])
    indexing.clear()
    build_index(write_site(tmp_path / "again", PAGES), PAGES, cache)
    assert len(indexing) == 1
    build_index(write_site(tmp_path / "cold", PAGES), PAGES)
    assert tree(tmp_path / "again") == tree(tmp_path / "cold")


@pytest.mark.slow
def test_a_branch_record_edit_gives_the_same_site_cached_as_cold(tmp_path: Path) -> None:
    content = Path(shutil.copytree(BUNDLED, tmp_path / "content"))
    cache = tmp_path / "cache"
    assert run_cli("build", "--content", content, "--out", tmp_path / "cached", "--no-pdf",
                   "--cache", cache).returncode == 0
    branch = content / "branches" / "fgw-zhc" / "branch.yaml"
    branch.write_text(branch.read_text(encoding="utf-8").replace("name: 综合处党支部", "name: 综合调研处党支部"),
                      encoding="utf-8")
    assert run_cli("build", "--content", content, "--out", tmp_path / "cached", "--no-pdf",
                   "--cache", cache).returncode == 0
    assert run_cli("build", "--content", content, "--out", tmp_path / "cold", "--no-pdf",
                   "--no-cache").returncode == 0
    assert tree(tmp_path / "cached") == tree(tmp_path / "cold")
    assert "综合调研处" in "".join(indexed(tmp_path / "cached").values()).replace("\u200b", "")


def test_an_edit_pagefind_ignores_restores_the_bundle_and_an_edit_of_indexed_text_reindexes(
        tmp_path: Path, indexing: list[list[str]]) -> None:
    cache = tmp_path / "cache"
    build_index(write_site(tmp_path / "first", PAGES), PAGES, cache)
    ignored = {"branches/b3/index.html": "活动主题（修订）"}
    indexing.clear()
    build_index(write_site(tmp_path / "ignored", PAGES, ignored), PAGES, cache)
    assert indexing == [], "text only inside data-pagefind-ignore does not re-index"
    build_index(write_site(tmp_path / "cold", PAGES, ignored), PAGES)
    assert tree(tmp_path / "ignored") == tree(tmp_path / "cold")
    edited = PAGES | {"branches/b3/index.html": ("第3党支部", "书记张3明，整改事项已修订")}
    indexing.clear()
    build_index(write_site(tmp_path / "edited", edited, ignored), edited, cache)
    assert indexing == [sorted(edited)]
    assert "已修订" in indexed(tmp_path / "edited")["/branches/b3/"].replace("\u200b", "")


@pytest.mark.parametrize(("page", "lean"), [
    ("<main><div data-pagefind-ignore><div>a</div><div><div>b</div></div></div><p>留</p></main>",
     "<main><p>留</p></main>"),
    ("<ul data-pagefind-ignore><li><ul data-pagefind-ignore><li>x</li></ul></li></ul>甲"
     '<section data-pagefind-ignore="all"><section>b</section></section>乙', "甲乙"),
    ('<div data-pagefind-ignore><!-- </div> --><script>"</div>"</script><p title="x>y">z</p></div>留', "留"),
    ("甲<hr data-pagefind-ignore>乙", "甲乙"),
    ('<p title="data-pagefind-ignore">data-pagefind-ignore</p><!-- <div data-pagefind-ignore> -->',
     '<p title="data-pagefind-ignore">data-pagefind-ignore</p><!-- <div data-pagefind-ignore> -->'),
    ('<div data-pagefind-ignore><span data-pagefind-meta="a:b"></span><ul data-pagefind-ignore><li>x</li></ul></div>',
     '<div data-pagefind-ignore><span data-pagefind-meta="a:b"></span></div>'),
    ("<section data-pagefind-ignore><h1>题</h1></section>", "<section data-pagefind-ignore><h1>题</h1></section>"),
    ('甲<img data-pagefind-ignore src="a.png">', '甲<img data-pagefind-ignore src="a.png">'),
    ('<h2 id="a">题<span data-pagefind-ignore>注</span></h2><p data-pagefind-ignore>x',
     '<h2 id="a">题<span data-pagefind-ignore>注</span></h2><p data-pagefind-ignore>x'),
])
def test_a_lean_copy_drops_exactly_the_ignored_elements_pagefind_reads_nothing_from(page: str, lean: str) -> None:
    assert lean_page(page.encode()) == lean.encode()


@pytest.mark.parametrize("page", [
    "<div data-pagefind-ignore><div>a</div>",
    "<div data-pagefind-ignore><DIV>a</DIV></div>",
    "<div data-pagefind-ignore><div/>a</div>",
    '<div data-pagefind-ignore><p title="</div>">a</p></div>',
    "<div data-pagefind-ignore><noscript>a</noscript></div>",
    "<!-- <div data-pagefind-ignore>",
])
def test_markup_the_scanner_cannot_read_as_pagefind_does_fails_the_build(tmp_path: Path, page: str) -> None:
    with pytest.raises(UnsupportedPage):
        lean_page(page.encode())
    site = tmp_path / "site"
    (site / "odd").mkdir(parents=True)
    (site / "odd" / "index.html").write_text(f'<html lang="zh-CN"><main data-pagefind-body>{page}</main></html>',
                                             encoding="utf-8")
    with pytest.raises(UnsupportedPage, match=r"^odd/index\.html: "):
        build_index(site, ["odd/index.html"])


TRICKY = {
    "a/index.html": (
        '<h1>题一</h1><section id="s1" data-pagefind-ignore><h2 id="s1h">忽略节</h2><div><div id="deep">深处文字'
        '</div></div><ul class="evidence" data-pagefind-ignore><li>证据</li></ul></section>'
        '<h2 id="keep">保留<span data-pagefind-ignore>行内注</span>标题</h2>'
        '<div data-pagefind-ignore><span data-pagefind-meta="作者:张三"></span>'
        '<span data-pagefind-filter="类别:甲"></span>带元数据</div>'
        '<div data-pagefind-ignore="all"><span data-pagefind-filter="类别:乙"></span>全部排除</div>'
        '<p>正文</p><table data-pagefind-ignore><tr><td>表格</td></tr></table>'
        '<!-- <div data-pagefind-ignore> 注释 --><script>var x = "</div>";</script><p id="end">结尾</p>'),
    "b/index.html": (
        '<div data-pagefind-ignore><h1>忽略区里的标题</h1></div><p>正文乙</p>'
        '<div data-pagefind-ignore><img src="x.png" alt="图"></div><h1>第二个标题</h1>'),
}


def write_tricky(root: Path) -> Path:
    for rel, main in TRICKY.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text('<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>页</title></head>'
                        f'<body><main data-pagefind-body>{main}</main></body></html>\n', encoding="utf-8")
    return root


def index_data(bundle: Path) -> dict[str, bytes]:
    """What a search reads from a bundle: the fragments, the word and filter indexes, the entry file."""
    return {rel: data for rel, data in tree(bundle).items()
            if rel.startswith(("fragment/", "index/", "filter/")) or rel == "pagefind-entry.json"}


def full_page_index(site: Path, pages: list[str], out: Path) -> Path:
    """Pagefind's bundle for the full pages, their Chinese split per character as the lean copies' is."""
    full = out / "full"
    for rel in pages:
        (full / rel).parent.mkdir(parents=True, exist_ok=True)
        (full / rel).write_bytes(split_han((site / rel).read_bytes()))
    subprocess.run([str(get_executable()), "--site", str(full), "--output-path", str(out / "bundle"), *ARGUMENTS],
                   check=True, capture_output=True, timeout=600)
    return out / "bundle"


def test_the_lean_copies_give_the_index_the_full_pages_give(tmp_path: Path) -> None:
    site = write_tricky(tmp_path / "site")
    pages = sorted(TRICKY)
    build_index(site, pages)
    lean = index_data(site / "pagefind")
    assert lean == index_data(full_page_index(site, pages, tmp_path / "full"))
    records = {json.loads(gzip.decompress(data).removeprefix(b"pagefind_dcd"))["url"]:
               json.loads(gzip.decompress(data).removeprefix(b"pagefind_dcd"))
               for rel, data in lean.items() if rel.startswith("fragment/")}
    a, b = records["/a/"], records["/b/"]
    title = a["meta"]["title"].replace("\u200b", "")
    assert (a["meta"]["作者"], a["filters"], title) == ("张三", {"类别": ["甲"]}, "题一")
    assert (b["meta"]["title"].replace("\u200b", ""), b["meta"]["image"]) == ("忽略区里的标题", "x.png")
    assert [anchor["id"] for anchor in a["anchors"]] == ["keep", "end"]
    assert "深处" not in a["content"].replace("\u200b", "")
    assert len(lean_page((site / "a/index.html").read_bytes())) < len((site / "a/index.html").read_bytes())


def test_the_site_index_is_the_one_its_full_pages_give(built_site: Path, tmp_path: Path) -> None:
    pages = sorted(p.relative_to(built_site).as_posix() for p in built_site.rglob("*.html")
                   if b"data-pagefind-body" in p.read_bytes())
    assert len(pages) > 20
    assert index_data(built_site / "pagefind") == index_data(full_page_index(built_site, pages, tmp_path))


@pytest.mark.parametrize(("page", "split"), [
    ("<p>书记：李明华</p>", "<p>\u200b书\u200b记：\u200b李\u200b明\u200b华</p>"),
    ("<td>2024年度</td><td>A级</td>", "<td>2024\u200b年\u200b度</td><td>A\u200b级</td>"),
    ('<a href="/b/" title="综合处">综合</a>处<!-- 注释 --><meta data-pagefind-meta="单位:省统计局">',
     '<a href="/b/" title="综合处">\u200b综\u200b合</a>\u200b处<!-- 注释 --><meta data-pagefind-meta="单位:省统计局">'),
    ('<p title="a>b 甲">乙</p>', '<p title="a>b 甲">\u200b乙</p>'),
    ("<p>abc &amp; 123</p>", "<p>abc &amp; 123</p>"),
])
def test_chinese_text_is_split_before_each_character_and_markup_is_not(page: str, split: str) -> None:
    assert split_han(page.encode()) == split.encode()


def test_each_chinese_character_is_a_word_of_the_index(tmp_path: Path) -> None:
    pages = {"a/index.html": ("综合处党支部", "书记李明华，缴纳党费"),
             "b/index.html": ("其他支部", "党内生活，费用报销")}
    site = write_site(tmp_path / "site", pages)
    build_index(site, pages)
    content = indexed(site)["/a/"]
    assert "\u200b李\u200b明\u200b华" in content and "李明" not in content
    assert "党费" in content.replace("\u200b", "")
