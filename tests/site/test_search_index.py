"""The search index: exactly the searchable pages, restored from the cache only when they are unchanged.

Small sites are written here as files and indexed by the real Pagefind
binary; what Pagefind stored for each page is read back from its fragments.
A cached build must give the same files as a cold one, and a damaged cache
must cost a re-index, never a broken index.
"""

from __future__ import annotations

import gzip
import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.render import search
from generator.render.search import build_index
from tests.conftest import BUNDLED, run_cli

PAGE = ('<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>{title}</title></head>\n'
        '<body><nav>导航</nav><main data-pagefind-body><h1>{title}</h1><p>{text}</p>'
        '<table data-pagefind-ignore><tr><td>不应索引的表格</td></tr></table></main></body></html>\n')
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


def write_site(root: Path, pages: dict[str, tuple[str, str]]) -> Path:
    for rel, (title, text) in pages.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(PAGE.format(title=title, text=text), encoding="utf-8")
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
