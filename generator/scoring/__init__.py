"""Stage 4, scoring: pure functions from typed records to explained results."""

from __future__ import annotations

import datetime as dt

from generator.models.corpus import Corpus
from generator.scoring.results import Scores


def score(corpus: Corpus, today: dt.date) -> Scores:
    del corpus, today
    return Scores()


__all__ = ["Scores", "score"]
