"""An incremental build after random edits is byte-identical to a cold build of the same content.

The generator and its templates are copied into a scratch project, so the
test can edit templates as freely as content; the working corpus and its
cache persist across examples, as they do on a clerk's machine.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.synth import CONFIGURATION, synthesize

ROOT = Path(__file__).resolve().parents[2]
EDITS = ("value", "add", "delete", "template", "nothing")


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("project")
    shutil.copytree(ROOT / "generator", root / "generator", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "templates", root / "templates")
    (root / "content").mkdir()
    for name in CONFIGURATION:
        shutil.copy(ROOT / "content" / name, root / "content" / name)
    synthesize(root / "work" / "content", 4, seed=9, source=root / "content")
    return root


def generator(project: Path, *args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator", *map(str, args)], cwd=project, capture_output=True,
                          text=True, timeout=600, check=False)


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def edit(project: Path, kind: str, pick: int) -> None:
    content = project / "work" / "content"
    yaml_files = sorted((content / "branches").glob("*/activities/*.yaml"))
    if kind == "value":
        path = yaml_files[pick % len(yaml_files)]
        path.write_text(path.read_text(encoding="utf-8").replace("topic: ", f"topic: 修订{pick}", 1), encoding="utf-8")
    elif kind == "add":
        path = yaml_files[pick % len(yaml_files)]
        line = f"  - {{type: theme_day, date: 2024-06-{pick % 28 + 1:02d}, topic: 新增主题党日{pick}}}\n"
        path.write_text(path.read_text(encoding="utf-8") + line, encoding="utf-8")
    elif kind == "delete":
        files = sorted(content.glob("branches/*/points/*.yaml")) + sorted(content.glob("pages/*.md"))
        if files:
            files[pick % len(files)].unlink()
    elif kind == "template":
        base = project / "templates" / "site" / "base.html.j2"
        base.write_text(base.read_text(encoding="utf-8") + f"<!-- {pick} -->\n", encoding="utf-8")


@pytest.mark.slow
@given(st.lists(st.tuples(st.sampled_from(EDITS), st.integers(0, 1000)), min_size=1, max_size=3),
       st.booleans())
@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_incremental_build_equals_cold_build(project: Path, edits: list[tuple[str, int]], pdf: bool) -> None:
    for kind, pick in edits:
        edit(project, kind, pick)
    work = project / "work"
    options = () if pdf else ("--no-pdf",)
    incremental = generator(project, "build", "--content", work / "content", "--out", work / "site", *options)
    cold = generator(project, "build", "--content", work / "content", "--out", work / "cold", *options,
                     "--no-cache")
    assert "Traceback" not in incremental.stderr + cold.stderr
    said = incremental.stdout.replace(str(work / "site"), "OUT")
    assert (incremental.returncode, said) == (cold.returncode, cold.stdout.replace(str(work / "cold"), "OUT"))
    assert tree(work / "site") == tree(work / "cold")
