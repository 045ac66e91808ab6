"""Findings speak to their audience: a branch's public page says what is wrong; how a clerk records the fix
(which file, which field) is for the staff's findings list."""

from __future__ import annotations

from pathlib import Path

CLERK_HINT = "activities/2024.yaml 中登记（type: theme_day）"  # the hint of czt-bgs's missing theme days


def test_public_branch_pages_show_no_clerk_instructions(built_site: Path) -> None:
    page = (built_site / "branches" / "czt-bgs" / "index.html").read_text(encoding="utf-8")
    assert "主题党日" in page and "ORG008" in page, "the findings themselves are shown"
    for branch_page in (built_site / "branches").glob("*/index.html"):
        text = branch_page.read_text(encoding="utf-8")
        assert "整改建议" not in text and ".yaml" not in text, branch_page


def test_the_staff_findings_list_keeps_the_hints(built_site: Path) -> None:
    assert CLERK_HINT in (built_site / "staff" / "findings" / "index.html").read_text(encoding="utf-8")
