"""Rendered pages and PDFs, keyed by their plain input data, and reuse of unchanged output files.

A render stage describes an output by the plain data it is made from (page
values, template names, shared data); :meth:`RenderCache.key` hashes that data
canonically together with a hash of every template and the generator's
fingerprint. Rendered bytes are kept as content-addressed objects; an
unchanged output is hard-linked from its object into the new staging
directory instead of being rendered and written again (copied where a link is
impossible). Data the canonical hash does not understand (a function, an
object without a plain form) makes that output uncacheable: it is rendered
every time, never reused on a guess.

An object is reused only if its size and modification time are those recorded
when it was stored, so an output file edited in place (which would change the
shared object) is noticed and rendered afresh. Which key names which object
is one sealed manifest, read once at the start of a build and written once at
the end (:meth:`RenderCache.finish`): 14,000 pages cost two file operations,
not 28,000.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import os
import shutil
from collections.abc import Mapping
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Any

from markupsafe import Markup
from pydantic import BaseModel

from generator.cache.store import Store, digest, fingerprint

MANIFEST = "manifest"
TEMPLATES = Path(__file__).resolve().parent.parent.parent / "templates"


class Unkeyable(TypeError):
    """The data holds a value with no canonical plain form."""


def templates_digest(templates: Path = TEMPLATES) -> str:
    """A hash of every file under ``templates/`` (names and bytes): any template edit changes every key."""
    h = hashlib.blake2b(digest_size=16)
    for path in sorted(p for p in templates.rglob("*") if p.is_file()):
        h.update(path.relative_to(templates).as_posix().encode() + b"\0")
        h.update(path.read_bytes())
    return h.hexdigest()


def canonical(value: Any, out: list[str]) -> None:
    """Append a canonical text form of ``value`` to ``out``; equal data gives equal text."""
    kind = type(value)
    if kind is str:
        out.append(f"s{len(value)}:{value}")
    elif value is None or kind is bool or kind is int or kind is float:
        out.append(f"{kind.__name__[0]}{value!r};")
    elif kind is Markup:
        out.append(f"M{len(value)}:{value}")
    elif kind is Decimal or kind is dt.date or kind is dt.datetime:
        out.append(f"{kind.__name__}:{value.isoformat() if kind is not Decimal else value};")
    elif kind is list or kind is tuple:
        out.append(f"{kind.__name__}[")
        for item in value:
            canonical(item, out)
        out.append("]")
    elif isinstance(value, Mapping):
        out.append("{")
        for key in sorted(value, key=repr):
            canonical(key, out)
            canonical(value[key], out)
        out.append("}")
    elif kind is set or kind is frozenset:
        out.append("set(" + "".join(sorted(_text(item) for item in value)) + ")")
    else:
        _structured(value, out)


def _structured(value: Any, out: list[str]) -> None:
    if isinstance(value, Enum):
        out.append(f"E{type(value).__qualname__}.{value.name};")
    elif isinstance(value, BaseModel):
        out.append(f"B{type(value).__qualname__}")
        canonical(dict(value), out)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        out.append(f"D{type(value).__qualname__}")
        canonical({f.name: getattr(value, f.name) for f in dataclasses.fields(value)}, out)
    elif isinstance(value, str):
        out.append(f"S{type(value).__qualname__}{len(value)}:{value}")
    else:
        raise Unkeyable(type(value).__qualname__)


def _text(value: Any) -> str:
    parts: list[str] = []
    canonical(value, parts)
    return "".join(parts)


class RenderCache:
    """Outputs keyed by their inputs; see the module docstring."""

    def __init__(self, root: Path, templates: Path = TEMPLATES) -> None:
        self.root = root
        self._manifests = Store(root, "render")
        self.objects = root / "objects"
        self.salt = digest(fingerprint(), templates_digest(templates))
        self.reused = 0
        self.rendered = 0
        self._old = self._load()
        self._new: dict[str, list[Any]] = {}

    def key(self, *parts: Any) -> str | None:
        """The key of an output made from ``parts``; ``None`` if some part has no canonical form."""
        try:
            text = _text(parts)
        except Unkeyable:
            return None
        return digest(self.salt, text)

    def finish(self) -> None:
        """Record this render's outputs; keep older entries only while they are fewer than the live ones
        (a build in another language or into another directory), and delete objects nothing refers to."""
        kept = dict(self._old) if len(self._old) <= 2 * len(self._new) else {}
        kept.update(self._new)
        self._manifests.put(MANIFEST, json.dumps(kept, sort_keys=True).encode("ascii"))
        live = {entry[0] for entry in kept.values()}
        if self.objects.is_dir():
            for path in self.objects.glob("*/*"):
                if path.name not in live:
                    path.unlink(missing_ok=True)

    def lookup(self, key_parts: tuple[Any, ...]) -> bytes | None:
        """The stored bytes for ``key_parts`` if current; for stages that render their misses in a batch."""
        key = self.key(*key_parts)
        found = self._object(key) if key else None
        if found is None:
            return None
        self.reused += 1
        return found.read_bytes()

    def store(self, key_parts: tuple[Any, ...], data: bytes) -> None:
        """Keep ``data`` as the output for ``key_parts`` (ignored when the parts have no canonical form)."""
        key = self.key(*key_parts)
        self.rendered += 1
        if not key:
            return
        name = object_name(data)
        path = self.objects / name[:2] / name
        if not _holds(path, name):
            path.parent.mkdir(parents=True, exist_ok=True)
            temp = path.with_name(f".{name}.{os.getpid()}.tmp")
            temp.write_bytes(data)
            os.replace(temp, path)
        self._index(key, path)

    def reuse(self, key: str | None, path: Path) -> bool:
        """Link the stored output for ``key`` to ``path`` if there is a current one."""
        found = self._object(key) if key else None
        if found is None:
            return False
        self.reused += 1
        path.parent.mkdir(parents=True, exist_ok=True)
        _link_or_copy(found, path)
        return True

    def keep(self, key: str | None, path: Path, name: str) -> None:
        """Adopt the freshly written ``path`` (whose bytes hash to ``name``, see :func:`object_name`) as the
        output for ``key``: it is linked into the object store, not copied."""
        self.rendered += 1
        if not key:
            return
        target = self.objects / name[:2] / name
        if not _holds(target, name):
            target.parent.mkdir(parents=True, exist_ok=True)
            temp = target.with_name(f".{name}.{os.getpid()}.tmp")
            temp.unlink(missing_ok=True)
            _link_or_copy(path, temp)
            os.replace(temp, target)
        self._index(key, target)

    def _load(self) -> dict[str, list[Any]]:
        payload = self._manifests.get(MANIFEST)
        try:
            manifest = json.loads(payload) if payload else {}
        except ValueError:
            return {}
        return manifest if isinstance(manifest, dict) else {}

    def _object(self, key: str) -> Path | None:
        """The stored object for ``key``, if its size and modification time are still the recorded ones."""
        entry = self._new.get(key) or self._old.get(key)
        if not isinstance(entry, list) or len(entry) != 3:
            return None
        name, size, mtime = entry
        path = self.objects / str(name)[:2] / str(name)
        try:
            stat = path.stat()
        except OSError:
            return None
        if (stat.st_size, stat.st_mtime_ns) != (size, mtime):
            return None
        self._new[key] = entry
        return path

    def _index(self, key: str, path: Path) -> None:
        stat = path.stat()
        self._new[key] = [path.name, stat.st_size, stat.st_mtime_ns]


def object_name(data: bytes) -> str:
    """The content address of rendered bytes."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def _holds(path: Path, name: str) -> bool:
    """Whether the object ``path`` exists and its bytes still hash to its name."""
    try:
        return object_name(path.read_bytes()) == name
    except OSError:
        return False


def _link_or_copy(source: Path, target: Path) -> None:
    target.unlink(missing_ok=True)
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)
