"""Exact, code-free serialisation of loaded YAML data for the cache.

YAML yields more types than JSON has (``Decimal``, dates, timestamps, non-text
mapping keys, binary, sets), so those are written as one-key objects tagged
with ``$``: ``{"$d": "1.50"}``. Decoding is plain ``json.loads`` with a hook,
so a cache entry can never run code; anything the encoder does not know makes
the file uncacheable rather than approximately cached.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
from decimal import Decimal
from typing import Any


class Uncacheable(TypeError):
    """The value holds a type the codec cannot round-trip exactly."""


def encode(value: Any) -> Any:
    """JSON-ready form of ``value`` (tags for the types JSON lacks)."""
    kind = type(value)
    if kind is str or kind is int or kind is bool or value is None:
        return value
    if kind is list:
        return [encode(item) for item in value]
    if kind is dict:
        if all(type(key) is str and not key.startswith("$") for key in value):
            return {key: encode(item) for key, item in value.items()}
        return {"$m": [[encode(key), encode(item)] for key, item in value.items()]}
    return _tagged(value, kind)


def _tagged(value: Any, kind: type) -> dict[str, Any]:
    if kind is Decimal:
        return {"$d": str(value)}
    if kind is dt.date:
        return {"$t": value.isoformat()}
    if kind is dt.datetime:
        return {"$dt": value.isoformat()}
    if kind is float:
        return {"$f": repr(value)}
    if kind is tuple:
        return {"$tu": [encode(item) for item in value]}
    if kind is bytes:
        return {"$b": base64.b64encode(value).decode("ascii")}
    if kind is set:
        return {"$set": [encode(item) for item in sorted(value, key=repr)]}
    raise Uncacheable(kind.__name__)


def _pairs(pairs: list[list[Any]]) -> dict[Any, Any]:
    return {_hashable(key): item for key, item in pairs}


def _hashable(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) else value


_TAGS: dict[str, Any] = {
    "$d": Decimal,
    "$t": dt.date.fromisoformat,
    "$dt": dt.datetime.fromisoformat,
    "$f": float,
    "$tu": tuple,
    "$b": base64.b64decode,
    "$set": lambda items: {_hashable(item) for item in items},
    "$m": _pairs,
}


def _hook(obj: dict[str, Any]) -> Any:
    if len(obj) == 1:
        for key, item in obj.items():
            tag = _TAGS.get(key)
            if tag is not None:
                return tag(item)
    return obj


def dumps(value: Any) -> str:
    return json.dumps(encode(value), ensure_ascii=False, separators=(",", ":"))


def loads(text: str | bytes) -> Any:
    return json.loads(text, object_hook=_hook)
