"""Rendered pages and PDFs, keyed by their plain input data, and reuse of unchanged output files.

A render stage describes an output by the plain data it is made from (page
values, template names, shared data); :meth:`RenderCache.key` hashes a serial
form of that data together with a hash of every template and the generator's
fingerprint. Rendered bytes are kept as content-addressed objects; an
unchanged output is hard-linked from its object into the new staging
directory instead of being rendered and written again (copied where a link is
impossible). Data with no serial form (a local function) makes that output
uncacheable: it is rendered every time, never reused on a guess.

An object is reused only if its size and modification time are those recorded
when it was stored, so an output file edited in place (which would change the
shared object) is noticed and rendered afresh. Which key names which object
is one sealed manifest, read once at the start of a build and written once at
the end (:meth:`RenderCache.finish`): 14,000 pages cost two file operations,
not 28,000.

A render stage that writes its outputs from forked workers gives each worker
this cache as it was at the fork: the worker reuses and keeps outputs through it
as a single process would, and sends what it recorded (:meth:`RenderCache.recorded`)
back for the build's cache to adopt, so the manifest and the counts are the same
either way.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import pickle
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from generator.cache.objects import holds, link_or_copy, object_name
from generator.cache.store import Store, digest, fingerprint

MANIFEST = "manifest"
#: The first item of a group's manifest entry (:meth:`RenderCache.keep_group`); an output's is its object's name.
GROUP = "group"
TEMPLATES = Path(__file__).resolve().parent.parent.parent / "templates"


def templates_digest(templates: Path = TEMPLATES) -> str:
    """A hash of every file under ``templates/`` (names and bytes): any template edit changes every key."""
    h = hashlib.blake2b(digest_size=16)
    for path in sorted(p for p in templates.rglob("*") if p.is_file()):
        h.update(path.relative_to(templates).as_posix().encode() + b"\0")
        h.update(path.read_bytes())
    return h.hexdigest()


@dataclass(frozen=True)
class Recorded:
    """What a forked worker's copy of the cache rendered and reused: counts and manifest entries."""

    rendered: int
    reused: int
    entries: dict[str, list[Any]]


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
        """The key of an output made from ``parts``; ``None`` if some part has no serial form.

        The parts are serialised with :mod:`pickle` only to be hashed, never loaded: it writes every
        value with its type (``Decimal('1.50')`` is not ``Decimal('1.5')``, ``Markup`` is not ``str``)
        and runs in C, which made keying 14,000 pages ten times faster than a hand-written canonical
        form. Memoising is off (``fast``), so which equal values happen to be one object (which
        varies with string interning and hash seeds) does not change the bytes; a pydantic model is
        written as its class and field values, without the set of field names its own pickled form
        carries (a set's order varies with the hash seed). Equal data built in
        another order could still serialise differently; that costs a render, never a wrong reuse.
        A local function or lambda cannot be serialised: that output is rendered every time.
        """
        buffer = io.BytesIO()
        pickler = pickle.Pickler(buffer, protocol=5)
        pickler.fast = True
        pickler.dispatch_table = _REDUCERS
        try:
            pickler.dump(parts)
        except (pickle.PicklingError, TypeError, AttributeError, ValueError, RecursionError):
            return None
        return digest(self.salt, buffer.getbuffer())

    def finish(self) -> None:
        """Record this render's outputs; keep older entries only while they are fewer than the live ones
        (a build in another language or into another directory), and delete objects nothing refers to."""
        kept = dict(self._old) if len(self._old) <= 2 * len(self._new) else {}
        kept.update(self._new)
        self._manifests.put(MANIFEST, json.dumps(kept, sort_keys=True).encode("ascii"))
        live = {entry[0] for entry in kept.values() if entry[0] != GROUP}
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
        self._index(key, self._object_named(object_name(data), lambda temp: temp.write_bytes(data)))

    def reuse(self, key: str | None, path: Path) -> bool:
        """Link the stored output for ``key`` to ``path`` if there is a current one."""
        found = self._object(key) if key else None
        if found is None:
            return False
        self.reused += 1
        path.parent.mkdir(parents=True, exist_ok=True)
        link_or_copy(found, path)
        return True

    def keep(self, key: str | None, path: Path, name: str) -> None:
        """Adopt the freshly written ``path`` (whose bytes hash to ``name``, see :func:`object_name`) as the
        output for ``key``: it is linked into the object store, not copied."""
        self.rendered += 1
        if not key:
            return
        self._index(key, self._object_named(name, lambda temp: link_or_copy(path, temp)))

    def reuse_group(self, key: str | None, out: Path) -> list[list[Any]] | None:
        """Link every output of the group ``key`` (:meth:`keep_group`) under ``out`` and return their recorded
        outlines, if all of them are current; else ``None`` and nothing is linked."""
        entry = (self._new.get(key) or self._old.get(key)) if key else None
        if not isinstance(entry, list) or len(entry) != 2 or entry[0] != GROUP or not isinstance(entry[1], list):
            return None
        members: list[list[Any]] = entry[1]
        found = [self._object(member[0]) if isinstance(member, list) and len(member) == 2 else None
                 for member in members]
        if any(path is None for path in found):
            return None
        for member, path in zip(members, found, strict=True):
            assert path is not None
            target = out / str(member[1][0])
            target.parent.mkdir(parents=True, exist_ok=True)
            link_or_copy(path, target)
        self.reused += len(members)
        self._new[key] = entry
        return [member[1] for member in members]

    def keep_group(self, key: str | None, members: list[tuple[str | None, list[Any]]]) -> None:
        """Record outputs kept under their own keys as one group, each with an outline (a JSON list whose first
        item is its path): a later build whose group inputs are the same links them all without making them.
        A group with an output that has no key (no serial form) is not recorded."""
        if key and all(member_key for member_key, _ in members):
            self._new[key] = [GROUP, [[member_key, outline] for member_key, outline in members]]

    def start_worker(self) -> None:
        """In a forked worker: record only what happens from here on (:meth:`recorded`), still finding
        every output the build recorded before the fork."""
        self._old = {**self._old, **self._new}
        self._new = {}
        self.rendered = self.reused = 0

    def recorded(self) -> Recorded:
        """What this worker recorded since :meth:`start_worker`, for the build's cache to :meth:`adopt`."""
        return Recorded(self.rendered, self.reused, self._new)

    def adopt(self, recorded: Recorded) -> None:
        """Take over what a worker recorded, as if this cache had rendered and reused those outputs itself."""
        self.rendered += recorded.rendered
        self.reused += recorded.reused
        self._new.update(recorded.entries)

    def _object_named(self, name: str, place: Callable[[Path], object]) -> Path:
        """The object ``name``; if it is missing or damaged, ``place`` puts its bytes at a temporary path first."""
        target = self.objects / name[:2] / name
        if not holds(target, name):
            target.parent.mkdir(parents=True, exist_ok=True)
            temp = target.with_name(f".{name}.{os.getpid()}.tmp")
            place(temp)
            os.replace(temp, target)
        return target

    def _load(self) -> dict[str, list[Any]]:
        return self._manifests.get_dict(MANIFEST)

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


class _Reducers(dict[type, Callable[[Any], Any]]):
    """How :meth:`RenderCache.key` writes each type that is not a builtin container or scalar, found once per type.

    Classes (instances of a metaclass) are left to pickle, which writes them by name.
    """

    def __missing__(self, kind: type) -> Callable[[Any], Any]:
        if issubclass(kind, type):
            raise KeyError(kind)
        reducer = _model_fields if issubclass(kind, BaseModel) else _as_pickle_would
        self[kind] = reducer
        return reducer


def _model_fields(model: BaseModel) -> tuple[Any, ...]:
    return type(model), (tuple(model.__dict__.items()),)


def _as_pickle_would(value: Any) -> Any:
    return value.__reduce_ex__(5)


_REDUCERS = _Reducers()
