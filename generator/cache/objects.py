"""Content-addressed files shared by the render and search caches: named by a hash of their bytes.

An output is kept as an object and reused by hard-linking it into the next
build's staging directory (copied where a link is impossible, e.g. across
file systems). An object is trusted only while its bytes still hash to its name.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path


def object_name(data: bytes) -> str:
    """The content address of a file's bytes."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def holds(path: Path, name: str) -> bool:
    """Whether the object ``path`` exists and its bytes still hash to its name."""
    try:
        return object_name(path.read_bytes()) == name
    except OSError:
        return False


def link_or_copy(source: Path, target: Path) -> None:
    target.unlink(missing_ok=True)
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)
