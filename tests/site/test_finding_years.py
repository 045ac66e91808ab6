"""Each year's public findings appear on that year's branch page, and only there."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from generator.diagnostics import Diagnostic, Kind, Location, Severity
from generator.render.views.finding_years import finding_year, page_year
from tests.conftest import MINIMAL, run_cli


def finding(file: str = "content/branches/b/branch.yaml", **params: object) -> Diagnostic:
    return Diagnostic("X001", Kind.FINDING, Severity.WARNING, Location(file, 3, 1), dict(params), ("b",), "b", "u")


def test_the_year_comes_from_params_then_the_year_file() -> None:
    assert finding_year(finding(year=2022)) == 2022
    assert finding_year(finding(when=("2023年末", "at the end of 2023"))) == 2023
    assert finding_year(finding(when=("截至2024年8月15日", "as of 2024-08-15"))) == 2024
    assert finding_year(finding(last=("2023年11月", "Nov 2023"), first=("2023年6月", "Jun 2023"))) == 2023
    assert finding_year(finding(closed="2022-07-14", deadline="2022-06-30")) == 2022
    assert finding_year(finding("content/branches/b/activities/2021.yaml", groups="g1")) == 2021
    assert finding_year(finding("content/branches/b/assessments/2020.yaml", count=3)) == 2020
    assert finding_year(finding(year=2022, when=("2023年末", "at the end of 2023"))) == 2022
    assert finding_year(finding(elected="2019-05-01", days=30)) is None


def test_a_finding_without_a_page_of_its_year_goes_to_the_current_year() -> None:
    assert page_year(finding(year=2021), [2023, 2024], 2024) == 2024
    assert page_year(finding(elected="2019-05-01"), [2023, 2024], 2024) == 2024
    assert page_year(finding(year=2023), [2023, 2024], 2024) == 2023


SITE_WITH_NOTICES = MINIMAL["site.yaml"].replace("public_findings: [serious, warning]",
                                                 "public_findings: [serious, warning, notice]")
ACTIVITIES_2023 = """activities:
  - type: branch_assembly
    date: 2023-03-10
    topic: 审议支部年度工作要点
"""
RECTIFICATIONS = """rectifications:
  - id: zg-2023-01
    issue: org_life
    description: 上半年组织生活不经常
    found: 2023-03-01
    deadline: 2023-05-31
    closed: 2023-06-15
"""


def findings_section(page: Path) -> str:
    match = re.search(r'<section id="findings".*?</section>', page.read_text(encoding="utf-8"), re.S)
    assert match, f"{page} has no findings section"
    return match.group()


def test_each_year_page_shows_its_own_findings(content: Callable[..., Path], tmp_path: Path) -> None:
    assert "public_findings: [serious, warning]" in MINIMAL["site.yaml"]
    root = content({"site.yaml": SITE_WITH_NOTICES, "branches/fgw-zhc/activities/2023.yaml": ACTIVITIES_2023,
                    "branches/fgw-zhc/rectifications.yaml": RECTIFICATIONS})
    result = run_cli("build", "--content", root, "--out", tmp_path / "site", "--no-pdf", "--no-cache")
    assert result.returncode == 0, result.stdout + result.stderr
    branch = tmp_path / "site" / "branches" / "fgw-zhc"
    earlier, current = findings_section(branch / "2023" / "index.html"), findings_section(branch / "index.html")
    assert "RECT002" in earlier and "RECT002" not in current, "a rectification closed late in 2023 is a 2023 finding"
    assert re.search(r"LIFE\d+）：2023年", earlier), "the meetings missed in 2023 show on the 2023 page"
    assert "2024年" not in earlier
    assert re.search(r"LIFE\d+）：2024年", current) and not re.search(r"LIFE\d+）：2023年", current)
    assert "从 2023年4月 到 2024年12月" in current, "a run of missed months belongs to the year it ends in"
