"""SIGKILL at any moment: ``site/`` and every published release stay as they were.

No hooks in the code under test: a content tree large enough that rendering
takes a few seconds is built in a subprocess, the test watches the file system
for the moment it wants (staging directory created, half the pages written…)
and sends SIGKILL right then.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import MINIMAL, ROOT, write_tree
from tests.publish.helpers import PDF, tree_hash, verify_release

pytestmark = pytest.mark.slow
BRANCHES = 40


def big_tree(root: Path, name: str = "综合处党支部", extra: dict[str, str | bytes] | None = None) -> Path:
    files: dict[str, str | bytes] = {k: v for k, v in MINIMAL.items() if not k.startswith("branches/")}
    for i in range(BRANCHES):
        branch = f"b{i:03d}"
        files[f"branches/{branch}/branch.yaml"] = (MINIMAL["branches/fgw-zhc/branch.yaml"]
                                                   .replace("fgw-zhc-01", f"{branch}-01").replace("综合处党支部", name))
        files[f"branches/{branch}/members.yaml"] = MINIMAL["branches/fgw-zhc/members.yaml"].replace("fgw-zhc", branch)
    return write_tree(root, {**files, **(extra or {})})


def count_files(folder: Path) -> int:
    return sum(len(names) for _, _, names in os.walk(folder))


def staging_dirs(out: Path) -> list[Path]:
    return list(out.parent.glob(f".{out.name}.staging-*"))


def run_until(argv: list[str], ready: Callable[[float], bool], tmp: Path, limit: float = 120) -> tuple[bool, int]:
    """Start ``argv``; SIGKILL it once ``ready(elapsed)`` holds. Returns (killed mid-run, exit status).

    A SIGKILLed publish cannot remove its temporary build, so ``argv`` gets ``tmp`` as its temporary directory.
    """
    process = subprocess.Popen(argv, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               env={**os.environ, "TMPDIR": str(tmp)})
    start = time.monotonic()
    try:
        while process.poll() is None and time.monotonic() - start < limit:
            if ready(time.monotonic() - start):
                process.send_signal(signal.SIGKILL)
                return True, process.wait(timeout=30)
            time.sleep(0.001)
        return False, process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def time_to_staging(argv: list[str]) -> float:
    """Seconds until the build's staging directory appears (the same build, into another output)."""
    out = Path(argv[-1])
    start = time.monotonic()
    process = subprocess.Popen(argv, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while not staging_dirs(out):
            assert process.poll() is None, "the calibration build ended without a staging directory"
            time.sleep(0.001)
        return time.monotonic() - start
    finally:
        process.wait(timeout=120)


def test_killed_build_leaves_site_unchanged(tmp_path: Path) -> None:
    content = big_tree(tmp_path / "content")
    out = tmp_path / "site"
    build = [sys.executable, "-m", "generator", "build", "--content", str(content), "--out", str(out)]
    assert subprocess.run(build, cwd=ROOT, capture_output=True, check=False).returncode == 0
    before = tree_hash(out)
    total = count_files(out)
    big_tree(content, name="综合处第一党支部")

    def staged(minimum: int) -> Callable[[float], bool]:
        return lambda _: any(count_files(stage) >= minimum for stage in staging_dirs(out))

    early = time_to_staging([*build[:-1], str(tmp_path / "calibration")]) / 2
    points: dict[str, Callable[[float], bool]] = {
        "before rendering starts": lambda elapsed: elapsed > early,
        "as the staging directory appears": staged(0),
        "with a quarter of the files written": staged(total // 4),
        "with most files written": staged(total * 3 // 4),
    }
    for moment, ready in points.items():
        killed, status = run_until(build, ready, tmp_path)
        assert killed and status == -signal.SIGKILL, f"the build finished before the kill {moment}"
        assert tree_hash(out) == before, f"site/ changed after a kill {moment}"
        assert bool(staging_dirs(out)) == (moment != "before rendering starts"), f"the kill was not {moment}"
    result = subprocess.run(build, cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert tree_hash(out) != before
    assert "综合处第一党支部" in (out / "branches" / "b000" / "index.html").read_text(encoding="utf-8")
    assert not staging_dirs(out), "leftovers of killed builds are removed by the next build"


def test_killed_publish_leaves_the_live_release_intact(tmp_path: Path) -> None:
    attachment = {"cases/files/scan.pdf": PDF + bytes(12 * 1024 * 1024)}
    content = big_tree(tmp_path / "content", extra=attachment)
    target = tmp_path / "www"
    publish = [sys.executable, "-m", "generator", "publish", "--content", str(content), "--to", str(target)]
    assert subprocess.run(publish, cwd=ROOT, capture_output=True, check=False).returncode == 0
    live = (target / "current").readlink()
    before = tree_hash(target / "releases" / live.name)
    big_tree(content, name="综合处第一党支部", extra={"cases/files/scan.pdf": PDF + bytes(12 * 1024 * 1024 + 1)})
    releases = target / "releases"

    def uploading(_: float) -> bool:
        return any(p.name.startswith(".incoming-") for p in releases.iterdir())

    killed, status = run_until(publish, uploading, tmp_path)
    assert killed and status == -signal.SIGKILL, "the publish finished before the upload could be interrupted"
    assert (target / "current").readlink() == live
    verify_release(target / "current")
    assert tree_hash(target / "releases" / live.name) == before
    result = subprocess.run(publish, cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert (target / "current").readlink() != live
    verify_release(target / "current")
    assert not [p for p in releases.iterdir() if p.name.startswith(".incoming-")]


def test_next_build_clears_leftovers_but_not_a_running_builds_staging(
    content: Callable[..., Path], tmp_path: Path
) -> None:
    dead = subprocess.Popen(["true"])
    dead.wait()
    alive = subprocess.Popen(["sleep", "60"])
    try:
        empty = tmp_path / f".site.staging-{dead.pid}"
        empty.mkdir()
        running = tmp_path / f".site.staging-{alive.pid}"
        running.mkdir()
        (running / ".generator-output").write_text("marker\n", encoding="utf-8")
        result = subprocess.run([sys.executable, "-m", "generator", "build", "--content", str(content()),
                                 "--out", str(tmp_path / "site")], cwd=ROOT, capture_output=True, check=False)
        assert result.returncode == 0
        assert not empty.exists(), "an empty staging directory of a killed build is removed"
        assert running.exists(), "the staging directory of a build still running is left alone"
    finally:
        alive.kill()
        alive.wait()
