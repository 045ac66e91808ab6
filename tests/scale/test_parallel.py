"""Pages rendered by forked workers are the pages one process renders, and a failing worker fails the build."""

from __future__ import annotations

from pathlib import Path

import pytest
from jinja2 import DictLoader, Environment

from generator.cache.objects import object_name
from generator.forked import WorkerFailed, forked
from generator.pipeline import Settings, check, rules_and_scores
from generator.render.pages import PAGES_PER_WORKER, Page, render_in_parallel
from generator.synth import synthesize


def _pages(count: int) -> list[Page]:
    return [Page(f"p/{n}/index.html", "page.j2", f"第{n}页", {"n": n, "items": list(range(n % 7))})
            for n in range(count)]


def _env() -> Environment:
    return Environment(loader=DictLoader({"page.j2": "{{ page.title }}|{{ n }}|{{ items|join(',') }}|{{ who }}"}),
                       autoescape=True)


def _children() -> set[str]:
    """This process's live children (other tests may have left servers running)."""
    found: set[str] = set()
    for task in Path("/proc/self/task").iterdir():
        found.update((task / "children").read_text().split())
    return found


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_two_workers_write_the_same_pages_and_report_their_addresses(tmp_path: Path) -> None:
    pages = _pages(2 * PAGES_PER_WORKER + 5)
    common = {"who": "支部"}
    alone = render_in_parallel(_env(), pages, common, tmp_path / "one", workers=1)
    shared = render_in_parallel(_env(), pages, common, tmp_path / "two", workers=2)
    assert _tree(tmp_path / "one") == _tree(tmp_path / "two")
    assert shared == alone == [object_name((tmp_path / "two" / page.path).read_bytes()) for page in pages]
    assert (tmp_path / "two" / "p/6/index.html").read_text(encoding="utf-8") == "第6页|6|0,1,2,3,4,5|支部"


def test_a_worker_that_raises_fails_the_whole_render_and_leaves_no_process(tmp_path: Path) -> None:
    def work(share: int) -> list[int]:
        if share == 1:
            raise ValueError("模板出错")
        return [share]

    before = _children()
    with pytest.raises(WorkerFailed, match="模板出错"):
        forked(3, work, lambda results: results)
    assert _children() <= before


def test_when_this_process_fails_the_workers_are_stopped(tmp_path: Path) -> None:
    def work(share: int) -> int:
        if share == 0:
            raise KeyError("parent")
        (tmp_path / f"started-{share}").touch()
        return share

    before = _children()
    with pytest.raises(KeyError):
        forked(2, work, sum)
    assert _children() <= before


def test_rules_checked_in_a_fork_while_scoring_give_what_one_process_gives(tmp_path: Path) -> None:
    synthesize(tmp_path / "content", 5, seed=3)
    checked = check(Settings(content=tmp_path / "content", out=tmp_path / "site", use_cache=False))
    assert checked.today is not None and checked.scores is not None
    alone = rules_and_scores(checked.corpus, checked.today, parallel_from=10**6)
    side_by_side = rules_and_scores(checked.corpus, checked.today, parallel_from=1)
    assert side_by_side == alone
    assert alone[0] and alone[1].branches, "the corpus has findings and scores to compare"
