"""Stage 2, models: typed records and the schema clerks' editors check against.

``RECORD_TYPES`` maps each record kind found by the loader to its model, so
validation, JSON Schema export and scaffolding read one table.
"""

from generator.models.activity import ActivityYear, Assessment, PointsYear, Rectifications, Report
from generator.models.base import Record
from generator.models.campaign import Bulletin, Case, Contest, FundYear, Page, Profile, Training
from generator.models.org import Branch, Members, Unit
from generator.models.schemes import PointsScheme, Requirements, Rubric
from generator.models.site import Site

RECORD_TYPES: dict[str, type[Record]] = {
    "site": Site,
    "requirements": Requirements,
    "rubric": Rubric,
    "points_scheme": PointsScheme,
    "unit": Unit,
    "branch": Branch,
    "members": Members,
    "activities": ActivityYear,
    "points": PointsYear,
    "assessment": Assessment,
    "rectifications": Rectifications,
    "report": Report,
    "training": Training,
    "profile": Profile,
    "case": Case,
    "contest": Contest,
    "fund": FundYear,
    "bulletin": Bulletin,
    "page": Page,
}

__all__ = ["RECORD_TYPES", "Record"]
