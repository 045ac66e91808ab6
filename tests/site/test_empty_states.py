"""A page with nothing to list says so, rather than showing an empty table."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.conftest import run_cli


def test_a_unit_without_branches_says_it_has_none(content: Callable[..., Path], tmp_path: Path) -> None:
    tree = content({"units/kong.yaml": "name: 四川省某某新设单位\nshort: 新设单位\n"})
    result = run_cli("build", "--content", tree, "--out", tmp_path / "site", "--no-pdf")
    assert result.returncode == 0, result.stdout + result.stderr
    page = (tmp_path / "site" / "units" / "kong" / "index.html").read_text(encoding="utf-8")
    assert "本单位暂无登记的党支部。" in page and "<table" not in page
    assert "<table" in (tmp_path / "site" / "units" / "fgw" / "index.html").read_text(encoding="utf-8")
