"""A bulletin title written as print lines reads as one title on the site."""

from __future__ import annotations

from pathlib import Path


def test_the_site_shows_a_title_written_in_lines_as_one_title(built_site: Path) -> None:
    joined = "关于省直机关违反中央八项规定精神典型案例的通报"  # content/bulletins/2024-cases.md, in two lines
    assert f"<h1>{joined}</h1>" in (built_site / "bulletins" / "2024-cases" / "index.html").read_text(encoding="utf-8")
    assert joined in (built_site / "bulletins" / "index.html").read_text(encoding="utf-8")
