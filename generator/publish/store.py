"""What a publish target must offer, whatever carries the bytes (local copy or rsync).

The release logic in :mod:`generator.publish.release` speaks only this
interface, so the rules (sequence numbers, pruning, never touching what we did
not create) are written once and hold for every kind of target.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from pathlib import Path
from typing import Protocol

from generator.publish.manifest import RELEASE_NAME

#: Written at the top of a target on its first publish; a non-empty directory without it is never touched.
TARGET_MARKER = ".generator-publish"
MARKER_TEXT = "releases published by python -m generator; see releases/ and the current symlink\n"
INCOMING = ".incoming-"


class Store(Protocol):
    def describe(self) -> str:
        """The target as the user wrote it, for messages."""

    def server_path(self) -> str:
        """The target directory as the web server sees it (the parent of ``current``)."""

    def lock(self) -> AbstractContextManager[None]:
        """Exclusive access for one publish or rollback; raises PublishError if another one runs."""

    def prepare(self) -> None:
        """Create the layout on first use; raise PublishError for a directory we did not create."""

    def releases(self) -> list[str]:
        """Names of the releases present (only names of our pattern)."""

    def current(self) -> str | None:
        """The release ``current`` points to, if any (see :func:`linked_release`)."""

    def link(self) -> str | None:
        """Where ``current`` points, exactly as the symlink says; None if there is no symlink."""

    def on_target(self, script: str) -> str:
        """``script`` as the user would type it to run it where the target lives (through ssh if remote)."""

    def manifest_text(self, release: str) -> str | None:
        """The SHA256SUMS of a release, or None if it has none."""

    def intact(self, release: str) -> bool:
        """Whether every file of the release's SHA256SUMS is there with those bytes (none edited by hand)."""

    def upload(self, site: Path, release: str, base: str | None) -> None:
        """Copy ``site`` (which already holds its SHA256SUMS) into ``releases/<release>`` atomically.

        ``base`` is the release to share unchanged files with (hard links), if any.
        """

    def switch(self, release: str) -> None:
        """Point ``current`` at ``releases/<release>`` in one atomic rename."""

    def remove(self, release: str) -> None:
        """Delete one of our releases."""


def linked_release(link: str | None, root: str) -> str | None:
    """The release a ``current`` link names if it is one of ours: ``releases/<name>`` as ``switch`` writes it, or
    the same folder by absolute path (an administrator's hand-made rollback). A link to any other folder, even
    one with a release-like name, is not ours."""
    if link is None:
        return None
    target = link.rstrip("/")
    for prefix in ("releases/", f"{root.rstrip('/')}/releases/"):
        name = target[len(prefix):]
        if target.startswith(prefix) and RELEASE_NAME.match(name):
            return name
    return None
