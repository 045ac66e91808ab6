"""A loaded content file and the way back from a field path to its line and column.

Positions are not stored for every value: at province scale that would cost more
memory than the records. A diagnostic asks :func:`locate`, which re-composes the
one file it needs (errors are few) and walks the path.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from generator.diagnostics import Location, field_path
from generator.load.decode import decode
from generator.load.digits import DigitStrings
from generator.load.yamlparse import ComposeLoader


@dataclass(frozen=True)
class SourceFile:
    """One content file: its record kind, its data and, for Markdown, its body.

    ``name`` is what the user sees in messages (``content/units/fgw.yaml``);
    ``line_offset`` is the number of lines before the YAML (1 for front matter).
    ``data`` is the parsed YAML until the record is validated: the corpus keeps
    its files without it (:meth:`without_data`), and what the privacy scan needs
    from it is in ``digit_strings`` (:mod:`generator.load.digits`).
    """

    path: Path
    name: str
    kind: str
    data: Any
    body: str = ""
    body_line: int = 0
    line_offset: int = 0
    digit_strings: DigitStrings = ()

    @property
    def stem(self) -> str:
        return self.path.stem

    def at(self, *parts: str | int, key: bool = False) -> Location:
        return locate(self, tuple(parts), key=key)

    def without_data(self) -> SourceFile:
        """This file once its record is validated: positions come from the file itself (:func:`locate`)."""
        return replace(self, data=None)


def locate(source: SourceFile, parts: tuple[str | int, ...], *, key: bool = False) -> Location:
    """Location of the value at ``parts`` (or of its key); the nearest existing parent if absent."""
    line, col = _walk(str(source.path), source.line_offset, parts, key)
    return Location(source.name, line, col, field_path(parts))


def _walk(path: str, line_offset: int, parts: tuple[str | int, ...], key: bool) -> tuple[int, int]:
    node = _compose(path, line_offset, _mtime(path))
    if node is None:
        return (line_offset + 1, 1)
    mark = node.start_mark
    for part in parts:
        child: yaml.Node | None = None
        key_node: yaml.Node | None = None
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                if isinstance(k, yaml.ScalarNode) and k.value == str(part):
                    key_node, child = k, v
                    break
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            child = node.value[part]
        if child is None:
            break
        node = child
        mark = key_node.start_mark if key and key_node is not None and part == parts[-1] else node.start_mark
    return (mark.line + 1 + line_offset, mark.column + 1)


def _mtime(path: str) -> int:
    """Part of the cache key, so a long-running preview server sees edited files afresh."""
    try:
        return Path(path).stat().st_mtime_ns
    except OSError:
        return 0


@lru_cache(maxsize=32)
def _compose(path: str, line_offset: int, mtime_ns: int) -> yaml.Node | None:
    try:
        text = decode(Path(path).read_bytes())
        if line_offset:
            text = split_front_matter(text)[0] or ""
        return yaml.compose(text, Loader=ComposeLoader)
    except Exception:
        return None


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """Front matter text, body text and the body's first line (1-based)."""
    if not text.startswith("---\n"):
        return None, text, 1
    end = text.find("\n---\n", 3)
    if end < 0:
        if text.endswith("\n---"):
            end = len(text) - 4
        else:
            return None, text, 1
    front = text[4 : end + 1]
    body = text[end + 5 :]
    return front, body, front.count("\n") + 3
