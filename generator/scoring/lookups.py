"""Stage 4, scoring: corpus-wide lookups, built once per scoring run and shared by every branch-year.

Each branch-year asks the same province-wide questions: which cases name a
member, which trainings a member attended. At province scale, scanning every
case and training once per branch-year cost more than the scores themselves,
so they are indexed here once, in the order the scans saw them (results stay
exactly what the scans gave).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.models.campaign import Case, Training
from generator.models.corpus import At, Corpus

CaseEntry = tuple[str, At[Case]]
TrainingEntry = tuple[str, At[Training]]


@dataclass
class Lookups:
    """Cases by the member they name, trainings by (year begun, attendee)."""

    cases: dict[str, list[CaseEntry]] = field(default_factory=dict)
    """Member id → cases naming them, in case-id order."""
    trainings: dict[tuple[int, str], list[TrainingEntry]] = field(default_factory=dict)
    """(Year the training began, attendee id) → trainings, in training-id order."""


def lookups(corpus: Corpus) -> Lookups:
    found = Lookups()
    for case_id, at in sorted(corpus.cases.items()):
        if at.value.member is not None:
            found.cases.setdefault(at.value.member, []).append((case_id, at))
    for training_id, at in sorted(corpus.trainings.items()):
        for attendee in dict.fromkeys(at.value.attendees):
            found.trainings.setdefault((at.value.start.year, attendee), []).append((training_id, at))
    return found
