"""Releases, the current symlink, pruning and rollback, on both kinds of store.

The rsync store runs its real shell scripts and real rsync against a local
path (no ssh hop), so the same assertions hold for both.
"""

from __future__ import annotations

import fcntl
import os
import re
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.publish import PublishError, publish, rollback
from generator.publish.local import LocalStore
from generator.publish.remote import RsyncStore
from generator.publish.store import Store
from generator.publish.targets import store_for
from tests.conftest import run_cli
from tests.publish.helpers import tree_hash, verify_release

StoreFactory = Callable[[Path], Store]


@pytest.fixture(params=["local", "rsync"])
def make_store(request: pytest.FixtureRequest) -> StoreFactory:
    if request.param == "local":
        return LocalStore
    return lambda path: RsyncStore(str(path))


def site(root: Path, version: str, extra: dict[str, str] | None = None) -> Path:
    """A built site as the renderer leaves it: pages, a stylesheet and the build marker.

    Each version gets its own modification times, as separate builds do, so sharing
    unchanged files must rest on their content.
    """
    files = {
        ".generator-output": "marker\n",
        "index.html": f"<!DOCTYPE html><title>首页</title><p>版本 {version}</p>\n",
        "branches/a/index.html": "<!DOCTYPE html><title>支部</title>\n",
        "static/style.0a1b2c3d.css": "body { color: #222; }\n",
        **(extra or {}),
    }
    stamp = 1_700_000_000 + 3600 * len(version) * sum(map(ord, version))
    for rel, text in files.items():
        path = root / version / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        os.utime(path, (stamp, stamp))
    return root / version


def current(target: Path) -> str:
    return (target / "current").readlink().as_posix()


def test_publish_creates_a_verified_release_and_points_current_at_it(
    make_store: StoreFactory, tmp_path: Path
) -> None:
    target = tmp_path / "www"
    outcome = publish(site(tmp_path, "v1"), make_store(target), keep=5)
    assert re.fullmatch(r"0001-[0-9a-f]{12}", outcome.release)
    assert current(target) == f"releases/{outcome.release}"
    release = target / "releases" / outcome.release
    verify_release(release)
    assert not (release / ".generator-output").exists()
    assert (release / "index.html").stat().st_mode & 0o777 == 0o644
    other = publish(site(tmp_path / "again", "v1"), make_store(tmp_path / "elsewhere"), keep=5)
    assert other.release == outcome.release, "the release name depends on content only"


def test_same_content_again_changes_nothing(make_store: StoreFactory, tmp_path: Path) -> None:
    target = tmp_path / "www"
    publish(site(tmp_path, "v1"), make_store(target), keep=5)
    before = tree_hash(target)
    outcome = publish(site(tmp_path / "again", "v1"), make_store(target), keep=5)
    assert outcome.unchanged
    assert tree_hash(target) == before


def test_unchanged_files_are_shared_between_releases(make_store: StoreFactory, tmp_path: Path) -> None:
    target = tmp_path / "www"
    first = publish(site(tmp_path, "v1"), make_store(target), keep=5).release
    second = publish(site(tmp_path, "v2"), make_store(target), keep=5).release
    old, new = target / "releases" / first, target / "releases" / second
    assert (old / "branches/a/index.html").stat().st_ino == (new / "branches/a/index.html").stat().st_ino
    assert (old / "index.html").stat().st_ino != (new / "index.html").stat().st_ino
    verify_release(old)
    verify_release(new)


def _edit_by_hand(live: Path, how: str) -> None:
    """What an administrator may do to the live release on the server."""
    if how == "edited":
        with (live / "branches/a/index.html").open("a", encoding="utf-8") as page:
            page.write("<p>手工改过</p>\n")
    elif how == "deleted":
        (live / "branches/a/index.html").unlink()
    else:
        (live / "branches/a/notes.txt").write_text("手工放进来的文件\n", encoding="utf-8")


@pytest.mark.parametrize("how", ["edited", "deleted", "added"])
def test_a_live_file_changed_by_hand_is_not_carried_into_the_next_release(
    make_store: StoreFactory, tmp_path: Path, how: str
) -> None:
    target = tmp_path / "www"
    publish(site(tmp_path, "v1"), make_store(target), keep=5)
    _edit_by_hand(target / "current", how)
    outcome = publish(site(tmp_path, "v2"), make_store(target), keep=5)
    assert current(target) == f"releases/{outcome.release}"
    verify_release(target / "releases" / outcome.release)


@pytest.mark.parametrize("how", ["edited", "deleted", "added"])
def test_the_same_content_over_a_live_release_changed_by_hand_is_published_again(
    make_store: StoreFactory, tmp_path: Path, how: str
) -> None:
    target = tmp_path / "www"
    first = publish(site(tmp_path, "v1"), make_store(target), keep=5)
    _edit_by_hand(target / "current", how)
    again = publish(site(tmp_path / "again", "v1"), make_store(target), keep=5)
    assert not again.unchanged
    assert again.release.startswith("0002-") and again.previous == first.release
    verify_release(target / "current")


def test_only_the_newest_releases_are_kept(make_store: StoreFactory, tmp_path: Path) -> None:
    target = tmp_path / "www"
    names = [publish(site(tmp_path, f"v{i}"), make_store(target), keep=2).release for i in range(1, 5)]
    assert [n[:4] for n in names] == ["0001", "0002", "0003", "0004"]
    assert sorted(p.name for p in (target / "releases").iterdir()) == names[-2:]
    assert current(target) == f"releases/{names[-1]}"


def test_rollback_steps_back_and_a_new_publish_continues_the_sequence(
    make_store: StoreFactory, tmp_path: Path
) -> None:
    target = tmp_path / "www"
    names = [publish(site(tmp_path, f"v{i}"), make_store(target), keep=3).release for i in range(1, 4)]
    assert rollback(make_store(target)).release == names[1]
    assert rollback(make_store(target)).release == names[0]
    assert current(target) == f"releases/{names[0]}"
    with pytest.raises(PublishError, match=r"earliest|oldest"):
        rollback(make_store(target))
    fourth = publish(site(tmp_path, "v4"), make_store(target), keep=3)
    assert fourth.release.startswith("0004-")
    assert current(target) == f"releases/{fourth.release}"
    assert sorted(p.name for p in (target / "releases").iterdir()) == [*names[1:], fourth.release]


@pytest.mark.parametrize("by_hand", ["deleted", "elsewhere"])
def test_rollback_without_a_live_release_changes_nothing_and_says_how_to_restore_the_newest(
    make_store: StoreFactory, tmp_path: Path, by_hand: str
) -> None:
    target = tmp_path / "www"
    names = [publish(site(tmp_path, f"v{i}"), make_store(target), keep=3).release for i in range(1, 3)]
    (target / "current").unlink()
    if by_hand == "elsewhere":
        (target / "current").symlink_to(tmp_path / "v1")
    before = tree_hash(target)
    with pytest.raises(PublishError) as refused:
        rollback(make_store(target))
    assert tree_hash(target) == before
    english, chinese = refused.value.en, refused.value.zh
    assert ("is missing" in english) if by_hand == "deleted" else (f"points to {tmp_path / 'v1'}" in english)
    assert ("链接不存在" in chinese) if by_hand == "deleted" else ("不是本程序发布的版本" in chinese)
    assert all(name in english and name in chinese for name in names)
    assert "nothing has been published" not in english and "还没有发布过" not in chinese
    (restore,) = [line.strip() for line in english.splitlines() if line.strip().startswith("ln ")]
    subprocess.run(restore, shell=True, check=True)
    assert current(target) == f"releases/{names[-1]}"
    assert rollback(make_store(target)).release == names[0]


def test_a_current_link_pointed_by_hand_elsewhere_is_reported_when_publishing_replaces_it(
    make_store: StoreFactory, tmp_path: Path
) -> None:
    target, other = tmp_path / "www", tmp_path / "other-www"
    first = publish(site(tmp_path, "v1"), make_store(target), keep=5).release
    publish(site(tmp_path / "again", "v1"), make_store(other), keep=5)
    lookalike = other / "releases" / first
    (target / "current").unlink()
    (target / "current").symlink_to(lookalike)
    outcome = publish(site(tmp_path, "v2"), make_store(target), keep=5)
    assert outcome.replaced == str(lookalike), "a release of another target with our name is not ours"
    assert outcome.previous is None
    assert current(target) == f"releases/{outcome.release}"
    verify_release(lookalike)
    (target / "current").unlink()
    (target / "current").symlink_to(target / "releases" / first)
    back = publish(site(tmp_path, "v3"), make_store(target), keep=5)
    assert (back.replaced, back.previous) == (None, first), "our own release by absolute path is ours"


def test_cli_warns_of_a_foreign_current_and_refuses_to_roll_back_without_one(
    content: Callable[..., Path], tmp_path: Path
) -> None:
    tree, target, foreign = content(), tmp_path / "www", tmp_path / "hand-made"
    assert run_cli("publish", "--content", tree, "--to", target).returncode == 0
    foreign.mkdir()
    (target / "current").unlink()
    (target / "current").symlink_to(foreign)
    chinese = run_cli("publish", "--content", tree, "--to", target)
    assert chinese.returncode == 0, chinese.stderr
    assert f"警告：{target}/current 原先指向 {foreign}" in chinese.stderr
    (target / "current").unlink()
    (target / "current").symlink_to(foreign)
    english = run_cli("--lang", "en", "publish", "--content", tree, "--to", target)
    assert f"warning: {target}/current pointed to {foreign}, which is not one of our releases" in english.stderr
    (target / "current").unlink()
    refused = run_cli("publish", "--to", target, "--rollback")
    assert refused.returncode == 2
    assert "current 链接不存在" in refused.stderr and "0003-" in refused.stderr
    assert "Traceback" not in chinese.stderr + english.stderr + refused.stderr


def test_never_touches_a_directory_it_did_not_create(make_store: StoreFactory, tmp_path: Path) -> None:
    target = tmp_path / "www"
    target.mkdir()
    (target / "index.html").write_text("the old hand-made site", encoding="utf-8")
    before = tree_hash(target)
    with pytest.raises(PublishError, match="not created by this program"):
        publish(site(tmp_path, "v1"), make_store(target), keep=5)
    assert tree_hash(target) == before


def test_leftovers_of_an_interrupted_publish_are_cleaned_but_foreign_files_kept(
    make_store: StoreFactory, tmp_path: Path
) -> None:
    target = tmp_path / "www"
    publish(site(tmp_path, "v1"), make_store(target), keep=1)
    half = target / "releases" / ".incoming-0002-0123456789ab"
    (half / "branches").mkdir(parents=True)
    foreign = target / "releases" / "notes-from-the-admin"
    foreign.mkdir()
    (foreign / "readme.txt").write_text("keep me", encoding="utf-8")
    publish(site(tmp_path, "v2"), make_store(target), keep=1)
    assert not half.exists()
    assert (foreign / "readme.txt").read_text(encoding="utf-8") == "keep me"
    assert len([p for p in (target / "releases").iterdir() if p.name[0].isdigit()]) == 1


def test_a_real_directory_named_current_is_not_replaced(make_store: StoreFactory, tmp_path: Path) -> None:
    target = tmp_path / "www"
    publish(site(tmp_path, "v1"), make_store(target), keep=5)
    (target / "current").unlink()
    (target / "current").mkdir()
    with pytest.raises(PublishError, match="real directory"):
        publish(site(tmp_path, "v2"), make_store(target), keep=5)


def test_a_second_publish_at_the_same_time_is_refused(make_store: StoreFactory, tmp_path: Path) -> None:
    target = tmp_path / "www"
    publish(site(tmp_path, "v1"), make_store(target), keep=5)
    fd = os.open(target, os.O_RDONLY | os.O_DIRECTORY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        with pytest.raises(PublishError):
            publish(site(tmp_path, "v2"), make_store(target), keep=5)
    finally:
        os.close(fd)
    assert publish(site(tmp_path, "v2"), make_store(target), keep=5).release.startswith("0002-")


def test_targets_are_recognised_by_their_form(tmp_path: Path) -> None:
    remote = store_for("web@intranet.example:/srv/dangjian")
    assert isinstance(remote, RsyncStore)
    assert (remote.host, remote.path) == ("web@intranet.example", "/srv/dangjian")
    assert isinstance(store_for(str(tmp_path / "a:b")), LocalStore)
    assert isinstance(store_for("www"), LocalStore)
    with pytest.raises(PublishError, match="absolute"):
        store_for("web@intranet:srv/dangjian")


def test_cli_publishes_and_rolls_back(content: Callable[..., Path], tmp_path: Path) -> None:
    tree = content()
    target = tmp_path / "www"
    first = run_cli("publish", "--content", tree, "--to", target)
    assert first.returncode == 0, first.stdout + first.stderr
    assert "已发布版本 0001-" in first.stdout
    (tree / "units" / "fgw.yaml").write_text("name: 四川省发展和改革委员会\nshort: 发改委\n", encoding="utf-8")
    assert run_cli("publish", "--content", tree, "--to", target).returncode == 0
    assert current(target).startswith("releases/0002-")
    back = run_cli("publish", "--to", target, "--rollback")
    assert back.returncode == 0
    assert current(target).startswith("releases/0001-")
    again = run_cli("--lang", "en", "publish", "--to", target, "--rollback")
    assert again.returncode == 2
    assert "no earlier release" in again.stderr
    assert "Traceback" not in again.stderr


def test_content_errors_publish_nothing(content: Callable[..., Path], tmp_path: Path) -> None:
    tree = content()
    target = tmp_path / "www"
    assert run_cli("publish", "--content", tree, "--to", target).returncode == 0
    before = tree_hash(target)
    (tree / "units" / "fgw.yaml").write_text("name: 发改委\nshort: [\n", encoding="utf-8")
    result = run_cli("publish", "--content", tree, "--to", target)
    assert result.returncode == 1
    assert "content/units/fgw.yaml" in result.stdout
    assert "没有发布" in result.stderr
    assert tree_hash(target) == before


def test_nginx_config_for_a_target(tmp_path: Path) -> None:
    result = run_cli("publish", "--to", "web@intranet:/srv/dangjian", "--nginx-config", "--listen", "8080")
    assert result.returncode == 0, result.stderr
    assert 'root "/srv/dangjian/current";' in result.stdout
    assert "listen 8080;" in result.stdout
    bad = run_cli("publish", "--to", str(tmp_path / "x;evil"), "--nginx-config")
    assert bad.returncode == 2
    assert "绝对路径" in bad.stderr
