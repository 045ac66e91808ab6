"""Stage 4, scoring: pure functions from typed records to explained results."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from generator.diagnostics import Diagnostic
from generator.models.corpus import Corpus


@dataclass(frozen=True)
class Scores:
    """All computed results of a corpus; filled in by the scheme modules."""

    diagnostics: tuple[Diagnostic, ...] = field(default=())


def score(corpus: Corpus, today: dt.date) -> Scores:
    del corpus, today
    return Scores()
