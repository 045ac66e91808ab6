"""A record made with ``python -m generator new`` and checked before it is filled in: each blank field is
named as not filled in yet, with what to write; no pydantic wording, Python repr or union tag shows."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.codes import texts
from generator.diagnostics import Diagnostic
from generator.pipeline import Settings, check
from generator.scaffold import create
from tests.conftest import BUNDLED, MINIMAL, run_cli

#: What a clerk must never read: Python values, pydantic's type names and union-member tags.
LEAKS = re.compile(r"None|True|False|[“']list[”']|[“']dict[”']|constrained|tuple\[|list\[|function-|literal\[|Input")
BRANCH = "branches/fgw-zhc/branch.yaml"
ACTIVITIES = "branches/fgw-zhc/activities/2024.yaml"
BULLETIN = "bulletins/2024-cases.md"
#: Chinese text: an English message holds none but what the user wrote (the models describe fields in Chinese).
CJK = re.compile(r"[\u3400-\u9fff]")


def errors(tree: Path, file: str | None = None) -> list[Diagnostic]:
    found = [d for d in check(Settings(tree, tree.parent / "site")).diagnostics if d.kind.value == "error"]
    return [d for d in found if file is None or d.location.file == f"content/{file}"]


def all_texts(diagnostics: list[Diagnostic]) -> str:
    return "\n".join(f"{d.location.field} {' '.join(texts(d, lang))}" for d in diagnostics for lang in ("zh", "en"))


@pytest.mark.parametrize(
    ("kind", "values", "file"),
    [
        ("branch", ["fgw-new"], "branches/fgw-new/branch.yaml"),
        ("members", ["fgw-new"], "branches/fgw-new/members.yaml"),
        ("activities", ["fgw-zhc", "2024"], ACTIVITIES),
        ("bulletin", ["2024-new"], "bulletins/2024-new.md"),
        ("contest", ["2024"], "contest/2024.yaml"),
        ("case", ["2024-new"], "cases/2024-new.md"),
        ("profile", ["2024-new"], "secretaries/2024-new.md"),
        ("training", ["2024-new"], "trainings/2024-new.yaml"),
        ("assessment", ["fgw-zhc", "2024"], "branches/fgw-zhc/assessments/2024.yaml"),
    ],
)
def test_a_blank_record_asks_for_each_field_to_be_filled_in(
    content: Callable[..., Path], kind: str, values: list[str], file: str
) -> None:
    tree = content()
    create(tree, kind, values)
    found = errors(tree, file)
    assert found and {d.code for d in found} == {"SCHEMA009"}, all_texts(found)
    assert all(texts(d, "zh")[0].endswith("还没有填写") and texts(d, "zh")[1] for d in found)
    assert not LEAKS.search(all_texts(found)), all_texts(found)
    assert not [texts(d, "en") for d in found if CJK.search(" ".join(texts(d, "en")))]


def test_a_blank_date_says_it_is_not_filled_in_and_what_to_write(content: Callable[..., Path]) -> None:
    tree = content({ACTIVITIES: "activities:\n  - type: theme_day\n    date:\n    topic: 学习\n"})
    (error,) = errors(tree)
    assert (error.code, error.location.field, error.location.line) == ("SCHEMA009", "activities[1].date", 3)
    assert texts(error, "zh") == ("“date”还没有填写", "日期：写成 年-月-日，例如 date: 2024-03-05")
    message, hint = texts(error, "en")
    assert message == "'date' is not filled in yet" and "e.g. date: 2024-03-05" in hint


@pytest.mark.parametrize(
    ("written", "shown"),
    [("type:", "branch_assembly（支部党员大会）"), ("type: ''", "theme_day（主题党日）")],
)
def test_a_blank_choice_lists_the_choices(content: Callable[..., Path], written: str, shown: str) -> None:
    (error,) = errors(content({ACTIVITIES: f"activities:\n  - {written}\n    date: 2024-03-05\n    topic: 学习\n"}))
    assert texts(error, "zh")[0] == "“type”还没有填写"
    assert shown in texts(error, "zh")[1]
    english = texts(error, "en")[1]
    assert f"{shown.split('（')[0]}, " in english and not CJK.search(english), english


def test_english_hints_for_blank_fields_carry_no_chinese_field_descriptions(content: Callable[..., Path]) -> None:
    """``check --lang en`` as a user runs it: the hint names what to write in English, the field by its key."""
    tree = content({
        BRANCH: MINIMAL[BRANCH].replace("name: 综合处党支部", "name:").replace("body: 综合处", "body: ''"),
        ACTIVITIES: "activities:\n  - type: theme_day\n    date:\n    topic: 学习\n  - type:\n    date: 2024-03-05\n",
    })
    run = run_cli("check", "--content", tree, "--lang", "en", "--no-cache")
    lines = run.stdout.splitlines()
    blank = [(line, hint) for line, hint in itertools.pairwise(lines) if "[SCHEMA009]" in line]
    assert [line.split(": error")[0].split(": ")[-1] for line, _ in blank] == [
        "activities[1].date", "activities[2].type", "name", "internal_body"], run.stdout
    assert not [pair for pair in blank if CJK.search(" ".join(pair))], blank
    assert [hint.strip() for _, hint in blank] == [
        "hint: write the date as year-month-day, e.g. date: 2024-03-05",
        "hint: choose one of: " + ", ".join(["branch_assembly", "committee_meeting", "group_meeting", "party_lecture",
                                             "theme_day", "org_life_meeting", "democratic_review", "heart_talk",
                                             "warning_education"]),
        "hint: write the text", "hint: write the text"]


def test_a_list_whose_item_has_an_error_is_not_also_called_too_short(content: Callable[..., Path]) -> None:
    branch = MINIMAL[BRANCH].replace("elected: 2023-06-20", "elected:").replace(
        "- {member: fgw-zhc-01, role: secretary}", "- {member: fgw-zhc-01, role: }")
    found = errors(content({BRANCH: branch}))
    assert [(d.code, d.location.field) for d in found] == [
        ("SCHEMA009", "committees[1].elected"), ("SCHEMA009", "committees[1].members[1].role")]


def test_an_empty_list_is_still_too_short_and_shown_as_written(content: Callable[..., Path]) -> None:
    branch = MINIMAL[BRANCH].split("committees:")[0] + "committees: []\n"
    (error,) = errors(content({BRANCH: branch}))
    assert (error.code, error.location.field) == ("SCHEMA007", "committees")
    assert texts(error, "zh")[0] == "“[]”不符合要求：至少要有 1 项"


def bulletin(title: str) -> dict[str, str]:
    text = (BUNDLED / BULLETIN).read_text(encoding="utf-8")
    return {BULLETIN: re.sub(r"^title:.*?(?=^\w)", f"title: {title}\n", text, count=1, flags=re.S | re.M)}


@pytest.mark.parametrize(
    ("title", "field", "code", "message"),
    [
        ("", "title", "SCHEMA009", "“title”还没有填写"),
        ("''", "title", "SCHEMA009", "“title”还没有填写"),
        ("5", "title", "SCHEMA006", "这里应为文字，或列表（1–4 项，每项以“- ”开头），实际是“5”"),
        ("{a: 1}", "title", "SCHEMA006", "这里应为文字，或列表（1–4 项，每项以“- ”开头），实际是映射"),
        ("[]", "title", "SCHEMA007", "“[]”不符合要求：至少要有 1 项"),
        ("[关, 于, 通, 报, 的]", "title", "SCHEMA007", "“[关, 于, 通, 报, 的]”不符合要求：最多 4 项"),
        ("[关于开展警示教育, '']", "title[2]", "SCHEMA009", "“title[2]”还没有填写"),
    ],
)
def test_a_bulletin_title_is_one_error_without_union_tags(
    content: Callable[..., Path], title: str, field: str, code: str, message: str
) -> None:
    (error,) = errors(content(bulletin(title)))
    assert (error.code, error.location.field, texts(error, "zh")[0]) == (code, field, message)
    assert not LEAKS.search(all_texts([error]))


@pytest.mark.parametrize("attendees", ["al", "5"])
def test_an_attendee_list_that_is_neither_all_nor_a_list_is_one_error(
    content: Callable[..., Path], attendees: str
) -> None:
    activity = f"{{type: theme_day, date: 2024-03-05, topic: 学习, attendees: {attendees}}}"
    tree = content({ACTIVITIES: f"activities:\n  - {activity}\n"})
    (error,) = errors(tree)
    assert (error.code, error.location.field) == ("SCHEMA006", "activities[1].attendees")
    assert texts(error, "zh")[0] == f"这里应为“all”，或列表（每项以“- ”开头），实际是“{attendees}”"


def test_a_boolean_is_shown_as_written_not_as_python(content: Callable[..., Path]) -> None:
    (error,) = errors(content({"units/fgw.yaml": "name: true\nshort: 省发展改革委\n"}))
    assert texts(error, "zh")[0] == "这里应为文字，实际是“true”"
