"""A build replaces the output directory whole, or not at all."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from generator.output import MARKER
from generator.pipeline import Settings, build
from tests.conftest import run_cli


def tree_hash(root: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        digest.update(str(path.relative_to(root)).encode())
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


def test_build_writes_site_with_lang_and_marker(content: Callable[..., Path], tmp_path: Path) -> None:
    out = tmp_path / "site"
    result = run_cli("build", "--content", content(), "--out", out)
    assert result.returncode == 0, result.stdout + result.stderr
    assert 'lang="zh-CN"' in (out / "index.html").read_text(encoding="utf-8")
    assert (out / "branches" / "fgw-zhc" / "index.html").exists()
    assert (out / MARKER).exists()
    assert not list(tmp_path.glob(".site.*"))


def test_failed_build_leaves_previous_site_untouched(content: Callable[..., Path], tmp_path: Path) -> None:
    out = tmp_path / "site"
    tree = content()
    assert run_cli("build", "--content", tree, "--out", out).returncode == 0
    before = tree_hash(out)
    (tree / "units" / "fgw.yaml").write_text("name: x\nname: y\n", encoding="utf-8")
    result = run_cli("build", "--content", tree, "--out", out)
    assert result.returncode == 1
    assert "content/units/fgw.yaml:2:1" in result.stdout
    assert tree_hash(out) == before


def test_rebuild_is_byte_identical(content: Callable[..., Path], tmp_path: Path) -> None:
    tree = content()
    assert run_cli("build", "--content", tree, "--out", tmp_path / "a").returncode == 0
    assert run_cli("build", "--content", tree, "--out", tmp_path / "b").returncode == 0
    assert tree_hash(tmp_path / "a") == tree_hash(tmp_path / "b")


def test_refuses_to_replace_a_directory_it_did_not_create(content: Callable[..., Path], tmp_path: Path) -> None:
    out = tmp_path / "precious"
    out.mkdir()
    (out / "thesis.docx").write_bytes(b"years of work")
    result = run_cli("build", "--content", content(), "--out", out)
    assert result.returncode == 2
    assert "拒绝覆盖" in result.stderr
    assert (out / "thesis.docx").read_bytes() == b"years of work"


def test_replaced_output_is_gone_when_the_build_returns(content: Callable[..., Path], tmp_path: Path) -> None:
    """The replaced tree is deleted while the build finishes, but never outlives the build."""
    settings = Settings(content=content(), out=tmp_path / "site", cache=tmp_path / "cache", pdf=False)
    assert not build(settings).errors
    assert not build(replace(settings, today=dt.date(2030, 1, 1))).errors
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cache", "content", "site"]
