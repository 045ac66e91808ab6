"""Configuration that is policy, not code: requirements, rubric and points scheme.

The work committee changes these files (``rules.yaml``, ``rubric.yaml``,
``points.yaml``) without touching the generator; metric names are checked
against the built-in metrics when scoring starts.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Literal

from pydantic import Field

from generator.models.base import ActivityType, Id, Record, Role, ShortText

Period = Literal["month", "quarter", "year"]


class Frequency(Record):
    type: ActivityType
    per: Period = Field(description="统计周期：month 每月 / quarter 每季度 / year 每年")
    min: int = Field(1, ge=1, description="每个周期至少次数")


class BranchRules(Record):
    min_full_members: int = Field(3, description="支部正式党员最少人数")
    max_members: int = Field(50, description="支部党员人数一般不超过")
    committee_from_full_members: int = Field(7, description="正式党员达到此数须设支委会")
    committee_min: int = 3
    committee_max: int = 7
    required_roles: tuple[Role, ...] = (Role.SECRETARY, Role.ORGANIZATION, Role.PROPAGANDA, Role.DISCIPLINE)
    term_years: int = Field(3, ge=1, le=5, description="任期（年）")
    max_postponement_days: int = Field(366, description="经批准延期换届的最长天数")


class LeadingCadreRules(Record):
    org_life: int = Field(6, description="厅级领导干部每年参加组织生活次数")
    lectures: int = Field(1, description="每年讲党课次数")
    talks: int = Field(1, description="每年谈心谈话次数")


class Requirements(Record):
    """``rules.yaml``: what the regulations require of a branch, with the defaults of DOMAIN.md."""

    branch: BranchRules = BranchRules()
    frequencies: tuple[Frequency, ...] = Field(description="组织生活频次要求")
    secretary_lectures: int = Field(1, description="书记每年至少讲党课次数")
    leading_cadres: LeadingCadreRules = LeadingCadreRules()
    max_excellent_share: Decimal = Field(Decimal(1) / Decimal(3), description="民主评议优秀比例上限")
    serious_gap_months: int = Field(6, description="连续多少个月未缴党费或未参加组织生活为严重问题")


class Indicator(Record):
    key: Id
    name: ShortText
    metric: Id = Field(description="内置指标名，见 content/README.md")
    weight: Decimal = Field(gt=0)
    params: dict[str, Any] = Field(default_factory=dict)


class Deduction(Record):
    key: Id
    name: ShortText
    metric: Id
    points: Decimal = Field(gt=0, description="每次扣分")
    params: dict[str, Any] = Field(default_factory=dict)


class Dimension(Record):
    key: Literal["leadership", "systems", "members", "serving_center", "integrity"]
    name: ShortText
    weight: Decimal = Field(gt=0)
    indicators: tuple[Indicator, ...] = Field(min_length=1)
    deductions: tuple[Deduction, ...] = ()


class Band(Record):
    key: Id
    name: ShortText
    min_total: Decimal = Field(ge=0)
    min_dimension_share: Decimal = Field(Decimal(0), ge=0, le=1)
    no_veto: bool = False


class Veto(Record):
    key: Id
    name: ShortText
    metric: Id
    params: dict[str, Any] = Field(default_factory=dict)


class Rubric(Record):
    """``rubric.yaml``: the five-good score."""

    dimensions: tuple[Dimension, ...] = Field(min_length=1)
    bands: tuple[Band, ...] = Field(min_length=1, description="从高到低")
    vetoes: tuple[Veto, ...] = ()


class PointsCategory(Record):
    key: Literal["political", "rules", "morality", "contribution"]
    name: ShortText
    base: Decimal = Field(Decimal(25), ge=0)


class PointsItem(Record):
    key: Id
    name: ShortText
    category: Literal["political", "rules", "morality", "contribution"]
    source: Literal["auto", "manual"] = Field(description="auto 由记录自动计算 / manual 由支部登记")
    metric: Id | None = Field(None, description="自动项目的内置指标名")
    points: Decimal = Field(description="每次分值（扣分为负）")
    min: Decimal | None = Field(None, description="手工登记时每次分值下限")
    max: Decimal | None = Field(None, description="手工登记时每次分值上限")
    cap: Decimal | None = Field(None, description="全年累计绝对值上限")
    params: dict[str, Any] = Field(default_factory=dict)


class PointsScheme(Record):
    """``points.yaml``: the 四讲四有 member points scheme."""

    categories: tuple[PointsCategory, ...] = Field(min_length=1)
    items: tuple[PointsItem, ...] = Field(min_length=1)
    veto_sanctions: tuple[Literal["probation", "expulsion"], ...] = ("probation", "expulsion")
    nomination_share: Decimal = Field(Decimal("0.3"), gt=0, le=1, description="优秀党员须在积分前多少比例内")
