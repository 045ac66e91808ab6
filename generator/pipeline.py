"""The build, top to bottom: load → models → rules → scoring → render.

``check`` loads, validates, checks the rules and scores, and returns every diagnostic; ``build``
renders only when there is no content error, into a staging directory that
replaces ``--out`` on success. ``build`` checks and writes the pages in a forked
child and finishes the search index and the PDFs in its own process (see :func:`build`).
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from generator.cache import cache_root, gc_paused, record_reader
from generator.cache.branches import memos
from generator.cache.builds import BuildMemo
from generator.cache.records import workers_available
from generator.cache.render import Recorded, RenderCache
from generator.codes import Lang
from generator.diagnostics import Diagnostic, Kind
from generator.forked import forked, in_child
from generator.load import stream
from generator.models.corpus import At, Corpus, build_corpus
from generator.models.references import check_references
from generator.output import discarded, staging
from generator.progress import Progress
from generator.render.heap import frozen_heap
from generator.rules import Memo as RulesMemo
from generator.rules import run_rules
from generator.rules.severity import apply_overrides
from generator.scoring import Memo as ScoresMemo
from generator.scoring import Scores, score

if TYPE_CHECKING:
    from generator.models.site import Site
    from generator.render.bulletins import BulletinView
    from generator.render.site import Unindexed


@dataclass(frozen=True)
class Settings:
    content: Path
    out: Path
    lang: Lang = "zh"
    today: dt.date | None = None
    cache: Path | None = None
    """Cache directory; ``None`` means ``.cache/`` beside the content directory."""
    use_cache: bool = True
    pdf: bool = True

    def memo_key(self) -> dict[str, object]:
        """The settings that change what a build writes (part of the no-op build key)."""
        return {"today": self.today, "lang": self.lang, "pdf": self.pdf}


@dataclass
class Checked:
    corpus: Corpus
    diagnostics: list[Diagnostic] = field(default_factory=list)
    scores: Scores | None = None
    today: dt.date | None = None
    reused: bool = False
    """The build changed nothing: the previous output stands, ``corpus`` is empty, diagnostics are recorded ones."""
    branch_keys: dict[str, str] = field(default_factory=dict)
    """Branch id → a key of all its findings and scores are computed from (:mod:`generator.cache.branches`);
    empty without a cache."""

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.kind is Kind.ERROR]


CHECK_STAGES = 3
LOAD_STAGE = "读取内容 / load"
VALIDATE_STAGE = "校验记录 / validate"
SITE_STAGE = "生成网站 / site"
PDF_STAGE = "生成 PDF 通报 / bulletins"
BUILD_STAGES = CHECK_STAGES + 2


def check(settings: Settings, progress: Progress | None = None) -> Checked:
    with gc_paused():
        return _check(settings, progress or Progress(CHECK_STAGES, quiet=True))


def _check(settings: Settings, progress: Progress) -> Checked:
    reader = record_reader(settings.content, settings.cache, enabled=settings.use_cache)
    with progress.stage(LOAD_STAGE):
        found = stream(settings.content, reader)
    with progress.stage(VALIDATE_STAGE):
        corpus, diagnostics = build_corpus(found.sources(), found.assets, root=settings.content.name,
                                           unread=found.unread)
        diagnostics = found.diagnostics + diagnostics + check_references(corpus)
    checked = Checked(corpus, diagnostics)
    if corpus.site is None or not corpus.complete:
        return checked
    today = settings.today or corpus.site.value.today
    checked.today = today
    kept = memos(cache_root(settings.content, settings.cache), reader.file_keys, settings.content.name, today,
                 corpus) if settings.use_cache else None
    if kept is not None:
        checked.branch_keys = dict(kept[0].keys)
    with progress.stage("检查规则、计算评分 / rules and scoring"):
        findings, checked.scores = rules_and_scores(corpus, today, memos=kept)
        checked.diagnostics += findings + apply_overrides(checked.scores.diagnostics, corpus.site.value.severity)
    for memo in kept or ():
        memo.prune()
    return checked


#: From this many branches on, rules are checked in a forked process while this one scores.
PARALLEL_BRANCHES = 100


def rules_and_scores(corpus: Corpus, today: dt.date, *, parallel_from: int = PARALLEL_BRANCHES,
                     memos: tuple[RulesMemo, ScoresMemo] | None = None) -> tuple[list[Diagnostic], Scores]:
    """The rules' findings and the scores; both read the corpus and neither changes it, so on a
    province's corpus they run side by side (rules ~3 s, scoring ~8 s at 3,000 branches when nothing is
    recalled from ``memos``)."""
    rules_memo, scores_memo = memos or (None, None)
    if len(corpus.branches) < parallel_from or workers_available() < 2:
        return run_rules(corpus, today, rules_memo), score(corpus, today, scores_memo)
    results = forked(2, lambda share: score(corpus, today, scores_memo) if share == 0
                     else run_rules(corpus, today, rules_memo), lambda results: results)
    return results[1], results[0]


@dataclass
class Made:
    """What the forked check-and-write run (:func:`_check_and_write`) sends back: all the rest of the build
    needs, as plain data. ``site`` is ``None`` when there is nothing to render (content errors)."""

    diagnostics: list[Diagnostic]
    stages: int
    site_record: At[Site] | None = None
    """The site's settings (``content/site.yaml``): publishing and the PDFs read them."""
    site: Unindexed | None = None
    bulletins: list[BulletinView] = field(default_factory=list)
    recorded: Recorded | None = None
    seconds: float = 0.0
    """Time spent on the site so far (its stage ends after the search index)."""


class _Discard(Exception):
    """Nothing to publish: leave the staging directory and discard it."""


def build(settings: Settings, progress: Progress | None = None) -> Checked:
    """Check, and render into ``settings.out`` only if there is no content error.

    Checking and writing the pages hold the whole validated corpus (1.4 GB at 3,000 branches), and
    memory freed by Python is not given back to the system; so they run in a forked child that ends
    once the pages are written, and this process, which never holds the corpus, indexes them for
    search and renders the PDFs (whose workers start only then).
    """
    progress = progress or Progress(BUILD_STAGES, quiet=True)
    root = cache_root(settings.content, settings.cache)
    memo = BuildMemo(root, settings.content, settings.out, settings.memo_key()) if settings.use_cache else None
    previous = memo.previous() if memo else None
    if previous is not None:
        progress.say("内容、模板和程序都没有变化，沿用上次的输出 / nothing changed: the previous output stands")
        return Checked(Corpus(), previous, reused=True)
    from generator.render.bulletin_pdfs import PdfErrors  # imports WeasyPrint: not for a no-op build

    renders = RenderCache(root) if settings.use_cache else None
    checked = Checked(Corpus())
    try:
        with staging(settings.out) as stage:
            made = in_child(lambda: _check_and_write(settings, stage, progress, renders))
            progress.done = made.stages
            checked = Checked(Corpus(site=made.site_record), made.diagnostics)
            if made.site is None or made.site_record is None:
                raise _Discard
            _finish(made, settings, stage, progress, renders)
        if memo and renders:
            renders.finish()
            memo.remember(checked.diagnostics)
    except _Discard:
        pass
    except PdfErrors as failed:
        checked.diagnostics += failed.diagnostics
    finally:
        discarded()
    return checked


def _check_and_write(settings: Settings, stage: Path, progress: Progress, renders: RenderCache | None) -> Made:
    """In the forked child: check, and if there is no content error write the site's pages and make the
    bulletins' documents."""
    from generator.render.bulletin_pdfs import bulletin_pages
    from generator.render.site import write_site

    checked = check(settings, progress)
    if checked.errors or checked.scores is None:
        return Made(checked.diagnostics, progress.done)
    with frozen_heap():
        started = time.perf_counter()
        progress.begin(SITE_STAGE)
        if renders:
            renders.start_worker()
        site = write_site(checked, stage, renders, pdf=settings.pdf)
        made = Made(checked.diagnostics, progress.done, checked.corpus.site, site,
                    bulletin_pages(checked) if settings.pdf else [],
                    renders.recorded() if renders else None, time.perf_counter() - started)
        _kept_until_exit.append(checked)
        return made


_kept_until_exit: list[Checked] = []
"""What the forked child of :func:`_check_and_write` holds until it ends. It ends right after sending its
result; freeing the checked corpus object by object first cost ~0.9 s at 3,000 branches, where the end of
the process frees it at once."""


def _finish(made: Made, settings: Settings, stage: Path, progress: Progress, renders: RenderCache | None) -> None:
    """The PDF workers start first; the search index is built while they work, then their files are written."""
    from generator.render.bulletin_pdfs import PendingPdfs
    from generator.render.site import finish_site

    assert made.site is not None and made.site_record is not None
    started = time.perf_counter()
    if renders and made.recorded:
        renders.adopt(made.recorded)
    site = made.site_record.value
    pdfs = PendingPdfs(made.bulletins, site.organ_mark, site.fonts, stage, progress, renders) if settings.pdf else None
    try:
        finish_site(made.site, stage, renders)
        if renders:
            progress.say(f"      页面 / pages: 新生成 / rendered {renders.rendered}，沿用 / reused {renders.reused}")
        progress.end(SITE_STAGE, made.seconds + time.perf_counter() - started)
        if pdfs:
            pdfs.finish()
    finally:
        if pdfs:
            pdfs.cancel()
