"""Stage 3, rules: cross-record checks over the whole corpus.

Each theme module (organisation, membership, life, dues, rectification,
review, dates) yields content errors (the record must not be published) or
compliance findings (the branch did not do what the regulations ask); the two
kinds never mix. Findings are judged for the site's year and every earlier
year the content covers, on periods that have ended by ``today``; the
severities configured in ``site.yaml`` are applied last.
"""

from __future__ import annotations

import datetime as dt

from generator import privacy
from generator.diagnostics import Diagnostic
from generator.models.corpus import Corpus
from generator.render import rawhtml
from generator.rules import dates, dues, life, membership, organisation, rectification, review
from generator.rules.context import context
from generator.rules.severity import apply_overrides, check_overrides

THEMES = (organisation, membership, life, dues, rectification, review, dates, rawhtml)


def run_rules(corpus: Corpus, today: dt.date) -> list[Diagnostic]:
    """Every rule over the corpus; ``today`` is the reference date for deadlines and open periods."""
    ctx = context(corpus, today)
    if ctx is None or corpus.site is None:
        return []
    found: list[Diagnostic] = []
    for theme in THEMES:
        found.extend(theme.check(ctx))
    found.extend(privacy.scan(corpus))
    found.extend(check_overrides(corpus.site))
    return apply_overrides(_unique(found), corpus.site.value.severity)


def _unique(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """The same finding judged at the end of several years is reported once."""
    seen: dict[tuple[object, ...], Diagnostic] = {}
    for d in diagnostics:
        seen.setdefault((d.code, d.location, repr(sorted(d.params.items())), d.records), d)
    return list(seen.values())
