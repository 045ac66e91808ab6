"""Many bulletins at once: one process per document, warm fonts in every worker.

WeasyPrint lays a document out as a whole (page counters need all of it), so
the unit of parallel work is the document. Documents are handed out longest
first: a province's contest results run to ~160 pages (≈15 s) beside bulletins
of a few pages, and one that started last would run alone while the other
workers sit idle. Results still come back in the order given.

Each worker imports WeasyPrint (the build that starts them does not) and builds
its font configuration and parsed stylesheet once, in the pool's initializer, then renders documents one after
another. Workers are started with ``spawn``: forking a parent that already
holds Pango and fontconfig state is not safe. A single document is rendered
in-process, where a pool would only add start-up time.
"""

from __future__ import annotations

import dataclasses
import datetime
import multiprocessing
import os
import time
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path

from generator.render.pdf.doc import TEMPLATES_DIR, BulletinDoc
from generator.render.pdf.fonts import FontPlan, resolve_fonts


def render_many(
    docs: Sequence[BulletinDoc],
    plan: FontPlan,
    workers: int | None = None,
    templates_dir: Path = TEMPLATES_DIR,
) -> list[bytes]:
    """PDF bytes of every document, in the order given.

    Every document is attempted; failures (e.g. :class:`MissingGlyphs`) are
    raised together afterwards as one :class:`ExceptionGroup`.
    """
    return [data for data, _ in render_many_counted(docs, plan, workers, templates_dir)]


def render_many_counted(
    docs: Sequence[BulletinDoc],
    plan: FontPlan,
    workers: int | None = None,
    templates_dir: Path = TEMPLATES_DIR,
) -> list[tuple[bytes, int]]:
    """:func:`render_many` with the page count of each document."""
    return Rendering(docs, plan, workers, templates_dir).result()


class Rendering:
    """Documents rendering in a worker pool while the caller goes on with other work (the HTML pages).

    :meth:`result` waits for all of them; :attr:`seconds` is then the time from the start to the last
    document done. :meth:`cancel` stops the pool when the caller failed and the PDFs are not wanted.
    """

    def __init__(self, docs: Sequence[BulletinDoc], plan: FontPlan, workers: int | None = None,
                 templates_dir: Path = TEMPLATES_DIR) -> None:
        self.count = len(docs)
        self.seconds = 0.0
        self._start = time.perf_counter()
        self._last = self._start
        size = min(len(docs), workers or os.cpu_count() or 1)
        self._pool: ProcessPoolExecutor | None = None
        self._futures: list[Future[tuple[bytes, int] | Exception]] = []
        self._outcomes: list[tuple[bytes, int] | Exception] = []
        if size <= 1:
            self._outcomes = [_attempt(doc, plan, templates_dir) for doc in docs]
            self._last = time.perf_counter()
            return
        self._pool = ProcessPoolExecutor(max_workers=size, mp_context=multiprocessing.get_context("spawn"),
                                         initializer=_warm_up, initargs=(templates_dir,))
        futures: dict[int, Future[tuple[bytes, int] | Exception]] = {}
        for index in longest_first(docs):
            futures[index] = self._pool.submit(_attempt, docs[index], plan, templates_dir)
            futures[index].add_done_callback(self._done)
        self._futures = [futures[index] for index in range(len(docs))]

    def result(self) -> list[tuple[bytes, int]]:
        """Every document's bytes and page count, in order; failures raised together as an ExceptionGroup."""
        if self._pool is not None:
            self._outcomes = [future.result() for future in self._futures]
            self._pool.shutdown()
            self._pool = None
        self.seconds = self._last - self._start
        errors = [o for o in self._outcomes if isinstance(o, Exception)]
        if errors:
            raise ExceptionGroup(f"{len(errors)} of {self.count} bulletins failed / 通报生成失败", errors)
        return [o for o in self._outcomes if not isinstance(o, Exception)]

    def cancel(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def _done(self, _: Future[tuple[bytes, int] | Exception]) -> None:
        self._last = max(self._last, time.perf_counter())


def longest_first(docs: Sequence[BulletinDoc]) -> list[int]:
    """Indices of ``docs``, longest body first (ties in the order given): body length tracks layout time."""
    return sorted(range(len(docs)), key=lambda index: -len(docs[index].body_html))


def _warm_up(templates_dir: Path) -> None:
    """The pool's initializer: WeasyPrint is imported by the workers, not by the build that starts them."""
    from generator.render.pdf.bulletin import warm_up

    warm_up(templates_dir)


def _attempt(doc: BulletinDoc, plan: FontPlan, templates_dir: Path) -> tuple[bytes, int] | Exception:
    from generator.render.pdf.bulletin import render_pdf_counted

    try:
        return render_pdf_counted(doc, plan, templates_dir)
    except Exception as error:  # collected and raised together by the caller
        return error


def bench_pdf(n_docs: int, workers: int | None = None) -> tuple[float, float]:
    """Render ``n_docs`` synthetic six-page bulletins; return (docs/s, pages/s).

    The time includes starting the pool, as a build pays it too.
    """
    plan = resolve_fonts({})
    docs = [dataclasses.replace(_BENCH_DOC, number=f"川直工委〔2024〕{i + 1}号",
                                source=f"bench/{i + 1}.md") for i in range(n_docs)]
    start = time.perf_counter()
    results = render_many_counted(docs, plan, workers)
    elapsed = time.perf_counter() - start
    pages = sum(count for _, count in results)
    return n_docs / elapsed, pages / elapsed


_PARAGRAPH = (
    "<p>各级党组织要坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神，"
    "落实新时代党的建设总要求，把“五好”党支部创建作为推动机关党建高质量发展的重要抓手，"
    "做到组织设置规范、组织生活规范、党员管理规范，切实发挥党支部战斗堡垒作用和党员先锋模范作用。</p>"
)
_SECTION = "<h2>一、工作要求</h2><h3>（一）提高政治站位</h3>" + _PARAGRAPH * 3

_BENCH_DOC = BulletinDoc(
    organ_mark="中共四川省直属机关工作委员会文件",
    number="川直工委〔2024〕1号",
    title="关于2023年度“五好”党支部创建工作情况的通报",
    title_lines=("关于2023年度“五好”党支部", "创建工作情况的通报"),
    addressee="各省直部门（单位）机关党组织：",
    body_html=_PARAGRAPH + _SECTION * 4,
    attachments=("2023年度“五好”党支部名单",),
    signature="中共四川省直属机关工作委员会",
    date=datetime.date(2024, 3, 5),
    cc=("省委组织部",),
    printed_by="中共四川省直属机关工作委员会办公室",
    printed_on=datetime.date(2024, 3, 6),
    source="bench/1.md",
    author="中共四川省直属机关工作委员会",
    subject="基准测试 benchmark",
)
