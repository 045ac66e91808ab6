"""Whole output directories (the search index's Pagefind bundle) kept by a key of their inputs.

Pagefind turns a set of pages into a directory of a few hundred files. When
the pages are byte-identical to an earlier build's, so is the directory, and
indexing them again is wasted time: :class:`BundleCache` keeps each file as a
content-addressed object and one sealed manifest (:class:`~generator.cache.store.Store`)
records which files make up which key's directory. A restored directory is
hard-linked from the objects, and every object is checked against its content
address first, so a missing, truncated or edited object means the directory is
rebuilt, never published broken.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

from generator.cache.objects import holds, link_or_copy, object_name
from generator.cache.store import Store

MANIFEST = "manifest"
_HEX = re.compile("[0-9a-f]{32}")


class BundleCache:
    """Directories under ``root`` keyed by their inputs; see the module docstring."""

    def __init__(self, root: Path, area: str = "search") -> None:
        self._manifests = Store(root, area)
        self.objects = root / f"{area}-objects"
        self._old = self._load()
        self._new: dict[str, dict[str, str]] = {}

    def restore(self, key: str, target: Path) -> bool:
        """Recreate at ``target`` the directory stored for ``key``; ``False`` (and no ``target``) if there is none
        or one of its files no longer matches."""
        files = self._new.get(key) or self._old.get(key)
        if not files:
            return False
        try:
            for rel, name in sorted(files.items()):
                source = self._object(name)
                if object_name(source.read_bytes()) != name:
                    raise OSError(f"object {name} changed")
                path = target / rel
                path.parent.mkdir(parents=True, exist_ok=True)
                link_or_copy(source, path)
        except OSError:
            shutil.rmtree(target, ignore_errors=True)
            return False
        self._new[key] = files
        return True

    def save(self, key: str, source: Path) -> None:
        """Keep the files under ``source`` as the directory for ``key`` (linked into the objects, not copied)."""
        files: dict[str, str] = {}
        for path in sorted(p for p in source.rglob("*") if p.is_file()):
            name = object_name(path.read_bytes())
            target = self._object(name)
            if not holds(target, name):
                target.parent.mkdir(parents=True, exist_ok=True)
                temp = target.with_name(f".{name}.{os.getpid()}.tmp")
                link_or_copy(path, temp)
                os.replace(temp, target)
            files[path.relative_to(source).as_posix()] = name
        self._new[key] = files

    def finish(self) -> None:
        """Record this build's directories; keep older ones only while they are fewer than twice the live ones,
        and delete the objects no kept directory refers to."""
        kept = dict(self._old) if len(self._old) <= 2 * len(self._new) else {}
        kept.update(self._new)
        self._manifests.put(MANIFEST, json.dumps(kept, sort_keys=True).encode("ascii"))
        live = {name for files in kept.values() for name in files.values()}
        if self.objects.is_dir():
            for path in self.objects.glob("*/*"):
                if path.name not in live:
                    path.unlink(missing_ok=True)

    def _object(self, name: str) -> Path:
        return self.objects / name[:2] / name

    def _load(self) -> dict[str, dict[str, str]]:
        manifest = self._manifests.get_dict(MANIFEST)
        return {key: files for key, files in manifest.items() if _is_listing(files)}


def _is_listing(files: object) -> bool:
    """A manifest entry's shape: relative file paths inside the directory → object names."""
    return isinstance(files, dict) and all(
        isinstance(rel, str) and isinstance(name, str) and _HEX.fullmatch(name) is not None
        and not rel.startswith("/") and ".." not in rel.split("/") for rel, name in files.items())
