"""Personal data in published text is a content error; case names are masked."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.codes import texts
from generator.diagnostics import Kind
from generator.pipeline import Settings, check
from generator.privacy import find, mask_name, mask_text, valid_id_number
from tests.conftest import MINIMAL
from tests.rules.conftest import Run
from tests.rules.trees import activity, compliant

VALID_ID = "11010519491231002X"


@pytest.mark.parametrize(("number", "valid"), [
    (VALID_ID, True), ("11010519491231002x", True), ("110105194912310021", False),
    ("110105194913310028", False), ("510104199003071234", False),
])
def test_id_checksum_and_birth_date(number: str, valid: bool) -> None:
    assert valid_id_number(number) is valid


@pytest.mark.parametrize(("text", "kinds"), [
    (f"身份证号{VALID_ID}。", ["id"]),
    ("联系电话13812345678", ["mobile"]),
    ("电话 138 1234 5678 或 139-1234-5678", ["mobile", "mobile"]),
    ("手机１３９１２３４５６７８", ["mobile"]),
    ("编号 2013812345678 与 12345678901", []),
    ("11010519491231002X9", []),
    ("拨打12345热线，经费1570万元，文号川直工委〔2024〕12号", []),
])
def test_find(text: str, kinds: list[str]) -> None:
    assert [kind for _, kind, _ in find(text)] == kinds


def test_masked_number_in_message() -> None:
    assert [masked for _, _, masked in find(f"a{VALID_ID} 13812345678")] == ["110105********002X", "138****5678"]


def test_mobile_in_an_activity_topic(run: Run) -> None:
    spec = compliant(3)
    spec.activities[2024].append(activity("theme_day", dt.date(2024, 5, 28), topic="请联系13812345678报名"))
    found = [d for d in run(spec) if d.code == "PRIV002"]
    assert len(found) == 1 and found[0].kind is Kind.ERROR
    assert (found[0].branch, found[0].unit, found[0].records) == ("fgw-zhc", "fgw", ("fgw-zhc",))
    assert found[0].location.field.endswith(".topic") and found[0].location.line > 1
    assert "13812345678" not in texts(found[0], "zh")[0] and "138****5678" in texts(found[0], "zh")[0]


def test_id_in_a_multiline_summary_points_at_its_line(run: Run) -> None:
    spec = compliant(3)
    spec.activities[2024] = [activity("theme_day", dt.date(2024, 1, 10), summary=f"第一行\n第二行{VALID_ID}\n")]
    text = ("activities:\n- type: theme_day\n  date: 2024-01-10\n  topic: 主题党日\n"
            f"  summary: |\n    第一行\n    第二行{VALID_ID}\n")
    found = [d for d in run(spec, extra={"branches/fgw-zhc/activities/2024.yaml": text}) if d.code == "PRIV001"]
    assert [d.location.line for d in found] == [7]


def test_mobile_in_a_markdown_body_points_at_line_and_column(run: Run) -> None:
    page = "---\ntitle: 关于本站\n---\n\n本站由省直机关工委主办。\n联系人：张三，电话13900001111。\n"
    found = [d for d in run(compliant(3), extra={"pages/about.md": page}) if d.code == "PRIV002"]
    assert len(found) == 1
    assert (found[0].location.file, found[0].location.line, found[0].location.col) == ("content/pages/about.md", 6, 10)
    assert found[0].records == ("about",) and found[0].branch == ""


def test_text_without_personal_data_passes(run: Run) -> None:
    page = "---\ntitle: 关于本站\n---\n\n办公电话 028-86601234。\n"
    assert not [d for d in run(compliant(3), extra={"pages/about.md": page}) if d.code.startswith("PRIV")]


@pytest.mark.parametrize(("name", "masked"), [
    ("张三丰", "张某某"), ("李明", "李某某"), ("欧阳修文", "欧阳某某"), ("司马光", "司马某某"), ("诸葛亮", "诸葛某某"),
    ("欧阳", "欧某某"), ("上官婉儿", "上官某某"), (" 王五 ", "王某某"),
])
def test_mask_name(name: str, masked: str) -> None:
    assert mask_name(name) == masked


def test_mask_text() -> None:
    masked = mask_text("欧阳修文同志违反规定，欧阳修文被给予警告", "欧阳修文")
    assert masked == "欧阳某某同志违反规定，欧阳某某被给予警告"
    assert mask_text("正文", "") == "正文"


def test_numbers_in_a_member_file_and_a_province_file_are_reported_from_the_parse_cache_too(
        content: Callable[..., Path], tmp_path: Path) -> None:
    """The corpus lets each file's parsed data go once validated; what the scan needs is kept, and cached, per file."""
    members = MINIMAL["branches/fgw-zhc/members.yaml"].replace("position: 副处长", "position: 副处长，手机13812345678")
    page = f"---\ntitle: 关于本站 {VALID_ID}\n---\n\n正文。\n"
    root = content({"branches/fgw-zhc/members.yaml": members, "pages/about.md": page})
    settings = Settings(root, tmp_path / "site", cache=tmp_path / "cache")

    def reported() -> list[tuple[str, str, int, str]]:
        return [(d.code, d.location.file, d.location.line, d.branch)
                for d in check(settings).diagnostics if d.code.startswith("PRIV")]

    cold = reported()
    assert any((tmp_path / "cache" / "records").rglob("*")), "the second check reads the records from the cache"
    assert reported() == cold == [("PRIV002", "content/branches/fgw-zhc/members.yaml", 3, "fgw-zhc"),
                                  ("PRIV001", "content/pages/about.md", 2, "")]
