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
from dataclasses import dataclass
from heapq import merge
from typing import Protocol

from generator import privacy
from generator.diagnostics import Diagnostic
from generator.models.corpus import Corpus
from generator.render import rawhtml
from generator.rules import dates, dues, life, membership, organisation, rectification, review
from generator.rules.context import Context, context
from generator.rules.roster import BranchView
from generator.rules.severity import apply_overrides, check_overrides

THEMES = (organisation, membership, life, dues, rectification, review, dates, rawhtml)
"""Each has ``check_branch(ctx, view)``; some also ``check_province(ctx)`` for the province-wide records."""


@dataclass(frozen=True)
class BranchFindings:
    """What the rules found in one branch: for each of :data:`THEMES`, in order, and in each of its files."""

    themes: tuple[tuple[Diagnostic, ...], ...]
    privacy: tuple[privacy.FileFindings, ...]


class Memo(Protocol):
    """Where a caller keeps branches' findings between runs (see :mod:`generator.cache.branches`)."""

    def recall(self, branch_id: str) -> BranchFindings | None:
        """The branch's findings from an earlier run, if nothing they were found in has changed."""

    def keep(self, branch_id: str, findings: BranchFindings) -> None:
        """Keep the branch's freshly found findings for later runs."""


def run_rules(corpus: Corpus, today: dt.date, memo: Memo | None = None) -> list[Diagnostic]:
    """Every rule over the corpus; ``today`` is the reference date for deadlines and open periods.

    A branch's findings depend on its own records, the province-wide ones and which branch each member
    id belongs to, so ``memo`` may recall them (:class:`Memo`); the result is the same list either way.
    """
    ctx = context(corpus, today)
    if ctx is None or corpus.site is None:
        return []
    branches = [_branch(ctx, view, memo) for view in ctx.branches.values()]
    found: list[Diagnostic] = []
    for index, theme in enumerate(THEMES):
        if hasattr(theme, "check_province"):
            found.extend(theme.check_province(ctx))
        for branch in branches:
            found.extend(branch.themes[index])
    files = merge(privacy.scan(privacy.province_sources(corpus)), *(b.privacy for b in branches), key=_name)
    found.extend(d for _, hits in files for d in hits)
    found.extend(check_overrides(corpus.site))
    return apply_overrides(_unique(found), corpus.site.value.severity)


def _branch(ctx: Context, view: BranchView, memo: Memo | None) -> BranchFindings:
    found = memo.recall(view.id) if memo is not None else None
    if found is None:
        found = BranchFindings(tuple(tuple(theme.check_branch(ctx, view)) for theme in THEMES),
                               tuple(privacy.scan(privacy.branch_sources(view.data), view.id, view.unit)))
        if memo is not None:
            memo.keep(view.id, found)
    return found


def _unique(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """The same finding judged at the end of several years is reported once."""
    seen: dict[tuple[object, ...], Diagnostic] = {}
    for d in diagnostics:
        seen.setdefault((d.code, d.location, repr(sorted(d.params.items())), d.records), d)
    return list(seen.values())


def _name(found: privacy.FileFindings) -> str:
    return found[0]
