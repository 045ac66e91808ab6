"""What every rule module reads: the corpus, the requirements, ``today`` and the years to check.

Compliance is judged for the site's year and for every earlier year a branch's
records cover, so a clerk back-filling last year sees last year's findings too.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

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

    def years(self, view: BranchView) -> list[int]:
        """The site's year and every earlier year the branch's records (or its members' dues) cover."""
        return years_checked(view.data, self.year, self.today)


def years_checked(data: BranchData, site_year: int, today: dt.date) -> list[int]:
    found = set(data.years())
    for member in data.members:
        found.update(member.value.dues)
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
