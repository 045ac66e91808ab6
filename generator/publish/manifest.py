"""The ``SHA256SUMS`` manifest of a release and the release's deterministic name.

The manifest uses ``sha256sum``'s format, so an operator can verify a release
on the server with ``cd current && sha256sum -c SHA256SUMS``. A release is
named ``<sequence>-<first 12 hex digits of the manifest's hash>``: no clock is
involved, and the same content gives the same hash on every machine.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from generator.output import MARKER

MANIFEST = "SHA256SUMS"
RELEASE_NAME = re.compile(r"^(\d{4,})-([0-9a-f]{12})$")
_CHUNK = 1 << 20


@dataclass(frozen=True)
class Manifest:
    """Content-relative POSIX path → SHA-256 hex digest of every file in a release."""

    files: dict[str, str]

    @property
    def text(self) -> str:
        return "".join(f"{digest}  {path}\n" for path, digest in sorted(self.files.items()))

    @property
    def digest(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    def release_name(self, sequence: int) -> str:
        return f"{sequence:04d}-{self.digest[:12]}"


def file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while chunk := stream.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def scan(site: Path) -> Manifest:
    """Manifest of a built site; the build's own marker and an old manifest are not content."""
    files: dict[str, str] = {}
    for path in site.rglob("*"):
        rel = path.relative_to(site).as_posix()
        if rel in (MARKER, MANIFEST) or not path.is_file() or path.is_symlink():
            continue
        files[rel] = file_digest(path)
    return Manifest(files)


def parse(text: str) -> Manifest:
    """A manifest read back from a release; lines that are not ``digest  path`` are ignored."""
    files: dict[str, str] = {}
    for line in text.splitlines():
        digest, sep, path = line.partition("  ")
        if sep and re.fullmatch(r"[0-9a-f]{64}", digest):
            files[path] = digest
    return Manifest(files)


def sequence_of(name: str) -> int | None:
    match = RELEASE_NAME.match(name)
    return int(match.group(1)) if match else None
