"""The build, top to bottom: load → models → rules → scoring → render.

``check`` loads, validates, checks the rules and scores, and returns every diagnostic; ``build``
renders only when there is no content error, into a staging directory that
replaces ``--out`` on success.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from generator.cache import cache_root, gc_paused, record_reader
from generator.cache.builds import BuildMemo
from generator.cache.records import workers_available
from generator.cache.render import RenderCache
from generator.codes import Lang
from generator.diagnostics import Diagnostic, Kind
from generator.forked import forked
from generator.load import stream
from generator.models.corpus import Corpus, build_corpus
from generator.models.references import check_references
from generator.progress import Progress
from generator.render.heap import frozen_heap
from generator.rules import run_rules
from generator.rules.severity import apply_overrides
from generator.scoring import Scores, score


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
        corpus, diagnostics = build_corpus(found.sources(), found.assets, root=settings.content.name)
        diagnostics = found.diagnostics + diagnostics + check_references(corpus)
    checked = Checked(corpus, diagnostics)
    if corpus.site is None or not corpus.complete:
        return checked
    today = settings.today or corpus.site.value.today
    checked.today = today
    with progress.stage("检查规则、计算评分 / rules and scoring"):
        findings, checked.scores = rules_and_scores(corpus, today)
        checked.diagnostics += findings + apply_overrides(checked.scores.diagnostics, corpus.site.value.severity)
    return checked


#: From this many branches on, rules are checked in a forked process while this one scores.
PARALLEL_BRANCHES = 100


def rules_and_scores(corpus: Corpus, today: dt.date, *,
                     parallel_from: int = PARALLEL_BRANCHES) -> tuple[list[Diagnostic], Scores]:
    """The rules' findings and the scores; both read the corpus and neither changes it, so on a
    province's corpus they run side by side (rules ~4 s, scoring ~9 s at 3,000 branches)."""
    if len(corpus.branches) < parallel_from or workers_available() < 2:
        return run_rules(corpus, today), score(corpus, today)
    results = forked(2, lambda share: score(corpus, today) if share == 0 else run_rules(corpus, today),
                     lambda results: results)
    return results[1], results[0]


def build(settings: Settings, progress: Progress | None = None) -> Checked:
    """Check, and render into ``settings.out`` only if there is no content error."""
    progress = progress or Progress(BUILD_STAGES, quiet=True)
    memo = BuildMemo(cache_root(settings.content, settings.cache), settings.content, settings.out,
                     settings.memo_key()) if settings.use_cache else None
    previous = memo.previous() if memo else None
    if previous is not None:
        progress.say("内容、模板和程序都没有变化，沿用上次的输出 / nothing changed: the previous output stands")
        return Checked(Corpus(), previous, reused=True)
    checked = check(settings, progress)
    if checked.errors or checked.scores is None:
        return checked
    with frozen_heap():
        return _render(settings, checked, progress, memo)


def _render(settings: Settings, checked: Checked, progress: Progress, memo: BuildMemo | None) -> Checked:
    from generator.output import staging
    from generator.render.bulletin_pdfs import PdfErrors, PendingPdfs, start_bulletin_pdfs
    from generator.render.site import render_site

    renders = RenderCache(cache_root(settings.content, settings.cache)) if settings.use_cache else None
    pdfs: PendingPdfs | None = None
    try:
        with staging(settings.out) as stage:
            with progress.stage(SITE_STAGE):
                before = (renders.rendered, renders.reused) if renders else (0, 0)
                render_site(checked, stage, renders)
                if renders:
                    progress.say(f"      页面 / pages: 新生成 / rendered {renders.rendered - before[0]}，"
                                 f"沿用 / reused {renders.reused - before[1]}")
            if settings.pdf:
                pdfs = start_bulletin_pdfs(checked, stage, progress, renders)
                release(checked)
                pdfs.finish()
        if memo and renders:
            renders.finish()
            memo.remember(checked.diagnostics)
    except PdfErrors as failed:
        checked.diagnostics += failed.diagnostics
    finally:
        if pdfs:
            pdfs.cancel()
    return checked


def release(checked: Checked) -> None:
    """Let go of the records and scores once the site is written and the bulletins' documents are made.

    The PDF workers run after the site (not beside it) so that their memory, the page renderers' and
    Pagefind's never add up; while they work the build needs only the diagnostics and the site
    settings, so the heap of a province's records is freed for them.
    """
    site = checked.corpus.site
    checked.corpus = Corpus(site=site)
    checked.scores = None
