"""Shared building blocks of the typed records: strict base model, ids, money, enums.

Every record forbids unknown keys (a typo must not vanish silently) and is
frozen (stages after ``models`` read records, they never change them).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

Id = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]{0,63}$"),
    Field(description="标识：小写字母、数字、- 或 _，例如 fgw-zhc-01"),
]
Text = Annotated[str, StringConstraints(min_length=1, max_length=2000, strip_whitespace=True)]
ShortText = Annotated[str, StringConstraints(min_length=1, max_length=200, strip_whitespace=True)]
Money = Annotated[Decimal, Field(ge=0, max_digits=14, decimal_places=2, description="金额（元），最多两位小数")]
Year = Annotated[int, Field(ge=1921, le=2100)]
Date = dt.date


class Record(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        str_strip_whitespace=True,
        use_enum_values=False,
        validate_default=True,
    )


class CadreLevel(StrEnum):
    DEPARTMENT = "department"
    DIVISION = "division"
    STAFF = "staff"


class MemberStatus(StrEnum):
    FULL = "full"
    PROBATIONARY = "probationary"


class Role(StrEnum):
    SECRETARY = "secretary"
    DEPUTY_SECRETARY = "deputy_secretary"
    ORGANIZATION = "organization"
    PROPAGANDA = "propaganda"
    DISCIPLINE = "discipline"


class ActivityType(StrEnum):
    BRANCH_ASSEMBLY = "branch_assembly"
    COMMITTEE_MEETING = "committee_meeting"
    GROUP_MEETING = "group_meeting"
    PARTY_LECTURE = "party_lecture"
    THEME_DAY = "theme_day"
    ORG_LIFE_MEETING = "org_life_meeting"
    DEMOCRATIC_REVIEW = "democratic_review"
    HEART_TALK = "heart_talk"
    WARNING_EDUCATION = "warning_education"


class Grade(StrEnum):
    EXCELLENT = "excellent"
    QUALIFIED = "qualified"
    BASICALLY_QUALIFIED = "basically_qualified"
    UNQUALIFIED = "unqualified"


class Discipline(StrEnum):
    POLITICAL = "political"
    ORGANIZATIONAL = "organizational"
    INTEGRITY = "integrity"
    MASS = "mass"
    WORK = "work"
    LIFE = "life"


class FourWinds(StrEnum):
    FORMALISM = "formalism"
    BUREAUCRATISM = "bureaucratism"
    HEDONISM = "hedonism"
    EXTRAVAGANCE = "extravagance"


class PartySanction(StrEnum):
    WARNING = "warning"
    SERIOUS_WARNING = "serious_warning"
    REMOVAL_FROM_POST = "removal_from_post"
    PROBATION = "probation"
    EXPULSION = "expulsion"


class GovernmentSanction(StrEnum):
    WARNING = "warning"
    DEMERIT = "demerit"
    MAJOR_DEMERIT = "major_demerit"
    DEMOTION = "demotion"
    DISMISSAL = "dismissal"
    EXPULSION = "expulsion"


class Handling(StrEnum):
    ADMONISHMENT = "admonishment"
    CIRCULATED_CRITICISM = "circulated_criticism"
    CRITICISM_EDUCATION = "criticism_education"
    ORDERED_INSPECTION = "ordered_inspection"
    REMINDER_TALK = "reminder_talk"
    ADJUSTMENT = "adjustment"


class TrainingKind(StrEnum):
    DEMONSTRATION = "demonstration"
    FULL_COVERAGE = "full_coverage"


class BulletinKind(StrEnum):
    SECRETARIES = "secretaries"
    CASES = "cases"
    CONTEST = "contest"


class RectificationIssue(StrEnum):
    IRREGULAR_SETUP = "irregular_setup"
    OVERDUE_ELECTION = "overdue_election"
    ORG_LIFE = "org_life"
    DUES = "dues"
    OTHER = "other"


class AidCause(StrEnum):
    ILLNESS = "illness"
    ACCIDENT = "accident"
    DISASTER = "disaster"
    OTHER = "other"
