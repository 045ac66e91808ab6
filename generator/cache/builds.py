"""No-op rebuilds: when nothing that goes into a build changed, the previous output stands.

The build key hashes every content file (bytes and path), the templates, the
generator's fingerprint, the installed fonts and the build's settings. After a
successful build its key, its diagnostics and a listing of the output
(relative path, size, modification time) are sealed into the cache. The next
build with the same key, into the same ``--out`` that still matches the
listing, reports the recorded diagnostics and leaves the output as it is.
Anything else (a changed byte, a touched output file, another ``--out``)
builds normally.

Hashing 170 MB of province content would take most of a no-op build's time,
so the record also keeps each content file's inode, size, modification and
status-change times and hash; a file whose stamps did not move keeps its
recorded hash (the status-change time cannot be set back, so an edit always
shows), and only the files that did are read.
The hash is taken at the start of a build, so an edit made while a build runs
is never recorded as built.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

from generator.cache.codec import Uncacheable, encode, loads
from generator.cache.render import templates_digest
from generator.cache.store import Store, digest, fingerprint
from generator.diagnostics import Diagnostic, Kind, Location, Severity

KEPT = 8
FONT_DIRS = (Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), Path.home() / ".local/share/fonts",
             Path.home() / ".fonts")


def content_files(content: Path) -> list[tuple[str, str]]:
    """Every file the loader could read (not ``.``/``_`` names): relative name and path, in a stable order."""
    root = str(content.resolve())
    found: list[tuple[str, str]] = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith((".", "_")))
        prefix = folder[len(root) + 1:] + "/" if folder != root else ""
        found.extend((prefix + name, os.path.join(folder, name)) for name in sorted(files)
                     if not name.startswith((".", "_")))
    return found


def content_stats(files: list[tuple[str, str]]) -> list[list[Any]]:
    """Each file's identity and change stamps: inode, size, modification and status-change times.

    ``st_ctime`` changes on every write and cannot be set back by ``touch`` or ``rsync -t``, so an
    unchanged row means unchanged bytes; that lets a build skip reading the files whose row stands.
    """
    rows: list[list[Any]] = []
    for name, path in files:
        try:
            stat = os.stat(path)
        except OSError:
            rows.append([name])
            continue
        rows.append([name, stat.st_ino, stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns])
    return rows


def file_digest(path: str) -> str:
    """A file's bytes, or why it could not be read."""
    try:
        with open(path, "rb") as handle:
            return hashlib.blake2b(handle.read(), digest_size=16).hexdigest()
    except OSError as exc:
        return f"unreadable {exc.errno}"


def file_digests(files: list[tuple[str, str]], stats: list[list[Any]], known: dict[str, tuple[list[Any], str]],
                 ) -> list[str]:
    """Each file's :func:`file_digest`, taken from ``known`` (name → stamps row, digest) where its row is unchanged:
    hashing 170 MB of province content would take most of a no-op build's time."""
    digests = []
    for (name, path), row in zip(files, stats, strict=True):
        old = known.get(name)
        digests.append(old[1] if old is not None and len(row) > 1 and old[0] == row else file_digest(path))
    return digests


def content_digest(files: list[tuple[str, str]], digests: list[str]) -> str:
    """The content files' relative paths and bytes."""
    h = hashlib.blake2b(digest_size=16)
    for (name, _), found in zip(files, digests, strict=True):
        h.update(f"{name}\0{found}\0".encode())
    return h.hexdigest()


def fonts_digest() -> str:
    """Installed font files by path, size and time: a font change must rebuild the PDFs."""
    h = hashlib.blake2b(digest_size=16)
    for base in FONT_DIRS:
        for folder, dirs, files in os.walk(base):
            dirs.sort()
            for name in sorted(files):
                try:
                    stat = os.stat(os.path.join(folder, name))
                except OSError:
                    continue
                h.update(f"{folder}/{name} {stat.st_size} {stat.st_mtime_ns}\n".encode())
    return h.hexdigest()


class BuildMemo:
    """The record of the last successful build into one ``--out``."""

    def __init__(self, root: Path, content: Path, out: Path, settings: dict[str, Any]) -> None:
        self.store = Store(root, "builds")
        self.out = out.absolute()
        self.slot = digest("out", str(self.out))
        self.files = content_files(content)
        self.stats = content_stats(self.files)
        self.fixed = digest(fingerprint(), templates_digest(), fonts_digest(),
                            json.dumps(settings, sort_keys=True, default=str))
        self.content = ""
        self.digests: list[str] = []

    def previous(self) -> list[Diagnostic] | None:
        """The diagnostics of the identical previous build, if its output is still exactly in place."""
        entry = self.store.get(self.slot)
        record = _record(entry) if entry is not None else None
        self.digests = file_digests(self.files, self.stats, _known(record))
        self.content = content_digest(self.files, self.digests)
        if record is None:
            return None
        try:
            if [record["fixed"], record["content"]] != [self.fixed, self.content]:
                return None
            if record["listing"] != _listing(self.out):
                return None
            return [_diagnostic(item) for item in record["diagnostics"]]
        except (KeyError, TypeError, ValueError):
            return None

    def remember(self, diagnostics: list[Diagnostic]) -> None:
        """Record the build that just replaced ``--out``."""
        record = {"fixed": self.fixed, "content": self.content, "stats": self.stats, "digests": self.digests,
                  "listing": _listing(self.out), "diagnostics": [_plain(d) for d in diagnostics]}
        try:
            payload = json.dumps(encode(record), ensure_ascii=False).encode()
        except Uncacheable:
            payload = b"{}"
        self.store.put(self.slot, payload)
        self._forget_old()

    def _forget_old(self) -> None:
        """Keep the records of the :data:`KEPT` most recent outputs (publishing builds into a new one each time)."""
        slots = sorted((self.store.path(key) for key in self.store.entries()), key=_mtime, reverse=True)
        for path in slots[KEPT:]:
            path.unlink(missing_ok=True)


def _record(entry: bytes) -> dict[str, Any] | None:
    try:
        record = loads(entry)
    except (TypeError, ValueError):
        return None
    return record if isinstance(record, dict) else None


def _known(record: dict[str, Any] | None) -> dict[str, tuple[list[Any], str]]:
    """Name → (stamps row, digest) of the files a record lists; empty for a record of another shape."""
    if record is None:
        return {}
    stats, digests = record.get("stats"), record.get("digests")
    if not (isinstance(stats, list) and isinstance(digests, list) and len(stats) == len(digests)):
        return {}
    return {row[0]: (row, found) for row, found in zip(stats, digests, strict=True)
            if isinstance(row, list) and row and isinstance(found, str)}


def _mtime(path: Path) -> int:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return 0


def _listing(out: Path) -> list[list[Any]]:
    """Every output file's relative path, size and modification time."""
    root = str(out)
    rows: list[list[Any]] = []
    for folder, dirs, files in os.walk(root):
        dirs.sort()
        prefix = folder[len(root) + 1:] + "/" if folder != root else ""
        for name in sorted(files):
            stat = os.stat(os.path.join(folder, name))
            rows.append([prefix + name, stat.st_size, stat.st_mtime_ns])
    return rows


def _plain(d: Diagnostic) -> dict[str, Any]:
    loc = d.location
    return {"code": d.code, "kind": d.kind.value, "severity": d.severity.value,
            "location": [loc.file, loc.line, loc.col, loc.field], "params": _plain_value(d.params),
            "records": list(d.records), "branch": d.branch, "unit": d.unit}


def _plain_value(value: Any) -> Any:
    """Enum members (``StrEnum``, ``IntEnum``) as the plain values they print as; containers recursively."""
    if isinstance(value, dict):
        return {_plain_value(k): _plain_value(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(_plain_value(v) for v in value)
    if isinstance(value, str) and type(value) is not str:
        return str(value)
    if isinstance(value, int) and not isinstance(value, bool) and type(value) is not int:
        return int(value)
    return value


def _diagnostic(item: dict[str, Any]) -> Diagnostic:
    file, line, col, field = item["location"]
    return Diagnostic(item["code"], Kind(item["kind"]), Severity(item["severity"]), Location(file, line, col, field),
                      item["params"], tuple(item["records"]), item["branch"], item["unit"])


__all__ = ["BuildMemo", "content_digest", "content_files", "content_stats", "fonts_digest"]
