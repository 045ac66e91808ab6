"""What every rule module reads: the corpus, the requirements, ``today`` and the years to check.

Compliance is judged for the site's year and for every earlier year a branch's
records cover, so a clerk back-filling last year sees last year's findings too.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from generator.diagnostics import Location
from generator.models.corpus import BranchData, Corpus
from generator.models.schemes import Requirements
from generator.rules.roster import BranchView, views


@dataclass
class Context:
    corpus: Corpus
    requirements: Requirements
    year: int
    today: dt.date
    branches: dict[str, BranchView] = field(init=False)

    def __post_init__(self) -> None:
        self.branches = views(self.corpus, self.requirements.branch)

    def years(self, view: BranchView, records: Records = "any") -> list[int]:
        """The site's year and every earlier year the branch has records for.

        ``records`` narrows "has records": ``activities`` (a year file of organisational life) for the
        life rules, ``dues`` (a member's dues entry) for the dues rules, ``any`` for the rest; so
        back-filling last year's dues does not report last year's meetings as missing.
        """
        return years_checked(view.data, self.year, self.today, records)


Records = Literal["any", "activities", "dues"]


def years_checked(data: BranchData, site_year: int, today: dt.date, records: Records = "any") -> list[int]:
    dues = {year for member in data.members for year in member.value.dues}
    found = {"any": set(data.years()) | dues, "activities": set(data.activities), "dues": dues}[records]
    founded = data.branch.value.founded
    first = founded.year if founded else 0
    years = {y for y in found if y < site_year} | {site_year}
    return sorted(y for y in years if first <= y <= today.year)


def context(corpus: Corpus, today: dt.date) -> Context | None:
    """A context, or ``None`` when the configuration files are missing (already reported)."""
    if corpus.site is None or corpus.requirements is None:
        return None
    return Context(corpus, corpus.requirements.value, corpus.site.value.year, today)


def year_file(data: BranchData, year: int) -> Location:
    """The activities file of a year, where a missing meeting belongs (it may not exist yet)."""
    found = data.activities.get(year)
    if found:
        return Location(found[0].source.name, field="activities")
    folder = data.branch.source.name.rsplit("/", 1)[0]
    return Location(f"{folder}/activities/{year}.yaml")
