"""Units, branches, their committees and party groups, and members."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from generator.models.base import (
    CadreLevel,
    Date,
    Id,
    MemberStatus,
    Record,
    Role,
    ShortText,
    Year,
)


class Unit(Record):
    """省直部门（单位）; its id is the file name."""

    name: ShortText = Field(description="全称")
    short: ShortText = Field(description="简称")
    order: int = Field(0, description="排序号，小的在前")


class CommitteeSeat(Record):
    member: Id = Field(description="党员标识（须是本支部党员）")
    role: Role = Field(description="职务：secretary 书记 / deputy_secretary 副书记 / organization 组织委员 / "
                       "propaganda 宣传委员 / discipline 纪检委员")


class CommitteeTerm(Record):
    """One term of the branch's leadership, from its election (or appointment) on."""

    elected: Date = Field(description="选举日期")
    members: tuple[CommitteeSeat, ...] = Field(min_length=1, description="委员及分工")

    def holder(self, role: Role) -> str | None:
        return next((seat.member for seat in self.members if seat.role == role), None)


class Postponement(Record):
    approved: Date = Field(description="上级党组织批准延期的日期")
    document: ShortText = Field(description="批准文件或文号")
    until: Date = Field(description="延期至（最多一年）")


class PartyGroup(Record):
    id: Id
    name: ShortText
    leader: Id | None = Field(None, description="党小组长（党员标识）")


class Branch(Record):
    """A branch (党支部); its id is the folder name under ``branches/``."""

    name: ShortText = Field(description="支部名称")
    unit: Id = Field(description="所属省直部门（单位）标识，见 units/")
    internal_body: ShortText = Field(description="对应的内设机构，例如 综合处")
    founded: Date | None = Field(None, description="成立日期")
    secretary_is_head: bool = Field(description="书记是否由内设机构主要负责人担任（一岗双责）")
    groups: tuple[PartyGroup, ...] = Field((), description="党小组")
    committees: tuple[CommitteeTerm, ...] = Field(min_length=1, description="历届班子，按选举日期")
    postponement: Postponement | None = Field(None, description="经批准的延期换届")

    def term_on(self, day: Date) -> CommitteeTerm | None:
        """The term in office on ``day``: the latest elected on or before it."""
        terms = [term for term in self.committees if term.elected <= day]
        return max(terms, key=lambda term: term.elected) if terms else None

    @property
    def current(self) -> CommitteeTerm:
        return max(self.committees, key=lambda term: term.elected)


Months = tuple[Annotated[int, Field(ge=1, le=12)], ...]


class Member(Record):
    id: Id = Field(description="党员标识，全省唯一，例如 fgw-zhc-01")
    name: ShortText = Field(description="姓名")
    gender: Literal["男", "女"] | None = None
    status: MemberStatus = Field(description="full 正式党员 / probationary 预备党员")
    joined: Date = Field(description="入党日期")
    position: ShortText = Field(description="职务，例如 副处长")
    cadre_level: CadreLevel = Field(
        CadreLevel.STAFF, description="department 厅级 / division 处级 / staff 其他"
    )
    group: Id | None = Field(None, description="所在党小组标识")
    since: Date | None = Field(None, description="转入本支部的日期（不填则视为全年在册）")
    left: Date | None = Field(None, description="转出本支部的日期")
    dues: dict[Year, Months] = Field(
        default_factory=dict, description="党费：每年已缴纳的月份，例如 2024: [1, 2, 3]"
    )

    def on_roll(self, year: int, month: int) -> bool:
        """Whether the member belonged to this branch in that month."""
        first = (year, month)
        if self.since and (self.since.year, self.since.month) > first:
            return False
        return not (self.left and (self.left.year, self.left.month) < first)


class Members(Record):
    members: tuple[Member, ...] = Field(description="本支部党员名单")
