"""What a publish target must offer, whatever carries the bytes (local copy or rsync).

The release logic in :mod:`generator.publish.release` speaks only this
interface, so the rules (sequence numbers, pruning, never touching what we did
not create) are written once and hold for every kind of target.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from pathlib import Path
from typing import Protocol

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
        """The release ``current`` points to, if any."""

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
