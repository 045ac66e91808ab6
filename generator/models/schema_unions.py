"""Pydantic's errors for a union field (``title``: a line or a list of lines; ``attendees``: ``all`` or a list)
and for lists, told as the clerk's one mistake.

Pydantic reports every member of a union that failed, each under a tag in the error's path
(``constrained-str``, ``tuple[...]``); a clerk sees a field path without tags, the errors of the member the
value was meant for, or one error saying which forms the field takes. A list whose item failed is not also
called too short.
"""

from __future__ import annotations

import re
import types
import typing
from typing import Any

from pydantic import BaseModel
from pydantic_core import ErrorDetails

#: The type of the one error that stands for a union whose every member failed.
UNION = "union_mismatch"
#: What a value of each kind is, in words, for the pydantic error types that name a kind.
TYPE_NAMES: dict[str, tuple[str, str]] = {
    "dict_type": ("“字段: 值”的映射", "a mapping of 'key: value'"),
    "model_type": ("“字段: 值”的映射", "a mapping of 'key: value'"),
    "model_attributes_type": ("“字段: 值”的映射", "a mapping of 'key: value'"),
    "list_type": ("列表（每项以“- ”开头）", "a list (items start with '- ')"),
    "tuple_type": ("列表（每项以“- ”开头）", "a list (items start with '- ')"),
    "string_type": ("文字", "text"),
    "bool_type": ("true 或 false", "true or false"),
    "bool_parsing": ("true 或 false", "true or false"),
}
#: Errors that say only "this is not that kind of value": for a blank field, one of them means "fill it in".
SHAPE_KINDS = frozenset({*TYPE_NAMES, "enum", "literal_error", "date_type", "date_parsing", "int_type",
                         "int_parsing", "float_type", "float_parsing", "decimal_type", "decimal_parsing",
                         "is_instance_of", UNION})
#: The errors of each member of one union, by pydantic's tag for the member, with the member's annotation.
_Members = dict[str, tuple[Any, list[ErrorDetails]]]
#: Text a part of an error's path may hold when it names a union member, not a field.
_TAG_LIKE = re.compile(r"[\[\]()]|^(?:constrained|function|lax|json|is|typed|tagged)-|^[A-Z]")


def without_union_tags(model: type[BaseModel], details: list[ErrorDetails]) -> list[ErrorDetails]:
    """Paths without pydantic's union-member tags (``constrained-str``, ``tuple[...]``); where every member
    of a union failed, the errors of the members the value was meant for, else one error for the field."""
    order: list[ErrorDetails | tuple[str | int, ...]] = []
    unions: dict[tuple[str | int, ...], _Members] = {}
    for detail in details:
        loc, tags = _split_tags(model, detail["loc"])
        clean = ErrorDetails(**{**detail, "loc": loc})
        if not tags:
            order.append(clean)
            continue
        where, tag, member = tags[0]
        if where not in unions:
            unions[where] = {}
            order.append(where)
        unions[where].setdefault(tag, (member, []))[1].append(clean)
    out: list[ErrorDetails] = []
    for item in order:
        out += _union_errors(item, unions[item]) if isinstance(item, tuple) else [item]
    return out


def _union_errors(where: tuple[str | int, ...], members: _Members) -> list[ErrorDetails]:
    """A member that failed only because the value is another kind of thing says nothing useful."""
    def misfit(errors: list[ErrorDetails]) -> bool:
        return all(e["loc"] == where and e["type"] in SHAPE_KINDS for e in errors)

    fitting = [e for _, errors in members.values() if not misfit(errors) for e in errors]
    if fitting:
        return fitting
    names = [_kind_name(errors[0]["type"], member) for member, errors in members.values()]
    expected = ("，或".join(zh for zh, _ in names), " or ".join(en for _, en in names))
    first = next(iter(members.values()))[1][0]
    return [ErrorDetails(type=UNION, loc=where, msg="", input=first.get("input"), ctx={"expected": expected})]


def _kind_name(kind: str, member: Any) -> tuple[str, str]:
    """What a union member accepts, in words, from the error it gave."""
    bare = _bare(member)
    if typing.get_origin(bare) is typing.Literal:
        values = typing.get_args(bare)
        return "或".join(f"“{v}”" for v in values), " or ".join(f"'{v}'" for v in values)
    if kind in ("list_type", "tuple_type"):
        low, high = _length_bounds(member)
        if low is not None and high is not None:
            return f"列表（{low}–{high} 项，每项以“- ”开头）", f"a list of {low}–{high} items, each starting with '- '"
    if kind in TYPE_NAMES:
        return TYPE_NAMES[kind]
    if kind.startswith("date"):
        return "日期", "a date"
    if kind.startswith("int"):
        return "整数", "a whole number"
    if kind.startswith(("float", "decimal")):
        return "数字", "a number"
    return "另一种写法", "another form"


def _length_bounds(annotation: Any) -> tuple[int | None, int | None]:
    low = high = None
    for meta in typing.get_args(annotation)[1:] if typing.get_origin(annotation) is typing.Annotated else ():
        for item in [meta, *getattr(meta, "metadata", [])]:
            low = getattr(item, "min_length", None) if low is None else low
            high = getattr(item, "max_length", None) if high is None else high
    return low, high


def _split_tags(model: type[BaseModel], raw: tuple[int | str, ...]) -> tuple[tuple[str | int, ...], list[Any]]:
    """The field path, and each union-member tag as (path to the union, tag, that member's annotation).

    The path is walked along the model's annotations, so a field that happens to be called ``date`` is
    never taken for a tag; past an annotation it cannot follow, a bracketed or capitalised part is a tag."""
    clean: list[str | int] = []
    tags: list[Any] = []
    annotation: Any = model
    for part in raw:
        members = _union_members(annotation)
        if isinstance(part, str) and (members or (annotation is None and _TAG_LIKE.search(part))):
            annotation = _member(members, part)
            tags.append((tuple(clean), part, annotation))
            continue
        clean.append(part)
        annotation = _step(annotation, part)
    return tuple(clean), tags


def _bare(annotation: Any) -> Any:
    while typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    return annotation


def _union_members(annotation: Any) -> list[Any]:
    bare = _bare(annotation)
    if typing.get_origin(bare) not in (typing.Union, types.UnionType):
        return []
    members = [a for a in typing.get_args(bare) if a is not type(None)]
    return members if len(members) > 1 else []


def _member(members: list[Any], tag: str) -> Any:
    """The union member pydantic tagged ``tag`` (``constrained-str``, ``tuple[...]``, a class name)."""
    for member in members:
        bare = _bare(member)
        origin = typing.get_origin(bare)
        if origin is typing.Literal and tag.startswith("literal["):
            return member
        if origin is not None and tag.startswith(f"{getattr(origin, '__name__', '')}["):
            return member
        name = getattr(bare, "__name__", None)
        if origin is None and name is not None and tag in (name, f"constrained-{name}"):
            return member
    return None


def _step(annotation: Any, part: str | int) -> Any:
    """The annotation of the value one step further down the path (None where it cannot tell)."""
    bare = _bare(annotation)
    if typing.get_origin(bare) in (typing.Union, types.UnionType):
        rest = [a for a in typing.get_args(bare) if a is not type(None)]
        bare = _bare(rest[0]) if len(rest) == 1 else None
    if isinstance(bare, type) and issubclass(bare, BaseModel):
        field = bare.model_fields.get(part) if isinstance(part, str) else None
        return field.annotation if field else None
    origin = typing.get_origin(bare)
    args = [a for a in typing.get_args(bare) if a is not Ellipsis]
    if origin in (tuple, list, set, frozenset) and isinstance(part, int) and args:
        return args[min(part, len(args) - 1)]
    if origin is dict and len(args) == 2:
        return args[1]
    return None


def without_echoes(details: list[ErrorDetails]) -> list[ErrorDetails]:
    """A list whose item failed is "too short" only because that item is not counted: say it once."""
    def echoed(detail: ErrorDetails) -> bool:
        loc = detail["loc"]
        return detail["type"] == "too_short" and any(
            len(other["loc"]) > len(loc) and other["loc"][:len(loc)] == loc and isinstance(other["loc"][len(loc)], int)
            for other in details
        )

    return [detail for detail in details if not echoed(detail)]
