"""Schema errors name the field and tell a clerk how to fix the value they wrote."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from generator.codes import texts
from generator.diagnostics import Diagnostic
from generator.pipeline import Settings, check

MEMBER = "  - {{id: fgw-zhc-0{n}, name: 李明华, status: full, joined: {joined}, position: 处长{extra}}}\n"


def members(joined: str = "2001-07-01", extra: str = "") -> str:
    rows = [MEMBER.format(n=1, joined=joined, extra=extra)]
    rows += [MEMBER.format(n=n, joined="2010-01-01", extra="") for n in (2, 3)]
    return "members:\n" + "".join(rows)


def errors(tree: Path) -> list[Diagnostic]:
    return [d for d in check(Settings(tree, tree.parent / "site")).diagnostics if d.kind.value == "error"]


@pytest.mark.parametrize(
    ("joined", "hint"),
    [
        ("2001年7月1日", "2001-07-01"),
        ("2001/7/1", "2001-07-01"),
        ("２００１-07-01", "半角"),
        ("2001-02-30", "这一天存在"),
    ],
)
def test_date_mistakes_get_their_own_hint(content: Callable[..., Path], joined: str, hint: str) -> None:
    (error,) = errors(content({"branches/fgw-zhc/members.yaml": members(joined)}))
    assert error.code == "SCHEMA004"
    assert error.location.field == "members[1].joined"
    assert error.location.line == 2
    assert hint in texts(error, "zh")[1]


def test_full_width_digits_in_a_number(content: Callable[..., Path]) -> None:
    (error,) = errors(content({"units/fgw.yaml": "name: 省发展改革委\nshort: 发改委\norder: １２\n"}))
    assert error.code == "SCHEMA005"
    assert "12" in texts(error, "zh")[1]


def test_enum_lists_choices_with_chinese_labels(content: Callable[..., Path]) -> None:
    tree = content({"branches/fgw-zhc/members.yaml": members(extra=", cadre_level: 厅级")})
    (error,) = errors(tree)
    assert error.code == "SCHEMA003"
    assert "department（厅级）" in texts(error, "zh")[1]


def test_unknown_nested_key_suggests_the_right_one(content: Callable[..., Path]) -> None:
    branch = (
        "name: 综合处党支部\nunit: fgw\ninternal_body: 综合处\nsecretary_is_head: true\n"
        "committees:\n  - elected: 2023-06-20\n    members:\n      - {member: fgw-zhc-01, roel: secretary}\n"
    )
    found = errors(content({"branches/fgw-zhc/branch.yaml": branch}))
    unknown = next(d for d in found if d.code == "SCHEMA002")
    assert unknown.location.field == "committees[1].members[1].roel"
    assert unknown.location.line == 8
    assert "role" in texts(unknown, "en")[1]


def test_yes_no_in_chinese_is_not_a_boolean(content: Callable[..., Path]) -> None:
    branch = (
        "name: 综合处党支部\nunit: fgw\ninternal_body: 综合处\nsecretary_is_head: 是\n"
        "committees:\n  - elected: 2023-06-20\n    members:\n      - {member: fgw-zhc-01, role: secretary}\n"
    )
    (error,) = errors(content({"branches/fgw-zhc/branch.yaml": branch}))
    assert error.location.field == "secretary_is_head"
    assert "true" in texts(error, "zh")[1]


def test_dangling_reference_suggests_closest_id(content: Callable[..., Path]) -> None:
    branch = (
        "name: 综合处党支部\nunit: fgw\ninternal_body: 综合处\nsecretary_is_head: true\n"
        "committees:\n  - elected: 2023-06-20\n    members:\n      - {member: fgw-zhc-1, role: secretary}\n"
    )
    (error,) = errors(content({"branches/fgw-zhc/branch.yaml": branch}))
    assert error.code == "REF001"
    assert error.location.field == "committees[1].members[1].member"
    assert "fgw-zhc-01" in texts(error, "zh")[1]


def test_duplicate_member_ids_across_branches(content: Callable[..., Path]) -> None:
    other = {
        "branches/fgw-bgs/branch.yaml": (
            "name: 办公室党支部\nunit: fgw\ninternal_body: 办公室\nsecretary_is_head: true\n"
            "committees:\n  - elected: 2023-06-20\n    members:\n      - {member: fgw-zhc-01, role: secretary}\n"
        ),
        "branches/fgw-bgs/members.yaml": members(),
    }
    duplicates = [d for d in errors(content(other)) if d.code == "REF002"]
    assert [d.location.field for d in duplicates] == ["members[1].id", "members[2].id", "members[3].id"]
    assert all(d.location.file not in str(d.params["other"]) for d in duplicates)
    assert all("members.yaml" in str(d.params["other"]) for d in duplicates)


def test_activity_file_must_be_named_after_its_year(content: Callable[..., Path]) -> None:
    (error,) = errors(content({"branches/fgw-zhc/activities/2024年.yaml": "activities: []\n"}))
    assert error.code == "SCHEMA008"


def test_missing_configuration_is_named(content: Callable[..., Path]) -> None:
    (error,) = errors(content({"rules.yaml": None}))
    assert (error.code, error.location.file) == ("REF003", "content/rules.yaml")
