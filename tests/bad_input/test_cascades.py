"""One mistake, one message: a file that cannot be read or validated is reported once, in words a clerk
can act on, and the records that name it do not each add an error of their own."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from generator.cli import main
from tests.conftest import MINIMAL

ACTIVITIES = "branches/fgw-zhc/activities/2024.yaml"
POINTS = "branches/fgw-zhc/points/2024.yaml"
ASSESSMENT = "branches/fgw-zhc/assessments/2024.yaml"
MEMBERS = "branches/fgw-zhc/members.yaml"
BRANCH = MINIMAL["branches/fgw-zhc/branch.yaml"]
USES_MEMBERS = {
    ACTIVITIES: ("activities:\n  - {type: theme_day, date: 2024-03-05, topic: 学习,"
                 " attendees: [fgw-zhc-01, fgw-zhc-02]}\n"),
    POINTS: "events:\n  - {member: fgw-zhc-02, item: volunteer, date: 2024-03-21, note: 志愿服务}\n",
    ASSESSMENT: "business_score: 18\nreview:\n  date: 2024-12-20\n  grades: {fgw-zhc-01: qualified}\n",
    "trainings/2024-demo.yaml": ("title: 示范培训班\nkind: demonstration\nstart: 2024-04-22\nend: 2024-04-26\n"
                                 "attendees: [fgw-zhc-01]\n"),
    "cases/2024-zhang.md": ("---\ntitle: 某处长违规收受礼品案\ndate: 2024-05-10\nunit: fgw\n"
                            "person: {name: 张三, position: 处长}\ndisciplines: [integrity]\neight_rules: true\n"
                            "party_sanction: warning\n---\n\n正文\n"),
    "fund/2024.yaml": "donations:\n  - {unit: fgw, date: 2024-06-21, amount: 100.00}\ndisbursements: []\n",
}


def report(tree: Path, capsys: pytest.CaptureFixture[str], *lang: str) -> list[str]:
    capsys.readouterr()
    assert main(["check", "--content", str(tree), *lang]) == 1
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return [line for line in (out + err).splitlines() if "错误[" in line or "error[" in line]


@pytest.mark.parametrize(
    ("broken", "code"),
    [
        ({MEMBERS: MINIMAL[MEMBERS].replace("  - {id: fgw-zhc-02", "\t- {id: fgw-zhc-02")}, "LOAD004"),
        ({MEMBERS: MINIMAL[MEMBERS].replace("status: full", "status: 正式", 1)}, "SCHEMA003"),
        ({MEMBERS: "# 名单稍后补\n"}, "SCHEMA001"),
        ({MEMBERS: MINIMAL[MEMBERS].encode("gbk")}, "LOAD001"),
        ({MEMBERS: None, f"{MEMBERS}/名单.txt": "x"}, "LOAD011"),
        ({"branches/fgw-zhc/branch.yaml": BRANCH.replace("internal_body", "\tinternal_body")}, "LOAD004"),
        ({"units/fgw.yaml": "name: 四川省发展和改革委员会\nshort:\u00a0省发展改革委\n"}, "LOAD004"),
        ({"cases/2024-zhang.md": "---\ntitle: 案例\n\tdate: 2024-05-10\n---\n正文\n"}, "LOAD004"),
    ],
    ids=["roll_tab", "roll_invalid", "roll_only_comments", "roll_gbk", "roll_is_a_folder", "branch_tab", "unit_nbsp",
         "case_tab"],
)
def test_a_broken_file_is_one_error_not_one_per_reference(
    content: Callable[..., Path], capsys: pytest.CaptureFixture[str], broken: dict[str, str | bytes], code: str
) -> None:
    tree = content({**USES_MEMBERS, "bulletins/2024-cases.md": None, **broken})
    errors = report(tree, capsys)
    assert len(errors) == 1, "\n".join(errors)
    assert f"[{code}]" in errors[0]
    assert errors[0].startswith(f"content/{next(iter(broken))}")


def test_a_dues_year_is_named_as_written_and_a_fraction_asks_for_a_whole_number(
    content: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    members = MINIMAL[MEMBERS].replace("position: 处长}", "position: 处长, dues: {2024: [1, 2.5]}}")
    (zh,) = report(content({MEMBERS: members}), capsys)
    assert zh.startswith("content/branches/fgw-zhc/members.yaml:2:")
    assert "members[1].dues.2024[2]: 错误[SCHEMA005] “2.5”不是整数" in zh
    (en,) = report(content({MEMBERS: members}), capsys, "--lang", "en")
    assert "Input should" not in en and "whole number" in en


@pytest.mark.parametrize(
    ("written", "hint"),
    [("2024-4-7", "2024-04-07"), ("20240407", "2024-04-07"), ("2024-04-07 14:30", "只写日期，不写时间：2024-04-07")],
)
def test_more_date_mistakes_get_the_date_to_write(
    content: Callable[..., Path], capsys: pytest.CaptureFixture[str], written: str, hint: str
) -> None:
    activities = f"activities:\n  - {{type: theme_day, date: {written}, topic: 学习}}\n"
    capsys.readouterr()
    assert main(["check", "--content", str(content({ACTIVITIES: activities}))]) == 1
    out = capsys.readouterr().out
    assert "[SCHEMA004]" in out and "提示: " in out and hint in out


def test_full_width_commas_in_a_list_are_named(
    content: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    members = MINIMAL[MEMBERS].replace("position: 处长}", "position: 处长, dues: {2024: [1，2，3]}}")
    capsys.readouterr()
    assert main(["check", "--content", str(content({MEMBERS: members}))]) == 1
    assert "全角逗号" in capsys.readouterr().out


def test_a_non_breaking_space_is_named(content: Callable[..., Path], capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["check", "--content", str(content({"units/fgw.yaml": "name: 发改委\nshort:\u00a0发改委\n"}))]) == 1
    assert "不换行空格" in capsys.readouterr().out


def test_a_branch_with_an_invalid_activity_adds_no_error_or_finding_of_its_own(
    bundled_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert main(["check", "--content", str(bundled_copy)]) == 0
    clean = capsys.readouterr()
    activities = bundled_copy / "branches" / "fgw-zhc" / "activities" / "2024.yaml"
    text = activities.read_text(encoding="utf-8")
    first = text.index("date: 2024-") + len("date: ")
    activities.write_text(text[:first] + "2024-13-40" + text[first + 10:], encoding="utf-8")
    errors = report(bundled_copy, capsys)
    assert len(errors) == 1 and "[SCHEMA004]" in errors[0], "\n".join(errors)  # not PROF001 for its secretary
    assert main(["check", "--content", str(bundled_copy)]) == 1
    summary = capsys.readouterr()
    findings = [line for line in (summary.out + summary.err).splitlines() if "内容错误" in line]
    assert findings and findings[-1].replace("内容错误 1 个", "内容错误 0 个") in clean.out + clean.err
