"""The build writes every bulletin as a PDF, and refuses a bulletin no font can print."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import run_cli
from tests.test_output import tree_hash


def test_build_writes_a_pdf_per_bulletin(bundled_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    result = run_cli("build", "--content", bundled_copy, "--out", out, "--no-cache")
    assert result.returncode == 0, result.stdout + result.stderr
    for bulletin in sorted((bundled_copy / "bulletins").glob("*.md")):
        assert (out / "bulletins" / f"{bulletin.stem}.pdf").read_bytes().startswith(b"%PDF-")
    assert "字体：仿宋 →" in result.stderr


def test_character_missing_from_every_font_fails_the_build_naming_the_file(bundled_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    assert run_cli("build", "--content", bundled_copy, "--out", out, "--no-cache").returncode == 0
    before = tree_hash(out)
    bulletin = bundled_copy / "bulletins" / "2024-secretaries.md"
    text = bulletin.read_text(encoding="utf-8")
    bulletin.write_text(text.replace("涌现出一批", "涌现出\U0002EBF0一批", 1), encoding="utf-8")
    result = run_cli("build", "--content", bundled_copy, "--out", out, "--no-cache")
    assert result.returncode == 1
    assert "content/bulletins/2024-secretaries.md:" in result.stdout
    assert "[PDF001]" in result.stdout and "U+2EBF0" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr
    assert tree_hash(out) == before
