"""Diagnostics: the one shape every stage uses to report a problem.

Two kinds never mix: a content *error* stops the build, a compliance *finding*
is reported and scored. Each diagnostic carries a stable code whose messages
live in :mod:`generator.codes`, the location it points at and the ids of the
records it concerns, so the printer, the JSON output and the findings page all
read the same value.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Kind(StrEnum):
    ERROR = "error"
    FINDING = "finding"


class Severity(StrEnum):
    """Error is for content errors; the other three grade compliance findings."""

    ERROR = "error"
    SERIOUS = "serious"
    WARNING = "warning"
    NOTICE = "notice"


@dataclass(frozen=True, order=True)
class Location:
    """Where a diagnostic points: a path relative to the content's parent, 1-based line and column."""

    file: str = ""
    line: int = 0
    col: int = 0
    field: str = ""

    def prefix(self) -> str:
        parts = [self.file] if self.file else []
        if self.line:
            parts.append(str(self.line))
            if self.col:
                parts.append(str(self.col))
        head = ":".join(parts)
        if self.field:
            return f"{head}: {self.field}" if head else self.field
        return head


@dataclass(frozen=True)
class Diagnostic:
    code: str
    kind: Kind
    severity: Severity
    location: Location
    params: dict[str, Any] = field(default_factory=dict)
    records: tuple[str, ...] = ()
    branch: str = ""
    unit: str = ""

    def sort_key(self) -> tuple[Any, ...]:
        loc = self.location
        return (loc.file, loc.line, loc.col, loc.field, self.code, repr(sorted(self.params.items())))


def field_path(parts: tuple[str | int, ...]) -> str:
    """Render a field path the way a clerk reads it: ``committee.members[2].role`` (1-based)."""
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part + 1}]"
        else:
            out += f".{part}" if out else str(part)
    return out
