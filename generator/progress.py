"""Progress of a build: numbered, named stages, and a bar for long loops.

On a terminal the loops show a rich progress bar; in CI (no TTY, or ``CI`` set)
they print a few plain lines, so logs stay readable and small. Everything goes
to stderr: stdout carries the diagnostics.

Stage names and messages are written "中文 / english" (the stage names are the
pipeline's constants); a build prints the half in the user's language
(:func:`in_lang`): Chinese by default, English with ``--lang en``.
"""

from __future__ import annotations

import os
import re
import sys
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TextIO, TypeVar

from generator.codes import Lang

T = TypeVar("T")
#: One "中文 / english" pair inside a message made of several ("页面 / pages: 新生成 / rendered 3").
_PAIR = re.compile(r"([\u3400-\u9fff]+) / ([A-Za-z]+)")
_SEPARATOR = " / "


def in_lang(text: str, lang: Lang) -> str:
    """The half of a bilingual "中文 / english" message in ``lang``; text without one is kept as it is.

    A message with one separator is one pair (leading indentation kept). One with several pairs a word
    each ("页面 / pages: 新生成 / rendered 3，沿用 / reused 0") keeps the words of ``lang`` and that
    language's punctuation.
    """
    count = text.count(_SEPARATOR)
    if count == 0:
        return text
    if count == 1:
        indent = text[:len(text) - len(text.lstrip())]
        zh, en = text.strip().split(_SEPARATOR)
        return indent + (en if lang == "en" else zh)
    chosen = _PAIR.sub(lambda pair: pair.group(2 if lang == "en" else 1), text)
    if lang == "en":
        return chosen.replace("，", ", ").replace("（", " (").replace("）", ")")
    return chosen.replace(": ", "：")


class Progress:
    def __init__(self, total_stages: int, *, stream: TextIO | None = None, quiet: bool = False,
                 lang: Lang = "zh") -> None:
        self.stream = stream or sys.stderr
        self.quiet = quiet
        self.lang = lang
        self.total = total_stages
        self.done = 0
        self.interactive = self.stream.isatty() and not os.environ.get("CI")

    def say(self, text: str, english: str | None = None) -> None:
        """Print ``text`` in the user's language: a "中文 / english" message, or Chinese ``text`` and ``english``."""
        if not self.quiet:
            shown = in_lang(text, self.lang) if english is None else english if self.lang == "en" else text
            print(shown, file=self.stream, flush=True)

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        start = time.perf_counter()
        self.begin(name)
        yield
        self.end(name, time.perf_counter() - start)

    def begin(self, name: str) -> None:
        """Announce the next stage; for work timed elsewhere (the PDF workers time themselves), see :meth:`end`."""
        self.done += 1
        self.say(f"[{self.done}/{self.total}] {in_lang(name, self.lang)}")

    def end(self, name: str, seconds: float) -> None:
        """The stage's time; ``make bench`` reads these lines of a build (``<stage>：<seconds> s``)."""
        self.say(f"      {in_lang(name, 'zh')}：{seconds:.2f} s", f"      {in_lang(name, 'en')}: {seconds:.2f} s")

    def track(self, items: Iterable[T], total: int, label: str) -> Iterator[T]:
        """Yield ``items`` while showing how many of ``total`` are done."""
        if self.quiet or total < 2:
            yield from items
            return
        if self.interactive:
            from rich.console import Console
            from rich.progress import Progress as Bar

            with Bar(console=Console(file=self.stream), transient=True) as bar:
                task = bar.add_task(in_lang(label, self.lang), total=total)
                for item in items:
                    yield item
                    bar.advance(task)
            return
        step = max(1, total // 4)
        for count, item in enumerate(items, 1):
            yield item
            if count % step == 0 or count == total:
                self.say(f"      {in_lang(label, self.lang)} {count}/{total}")
