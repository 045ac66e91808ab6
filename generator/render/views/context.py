"""The read-only context every view works from: records, results, findings and lookups.

Built once per render; views ask it for names, Markdown bodies and public
findings instead of reaching into the corpus each in its own way.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from generator.diagnostics import Diagnostic, Kind
from generator.labels import zh
from generator.models.corpus import At, Corpus
from generator.models.site import Site
from generator.render.markdown import MarkdownRenderer
from generator.scoring.results import BranchScore, Scores


@dataclass(frozen=True)
class View:
    corpus: Corpus
    scores: Scores
    diagnostics: tuple[Diagnostic, ...]
    today: dt.date
    markdown: MarkdownRenderer

    @property
    def site(self) -> Site:
        assert self.corpus.site is not None
        return self.corpus.site.value

    @property
    def year(self) -> int:
        return self.site.year

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


def content_path(name: str) -> str:
    """``content/cases/x.md`` → ``cases/x.md`` (names start with the content folder's name)."""
    return name.partition("/")[2]


def label(value: StrEnum | None) -> str:
    return zh(value) if value is not None else ""
