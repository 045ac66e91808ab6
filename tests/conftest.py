"""Shared fixtures: small content trees written from dicts, and the CLI run as a user runs it."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "content"

MINIMAL: dict[str, str] = {
    "site.yaml": (BUNDLED / "site.yaml").read_text(encoding="utf-8"),
    "rules.yaml": (BUNDLED / "rules.yaml").read_text(encoding="utf-8"),
    "rubric.yaml": (BUNDLED / "rubric.yaml").read_text(encoding="utf-8"),
    "points.yaml": (BUNDLED / "points.yaml").read_text(encoding="utf-8"),
    "units/fgw.yaml": "name: 四川省发展和改革委员会\nshort: 省发展改革委\n",
    "branches/fgw-zhc/branch.yaml": (
        "name: 综合处党支部\nunit: fgw\ninternal_body: 综合处\nsecretary_is_head: true\n"
        "committees:\n  - elected: 2023-06-20\n    members:\n      - {member: fgw-zhc-01, role: secretary}\n"
    ),
    "branches/fgw-zhc/members.yaml": (
        "members:\n"
        "  - {id: fgw-zhc-01, name: 李明华, status: full, joined: 2001-07-01, position: 处长}\n"
        "  - {id: fgw-zhc-02, name: 王晓燕, status: full, joined: 2008-06-15, position: 副处长}\n"
        "  - {id: fgw-zhc-03, name: 赵志强, status: full, joined: 2012-05-04, position: 一级主任科员}\n"
    ),
}
"""A tiny valid corpus: the bundled configuration, one unit, one branch of three members."""


def write_tree(root: Path, files: dict[str, str | bytes]) -> Path:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
    return root


@pytest.fixture
def content(tmp_path: Path) -> Callable[..., Path]:
    """Write MINIMAL plus overrides (``None`` deletes a file) into ``tmp_path/content``."""

    def make(overrides: dict[str, str | bytes | None] | None = None, *, base: dict[str, str] | None = None) -> Path:
        files: dict[str, str | bytes | None] = {**(MINIMAL if base is None else base), **(overrides or {})}
        return write_tree(tmp_path / "content", {k: v for k, v in files.items() if v is not None})

    return make


@pytest.fixture
def bundled_copy(tmp_path: Path) -> Path:
    """A private copy of the bundled content to break."""
    return Path(shutil.copytree(BUNDLED, tmp_path / "content"))


def run_cli(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``python -m generator`` in a subprocess, exactly as a user would."""
    return subprocess.run(
        [sys.executable, "-m", "generator", *map(str, args)],
        capture_output=True, text=True, cwd=cwd or ROOT, timeout=600, check=False,
    )
