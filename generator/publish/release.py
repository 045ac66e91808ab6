"""Publish and roll back: the rules every store follows.

Order of a publish: lock, check the target is ours, upload the new release
under a temporary name and rename it, switch ``current``, then prune the
oldest releases beyond ``keep``. A failure (or SIGKILL) before the switch
leaves ``current`` on the old, complete release; pruning never removes the
release ``current`` points to, nor anything whose name is not ours.
"""

from __future__ import annotations

import shlex
from dataclasses import dataclass, field
from pathlib import Path

from generator.publish.errors import PublishError
from generator.publish.manifest import MANIFEST, scan, sequence_of
from generator.publish.store import Store, linked_release


@dataclass(frozen=True)
class Outcome:
    release: str
    previous: str | None
    unchanged: bool = False
    removed: tuple[str, ...] = field(default_factory=tuple)
    files: int = 0
    replaced: str | None = None
    """Where ``current`` pointed before, when that was not one of our releases: the staff must hear of it."""


def ordered(names: list[str]) -> list[str]:
    """Our releases, oldest first, by sequence number."""
    ours = [(sequence_of(name), name) for name in names]
    return [name for seq, name in sorted((s, n) for s, n in ours if s is not None)]


def publish(site: Path, store: Store, keep: int) -> Outcome:
    """Make ``site`` the current release of ``store``; keep the newest ``keep`` releases."""
    manifest = scan(site)
    (site / MANIFEST).write_text(manifest.text, encoding="utf-8")
    with store.lock():
        store.prepare()
        releases = ordered(store.releases())
        current, foreign = _live(store, releases)
        if current is not None and store.manifest_text(current) == manifest.text and store.intact(current):
            return Outcome(current, current, unchanged=True, files=len(manifest.files))
        last = sequence_of(releases[-1]) if releases else 0
        name = manifest.release_name((last or 0) + 1)
        store.upload(site, name, base=current)
        store.switch(name)
        removed = _prune(store, [*releases, name], keep, protect={name})
    return Outcome(name, current, removed=removed, files=len(manifest.files), replaced=foreign)


def rollback(store: Store) -> Outcome:
    """Point ``current`` at the release published before the current one."""
    with store.lock():
        store.prepare()
        releases = ordered(store.releases())
        current, foreign = _live(store, releases)
        if not releases:
            raise PublishError(f"{store.describe()} 还没有发布过，无法回滚。",
                               f"nothing has been published to {store.describe()}; nothing to roll back.")
        if current is None:
            raise _no_live_release(store, releases, foreign)
        index = releases.index(current)
        if index == 0:
            raise PublishError(
                f"当前版本 {current} 已是保留的最早版本，没有更早的版本可以回滚。",
                f"release {current} is the oldest one kept; there is no earlier release to roll back to.",
            )
        target = releases[index - 1]
        if store.manifest_text(target) is None:
            raise PublishError(f"版本 {target} 不完整（缺少 {MANIFEST}），不能回滚到它。",
                               f"release {target} is incomplete (no {MANIFEST}); refusing to roll back to it.")
        store.switch(target)
    return Outcome(target, current)


def _live(store: Store, releases: list[str]) -> tuple[str | None, str | None]:
    """``(release, None)`` when ``current`` serves one of our releases; otherwise ``(None, link)`` with where the
    link points (a folder someone chose by hand, a release deleted since), or ``(None, None)`` with no link."""
    link = store.link()
    current = linked_release(link, store.server_path())
    return (current, None) if current in releases else (None, link)


def _no_live_release(store: Store, releases: list[str], link: str | None) -> PublishError:
    """Rollback refuses when ``current`` is missing or not ours: "the release before the live one" means nothing
    then, and relinking the newest could put back the very release someone took down by deleting the link.
    Nothing is changed; the message lists the releases and the one command that restores the newest."""
    where, newest = store.describe(), releases[-1]
    restore = store.on_target(f"ln -sfn releases/{newest} {shlex.quote(store.server_path().rstrip('/') + '/current')}")
    again = f"python -m generator publish --to {shlex.quote(where)} --rollback"
    zh_state = (f"{where}/current 链接不存在（可能被手工删除），网站目前没有在用的版本" if link is None
                else f"{where}/current 指向 {link}，不是本程序发布的版本")
    en_state = (f"{where}/current is missing (deleted by hand?), so the site serves no release" if link is None
                else f"{where}/current points to {link}, which is not one of our releases")
    return PublishError(
        f"{zh_state}；为安全起见没有回滚，什么也没改。现有版本：{'、'.join(releases)}。\n"
        f"要恢复最新版本 {newest}，请运行：\n  {restore}\n之后如需退回更早的版本，再运行：\n  {again}",
        f"{en_state}; to be safe nothing was rolled back or changed. Releases present: {', '.join(releases)}.\n"
        f"To restore the newest, {newest}, run:\n  {restore}\nthen, to go back further, run:\n  {again}",
    )


def _prune(store: Store, releases: list[str], keep: int, protect: set[str]) -> tuple[str, ...]:
    current = store.current()
    if current:
        protect = {*protect, current}
    surplus = len(releases) - max(keep, 1)
    removed: list[str] = []
    for name in releases:
        if len(removed) >= surplus:
            break
        if name not in protect:
            store.remove(name)
            removed.append(name)
    return tuple(removed)
