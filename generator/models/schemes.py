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
    max_postponement_years: int = Field(1, ge=0, le=5, description="经批准延期换届的最长年数（从任期届满之日起算）")


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


DimensionKey = Literal["leadership", "systems", "members", "serving_center", "integrity"]
CategoryKey = Literal["political", "rules", "morality", "contribution"]
Params = dict[str, Any]


class Indicator(Record):
    key: Id = Field(description="指标标识，在本维度内唯一")
    name: ShortText = Field(description="指标名称")
    metric: Id = Field(description="内置计算方法名，见 content/README.md，例如 frequency")
    weight: Decimal = Field(gt=0, description="分值；同一维度各指标分值之和等于维度权重")
    params: Params = Field(default_factory=dict, description="计算方法的参数")


class Deduction(Record):
    key: Id = Field(description="扣分项标识")
    name: ShortText = Field(description="扣分项名称")
    metric: Id = Field(description="内置计算方法名，例如 overdue_rectifications")
    points: Decimal = Field(gt=0, description="每次扣分")
    params: Params = Field(default_factory=dict, description="计算方法的参数")


class Dimension(Record):
    key: DimensionKey = Field(description="维度：leadership 班子作用发挥好 / systems 基本制度落实好 / "
                              "members 党员队伍建设好 / serving_center 服务中心工作好 / integrity 廉洁自律形象好")
    name: ShortText = Field(description="维度名称")
    weight: Decimal = Field(gt=0, description="维度权重；五个维度之和为100")
    indicators: tuple[Indicator, ...] = Field(min_length=1, description="指标")
    deductions: tuple[Deduction, ...] = Field((), description="扣分项（从本维度得分中扣除，最低为0）")


class Band(Record):
    key: Id = Field(description="等次标识，例如 excellent")
    name: ShortText = Field(description="等次名称，例如 五好党支部")
    min_total: Decimal = Field(ge=0, description="总分不低于")
    min_dimension_share: Decimal = Field(Decimal(0), ge=0, le=1, description="每个维度得分不低于其权重的比例")
    no_veto: bool = Field(False, description="是否要求没有一票否决情形")


class Veto(Record):
    key: Id = Field(description="否决情形标识")
    name: ShortText = Field(description="否决情形名称")
    metric: Id = Field(description="内置判断方法名，例如 sanction")
    params: Params = Field(default_factory=dict, description="判断方法的参数")


class Rubric(Record):
    """``rubric.yaml``: the five-good score."""

    dimensions: tuple[Dimension, ...] = Field(min_length=1, description="五个维度，权重之和为100")
    bands: tuple[Band, ...] = Field(min_length=1, description="等次，从高到低")
    vetoes: tuple[Veto, ...] = Field((), description="一票否决情形")
    exemplary_min_band: Id = Field("good", description="优秀党支部书记所在支部至少达到的等次标识")


class PointsCategory(Record):
    key: CategoryKey = Field(description="political 讲政治有信念 / rules 讲规矩有纪律 / "
                             "morality 讲道德有品行 / contribution 讲奉献有作为")
    name: ShortText = Field(description="类别名称")
    base: Decimal = Field(Decimal(25), ge=0, description="基础分")


class PointsItem(Record):
    key: Id = Field(description="积分项目标识；手工登记时 points/<年>.yaml 的 item 填这个标识")
    name: ShortText = Field(description="项目名称")
    category: CategoryKey = Field(description="计入哪一类")
    source: Literal["auto", "manual"] = Field(description="auto 由记录自动计算 / manual 由支部登记")
    metric: Id | None = Field(None, description="自动项目的内置计算方法名，例如 attendance")
    points: Decimal = Field(description="每次分值（扣分为负）")
    min: Decimal | None = Field(None, description="手工登记时每次分值下限")
    max: Decimal | None = Field(None, description="手工登记时每次分值上限")
    cap: Decimal | None = Field(None, gt=0, description="全年累计绝对值上限")
    params: Params = Field(default_factory=dict, description="自动计算方法的参数")


class PointsScheme(Record):
    """``points.yaml``: the 四讲四有 member points scheme."""

    categories: tuple[PointsCategory, ...] = Field(min_length=1, description="四讲四有类别及基础分")
    items: tuple[PointsItem, ...] = Field(min_length=1, description="加减分项目")
    veto_sanctions: tuple[Literal["probation", "expulsion"], ...] = Field(
        ("probation", "expulsion"), description="受到这些党纪处分的党员当年积分为0（一票否决）"
    )
    nomination_share: Decimal = Field(Decimal("0.3"), gt=0, le=1, description="优秀党员须在积分前多少比例内")
