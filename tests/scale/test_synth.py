"""The synthetic province: deterministic, valid, and as varied as a real one."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path

import pytest

from generator.synth import synthesize
from tests.conftest import run_cli


def tree_hash(root: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        h.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


def test_same_seed_gives_an_identical_tree_and_another_seed_does_not(tmp_path: Path) -> None:
    synthesize(tmp_path / "a", 30, seed=5)
    synthesize(tmp_path / "b", 30, seed=5)
    synthesize(tmp_path / "c", 30, seed=6)
    assert tree_hash(tmp_path / "a") == tree_hash(tmp_path / "b")
    assert tree_hash(tmp_path / "a") != tree_hash(tmp_path / "c")


def test_synthetic_corpus_has_no_content_errors_and_a_spread_of_findings(tmp_path: Path) -> None:
    content = tmp_path / "content"
    run = run_cli("synth", "--branches", "30", "--seed", "2", "--out", content)
    assert run.returncode == 0, run.stderr
    checked = run_cli("check", "--content", content, "--format", "json", "--no-cache")
    assert checked.returncode == 0, checked.stdout[-2000:]
    diagnostics = json.loads(checked.stdout)["diagnostics"]
    assert not [d for d in diagnostics if d["kind"] == "error"]
    codes = Counter(d["code"] for d in diagnostics)
    severities = {d["severity"] for d in diagnostics}
    assert len(codes) >= 8, codes
    assert {"serious", "warning"} <= severities
    flagged = {d["branch"] for d in diagnostics if d["branch"]}
    branches = {p.name for p in (content / "branches").iterdir()}
    assert 0 < len(flagged) < len(branches), "some branches are compliant, most are not"


def test_counts_scale_with_the_number_of_branches(tmp_path: Path) -> None:
    summary = synthesize(tmp_path / "content", 60, seed=1)
    counts = summary.counts
    assert counts["branches"] == 60
    assert counts["units"] == 3
    assert 15 * 60 <= counts["members"] <= 25 * 60
    assert 40 * 60 <= counts["activities"] <= 60 * 60
    assert 80 * 60 <= counts["points_events"] <= 120 * 60
    assert (counts["profiles"], counts["cases"], counts["contest_entries"]) == (6, 20, 120)
    assert len(list((tmp_path / "content" / "bulletins").glob("*.md"))) == counts["bulletins"] >= 3


def test_configuration_is_copied_from_the_bundled_content(tmp_path: Path) -> None:
    synthesize(tmp_path / "content", 3, seed=1)
    bundled = Path(__file__).resolve().parents[2] / "content"
    for name in ("site.yaml", "rules.yaml", "rubric.yaml", "points.yaml"):
        assert (tmp_path / "content" / name).read_bytes() == (bundled / name).read_bytes()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_synth_refuses_a_directory_it_did_not_write(tmp_path: Path, lang: str) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    run = run_cli("--lang", lang, "synth", "--branches", "3", "--out", tmp_path)
    assert run.returncode == 2
    assert ("拒绝写入" if lang == "zh" else "refusing to write") in run.stderr
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert "Traceback" not in run.stderr


def test_synth_replaces_its_own_earlier_tree(tmp_path: Path) -> None:
    content = tmp_path / "content"
    synthesize(content, 6, seed=1)
    (content / "units" / "stale.yaml").write_text("name: x\nshort: x\n", encoding="utf-8")
    synthesize(content, 3, seed=1)
    assert not (content / "units" / "stale.yaml").exists()
    assert len(list((content / "branches").iterdir())) == 3
