"""A branch's pages linked whole from the cache still follow every input outside the branch's records.

An incremental build links a branch's pages from the cache without making them
when the key of their inputs is unchanged (``write_item_pages``). Each test
makes a change that shows on branch pages although no file of that branch
changed, builds with the cache, and compares with a cold build of the same content.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from jinja2 import DictLoader, Environment

from generator.cache.render import RenderCache
from generator.render.pages import Page, write_item_pages

ROOT = Path(__file__).resolve().parents[2]
REPORT = Path("branches") / "fgw-zhc" / "reports" / "2024.md"


@pytest.fixture
def content(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "content", tmp_path / "content")
    return tmp_path / "content"


def build(content: Path, out: str, *options: str) -> str:
    done = subprocess.run([sys.executable, "-m", "generator", "build", "--content", str(content),
                           "--out", str(content.parent / out), "--cache", str(content.parent / "cache"),
                           "--no-pdf", *options], cwd=ROOT, capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout + done.stderr


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def assert_same_as_cold(content: Path) -> None:
    build(content, "site")
    build(content, "cold", "--no-cache")
    warm, cold = tree(content.parent / "site"), tree(content.parent / "cold")
    assert warm.keys() == cold.keys()
    assert [name for name in warm if warm[name] != cold[name]] == []


def branch_page(content: Path) -> str:
    return (content.parent / "site" / "branches" / "fgw-zhc" / "index.html").read_text(encoding="utf-8")


def test_renamed_unit_shows_on_its_branches_pages(content: Path) -> None:
    build(content, "site")
    assert "四川省发展和改革委员会" in branch_page(content)
    unit = content / "units" / "fgw.yaml"
    text = unit.read_text(encoding="utf-8")
    renamed = text.replace("name: 四川省发展和改革委员会", "name: 四川省发展和改革委员会（更名）")
    unit.write_text(renamed, encoding="utf-8")
    assert_same_as_cold(content)
    assert "四川省发展和改革委员会（更名）" in branch_page(content)


def test_attachment_added_later_is_linked_from_the_report(content: Path) -> None:
    report = content / REPORT
    report.write_text(report.read_text(encoding="utf-8") + "\n![支部活动照片](photo.png)\n", encoding="utf-8")
    build(content, "site")
    (report.parent / "photo.png").write_bytes(
        bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                      "1f15c4890000000d49444154789c6360000002000100e221bc330000000049454e44ae426082"))
    assert_same_as_cold(content)
    assert "photo.png" in branch_page(content)


def test_another_day_changes_every_branch_page(content: Path) -> None:
    build(content, "site", "--today", "2025-01-02")
    build(content, "site", "--today", "2025-01-03")
    build(content, "cold", "--no-cache", "--today", "2025-01-03")
    warm, cold = tree(content.parent / "site"), tree(content.parent / "cold")
    assert [name for name in warm if warm[name] != cold.get(name)] == []


def _items(tmp_path: Path, out: str, inputs: Callable[[str], str | None]) -> RenderCache:
    env = Environment(loader=DictLoader({"t.html": "{{ page.title }}:{{ x }}"}), autoescape=True)
    cache = RenderCache(tmp_path / "cache")
    write_item_pages(env, lambda item: [Page(f"{item}/index.html", "t.html", item, {"x": item})], ["p", "q"], {},
                     tmp_path / out, cache, inputs)
    cache.finish()
    return cache


def test_items_are_linked_whole_only_under_a_known_key(tmp_path: Path) -> None:
    _items(tmp_path, "a", lambda item: None)
    _items(tmp_path, "b", lambda item: None)
    assert (tmp_path / "b" / "q" / "index.html").read_text(encoding="utf-8") == "q:q"
    _items(tmp_path, "c", lambda item: f"inputs of {item}")
    again = _items(tmp_path, "d", lambda item: f"inputs of {item}")
    assert (again.reused, again.rendered) == (2, 0)
    assert tree(tmp_path / "d") == tree(tmp_path / "c")
