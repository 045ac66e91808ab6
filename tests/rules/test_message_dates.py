"""Dates inside messages: ``2024年3月5日`` in Chinese, as the site's readers write dates; ISO with ``--lang en``.

Compliance findings are printed on public branch pages, so a date in a
Chinese message must read like every other date of the site, not like a
YAML value.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

import pytest

from generator.codes import texts
from generator.diagnostics import Diagnostic
from tests.rules.conftest import Run
from tests.rules.trees import Spec, activity, compliant, dump, member_id

ISO = re.compile(r"\d{4}-\d{2}-\d{2}")


def _overdue_election() -> Spec:
    spec = compliant(3)
    spec.branch["committees"][0]["elected"] = dt.date(2021, 6, 20)
    return spec


def _postponed_too_long() -> Spec:
    spec = compliant(3)
    spec.branch["committees"][0]["elected"] = dt.date(2020, 6, 20)
    spec.branch["postponement"] = {"approved": dt.date(2023, 5, 10), "document": "文件", "until": dt.date(2024, 12, 1)}
    return spec


def _rectification(**extra: dt.date) -> Spec:
    spec = compliant(3)
    spec.rectifications = [{"id": "r1", "issue": "org_life", "description": "组织生活不规范",
                            "found": dt.date(2024, 3, 1), "deadline": dt.date(2024, 10, 1), **extra}]
    return spec


def _probationary_graded() -> Spec:
    spec = compliant(4)
    spec.members[3].update(status="probationary", joined=dt.date(2024, 3, 1), dues={2024: list(range(3, 13))})
    spec.assessments[2024] = {"business_score": 18, "review": {
        "date": dt.date(2024, 12, 21), "grades": {member_id(i): "qualified" for i in range(1, 5)}}}
    return spec


def _attendee_not_yet_on_roll() -> Spec:
    spec = compliant(4)
    spec.members[3]["since"] = dt.date(2024, 6, 1)
    spec.members[3]["dues"] = {2024: list(range(6, 13))}
    spec.activities[2024].append(activity("theme_day", dt.date(2024, 3, 28), attendees=[member_id(1), member_id(4)]))
    return spec


def _attendee_already_left() -> Spec:
    spec = compliant(4)
    spec.members[3]["left"] = dt.date(2024, 6, 30)
    spec.activities[2024].append(activity("theme_day", dt.date(2024, 8, 28), attendees=[member_id(1), member_id(4)]))
    return spec


def _wrong_year() -> Spec:
    spec = compliant(3)
    spec.activities[2024].insert(0, activity("theme_day", dt.date(2023, 12, 28)))
    return spec


def _left_before_joining() -> Spec:
    spec = compliant(4)
    spec.members[3]["left"] = dt.date(1990, 1, 1)
    return spec


def _future_activity() -> Spec:
    spec = compliant(3)
    spec.activities[2024] = [a for a in spec.activities[2024] if a["date"] <= dt.date(2024, 12, 20)]
    return spec


#: code, the records that raise it, ``today``, what its Chinese and its English message must say.
CASES: list[tuple[str, Callable[[], Spec], dt.date, list[str], list[str]]] = [
    ("ORG008", _overdue_election, dt.date(2024, 12, 31), ["本届支委会于2021年6月20日选举", "应于2024年6月20日前换届"],
     ["elected on 2021-06-20", "by 2024-06-20", "as of 2024-12-31"]),
    ("ORG009", _postponed_too_long, dt.date(2024, 12, 31), ["批准延期至2024年12月1日", "（最迟2024年6月20日）"],
     ["until 2024-12-01", "(2024-06-20)"]),
    ("RECT001", _rectification, dt.date(2024, 12, 31), ["期限为2024年10月1日，至今未完成"], ["due on 2024-10-01"]),
    ("RECT002", lambda: _rectification(closed=dt.date(2024, 10, 9)), dt.date(2024, 12, 31),
     ["期限为2024年10月1日，于2024年10月9日完成"], ["due on 2024-10-01 and closed on 2024-10-09"]),
    ("REV001", _probationary_graded, dt.date(2024, 12, 31), ["在评议日2024年12月21日是预备党员（2024年3月1日入党）"],
     ["on 2024-12-21 (joined 2024-03-01)"]),
    ("ORG013", _attendee_not_yet_on_roll, dt.date(2024, 12, 31), ["在2024年3月28日不是本支部党员（2024年6月1日起）"],
     ["on 2024-03-28 (2024-06-01)"]),
    ("ORG013", _attendee_already_left, dt.date(2024, 12, 31),
     ["在2024年8月28日不是本支部党员（1994年7月1日至2024年6月30日）"], ["on 2024-08-28 (1994-07-01 – 2024-06-30)"]),
    ("DATE001", _wrong_year, dt.date(2024, 12, 31), ["日期2023年12月28日不在 2024 年"],
     ["date 2023-12-28 is not in 2024"]),
    ("DATE002", _future_activity, dt.date(2024, 12, 19), ["活动日期2024年12月20日晚于基准日期2024年12月19日"],
     ["date 2024-12-20 is after today (2024-12-19)"]),
    ("DATE003", _left_before_joining, dt.date(2024, 12, 31), ["转出日期（1990年1月1日）早于入党或转入日期"],
     ["left (1990-01-01) is before joined/since"]),
]


def _one(found: list[Diagnostic], code: str) -> Diagnostic:
    matching = [d for d in found if d.code == code]
    assert len(matching) == 1, [d.code for d in found]
    return matching[0]


@pytest.mark.parametrize(("code", "spec", "today", "zh", "en"), CASES, ids=[f"{c[0]}-{c[1].__name__}" for c in CASES])
def test_dates_read_chinese_in_chinese_and_iso_in_english(run: Run, code: str, spec: Callable[[], Spec],
                                                          today: dt.date, zh: list[str], en: list[str]) -> None:
    diag = _one(run(spec(), today=today), code)
    message_zh, hint_zh = texts(diag, "zh")
    assert not ISO.search(message_zh + hint_zh), message_zh
    assert all(part in message_zh for part in zh), message_zh
    message_en = texts(diag, "en")[0]
    assert all(part in message_en for part in en), message_en


def test_training_end_before_start_names_both_dates(run: Run) -> None:
    training = {"title": "示范培训班", "kind": "demonstration", "start": dt.date(2024, 5, 9),
                "end": dt.date(2024, 5, 6), "attendees": [member_id(1)]}
    diag = _one(run(compliant(3), extra={"trainings/t2024.yaml": dump(training)}), "DATE003")
    assert texts(diag, "zh")[0] == "结业日期（2024年5月6日）早于开班日期（2024年5月9日）"
    assert texts(diag, "en")[0] == "end (2024-05-06) is before start (2024-05-09)"
