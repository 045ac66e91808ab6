"""Writing synthetic records as the YAML and Markdown a clerk would type.

The synthesiser formats text itself instead of calling ``yaml.dump``: at
province scale that is an order of magnitude faster, and the output reads like
the bundled content (flow mappings for list items, block mappings for records).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from decimal import Decimal
from pathlib import Path

_PLAIN = re.compile(r"^[^\s\-?:,\[\]{}#&*!|>'\"%@`0-9][^:,\[\]{}#&*!|>'\"%@`]*$")
_RESERVED = frozenset({"true", "false", "null", "yes", "no", "on", "off", "y", "n", "~"})

Scalar = str | int | bool | Decimal | dt.date | None


def scalar(value: Scalar) -> str:
    """One value as YAML text; strings are single-quoted only when plain style would change them."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | Decimal | dt.date):
        return str(value)
    if _PLAIN.match(value) and value.lower() not in _RESERVED and value == value.strip():
        return value
    return "'" + value.replace("'", "''") + "'"


def flow(value: Mapping[str, object] | Iterable[object] | Scalar) -> str:
    """A value in flow style: ``{a: 1, b: [x, y]}``; ``None`` values of mappings are left out."""
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{k}: {flow(v)}" for k, v in value.items() if v is not None) + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(flow(v) for v in value) + "]"
    return scalar(value)  # type: ignore[arg-type]


def schema_line(kind: str, depth: int) -> str:
    """The editor hint the bundled content starts each file with."""
    return f"# yaml-language-server: $schema={'../' * depth}_schemas/{kind}.schema.json\n"


def front_matter(fields: Mapping[str, object], body: str) -> str:
    """A Markdown record: YAML front matter between ``---`` lines, then the body."""
    lines = [f"{k}: {flow(v)}" for k, v in fields.items() if v is not None]
    return "---\n" + "\n".join(lines) + "\n---\n\n" + body.rstrip("\n") + "\n"


class Writer:
    """Writes files under one root, creating folders once, and counts what it wrote."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.files = 0
        self.bytes = 0
        self._made: set[Path] = set()

    def write(self, rel: str, text: str) -> None:
        path = self.root / rel
        folder = path.parent
        if folder not in self._made:
            folder.mkdir(parents=True, exist_ok=True)
            self._made.add(folder)
        data = text.encode("utf-8")
        path.write_bytes(data)
        self.files += 1
        self.bytes += len(data)
