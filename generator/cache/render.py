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
shared object) is noticed and rendered afresh.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import os
import shutil
from collections.abc import Callable, Mapping
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Any

from markupsafe import Markup
from pydantic import BaseModel

from generator.cache.store import Store, digest, fingerprint

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
        self.index = Store(root, "render")
        self.objects = root / "objects"
        self.salt = digest(fingerprint(), templates_digest(templates))
        self.reused = 0
        self.rendered = 0
        self._used: set[str] = set()
        self._objects_used: set[str] = set()

    def key(self, *parts: Any) -> str | None:
        """The key of an output made from ``parts``; ``None`` if some part has no canonical form."""
        try:
            text = _text(parts)
        except Unkeyable:
            return None
        key = digest(self.salt, text)
        self._used.add(key)
        return key

    def finish(self) -> None:
        """Drop entries and objects this render did not use, once they outnumber the live ones."""
        if self.index.prune(self._used) and self.objects.is_dir():
            for path in self.objects.glob("*/*"):
                if path.name not in self._objects_used:
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
        if key:
            self._store(key, data)

    def get_or_render(self, key_parts: tuple[Any, ...], render: Callable[[], bytes]) -> bytes:
        """The bytes for ``key_parts``: stored ones if current, else ``render()``'s (then stored)."""
        found = self.lookup(key_parts)
        if found is not None:
            return found
        data = render()
        self.store(key_parts, data)
        return data

    def emit(self, path: Path, key_parts: tuple[Any, ...], render: Callable[[], bytes]) -> None:
        """Write the output for ``key_parts`` to ``path``, linking a stored copy when there is one."""
        key = self.key(*key_parts)
        found = self._object(key) if key else None
        path.parent.mkdir(parents=True, exist_ok=True)
        if found is not None:
            self.reused += 1
            _link_or_copy(found, path)
            return
        data = render()
        self.rendered += 1
        if key:
            _link_or_copy(self._store(key, data), path)
        else:
            path.write_bytes(data)

    def _object(self, key: str) -> Path | None:
        entry = self.index.get(key)
        if entry is None:
            return None
        name, size, mtime = entry.decode("ascii").split()
        path = self.objects / name[:2] / name
        try:
            stat = path.stat()
        except OSError:
            return None
        self._objects_used.add(name)
        return path if (stat.st_size, stat.st_mtime_ns) == (int(size), int(mtime)) else None

    def _store(self, key: str, data: bytes) -> Path:
        """Keep ``data`` as an object (named by its hash) and index it under ``key``; returns the object."""
        name = hashlib.blake2b(data, digest_size=16).hexdigest()
        path = self.objects / name[:2] / name
        try:
            current = path.read_bytes() == data
        except OSError:
            current = False
        if not current:
            path.parent.mkdir(parents=True, exist_ok=True)
            temp = path.with_name(f".{name}.{os.getpid()}.tmp")
            temp.write_bytes(data)
            os.replace(temp, path)
        stat = path.stat()
        self._objects_used.add(name)
        self.index.put(key, f"{name} {stat.st_size} {stat.st_mtime_ns}".encode("ascii"))
        return path


def _link_or_copy(source: Path, target: Path) -> None:
    target.unlink(missing_ok=True)
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)
