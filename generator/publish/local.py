"""A target directory on this machine (or a mounted share): plain file operations.

Layout under the target::

    .generator-publish          marker: this directory is managed by us
    releases/0007-3f2a9c1b04de/ one complete site with its SHA256SUMS
    current -> releases/0007-3f2a9c1b04de

A release is copied to ``releases/.incoming-<name>`` and renamed when
complete; files unchanged since the current release are hard-linked, so keeping
several releases costs little disk. ``current`` is replaced by renaming a new
symlink over it, which is atomic on POSIX file systems.
"""

from __future__ import annotations

import fcntl
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from generator.output import MARKER, fsync_dir
from generator.publish.errors import PublishError
from generator.publish.manifest import MANIFEST, RELEASE_NAME, file_digest, parse
from generator.publish.store import INCOMING, MARKER_TEXT, TARGET_MARKER, linked_release

_DIR_MODE = 0o755
_FILE_MODE = 0o644


class LocalStore:
    def __init__(self, root: Path) -> None:
        self.root = root.absolute()
        self.releases_dir = self.root / "releases"

    def describe(self) -> str:
        return str(self.root)

    def server_path(self) -> str:
        return str(self.root)

    @contextmanager
    def lock(self) -> Iterator[None]:
        if self.root.exists() and not self.root.is_dir():
            raise PublishError(f"{self.root} 不是目录。", f"{self.root} is not a directory.")
        self.root.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.root, os.O_RDONLY | os.O_DIRECTORY)
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise PublishError(f"另一个发布正在向 {self.root} 进行，请等它结束后再试。",
                                   f"another publish to {self.root} is running; try again when it ends.") from None
            yield
        finally:
            os.close(fd)

    def prepare(self) -> None:
        if not self.root.is_dir():
            raise PublishError(f"{self.root} 不是目录。", f"{self.root} is not a directory.")
        marker = self.root / TARGET_MARKER
        if not marker.exists():
            if any(self.root.iterdir()):
                raise PublishError(
                    f"拒绝发布到 {self.root}：目录不是空的，也不是本程序创建的（缺少 {TARGET_MARKER}）。"
                    "请指定一个新的或空的目录作为发布目录。",
                    f"refusing to publish to {self.root}: it is not empty and was not created by this program "
                    f"(no {TARGET_MARKER}). Choose a new or empty directory.",
                )
            marker.write_text(MARKER_TEXT, encoding="utf-8")
        current = self.root / "current"
        if current.exists() and not current.is_symlink():
            raise PublishError(f"{current} 是普通目录而不是符号链接，本程序不会替换它。",
                               f"{current} is a real directory, not a symlink; it will not be replaced.")
        self.releases_dir.mkdir(exist_ok=True)
        self._remove_incoming()

    def releases(self) -> list[str]:
        if not self.releases_dir.is_dir():
            return []
        return [p.name for p in self.releases_dir.iterdir() if RELEASE_NAME.match(p.name) and p.is_dir()]

    def current(self) -> str | None:
        return linked_release(self.link(), str(self.root))

    def link(self) -> str | None:
        link = self.root / "current"
        return os.readlink(link) if link.is_symlink() else None

    def on_target(self, script: str) -> str:
        return script

    def manifest_text(self, release: str) -> str | None:
        path = self.releases_dir / release / MANIFEST
        return path.read_text(encoding="utf-8") if path.is_file() else None

    def upload(self, site: Path, release: str, base: str | None) -> None:
        incoming = self.releases_dir / f"{INCOMING}{release}"
        shared = self._shared_files(site, base)
        for source in sorted(site.rglob("*")):
            rel = source.relative_to(site)
            if rel.as_posix() == MARKER:
                continue
            target = incoming / rel
            if source.is_dir():
                target.mkdir(parents=True, exist_ok=True)
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            if rel.as_posix() in shared:
                os.link(shared[rel.as_posix()], target)
            else:
                shutil.copyfile(source, target)
                target.chmod(_FILE_MODE)
        for folder in [incoming, *(p for p in incoming.rglob("*") if p.is_dir())]:
            folder.chmod(_DIR_MODE)
        os.sync()
        os.rename(incoming, self.releases_dir / release)
        fsync_dir(self.releases_dir)

    def switch(self, release: str) -> None:
        temporary = self.root / f".current.{os.getpid()}"
        temporary.unlink(missing_ok=True)
        os.symlink(f"releases/{release}", temporary)
        os.replace(temporary, self.root / "current")
        fsync_dir(self.root)

    def remove(self, release: str) -> None:
        if RELEASE_NAME.match(release):
            shutil.rmtree(self.releases_dir / release)

    def _shared_files(self, site: Path, base: str | None) -> dict[str, Path]:
        """Files of ``site`` identical to those of release ``base``: rel path → file to link."""
        text = self.manifest_text(base) if base else None
        if text is None or base is None:
            return {}
        old = parse(text).files
        new = parse((site / MANIFEST).read_text(encoding="utf-8")).files
        folder = self.releases_dir / base
        return {rel: folder / rel for rel, digest in new.items()
                if old.get(rel) == digest and _holds(folder / rel, digest)}

    def intact(self, release: str) -> bool:
        text = self.manifest_text(release)
        if text is None:
            return False
        folder = self.releases_dir / release
        files = parse(text).files
        present = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file() or p.is_symlink()}
        return present == {*files, MANIFEST} and all(_holds(folder / rel, digest) for rel, digest in files.items())

    def _remove_incoming(self) -> None:
        """Leftovers of an interrupted publish, recognised by our names: half-copied releases, temporary links."""
        for leftover in self.releases_dir.glob(f"{INCOMING}*"):
            if RELEASE_NAME.match(leftover.name.removeprefix(INCOMING)):
                shutil.rmtree(leftover, ignore_errors=True)
        for link in self.root.glob(".current.*"):
            if link.is_symlink() and link.name.removeprefix(".current.").isdigit():
                link.unlink()


def _holds(path: Path, digest: str) -> bool:
    """Whether ``path`` still has the bytes its release's manifest lists: a file edited or deleted by hand on
    the server is never linked into a new release nor taken for an unchanged one."""
    return path.is_file() and not path.is_symlink() and file_digest(path) == digest
