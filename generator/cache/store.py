"""A directory of sealed cache entries: nothing is trusted that was not written by this generator.

Every entry starts with a header naming the format, the generator's
fingerprint (version plus a hash of its source files) and a keyed BLAKE2
checksum of the payload; the key is a random secret created with the cache.
An entry that is truncated, edited, written by another generator version or
copied from another cache fails the check and is treated as absent (and
removed). Payloads are JSON or rendered bytes, so even a forged entry cannot
run code; the one exception, branches' results (:mod:`.branches`), are pickles
read by an unpickler that admits only the result types.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

import generator

_MAGIC = b"DJCACHE1"
_SECRET = "secret"


@cache
def fingerprint() -> str:
    """The generator's identity: its version and a hash of every source file and template it ships."""
    package = Path(generator.__file__).resolve().parent
    digest = hashlib.blake2b(generator.__version__.encode(), digest_size=16)
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def digest(*parts: bytes | str) -> str:
    """A 32-hex-digit key for the given parts (length-prefixed, so parts never run together)."""
    h = hashlib.blake2b(digest_size=16)
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


class Store:
    """Sealed entries under ``root/<area>/``, one file each, named by their key."""

    def __init__(self, root: Path, area: str) -> None:
        self.root = root
        self.folder = root / area
        self._secret = _secret(root)
        self._header = _MAGIC + b" " + fingerprint().encode() + b" "

    def path(self, key: str) -> Path:
        return self.folder / key[:2] / key

    def get(self, key: str) -> bytes | None:
        path = self.path(key)
        try:
            blob = path.read_bytes()
        except OSError:
            return None
        payload = self._unseal(blob)
        if payload is None:
            path.unlink(missing_ok=True)
        return payload

    def get_dict(self, key: str) -> dict[str, Any]:
        """The JSON object stored under ``key``; empty if there is none or it is not a JSON object."""
        payload = self.get(key)
        try:
            found = json.loads(payload) if payload else {}
        except ValueError:
            return {}
        return found if isinstance(found, dict) else {}

    def put(self, key: str, payload: bytes) -> None:
        path = self.path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        temp = path.with_name(f".{key}.{os.getpid()}.tmp")
        temp.write_bytes(self._header + self._check(payload).encode() + b"\n" + payload)
        os.replace(temp, path)

    def entries(self) -> Iterable[str]:
        if not self.folder.is_dir():
            return
        for shard in os.scandir(self.folder):
            if shard.is_dir():
                for entry in os.scandir(shard.path):
                    yield entry.name

    def prune(self, used: set[str]) -> int:
        """Remove entries not in ``used`` once they outnumber the live ones; returns how many went."""
        stale = [key for key in self.entries() if key not in used]
        if len(stale) <= max(len(used), 256):
            return 0
        for key in stale:
            self.path(key).unlink(missing_ok=True)
        return len(stale)

    def _check(self, payload: bytes) -> str:
        return hashlib.blake2b(payload, digest_size=16, key=self._secret).hexdigest()

    def _unseal(self, blob: bytes) -> bytes | None:
        if not blob.startswith(self._header):
            return None
        end = blob.find(b"\n", len(self._header))
        if end < 0:
            return None
        payload = blob[end + 1:]
        return payload if blob[len(self._header):end].decode("ascii", "replace") == self._check(payload) else None


def _secret(root: Path) -> bytes:
    """The cache's random checksum key, created with it; an unreadable or odd one starts a new cache."""
    path = root / _SECRET
    try:
        key = path.read_bytes()
        if len(key) == 32:
            return key
    except OSError:
        pass
    root.mkdir(parents=True, exist_ok=True)
    key = secrets.token_bytes(32)
    temp = root / f".{_SECRET}.{os.getpid()}.tmp"
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(key)
    os.replace(temp, path)
    _discard_entries(root)
    return key


def _discard_entries(root: Path) -> None:
    """Entries sealed with a previous secret can never verify again; remove them."""
    for area in root.iterdir():
        if area.is_dir():
            for shard in area.iterdir():
                if shard.is_dir() and len(shard.name) == 2:
                    for entry in shard.iterdir():
                        entry.unlink(missing_ok=True)
