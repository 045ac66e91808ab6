"""Branch organisation: size, committee, secretary, term of office, people from elsewhere."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.codes import texts
from generator.diagnostics import Kind, Severity
from generator.models.org import Branch
from generator.models.schemes import BranchRules
from generator.rules.organisation import election
from tests.rules.conftest import Run
from tests.rules.trees import activity, codes, compliant, member, member_id


@pytest.mark.parametrize("size", [3, 7, 12])
def test_a_compliant_branch_has_no_finding(run: Run, size: int) -> None:
    assert codes(run(compliant(size))) == []


def test_two_full_members_are_too_few(run: Run) -> None:
    spec = compliant(3)
    spec.members[2]["status"] = "probationary"
    found = [d for d in run(spec) if d.code == "ORG001"]
    assert len(found) == 1
    assert found[0].severity is Severity.SERIOUS and found[0].kind is Kind.FINDING
    assert found[0].branch == "fgw-zhc" and found[0].unit == "fgw" and found[0].records == ("fgw-zhc",)
    assert "2 名正式党员" in texts(found[0], "zh")[0]


def test_a_member_still_in_probation_is_not_yet_full(run: Run) -> None:
    spec = compliant(3)
    spec.members[2]["joined"] = dt.date(2024, 3, 1)
    assert "ORG001" in codes(run(spec))


def test_more_than_fifty_members_is_a_warning(run: Run) -> None:
    assert "ORG002" in codes(run(compliant(51)))
    assert "ORG002" not in codes(run(compliant(50)))


def test_seven_full_members_need_a_committee(run: Run) -> None:
    spec = compliant(7)
    spec.branch["committees"][0]["members"] = [{"member": member_id(1), "role": "secretary"}]
    spec.drop("committee_meeting")
    found = codes(run(spec))
    assert "ORG003" in found
    assert "LIFE002" not in found, "no committee, so no committee meetings are required"


def test_a_committee_of_eight_is_too_large(run: Run) -> None:
    spec = compliant(9)
    seats = spec.branch["committees"][0]["members"]
    seats.extend({"member": member_id(i), "role": "deputy_secretary"} for i in range(5, 9))
    assert codes(run(spec)).count("ORG003") == 1


def test_committee_without_a_discipline_member(run: Run) -> None:
    spec = compliant(7)
    seats = spec.branch["committees"][0]["members"]
    seats[3]["role"] = "deputy_secretary"
    found = [d for d in run(spec) if d.code == "ORG004"]
    assert len(found) == 1
    assert "纪检委员" in texts(found[0], "zh")[0] and "discipline" in texts(found[0], "en")[0]


def test_no_secretary_is_serious(run: Run) -> None:
    spec = compliant(3)
    spec.branch["committees"][0]["members"][0]["role"] = "deputy_secretary"
    found = [d for d in run(spec) if d.code == "ORG005"]
    assert [d.severity for d in found] == [Severity.SERIOUS]


def test_small_branch_with_a_committee_gets_a_notice(run: Run) -> None:
    spec = compliant(5)
    spec.branch["committees"][0]["members"] += [{"member": member_id(2), "role": "organization"},
                                                 {"member": member_id(3), "role": "propaganda"}]
    assert [d.severity for d in run(spec) if d.code == "ORG006"] == [Severity.NOTICE]


def test_small_branch_with_secretary_and_deputy_is_fine(run: Run) -> None:
    spec = compliant(5)
    spec.branch["committees"][0]["members"].append({"member": member_id(2), "role": "deputy_secretary"})
    assert codes(run(spec)) == []


def test_secretary_not_head(run: Run) -> None:
    spec = compliant(3)
    spec.branch["secretary_is_head"] = False
    found = [d for d in run(spec) if d.code == "ORG007"]
    assert len(found) == 1
    assert found[0].location.field == "secretary_is_head" and found[0].location.line == 4


def test_election_overdue(run: Run) -> None:
    spec = compliant(3)
    spec.branch["committees"][0]["elected"] = dt.date(2021, 6, 20)
    found = [d for d in run(spec) if d.code == "ORG008"]
    assert len(found) == 1
    message = texts(found[0], "zh")[0]
    assert "应于2024年6月20日前换届" in message and "194 天" in message


def test_election_due_today_is_not_overdue(run: Run) -> None:
    spec = compliant(3)
    spec.branch["committees"][0]["elected"] = dt.date(2021, 12, 31)
    assert "ORG008" not in codes(run(spec))


def test_approved_postponement_defers_the_election(run: Run) -> None:
    spec = compliant(3)
    spec.branch["committees"][0]["elected"] = dt.date(2021, 6, 20)
    spec.branch["postponement"] = {"approved": dt.date(2024, 5, 10), "document": "川直工委组〔2024〕3号",
                                   "until": dt.date(2025, 6, 1)}
    assert codes(run(spec)) == []


def test_postponement_approved_for_an_earlier_term_does_not_count(run: Run) -> None:
    spec = compliant(3)
    spec.branch["committees"][0]["elected"] = dt.date(2021, 6, 20)
    spec.branch["postponement"] = {"approved": dt.date(2020, 5, 10), "document": "旧文件", "until": dt.date(2025, 6, 1)}
    assert "ORG008" in codes(run(spec))


def test_postponement_beyond_a_year_is_capped(run: Run) -> None:
    spec = compliant(3)
    spec.branch["committees"][0]["elected"] = dt.date(2020, 6, 20)
    spec.branch["postponement"] = {"approved": dt.date(2023, 5, 10), "document": "文件", "until": dt.date(2024, 12, 1)}
    found = sorted((d for d in run(spec) if d.code in ("ORG008", "ORG009")), key=lambda d: d.code)
    assert [d.code for d in found] == ["ORG008", "ORG009"]
    assert "最迟2024年6月20日" in texts(found[1], "zh")[0], "the allowed limit is one year after the due date"
    assert "已逾期 194 天" in texts(found[0], "zh")[0]
    spec.branch["postponement"]["until"] = dt.date(2024, 6, 20)
    assert codes(run(spec)) == ["ORG008"]


@pytest.mark.parametrize(("until", "too_long"), [(dt.date(2025, 3, 1), False), (dt.date(2025, 3, 2), True)])
def test_a_postponement_may_last_one_year_to_the_day(run: Run, until: dt.date, too_long: bool) -> None:
    """One year from a due date of 2024-03-01 is 2025-03-01, though no 29 February falls in it (366 days was one
    day too many here)."""
    spec = compliant(3)
    spec.branch["committees"][0]["elected"] = dt.date(2021, 3, 1)
    spec.branch["postponement"] = {"approved": dt.date(2024, 2, 1), "document": "文件", "until": until}
    assert ("ORG009" in codes(run(spec))) is too_long


def test_an_election_held_late_within_the_year_is_still_overdue(run: Run) -> None:
    """Re-electing six months after the term ended must not make the year look on time once the new term sits."""
    spec = compliant(3)
    first = spec.branch["committees"][0]
    first["elected"] = dt.date(2021, 3, 1)
    spec.branch["committees"].append({"elected": dt.date(2024, 9, 1), "members": [dict(s) for s in first["members"]]})
    found = [d for d in run(spec) if d.code == "ORG008"]
    assert len(found) == 1 and found[0].kind is Kind.FINDING
    message = texts(found[0], "zh")[0]
    assert "应于2024年3月1日前换届" in message and "至2024年9月1日换届时已逾期 184 天" in message
    spec.branch["committees"][1]["elected"] = dt.date(2024, 3, 2)
    assert "已逾期 1 天" in texts(next(d for d in run(spec) if d.code == "ORG008"), "zh")[0]
    spec.branch["committees"][1]["elected"] = dt.date(2024, 3, 1)
    assert "ORG008" not in codes(run(spec)), "re-elected exactly 3 years to the day is on time"


def test_election_status_is_importable_for_scoring() -> None:
    branch = Branch.model_validate({
        "name": "x", "unit": "fgw", "internal_body": "x", "secretary_is_head": True,
        "committees": [{"elected": "2020-02-29", "members": [{"member": "a", "role": "secretary"}]}],
    })
    status = election(branch, BranchRules.model_validate({}), dt.date(2023, 3, 10))
    assert status is not None
    assert status.due == dt.date(2023, 2, 28) and status.overdue_days == 10
    assert election(branch, BranchRules.model_validate({}), dt.date(2019, 1, 1)) is None


def test_committee_member_who_left_the_branch(run: Run) -> None:
    spec = compliant(7)
    spec.members[3]["left"] = dt.date(2024, 10, 8)
    found = [d for d in run(spec) if d.code == "ORG010"]
    assert len(found) == 1 and "纪检委员" in texts(found[0], "zh")[0]


def test_committee_seat_from_another_branch_is_a_content_error(run: Run) -> None:
    other = compliant(3, "fgw-gh")
    spec = compliant(3)
    spec.branch["committees"][0]["members"].append({"member": "fgw-gh-02", "role": "deputy_secretary"})
    spec.branch["groups"] = [{"id": "g1", "name": "第一党小组", "leader": "fgw-gh-03"}]
    found = [d for d in run(spec, other) if d.code == "ORG011"]
    assert len(found) == 2
    assert all(d.kind is Kind.ERROR for d in found)
    assert {d.records for d in found} == {("fgw-gh-02",), ("fgw-gh-03",)}
    assert "fgw-zhc" not in codes(run(compliant(3), other))


def test_attendee_or_lecturer_from_another_branch_is_a_content_error(run: Run) -> None:
    other = compliant(3, "fgw-gh")
    spec = compliant(3)
    spec.activities[2024].append(activity("party_lecture", dt.date(2024, 5, 8), lecturer="fgw-gh-01",
                                          attendees=[member_id(1), "fgw-gh-02"]))
    n = len(spec.activities[2024])
    found = [d for d in run(spec, other) if d.code == "ORG012"]
    assert sorted(d.location.field for d in found) == [f"activities[{n}].attendees[2]", f"activities[{n}].lecturer"]
    assert all(d.kind is Kind.ERROR for d in found)


def test_attendee_not_yet_on_the_roll(run: Run) -> None:
    spec = compliant(4)
    spec.members[3]["since"] = dt.date(2024, 6, 1)
    spec.members[3]["dues"] = {2024: list(range(6, 13))}
    spec.activities[2024].append(activity("theme_day", dt.date(2024, 3, 28), attendees=[member_id(1), member_id(4)]))
    found = [d for d in run(spec) if d.code == "ORG013"]
    assert len(found) == 1 and found[0].records == (member_id(4),)
    spec.activities[2024][-1]["date"] = dt.date(2024, 6, 28)
    assert "ORG013" not in codes(run(spec))


def test_two_secretaries_in_one_term(run: Run) -> None:
    spec = compliant(3)
    spec.branch["committees"][0]["members"].append({"member": member_id(2), "role": "secretary"})
    assert "ORG014" in codes(run(spec))
    spec.branch["committees"][0]["members"][-1]["role"] = "deputy_secretary"
    spec.branch["committees"][0]["members"].append({"member": member_id(3), "role": "deputy_secretary"})
    assert "ORG014" not in codes(run(spec))


def test_member_helper_matches_the_builder() -> None:
    assert member(2)["id"] == member_id(2) == "fgw-zhc-02"
