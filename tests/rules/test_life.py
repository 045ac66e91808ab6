"""Organisational life: frequencies per period, the secretary's lecture, 6 months, leading cadres' 6/1/1."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.codes import texts
from generator.diagnostics import Kind, Severity
from tests.conftest import BUNDLED
from tests.rules.conftest import Run
from tests.rules.trees import activity, codes, compliant, member_id


@pytest.mark.parametrize(
    ("kind", "month", "code", "period"),
    [
        ("branch_assembly", 5, "LIFE001", "第2季度"),
        ("committee_meeting", 2, "LIFE002", "2月"),
        ("party_lecture", 9, "LIFE004", "第3季度"),
        ("theme_day", 7, "LIFE005", "7月"),
        ("org_life_meeting", None, "LIFE006", "2024年"),
        ("democratic_review", None, "LIFE007", "2024年"),
        ("heart_talk", None, "LIFE008", "2024年"),
    ],
)
def test_a_missed_period_is_a_warning_naming_it(run: Run, kind: str, month: int | None, code: str,
                                                period: str) -> None:
    spec = compliant(7)
    spec.drop(kind, month)
    found = [d for d in run(spec) if d.code.startswith("LIFE")]
    assert [d.code for d in found] == [code]
    finding = next(d for d in found if d.code == code)
    assert finding.kind is Kind.FINDING and finding.severity is Severity.WARNING
    assert period in texts(finding, "zh")[0]
    assert finding.location.file.endswith("branches/fgw-zhc/activities/2024.yaml")


def test_a_period_not_yet_ended_is_not_missed(run: Run) -> None:
    spec = compliant(3)
    spec.activities[2024] = [a for a in spec.activities[2024] if a["date"] <= dt.date(2024, 8, 15)]
    spec.drop("theme_day", 8)
    assert "LIFE005" not in codes(run(spec, today=dt.date(2024, 8, 15)))
    spec.drop("theme_day", 7)
    found = [d for d in run(spec, today=dt.date(2024, 8, 15)) if d.code == "LIFE005"]
    assert len(found) == 1 and "7月" in texts(found[0], "zh")[0] and "8月" not in texts(found[0], "zh")[0]


def test_each_party_group_meets_monthly(run: Run) -> None:
    spec = compliant(9, groups=2)
    spec.activities[2024] = [a for a in spec.activities[2024]
                             if not (a.get("group") == "g1" and a["date"].month == 3)]
    found = [d for d in run(spec) if d.code == "LIFE003"]
    assert len(found) == 1
    assert texts(found[0], "zh")[0].startswith("第1党小组") and "3月" in texts(found[0], "zh")[0]


def test_group_meetings_are_not_required_without_groups(run: Run) -> None:
    spec = compliant(3)
    assert "LIFE003" not in codes(run(spec))


def test_periods_before_the_branch_was_founded_are_not_required(run: Run) -> None:
    spec = compliant(3)
    spec.branch["founded"] = dt.date(2024, 7, 1)
    spec.branch["committees"][0]["elected"] = dt.date(2024, 7, 1)
    spec.activities[2024] = [a for a in spec.activities[2024] if a["date"] >= dt.date(2024, 7, 1)]
    spec.activities[2024].append(activity("party_lecture", dt.date(2024, 7, 3), lecturer=member_id(1)))
    for m in spec.members:
        m["dues"] = {2024: list(range(7, 13))}
    assert codes(run(spec)) == []


def test_configured_warning_education_frequency(run: Run) -> None:
    rules = (BUNDLED / "rules.yaml").read_text(encoding="utf-8")
    rules = rules.replace("frequencies:\n", "frequencies:\n  - {type: warning_education, per: year, min: 1}\n")
    spec = compliant(3)
    assert "LIFE009" in codes(run(spec, extra={"rules.yaml": rules}))
    spec.activities[2024].append(activity("warning_education", dt.date(2024, 4, 9)))
    assert "LIFE009" not in codes(run(spec, extra={"rules.yaml": rules}))


def test_secretary_who_never_lectures(run: Run) -> None:
    spec = compliant(3)
    for a in spec.activities[2024]:
        if a["type"] == "party_lecture":
            a["lecturer"] = member_id(2)
    found = [d for d in run(spec) if d.code == "LIFE010"]
    assert len(found) == 1 and found[0].records == (member_id(1),)
    assert "LIFE010" not in codes(run(spec, today=dt.date(2024, 12, 30))), "the year has not ended"


def test_six_months_without_organisational_life_is_serious(run: Run) -> None:
    spec = compliant(3)
    for a in spec.activities[2024]:
        if 3 <= a["date"].month <= 8 and a.get("attendees", "all") == "all":
            a["absentees"] = [{"member": member_id(3), "reason": "长期病假"}]
    found = [d for d in run(spec) if d.code == "LIFE011"]
    assert len(found) == 1
    assert found[0].severity is Severity.SERIOUS and found[0].records == (member_id(3),)
    assert "2024年3月" in texts(found[0], "zh")[0] and "2024年8月" in texts(found[0], "zh")[0]
    assert found[0].location.field == "members[3]"


def test_five_months_without_organisational_life_is_not_serious(run: Run) -> None:
    spec = compliant(3)
    for a in spec.activities[2024]:
        if 3 <= a["date"].month <= 7 and a.get("attendees", "all") == "all":
            a["absentees"] = [{"member": member_id(3), "reason": "出差"}]
    assert "LIFE011" not in codes(run(spec))


def test_months_after_leaving_the_branch_are_not_counted(run: Run) -> None:
    spec = compliant(4)
    spec.members[3]["left"] = dt.date(2024, 4, 30)
    assert "LIFE011" not in codes(run(spec))


def test_leading_cadre_short_of_6_1_1(run: Run) -> None:
    spec = compliant(3)
    spec.members[1]["cadre_level"] = "department"
    found = [d for d in run(spec) if d.code == "LIFE012"]
    assert len(found) == 1
    message = texts(found[0], "zh")[0]
    assert "参加组织生活 22 次" in message and "讲党课 0 次" in message and "谈心谈话 0 次" in message


def test_leading_cadre_meeting_6_1_1(run: Run) -> None:
    spec = compliant(3)
    spec.members[0]["cadre_level"] = "department"
    assert "LIFE012" not in codes(run(spec))


def test_leading_cadre_who_joined_mid_year_is_not_judged(run: Run) -> None:
    spec = compliant(4)
    spec.members[3].update(cadre_level="department", since=dt.date(2024, 3, 1), dues={2024: list(range(3, 13))})
    assert "LIFE012" not in codes(run(spec))


def test_group_meeting_without_its_group_is_a_content_error(run: Run) -> None:
    spec = compliant(9, groups=2)
    spec.activities[2024].append(activity("group_meeting", dt.date(2024, 5, 30)))
    found = [d for d in run(spec) if d.code == "LIFE013"]
    assert len(found) == 1 and found[0].kind is Kind.ERROR and "g1、g2" in texts(found[0], "zh")[1]
    assert "LIFE013" not in codes(run(compliant(9, groups=2)))


def test_an_earlier_year_is_judged_only_where_its_activities_are_recorded(run: Run) -> None:
    spec = compliant(3)
    for m in spec.members:
        m["dues"][2023] = list(range(1, 13))
    assert codes(run(spec)) == [], "2023 has dues but no activities file: its meetings are not judged"
    spec.activities[2023] = [activity("theme_day", dt.date(2023, 12, 8))]
    found = [d for d in run(spec) if d.code.startswith("LIFE")]
    assert found and all("2023" in texts(d, "zh")[0] for d in found)
    assert {d.code for d in found} >= {"LIFE001", "LIFE005", "LIFE011"}
