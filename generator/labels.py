"""Chinese and English names of every enum value, for messages and pages."""

from __future__ import annotations

from enum import StrEnum

from generator.models import base as b

ZH: dict[StrEnum, str] = {
    b.CadreLevel.DEPARTMENT: "厅级", b.CadreLevel.DIVISION: "处级", b.CadreLevel.STAFF: "其他",
    b.MemberStatus.FULL: "正式党员", b.MemberStatus.PROBATIONARY: "预备党员",
    b.Role.SECRETARY: "书记", b.Role.DEPUTY_SECRETARY: "副书记", b.Role.ORGANIZATION: "组织委员",
    b.Role.PROPAGANDA: "宣传委员", b.Role.DISCIPLINE: "纪检委员",
    b.ActivityType.BRANCH_ASSEMBLY: "支部党员大会", b.ActivityType.COMMITTEE_MEETING: "支委会",
    b.ActivityType.GROUP_MEETING: "党小组会", b.ActivityType.PARTY_LECTURE: "党课",
    b.ActivityType.THEME_DAY: "主题党日", b.ActivityType.ORG_LIFE_MEETING: "组织生活会",
    b.ActivityType.DEMOCRATIC_REVIEW: "民主评议党员", b.ActivityType.HEART_TALK: "谈心谈话",
    b.ActivityType.WARNING_EDUCATION: "警示教育",
    b.Grade.EXCELLENT: "优秀", b.Grade.QUALIFIED: "合格", b.Grade.BASICALLY_QUALIFIED: "基本合格",
    b.Grade.UNQUALIFIED: "不合格",
    b.Discipline.POLITICAL: "政治纪律", b.Discipline.ORGANIZATIONAL: "组织纪律", b.Discipline.INTEGRITY: "廉洁纪律",
    b.Discipline.MASS: "群众纪律", b.Discipline.WORK: "工作纪律", b.Discipline.LIFE: "生活纪律",
    b.FourWinds.FORMALISM: "形式主义", b.FourWinds.BUREAUCRATISM: "官僚主义", b.FourWinds.HEDONISM: "享乐主义",
    b.FourWinds.EXTRAVAGANCE: "奢靡之风",
    b.PartySanction.WARNING: "警告", b.PartySanction.SERIOUS_WARNING: "严重警告",
    b.PartySanction.REMOVAL_FROM_POST: "撤销党内职务", b.PartySanction.PROBATION: "留党察看",
    b.PartySanction.EXPULSION: "开除党籍",
    b.GovernmentSanction.WARNING: "警告", b.GovernmentSanction.DEMERIT: "记过",
    b.GovernmentSanction.MAJOR_DEMERIT: "记大过", b.GovernmentSanction.DEMOTION: "降级",
    b.GovernmentSanction.DISMISSAL: "撤职", b.GovernmentSanction.EXPULSION: "开除",
    b.Handling.ADMONISHMENT: "诫勉谈话", b.Handling.CIRCULATED_CRITICISM: "通报批评",
    b.Handling.CRITICISM_EDUCATION: "批评教育", b.Handling.ORDERED_INSPECTION: "责令检查",
    b.Handling.REMINDER_TALK: "提醒谈话", b.Handling.ADJUSTMENT: "调整职务",
    b.TrainingKind.DEMONSTRATION: "示范培训", b.TrainingKind.FULL_COVERAGE: "全覆盖培训",
    b.BulletinKind.SECRETARIES: "表扬优秀党支部书记", b.BulletinKind.CASES: "警示教育典型案例",
    b.BulletinKind.CONTEST: "公文写作技能大赛结果",
    b.RectificationIssue.IRREGULAR_SETUP: "支部设置不规范", b.RectificationIssue.OVERDUE_ELECTION: "不按期换届",
    b.RectificationIssue.ORG_LIFE: "不按规定开展组织生活", b.RectificationIssue.DUES: "不按规定缴纳党费",
    b.RectificationIssue.OTHER: "其他",
    b.AidCause.ILLNESS: "重大疾病", b.AidCause.ACCIDENT: "意外事故", b.AidCause.DISASTER: "自然灾害",
    b.AidCause.OTHER: "其他",
}


def zh(value: StrEnum) -> str:
    return ZH.get(value, str(value))


def by_value(enum: type[StrEnum]) -> dict[str, str]:
    """Value → Chinese label for one enum, as the templates and hints list them."""
    return {member.value: zh(member) for member in enum}
