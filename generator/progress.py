"""Progress of a build: numbered, named stages, and a bar for long loops.

On a terminal the loops show a rich progress bar; in CI (no TTY, or ``CI`` set)
they print a few plain lines, so logs stay readable and small. Everything goes
to stderr: stdout carries the diagnostics.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TextIO, TypeVar

T = TypeVar("T")


class Progress:
    def __init__(self, total_stages: int, *, stream: TextIO | None = None, quiet: bool = False) -> None:
        self.stream = stream or sys.stderr
        self.quiet = quiet
        self.total = total_stages
        self.done = 0
        self.interactive = self.stream.isatty() and not os.environ.get("CI")

    def say(self, text: str) -> None:
        if not self.quiet:
            print(text, file=self.stream, flush=True)

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        start = time.perf_counter()
        self.begin(name)
        yield
        self.end(name, time.perf_counter() - start)

    def begin(self, name: str) -> None:
        """Announce the next stage; for work timed elsewhere (the PDF workers time themselves), see :meth:`end`."""
        self.done += 1
        self.say(f"[{self.done}/{self.total}] {name}")

    def end(self, name: str, seconds: float) -> None:
        self.say(f"      {name}：{seconds:.2f} s")

    def track(self, items: Iterable[T], total: int, label: str) -> Iterator[T]:
        """Yield ``items`` while showing how many of ``total`` are done."""
        if self.quiet or total < 2:
            yield from items
            return
        if self.interactive:
            from rich.console import Console
            from rich.progress import Progress as Bar

            with Bar(console=Console(file=self.stream), transient=True) as bar:
                task = bar.add_task(label, total=total)
                for item in items:
                    yield item
                    bar.advance(task)
            return
        step = max(1, total // 4)
        for count, item in enumerate(items, 1):
            yield item
            if count % step == 0 or count == total:
                self.say(f"      {label} {count}/{total}")
