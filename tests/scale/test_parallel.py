"""Pages made and written by forked workers are the pages one process writes, a failing worker fails the build,
and the build's own process never holds the records (they are checked and paged in a child that ends)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from jinja2 import DictLoader, Environment

from generator import pipeline
from generator.cache.render import MANIFEST, RenderCache
from generator.cache.store import Store
from generator.forked import WorkerFailed, _die_with_parent, forked, forked_map, in_child
from generator.pipeline import Checked, Settings, check, rules_and_scores
from generator.render.pages import ITEMS_PER_WORKER, PARALLEL_ITEMS, Page, write_made_pages, write_pages
from generator.synth import synthesize

TEMPLATES = {"site/page.j2": "{{ page.title }}|{{ n }}|{{ items|join(',') }}|{{ who }}",
             "site/home.j2": "{{ page.title }}|{{ who }}"}


def _made(n: int, edited: int = -1) -> list[Page]:
    """Item ``n``'s pages: its own and, for every third item, a second one; ``edited`` changes one item's data."""
    items = list(range(n % 7)) + ([99] if n == edited else [])
    pages = [Page(f"p/{n}/index.html", "site/page.j2", f"第{n}页", {"n": n, "items": items})]
    if n % 3 == 0:
        pages.append(Page(f"p/{n}/more/index.html", "site/page.j2", f"第{n}页（续）", {"n": n, "items": []},
                          search=False, sitemap=False))
    return pages


def _env() -> Environment:
    return Environment(loader=DictLoader(TEMPLATES), autoescape=True)


def _write(out: Path, cache: RenderCache, workers: int, edited: int = -1) -> tuple[list[Page], tuple[int, int]]:
    """Write the home page in this process, then a listing and the pages of more items than one worker takes;
    the outlines and the cache's counts."""
    home = [Page("index.html", "site/home.j2", "首页", {})]
    listing = [Page("p/index.html", "site/home.j2", "一览", {})]
    before = (cache.rendered, cache.reused)
    items = list(range(max(PARALLEL_ITEMS, ITEMS_PER_WORKER) * 2 + 5))
    outlines = write_pages(_env(), home, {"who": "支部"}, out, cache)
    outlines += write_made_pages(_env(), listing, lambda n: _made(n, edited), items, {"who": "支部"}, out, cache,
                                 workers=workers)
    return outlines, (cache.rendered - before[0], cache.reused - before[1])


def _children() -> set[str]:
    """This process's live children (other tests may have left servers running)."""
    found: set[str] = set()
    for task in Path("/proc/self/task").iterdir():
        found.update((task / "children").read_text().split())
    return found


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_forked_workers_write_what_one_process_writes_and_the_cache_records_the_same(tmp_path: Path) -> None:
    runs = {}
    templates = tmp_path / "templates"
    templates.mkdir()
    for workers in (1, 2):
        cache = RenderCache(tmp_path / f"cache-{workers}", templates)
        cold = _write(tmp_path / f"cold-{workers}", cache, workers)
        cache.finish()
        cache = RenderCache(tmp_path / f"cache-{workers}", templates)
        edited = _write(tmp_path / f"edited-{workers}", cache, workers, edited=12)
        cache.finish()
        manifest = json.loads(Store(tmp_path / f"cache-{workers}", "render").get(MANIFEST) or b"{}")
        runs[workers] = (cold, edited, sorted(entry[0] for entry in manifest.values()))
    assert _tree(tmp_path / "cold-1") == _tree(tmp_path / "cold-2")
    assert _tree(tmp_path / "edited-1") == _tree(tmp_path / "edited-2")
    assert runs[1] == runs[2]
    (outlines, counts), (_, edited_counts), _ = runs[2]
    assert counts == (len(outlines), 0) and edited_counts == (1, len(outlines) - 1)
    assert [page.path for page in outlines[:3]] == ["index.html", "p/index.html", "p/0/index.html"]
    assert all(page.data == {} for page in outlines)
    assert (tmp_path / "edited-2" / "p/12/index.html").read_text(encoding="utf-8") == "第12页|12|0,1,2,3,4,99|支部"
    assert not (tmp_path / "cold-2" / "p/7/more").exists() and (tmp_path / "cold-2" / "p/9/more/index.html").exists()


def test_forked_map_runs_the_first_call_here_and_each_other_call_in_its_own_child() -> None:
    results = forked_map(lambda n: (n * n, os.getpid(), b"x" * 100_000 * (n % 2)), 9, 2)
    assert [square for square, _, _ in results] == [n * n for n in range(9)]
    assert results[0][1] == os.getpid()
    assert len({pid for _, pid, _ in results[1:]} - {os.getpid()}) == 8, "eight children, one for each call"
    assert [len(payload) for _, _, payload in results] == [100_000 * (n % 2) for n in range(9)]


def test_a_failing_call_fails_forked_map_and_leaves_no_process() -> None:
    def work(n: int) -> bytes:
        if n == 3:
            raise ValueError("模板出错")
        return b"x" * 200_000

    before = _children()
    with pytest.raises(WorkerFailed, match="模板出错"):
        forked_map(work, 6, 2)
    assert _children() <= before
    with pytest.raises(ValueError, match="模板出错"):
        forked_map(lambda n: work(n + 3), 6, 2)
    assert _children() <= before, "the children running when this process's own call failed were stopped"


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


def _rss_kib() -> int:
    status = Path("/proc/self/status").read_text()
    return int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmRSS:")))


def test_in_child_returns_the_result_and_what_the_child_allocated_is_gone_with_it() -> None:
    before = _rss_kib()

    def work() -> tuple[int, int]:
        held = [bytearray(1 << 20) for _ in range(300)]  # 300 MiB that must not show up here
        return os.getpid(), len(held)

    pid, count = in_child(work)
    assert pid != os.getpid() and count == 300
    assert _rss_kib() - before < 50 * 1024, "this process grew by what the child allocated"


def test_in_child_raises_what_the_child_raised_and_leaves_no_process() -> None:
    def work() -> None:
        raise ValueError("模板出错")

    before = _children()
    with pytest.raises(WorkerFailed, match="模板出错"):
        in_child(work)
    assert _children() <= before


def test_a_child_stopped_by_ctrl_c_is_told_apart_from_a_child_that_failed() -> None:
    def stopped() -> None:
        raise KeyboardInterrupt

    def failed() -> None:
        raise ValueError("模板出错")

    with pytest.raises(WorkerFailed) as interrupted:
        in_child(stopped)
    with pytest.raises(WorkerFailed) as broken:
        in_child(failed)
    assert interrupted.value.interrupted and not broken.value.interrupted


def test_a_child_whose_parent_died_before_it_could_ask_to_die_with_it_ends_itself() -> None:
    pid = os.fork()
    if pid == 0:
        _die_with_parent(os.getppid() + 1)  # as if the build had been killed right after the fork
        os._exit(0)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 1


def test_a_build_checks_and_writes_pages_in_a_child_so_its_own_process_never_holds_the_records(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    synthesize(tmp_path / "content", 3, seed=2)
    original = pipeline.check
    checked_in = tmp_path / "checked-in"

    def spy(*args: object, **kwargs: object) -> Checked:
        checked_in.write_text(str(os.getpid()))
        return original(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "check", spy)
    built = pipeline.build(Settings(content=tmp_path / "content", out=tmp_path / "site", pdf=False))
    assert not built.errors and (tmp_path / "site" / "index.html").is_file()
    assert (tmp_path / "site" / "pagefind").is_dir() and (tmp_path / "site" / "search" / "index.html").is_file()
    assert int(checked_in.read_text()) != os.getpid()
    assert not built.corpus.branches and built.corpus.site is not None, "only the site settings come back"
