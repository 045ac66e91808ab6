"""Stage 3, rules: cross-record checks over the whole corpus.

Each rule yields content errors (the record must not be published) or
compliance findings (the branch did not do what the regulations ask); the
two kinds never mix.
"""

from __future__ import annotations

import datetime as dt

from generator.diagnostics import Diagnostic
from generator.models.corpus import Corpus


def run_rules(corpus: Corpus, today: dt.date) -> list[Diagnostic]:
    """Every rule over the corpus; ``today`` is the reference date for deadlines."""
    del corpus, today
    return []
