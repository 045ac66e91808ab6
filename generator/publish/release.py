"""Publish and roll back: the rules every store follows.

Order of a publish: lock, check the target is ours, upload the new release
under a temporary name and rename it, switch ``current``, then prune the
oldest releases beyond ``keep``. A failure (or SIGKILL) before the switch
leaves ``current`` on the old, complete release; pruning never removes the
release ``current`` points to, nor anything whose name is not ours.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.publish.errors import PublishError
from generator.publish.manifest import MANIFEST, scan, sequence_of
from generator.publish.store import Store


@dataclass(frozen=True)
class Outcome:
    release: str
    previous: str | None
    unchanged: bool = False
    removed: tuple[str, ...] = field(default_factory=tuple)
    files: int = 0


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
        current = store.current()
        if current is not None and store.manifest_text(current) == manifest.text and store.intact(current):
            return Outcome(current, current, unchanged=True, files=len(manifest.files))
        last = sequence_of(releases[-1]) if releases else 0
        name = manifest.release_name((last or 0) + 1)
        store.upload(site, name, base=current if current in releases else None)
        store.switch(name)
        removed = _prune(store, [*releases, name], keep, protect={name})
    return Outcome(name, current, removed=removed, files=len(manifest.files))


def rollback(store: Store) -> Outcome:
    """Point ``current`` at the release published before the current one."""
    with store.lock():
        store.prepare()
        releases = ordered(store.releases())
        current = store.current()
        if current is None or current not in releases:
            raise PublishError(f"{store.describe()} 还没有发布过，无法回滚。",
                               f"nothing has been published to {store.describe()}; nothing to roll back.")
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
