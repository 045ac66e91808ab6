"""The strings of a file's data that could hold a personal number, noted when the file is parsed.

The privacy scan (:mod:`generator.privacy`) looks for ID and mobile numbers in
every string a record carries, but it runs after validation, and by then the
corpus no longer holds the parsed YAML: at province scale keeping it beside
the validated records cost half a gigabyte. A number needs a run of eleven
digits, which almost no string has, so the loader keeps just those strings
with their field paths (:attr:`~generator.load.source.SourceFile.digit_strings`),
and the parse cache stores them with the data.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

#: Eleven digits, half- or full-width, optionally separated by single spaces or hyphens.
DIGIT_RUN = re.compile(r"[0-9０-９](?:[ -]?[0-9０-９]){10}")

FieldPath = tuple[str | int, ...]
DigitStrings = tuple[tuple[FieldPath, str], ...]


def may_hold_number(text: str) -> bool:
    return len(text) >= 11 and DIGIT_RUN.search(text) is not None


def digit_strings(data: Any) -> DigitStrings:
    """Every string in ``data`` that could hold a number, with its field path, in document order."""
    return tuple(_strings(data)) if _any(data) else ()


def _any(data: Any) -> bool:
    """Whether any string could hold a number; most files have none, so no paths are built."""
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if may_hold_number(item):
                return True
        elif isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False


def _strings(data: Any) -> Iterator[tuple[FieldPath, str]]:
    """Walked without recursion for speed; children are pushed reversed so they come out in order."""
    stack: list[tuple[FieldPath, Any]] = [((), data)]
    while stack:
        where, item = stack.pop()
        if isinstance(item, str):
            if may_hold_number(item):
                yield where, item
        elif isinstance(item, dict):
            stack.extend(((*where, str(k)), v) for k, v in reversed(item.items()))
        elif isinstance(item, list):
            stack.extend(((*where, i), v) for i, v in reversed(list(enumerate(item))))
