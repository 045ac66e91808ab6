"""Member points pages follow ``site.privacy.member_points``: none, the top N per branch and year, or all.

The expected members come from the scores computed in-process from the
same content; the pages come from real builds through the CLI. Lines marked
private (unpaid dues, an individual's dues record) must never be published.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.pipeline import Settings, check
from generator.scoring.results import BranchPoints, Scores
from tests.conftest import BUNDLED, run_cli

POINTS_PAGES = "branches/*/points/*/*/index.html"


@pytest.fixture(scope="module")
def scores() -> Scores:
    checked = check(Settings(content=BUNDLED, out=Path("unused"), use_cache=False))
    assert checked.scores is not None
    return checked.scores


def rankings(scores: Scores) -> list[BranchPoints]:
    return [ranking for years in scores.points.values() for ranking in years.values()]


def published(site: Path) -> set[tuple[str, int, str]]:
    """(branch, year, member) of every points page in a built site."""
    found = set()
    for path in site.glob(POINTS_PAGES):
        branch, _, year, member, _ = path.relative_to(site / "branches").parts
        found.add((branch, int(year), member))
    return found


@pytest.fixture(scope="module")
def build_with(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Path]:
    """Build a copy of the bundled content with another ``member_points`` setting (no PDFs: not under test)."""

    def build(scope: str) -> Path:
        root = tmp_path_factory.mktemp(f"points-{scope}")
        content = root / "content"
        shutil.copytree(BUNDLED, content)
        site_yaml = content / "site.yaml"
        text = site_yaml.read_text(encoding="utf-8")
        assert "member_points: top" in text
        site_yaml.write_text(text.replace("member_points: top", f"member_points: {scope}"), encoding="utf-8")
        result = run_cli("build", "--content", content, "--out", root / "site", "--no-pdf", "--no-cache")
        assert result.returncode == 0, result.stdout + result.stderr
        return root / "site"

    return build


def test_top_publishes_pages_for_the_top_ranks_only(built_site: Path, scores: Scores) -> None:
    expected = {(r.branch, r.year, m.member) for r in rankings(scores) for m in r.members if m.rank <= 3}
    assert any(m.rank > 3 for r in rankings(scores) for m in r.members), "the content must rank members below 3"
    assert published(built_site) == expected
    for branch, year, member in expected:
        page = "index.html" if year == scores.year else f"{year}/index.html"
        report = (built_site / "branches" / branch / page).read_text(encoding="utf-8")
        assert f"points/{year}/{member}/" in report, f"the branch page does not link {member}'s points"
    leaders = (built_site / "rankings" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'href="\.\./branches/[^/"]+/points/\d{4}/[^/"]+/"', leaders)


def test_member_page_explains_total_rank_categories_and_every_line(built_site: Path, scores: Scores) -> None:
    ranking = scores.points["fgw-zhc"][scores.year]
    member = ranking.members[0]
    page = (built_site / "branches" / "fgw-zhc" / "points" / str(scores.year) / member.member / "index.html")
    text = page.read_text(encoding="utf-8")
    assert f"{member.total}</span>分" in text
    assert f"{len(ranking.members)}名党员中排第{member.rank}名" in text
    for key, name in ranking.categories.items():
        assert f"{name}：{member.categories[key]}分" in text
    lines = [line for line in member.lines if not line.private]
    assert {line.source for line in lines} == {"auto", "manual"}, "the example has both kinds of line"
    for line in lines:
        assert f"<strong>{line.name}</strong>：{line.count}次" in text
        assert line.rule in text
    assert re.search(r'href="(\.\./){5}branches/fgw-zhc/#act-[^"]+"', text), "activities link to their records"


def test_none_publishes_no_individual_points_anywhere(build_with: Callable[[str], Path], scores: Scores) -> None:
    site = build_with("none")
    assert published(site) == set()
    names = {m.name for r in rankings(scores) for m in r.members}
    for path in sorted(site.glob("branches/*/**/index.html")):
        text = path.read_text(encoding="utf-8")
        section = re.search(r'<section id="points".*?</section>', text, re.S)
        if section:
            assert not [n for n in names if n in section.group()], f"{path} lists members' points"
            assert "/points/" not in section.group()
    rankings_page = (site / "rankings" / "index.html").read_text(encoding="utf-8")
    assert not [n for n in names if n in rankings_page]
    assert "党员积分前列" not in rankings_page


def test_all_publishes_every_member_but_never_a_private_line(build_with: Callable[[str], Path],
                                                           scores: Scores) -> None:
    site = build_with("all")
    assert published(site) == {(r.branch, r.year, m.member) for r in rankings(scores) for m in r.members}
    private = {(r.branch, r.year, m.member): {line.name for line in m.lines if line.private}
               for r in rankings(scores) for m in r.members if any(line.private for line in m.lines)}
    assert private, "the content must have a member with unpaid dues for this test to mean anything"
    hidden_names = set().union(*private.values())
    dues_owers = {m.name for r in rankings(scores) for m in r.members
                  if (r.branch, r.year, m.member) in private}
    for path in site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert not [n for n in hidden_names if f"<strong>{n}</strong>" in text], f"{path} shows a private line"
        if "staff" not in path.parts:
            assert not [n for n in dues_owers if re.search(f"{n}({scores.year}年有|从)", text)], path
            assert not re.search(r"个月未缴党费：|连续 \d+ 个月未缴", text), f"{path} shows someone's dues months"
