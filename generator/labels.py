"""Chinese names of every enum value, for messages and pages.

Labels are kept per enum type: two enums can share a value (party and
government sanctions both have ``warning`` and ``expulsion``), and StrEnum
members with equal values compare equal, so one flat dict would mix them up.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from generator.models import base as b

LABELS: dict[type[StrEnum], dict[str, str]] = {
    b.CadreLevel: {"department": "厅级", "division": "处级", "staff": "其他"},
    b.MemberStatus: {"full": "正式党员", "probationary": "预备党员"},
    b.Role: {"secretary": "书记", "deputy_secretary": "副书记", "organization": "组织委员",
             "propaganda": "宣传委员", "discipline": "纪检委员"},
    b.ActivityType: {"branch_assembly": "支部党员大会", "committee_meeting": "支委会", "group_meeting": "党小组会",
                     "party_lecture": "党课", "theme_day": "主题党日", "org_life_meeting": "组织生活会",
                     "democratic_review": "民主评议党员", "heart_talk": "谈心谈话", "warning_education": "警示教育"},
    b.Grade: {"excellent": "优秀", "qualified": "合格", "basically_qualified": "基本合格", "unqualified": "不合格"},
    b.Discipline: {"political": "政治纪律", "organizational": "组织纪律", "integrity": "廉洁纪律",
                   "mass": "群众纪律", "work": "工作纪律", "life": "生活纪律"},
    b.FourWinds: {"formalism": "形式主义", "bureaucratism": "官僚主义", "hedonism": "享乐主义",
                  "extravagance": "奢靡之风"},
    b.PartySanction: {"warning": "警告", "serious_warning": "严重警告", "removal_from_post": "撤销党内职务",
                      "probation": "留党察看", "expulsion": "开除党籍"},
    b.GovernmentSanction: {"warning": "警告", "demerit": "记过", "major_demerit": "记大过", "demotion": "降级",
                           "dismissal": "撤职", "expulsion": "开除"},
    b.Handling: {"admonishment": "诫勉谈话", "circulated_criticism": "通报批评", "criticism_education": "批评教育",
                 "ordered_inspection": "责令检查", "reminder_talk": "提醒谈话", "adjustment": "调整职务"},
    b.TrainingKind: {"demonstration": "示范培训", "full_coverage": "全覆盖培训"},
    b.BulletinKind: {"secretaries": "表扬优秀党支部书记", "cases": "警示教育典型案例",
                     "contest": "公文写作技能大赛结果"},
    b.RectificationIssue: {"irregular_setup": "支部设置不规范", "overdue_election": "不按期换届",
                           "org_life": "不按规定开展组织生活", "dues": "不按规定缴纳党费", "other": "其他"},
    b.AidCause: {"illness": "重大疾病", "accident": "意外事故", "disaster": "自然灾害", "other": "其他"},
}


def zh(value: StrEnum) -> str:
    return LABELS.get(type(value), {}).get(value.value, str(value))


def by_value(enum: type[StrEnum]) -> dict[str, str]:
    """Value → Chinese label for one enum, as the templates and hints list them."""
    return {member.value: zh(member) for member in enum}


def cndate(day: dt.date) -> str:
    """2024年3月5日: Arabic numerals without zero padding, as pages and GB/T 9704 write dates."""
    return f"{day.year}年{day.month}月{day.day}日"
