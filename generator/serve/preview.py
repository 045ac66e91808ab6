"""The preview's state: the last build's outcome and a generation number pages wait on.

Each finished build (good or bad) increments the generation and wakes every
waiting event stream; a page that sees a generation other than the one it was
served with reloads itself.
"""

from __future__ import annotations

import dataclasses
import sys
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

import watchfiles

from generator.codes import texts
from generator.diagnostics import Diagnostic
from generator.forked import WorkerFailed
from generator.pipeline import Settings
from generator.report import ordered, summary

MAX_SHOWN = 200


@dataclass(frozen=True)
class Problem:
    where: str
    message: str
    hint: str


@dataclass(frozen=True)
class Outcome:
    generation: int = 0
    problems: tuple[Problem, ...] = ()
    summary: str = ""
    built: bool = False
    """Whether a good build exists to serve (the latest, or an earlier one)."""


@dataclass
class Preview:
    settings: Settings
    watched: tuple[Path, ...]
    log: TextIO = field(default_factory=lambda: sys.stdout)
    outcome: Outcome = field(default_factory=Outcome)
    closed: bool = False
    _changed: threading.Condition = field(default_factory=threading.Condition)

    @property
    def root(self) -> Path:
        return self.settings.out

    def build(self) -> Outcome:
        """One build into the preview directory; never raises, whatever the content holds."""
        from generator.pipeline import build

        lang = self.settings.lang
        try:
            checked = build(self.settings)
            problems = _problems(checked.errors, lang)
            text = summary(checked.diagnostics, lang)
        except Exception as exc:
            if _interrupted(exc):
                return self.outcome
            problems = (_internal(exc, lang),)
            text = problems[0].message
        with self._changed:
            built = self.outcome.built or not problems
            self.outcome = Outcome(self.outcome.generation + 1, problems, text, built)
            self._changed.notify_all()
        generation = self.outcome.generation
        line = f"preview updated ({generation}): {text}" if lang == "en" else f"预览已更新（{generation}）：{text}"
        print(line, file=self.log, flush=True)
        return self.outcome

    def wait(self, seen: int | None, timeout: float) -> Outcome:
        """The outcome once its generation differs from ``seen`` (or after ``timeout``)."""
        with self._changed:
            self._changed.wait_for(lambda: self.closed or self.outcome.generation != seen, timeout)
            return self.outcome

    def watch(self, stop: threading.Event) -> None:
        """Rebuild after every batch of changes until ``stop`` is set."""
        for _ in watchfiles.watch(*self.watched, stop_event=stop, debounce=150, step=50, raise_interrupt=False):
            self.build()

    def close(self) -> None:
        with self._changed:
            self.closed = True
            self._changed.notify_all()


def _problems(errors: Iterable[Diagnostic], lang: str) -> tuple[Problem, ...]:
    shown = []
    for diagnostic in ordered(errors)[:MAX_SHOWN]:
        message, hint = texts(diagnostic, "en" if lang == "en" else "zh")
        shown.append(Problem(diagnostic.location.prefix(), message, hint))
    return tuple(shown)


def _interrupted(exc: Exception) -> bool:
    """Whether Ctrl+C, which reaches the whole process group, stopped the build's forked worker: the preview
    is being stopped, so there is nothing to report."""
    return isinstance(exc, WorkerFailed) and exc.interrupted


def _internal(exc: Exception, lang: str) -> Problem:
    """A one-line report of a bug; a forked worker's traceback is cut to its last line (the exception)."""
    name = type(exc).__name__
    lines = str(exc).strip().splitlines()
    detail = lines[-1] if lines else ""
    if lang == "en":
        return Problem("", f"internal error while building the preview ({name}: {detail})",
                       "this is a bug, not a content problem; please report it")
    return Problem("", f"生成预览时程序内部错误（{name}：{detail}）", "这不是内容的问题，请报告给维护人员")


def with_out(settings: Settings, out: Path) -> Settings:
    return dataclasses.replace(settings, out=out)
