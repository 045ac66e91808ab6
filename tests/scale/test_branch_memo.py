"""A check that recalls branches' findings and scores from the cache reports exactly what a cold check reports.

Each test edits a copy of the bundled content between two cached checks and
compares the second with a check of the same content without a cache: the
diagnostics (in order) and every score, point and ranking.
"""

from __future__ import annotations

import os
import pickle
import shutil
from pathlib import Path

import pytest

from generator.cache.store import Store
from generator.pipeline import Checked, Settings, check

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def content(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "content", tmp_path / "content")
    return tmp_path / "content"


def checked(content: Path, *, cache: bool = True) -> Checked:
    return check(Settings(content=content, out=content.parent / "site", cache=content.parent / "cache",
                          use_cache=cache))


def assert_same_as_cold(content: Path) -> Checked:
    warm, cold = checked(content), checked(content, cache=False)
    assert warm.diagnostics == cold.diagnostics
    assert warm.scores == cold.scores
    return warm


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_edit_in_one_branch_rescores_it(content: Path) -> None:
    before = checked(content)
    (content / "branches" / "czt-bgs" / "activities" / "2024.yaml").write_text("activities: []\n", encoding="utf-8")
    after = assert_same_as_cold(content)
    assert before.scores is not None and after.scores is not None
    assert before.scores.branches["czt-bgs"] != after.scores.branches["czt-bgs"]
    assert before.scores.branches["fgw-zhc"] == after.scores.branches["fgw-zhc"]


def test_province_file_change_reaches_every_branch(content: Path) -> None:
    before = checked(content)
    replace_in(content / "rubric.yaml", "min_total: 90,", "min_total: 60,")
    after = assert_same_as_cold(content)
    assert before.scores is not None and after.scores is not None
    assert before.scores.branches != after.scores.branches


def test_renamed_member_reaches_the_branch_that_names_them(content: Path) -> None:
    """fgw-zhc's meeting names czt-bgs's 叶建斌: the error about it must follow a rename in czt-bgs's roll."""
    activities = content / "branches" / "fgw-zhc" / "activities" / "2023.yaml"
    replace_in(activities, "attendees: [fgw-zhc-01, fgw-zhc-03,", "attendees: [czt-bgs-01, fgw-zhc-03,")
    first = checked(content)
    assert any("叶建斌" in str(d.params) for d in first.errors)
    replace_in(content / "branches" / "czt-bgs" / "members.yaml", "name: 叶建斌", "name: 叶建文")
    second = assert_same_as_cold(content)
    assert any("叶建文" in str(d.params) for d in second.errors)
    assert not any("叶建斌" in str(d.params) for d in second.errors)


def test_an_entry_naming_other_code_is_not_run(content: Path, tmp_path: Path) -> None:
    """A sealed entry (as if the cache's secret were known) that names a global outside the result types is
    ignored: the branch is computed again."""
    branches = len(checked(content).corpus.branches)
    marker = tmp_path / "ran"
    forged = pickle.dumps(_Touch(str(marker)))
    root = content.parent / "cache"
    for area in ("scores", "findings"):
        store = Store(root, area)
        keys = list(store.entries())
        assert len(keys) == branches, area
        for key in keys:
            store.put(key, forged)
    assert_same_as_cold(content)
    assert not marker.exists()


class _Touch:
    """Pickles as a call of ``os.system``: what a forged entry would try."""

    def __init__(self, path: str) -> None:
        self.path = path

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return os.system, (f"touch {self.path}",)
