"""The read-only context every view works from: records, results, findings and lookups.

Built once per render; views ask it for names, Markdown bodies and public
findings instead of reaching into the corpus each in its own way, and keep
values that several pages need in its memo (:meth:`View.once`) rather than
computing them per page.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from functools import cached_property
from typing import Any, TypeVar

from generator.diagnostics import Diagnostic, Kind
from generator.labels import zh
from generator.models.corpus import At, Corpus
from generator.models.site import Site
from generator.render.env import number
from generator.render.markdown import MarkdownRenderer
from generator.scoring.results import BranchPoints, BranchScore, MemberPoints, Scores

T = TypeVar("T")


@dataclass(frozen=True)
class View:
    corpus: Corpus
    scores: Scores
    diagnostics: tuple[Diagnostic, ...]
    today: dt.date
    markdown: MarkdownRenderer
    pdf: bool = True
    """Whether this build writes the bulletins' PDFs (not with ``--no-pdf``): pages link only to files that exist."""
    memo: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @property
    def site(self) -> Site:
        assert self.corpus.site is not None
        return self.corpus.site.value

    @property
    def year(self) -> int:
        return self.site.year

    def once(self, key: str, make: Callable[[], T]) -> T:
        """``make()``'s value, computed the first time ``key`` is asked for in this render."""
        if key not in self.memo:
            self.memo[key] = make()
        found: T = self.memo[key]
        return found

    def unit_name(self, unit_id: str) -> str:
        unit = self.corpus.units.get(unit_id)
        return unit.value.name if unit else unit_id

    def unit_short(self, unit_id: str) -> str:
        unit = self.corpus.units.get(unit_id)
        return unit.value.short if unit else unit_id

    def branch_name(self, branch_id: str) -> str:
        data = self.corpus.branches.get(branch_id)
        return data.branch.value.name if data else branch_id

    def member_name(self, member_id: str | None) -> str:
        if member_id is None:
            return ""
        found = self.corpus.members.get(member_id)
        return found[1].value.name if found else member_id

    def score(self, branch_id: str, year: int | None = None) -> BranchScore | None:
        return self.scores.branches.get(branch_id, {}).get(self.year if year is None else year)

    def public_points(self, ranking: BranchPoints) -> tuple[MemberPoints, ...]:
        """The members whose individual points may be published, as ``site.privacy.member_points`` says.

        ``none``: nobody; ``top``: ranks 1 to ``top_points`` (ties at the boundary included); ``all``: everyone.
        """
        privacy = self.site.privacy
        if privacy.member_points == "all":
            return ranking.members
        if privacy.member_points == "top":
            return tuple(m for m in ranking.members if m.rank <= privacy.top_points)
        return ()

    def render_body(self, record: At[object], root: str) -> str:
        """The record's Markdown body as sanitised HTML for a page at ``root``."""
        rel = content_path(record.source.name)
        folder = rel.rpartition("/")[0]
        return self.markdown.render(record.source.body, folder=folder, root=root)

    def findings(self, *, public_only: bool) -> list[Diagnostic]:
        """Compliance findings, sorted; only the severities the site makes public when asked."""
        public = set(self.site.privacy.public_findings)
        found = [d for d in self.diagnostics if d.kind is Kind.FINDING
                 and (not public_only or d.severity.value in public)]
        return sorted(found, key=Diagnostic.sort_key)

    @cached_property
    def public_findings(self) -> dict[str, list[Diagnostic]]:
        """Public findings by branch id, sorted; computed once, as every branch page asks for its own."""
        grouped: dict[str, list[Diagnostic]] = {}
        for diag in self.findings(public_only=True):
            if diag.branch:
                grouped.setdefault(diag.branch, []).append(diag)
        return grouped


def content_path(name: str) -> str:
    """``content/cases/x.md`` → ``cases/x.md`` (names start with the content folder's name)."""
    return name.partition("/")[2]


def label(value: StrEnum | None) -> str:
    return zh(value) if value is not None else ""


def points(value: Decimal | None) -> str | None:
    """A score formatted as the ``number`` filter would (``None`` stays ``None``: the template shows a dash)."""
    return None if value is None else number(value)
