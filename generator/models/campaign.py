"""Province-wide campaign records: trainings, profiles, cases, contest, fund, bulletins, pages."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated

from pydantic import Field

from generator.models.base import (
    AidCause,
    BulletinKind,
    Date,
    Discipline,
    FourWinds,
    GovernmentSanction,
    Handling,
    Id,
    Money,
    PartySanction,
    Record,
    ShortText,
    TrainingKind,
    Year,
)

Share = Annotated[Decimal, Field(ge=0, le=1)]


class Training(Record):
    """``trainings/<id>.yaml``: a secretaries' training course and who attended."""

    title: ShortText = Field(description="培训班名称")
    kind: TrainingKind = Field(description="demonstration 示范培训 / full_coverage 全覆盖培训")
    start: Date = Field(description="开班日期")
    end: Date = Field(description="结业日期")
    attendees: tuple[Id, ...] = Field(min_length=1, description="参训党员标识")


class Profile(Record):
    """``secretaries/<id>.md``: an exemplary branch secretary; the body is the story."""

    member: Id = Field(description="党员标识（须是当年该支部书记）")
    branch: Id = Field(description="支部标识")
    year: Year = Field(description="评选年度")
    title: ShortText = Field(description="标题")
    photo: str | None = Field(None, description="照片路径，相对 content/，例如 secretaries/photos/x.jpg")


class Person(Record):
    name: ShortText = Field(description="姓名（公开时隐去为“张某某”）")
    position: ShortText = Field(description="职务")


class Case(Record):
    """``cases/<id>.md``: a warning-education case; the body tells what happened."""

    title: ShortText
    date: Date = Field(description="处理日期")
    unit: Id = Field(description="所在省直部门（单位）标识")
    member: Id | None = Field(None, description="如是本系统登记的党员，填党员标识")
    person: Person
    disciplines: tuple[Discipline, ...] = Field(
        min_length=1,
        description="违反的纪律：political 政治 / organizational 组织 / integrity 廉洁 / "
        "mass 群众 / work 工作 / life 生活",
    )
    four_winds: FourWinds | None = Field(
        None,
        description="四风：formalism 形式主义 / bureaucratism 官僚主义 / hedonism 享乐主义 / extravagance 奢靡之风",
    )
    eight_rules: bool = Field(False, description="是否违反中央八项规定精神")
    party_sanction: PartySanction | None = Field(
        None,
        description="党纪处分：warning 警告 / serious_warning 严重警告 / removal_from_post 撤销党内职务 / "
        "probation 留党察看 / expulsion 开除党籍",
    )
    government_sanction: GovernmentSanction | None = Field(
        None,
        description="政务处分：warning 警告 / demerit 记过 / major_demerit 记大过 / demotion 降级 / "
        "dismissal 撤职 / expulsion 开除",
    )
    handling: tuple[Handling, ...] = Field(
        (),
        description="组织处理：admonishment 诫勉谈话 / circulated_criticism 通报批评 / criticism_education 批评教育 / "
        "ordered_inspection 责令检查 / reminder_talk 提醒谈话 / adjustment 调整职务",
    )


class ContestGroup(Record):
    id: Id
    name: ShortText


class ContestItem(Record):
    id: Id
    name: ShortText


class Judge(Record):
    id: Id
    name: ShortText


class Quotas(Record):
    first: Share = Field(Decimal("0.1"), description="一等奖占参赛人数比例")
    second: Share = Field(Decimal("0.2"), description="二等奖比例")
    third: Share = Field(Decimal("0.3"), description="三等奖比例")


Score = Annotated[Decimal, Field(ge=0)]


class Entry(Record):
    id: Id
    name: ShortText = Field(description="参赛人姓名")
    unit: Id = Field(description="所在省直部门（单位）标识")
    group: Id = Field(description="组别标识")
    scores: dict[Id, tuple[Score, ...]] = Field(description="每个项目的评委打分，顺序与 judges 一致")


class Contest(Record):
    """``contest/<id>.yaml``: one edition (届) of the official-document writing contest."""

    edition: int = Field(ge=1, description="届次")
    title: ShortText
    year: Year
    training_participants: int = Field(ge=0, description="参加培训人次")
    contest_participants: int = Field(ge=0, description="参加比赛人次（含预赛）")
    score_max: Decimal = Field(Decimal(100), gt=0, description="单个评委打分上限")
    trim_from_judges: int = Field(5, ge=3, description="评委不少于几人时去掉最高分和最低分")
    quotas: Quotas = Quotas()
    groups: tuple[ContestGroup, ...] = Field(min_length=1)
    items: tuple[ContestItem, ...] = Field(min_length=1)
    judges: tuple[Judge, ...] = Field(min_length=1)
    entries: tuple[Entry, ...] = Field(description="决赛参赛作品及评分")


class Donation(Record):
    unit: Id = Field(description="捐款单位标识")
    date: Date
    amount: Money


class Disbursement(Record):
    case: Annotated[str, Field(pattern=r"^[A-Z]{2,6}-\d{4}-\d{3,5}$")] = Field(
        description="帮扶案例编号（不得写姓名），例如 AID-2024-007"
    )
    date: Date
    amount: Money
    cause: AidCause = Field(description="illness 重大疾病 / accident 意外事故 / disaster 灾害 / other 其他")


class FundYear(Record):
    """``fund/<year>.yaml``: mutual-aid fund ledger for one year."""

    donations: tuple[Donation, ...] = ()
    disbursements: tuple[Disbursement, ...] = ()


class Covers(Record):
    year: Year | None = Field(None, description="表扬优秀支部书记：评选年度")
    cases: tuple[Id, ...] = Field((), description="警示通报：案例标识")
    edition: Id | None = Field(None, description="大赛通报：届次文件标识")


#: A title broken into lines by its author: words stay whole, which no line breaker can promise for Chinese.
TitleLines = Annotated[tuple[ShortText, ...], Field(min_length=1, max_length=4)]


class Bulletin(Record):
    """``bulletins/<id>.md``: a 通报; the body is written by staff, lists come from the records."""

    number: int = Field(ge=1, description="发文序号（不加“第”、不补零）")
    year: Year = Field(description="发文年份")
    title: ShortText | TitleLines = Field(
        description="标题；一行排不下时写成列表，每项一行，在词语之间回行，排成梯形或菱形（GB/T 9704-2012 7.3.1）"
    )
    kind: BulletinKind = Field(description="secretaries 表扬优秀支部书记 / cases 警示案例 / contest 大赛结果")
    date: Date = Field(description="成文日期")
    addressee: ShortText = Field(description="主送机关，以全角冒号“：”结尾")
    cc: tuple[ShortText, ...] = Field((), description="抄送")
    issued_by: ShortText = Field(description="印发机关")
    issued: Date = Field(description="印发日期")
    attachments: tuple[ShortText, ...] = Field((), description="附件名称")
    covers: Covers = Field(description="通报涉及的记录")

    @property
    def title_lines(self) -> tuple[str, ...]:
        """The title's lines as the author broke them (one line: break where it is full)."""
        return (self.title,) if isinstance(self.title, str) else self.title

    @property
    def title_text(self) -> str:
        return "".join(self.title_lines)


class Page(Record):
    """``pages/<id>.md``: a free page such as 关于本站."""

    title: ShortText
    order: int = 0
