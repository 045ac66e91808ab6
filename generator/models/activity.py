"""Organisational life (三会一课 and more) and the other per-branch yearly records."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from pydantic import Field

from generator.models.base import (
    ActivityType,
    Date,
    Grade,
    Id,
    Record,
    RectificationIssue,
    ShortText,
    Text,
)


class Absence(Record):
    member: Id = Field(description="缺席党员标识")
    reason: ShortText = Field(description="缺席原因，例如 出差")
    excused: bool = Field(True, description="是否请假（false 为无故缺席，会扣积分）")


class Activity(Record):
    id: Id | None = Field(None, description="可选标识；不填时按日期和类型生成")
    type: ActivityType = Field(
        description="类型：branch_assembly 支部党员大会 / committee_meeting 支委会 / group_meeting 党小组会 / "
        "party_lecture 党课 / theme_day 主题党日 / org_life_meeting 组织生活会 / "
        "democratic_review 民主评议党员 / heart_talk 谈心谈话 / warning_education 警示教育"
    )
    date: Date = Field(description="日期，例如 2024-03-05")
    topic: ShortText = Field(description="主题")
    attendees: Literal["all"] | tuple[Id, ...] = Field(
        "all", description="参加人：all 表示应到党员除缺席者外全部参加，或列出党员标识"
    )
    absentees: tuple[Absence, ...] = Field((), description="缺席人及原因")
    lecturer: Id | None = Field(None, description="党课主讲人（党员标识）")
    host: Id | None = Field(None, description="谈心谈话的发起人（党员标识）")
    group: Id | None = Field(None, description="党小组会所属党小组标识")
    summary: Text | None = Field(None, description="简要内容（公开）")


class ActivityYear(Record):
    """``branches/<id>/activities/<year>.yaml``."""

    activities: tuple[Activity, ...] = Field(description="本年度组织生活记录")


class PointsEvent(Record):
    member: Id = Field(description="党员标识")
    item: Id = Field(description="积分项目标识，见 points.yaml 的 manual 项目")
    date: Date
    points: Decimal | None = Field(None, description="分值；不填取项目默认分值")
    note: ShortText | None = Field(None, description="说明")


class PointsYear(Record):
    """``branches/<id>/points/<year>.yaml``: manual points items recorded by the clerk."""

    events: tuple[PointsEvent, ...] = Field(description="积分加减分记录")


class Review(Record):
    date: Date = Field(description="民主评议日期")
    grades: dict[Id, Grade] = Field(
        description="评议等次：excellent 优秀 / qualified 合格 / basically_qualified 基本合格 / unqualified 不合格"
    )


class Nominations(Record):
    excellent_member: tuple[Id, ...] = Field((), description="推荐的优秀党员")
    excellent_servant: tuple[Id, ...] = Field((), description="推荐的优秀公务员（须是当年优秀党员）")


class Assessment(Record):
    """``branches/<id>/assessments/<year>.yaml``: the year's assessment of the branch."""

    business_score: Decimal = Field(ge=0, le=20, description="本单位对支部业务工作的考核得分（0–20，三个一起）")
    planned_together: bool = Field(True, description="党建与业务一起谋划")
    pushed_together: bool = Field(True, description="党建与业务一起推动")
    assessed_together: bool = Field(True, description="党建与业务一起考核")
    review: Review | None = Field(None, description="民主评议党员结果")
    nominations: Nominations = Nominations()


class Rectification(Record):
    id: Id
    issue: RectificationIssue = Field(
        description="问题类型：irregular_setup 支部设置不规范 / overdue_election 不按期换届 / "
        "org_life 不按规定开展组织生活 / dues 不按规定缴纳党费 / other 其他"
    )
    description: ShortText = Field(description="问题描述")
    found: Date = Field(description="发现日期")
    deadline: Date = Field(description="整改期限")
    closed: Date | None = Field(None, description="整改完成日期；未完成不填")
    measures: Text | None = Field(None, description="整改措施")


class Rectifications(Record):
    rectifications: tuple[Rectification, ...]


class Report(Record):
    """``branches/<id>/reports/<year>.md``: the branch's narrative annual report."""

    title: ShortText | None = None
