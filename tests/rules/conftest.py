"""Fixtures of the rule tests: run the rules over branches built from :mod:`tests.rules.trees`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.diagnostics import Diagnostic
from tests.conftest import MINIMAL
from tests.rules.trees import SITE, TODAY, Spec, diagnose

Run = Callable[..., list[Diagnostic]]


@pytest.fixture
def run(content: Callable[..., Path]) -> Run:
    """``run(spec, ..., today=, extra={path: text})`` → every diagnostic up to the rules stage."""

    def go(*specs: Spec, today: dt.date = TODAY, extra: dict[str, str | bytes | None] | None = None
           ) -> list[Diagnostic]:
        base = {k: v for k, v in MINIMAL.items() if not k.startswith("branches/")}
        files: dict[str, str | bytes | None] = {"site.yaml": SITE}
        for spec in specs:
            files.update(spec.files())
        files.update(extra or {})
        return diagnose(content(files, base=base), today)

    return go
