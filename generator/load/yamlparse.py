"""Safe YAML parsing with the limits and conventions content files rely on.

Differences from plain ``yaml.safe_load``, each for a reason a clerk would hit:
- decimals load as :class:`~decimal.Decimal`, so money and scores are exact;
- only ``true``/``false`` are booleans (``no``/``on`` stay text: 否/开 in YAML 1.1
  would silently become booleans);
- duplicate keys, anchors/aliases and excessive nesting are errors, which also
  defuses alias bombs.

Ordinary documents are built straight from libyaml's events (:func:`_build`);
the rest go through PyYAML's constructor (:func:`_construct`), the reference
for both data and errors. At province scale that makes parsing about three
times cheaper.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any, ClassVar

import yaml

from generator.codes import CodeDef
from generator.load import codes

try:
    from yaml import CSafeLoader as _Base
except ImportError:  # pragma: no cover - libyaml is in every wheel we install
    from yaml import SafeLoader as _Base  # type: ignore[assignment]

MAX_DEPTH = 32
#: Items in any one list of a file (records per file): far above any real branch or year, far below a flood.
MAX_ITEMS = 10_000
_BOOL_TAG = "tag:yaml.org,2002:bool"


@dataclass(frozen=True)
class ParseError(Exception):
    code: CodeDef
    line: int
    col: int
    params: dict[str, object]


_RESOLVED_MAX = 100_000


class _FastResolve(_Base):  # type: ignore[misc, valid-type]
    """Memoised tag resolution of short plain scalars.

    libyaml calls the pure-Python resolver once per scalar, and at province scale
    that was a third of the parse. Without path resolvers a scalar's tag depends
    only on its text and its implicit flags, so the answer can be remembered.
    """

    def resolve(self, kind: type[yaml.Node], value: str, implicit: tuple[bool, bool]) -> str:
        if kind is not yaml.ScalarNode or len(value) > 64:
            return super().resolve(kind, value, implicit)  # type: ignore[no-any-return]
        memo = self._resolved
        key = (value, *implicit)
        tag = memo.get(key)
        if tag is None:
            tag = super().resolve(kind, value, implicit)
            if len(memo) < _RESOLVED_MAX:
                memo[key] = tag
        return tag  # type: ignore[no-any-return]

    _resolved: ClassVar[dict[tuple[str, bool, bool], str]] = {}


class ComposeLoader(_FastResolve):
    """The loader :func:`generator.load.source.locate` composes node trees with."""

    _resolved: ClassVar[dict[tuple[str, bool, bool], str]] = {}


class _Loader(_FastResolve):
    _resolved: ClassVar[dict[tuple[str, bool, bool], str]] = {}

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        if node in self.constructed_objects or node in self.recursive_objects:
            raise ParseError(codes.ALIAS, node.start_mark.line + 1, node.start_mark.column + 1, {})
        try:
            return super().construct_object(node, deep)
        except (ValueError, TypeError, OverflowError) as exc:
            mark = node.start_mark
            params = _syntax_params(str(exc), "")
            raise ParseError(codes.SYNTAX, mark.line + 1, mark.column + 1, params) from None

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: dict[tuple[str, str], int] = {}
        for key_node, _ in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                continue
            ident = (key_node.tag, key_node.value)
            if ident in seen:
                mark = key_node.start_mark
                raise ParseError(
                    codes.DUPLICATE_KEY,
                    mark.line + 1,
                    mark.column + 1,
                    {"key": key_node.value, "first_line": seen[ident]},
                )
            seen[ident] = key_node.start_mark.line + 1
        return super().construct_mapping(node, deep)  # type: ignore[no-any-return]


def _construct_decimal(loader: yaml.constructor.SafeConstructor, node: yaml.ScalarNode) -> Any:
    text = str(loader.construct_scalar(node)).replace("_", "")
    try:
        value = Decimal(text)
    except InvalidOperation:
        return loader.construct_yaml_float(node)
    return value if value.is_finite() else loader.construct_yaml_float(node)


def _construct_timestamp(loader: yaml.constructor.SafeConstructor, node: yaml.ScalarNode) -> Any:
    """An impossible date (2024-02-30) stays text, so validation reports it with a hint."""
    try:
        return loader.construct_yaml_timestamp(node)
    except ValueError:
        return str(node.value)


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != _BOOL_TAG]
    for first, resolvers in _Base.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(_BOOL_TAG, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
_Loader.add_constructor("tag:yaml.org,2002:float", _construct_decimal)
_Loader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)


class _Unusual(Exception):
    """The document needs the general constructor: see :func:`_build` for what that covers."""


_SCALAR = yaml.ScalarNode
_STR_TAG = "tag:yaml.org,2002:str"
#: Tags a plain scalar may resolve to and still be built on the fast path (each one makes an immutable value).
_PLAIN_TAGS = frozenset(f"tag:yaml.org,2002:{name}" for name in ("null", "bool", "int", "float", "timestamp"))
#: First characters for which a plain scalar may resolve to something other than text.
_RESOLVED_FIRST = frozenset(first for first, resolvers in _Loader.yaml_implicit_resolvers.items() if resolvers)
_PLAIN: dict[str, Any] = {}
_UNSET = object()


def parse(text: str, line_offset: int = 0) -> Any:
    """Plain data of one YAML document; raises :class:`ParseError` with a 1-based position."""
    try:
        return _build(text)
    except (_Unusual, yaml.YAMLError):
        return _construct(text, line_offset)


def _build(text: str) -> Any:
    """The data of an ordinary document, built straight from libyaml's events.

    PyYAML's generic constructor costs several Python calls per node: most of the
    parse at province scale. Content files use only mappings with text (or year)
    keys, lists and untagged scalars, so those are built here in one loop.
    Anything else raises :class:`_Unusual` and the document goes through
    :func:`_construct`, which decides its data or its exact error: anchors,
    aliases, tags, merge keys, a repeated key or a key of another type, nesting or
    a collection near the limits, any syntax or value error.
    """
    loader = _Loader(text)
    try:
        return _walk(loader)
    finally:
        loader.dispose()


def _walk(loader: _Loader) -> Any:
    """One loop over the events, hot enough that it is not split up.

    ``stack`` holds the open collections above ``container``, so a collection
    opened now sits at depth ``len(stack) + 1`` (the document's root at 1). One at
    :data:`MAX_DEPTH` could hold only nothing, so it is left to :func:`_construct`.
    """
    next_event = loader.get_event
    next_event()
    if next_event().__class__ is yaml.StreamEndEvent:
        return None
    top: list[Any] = []
    container: Any = top
    stack: list[Any] = []
    key: str | int | None = None
    while True:
        event = next_event()
        kind = event.__class__
        if kind is yaml.ScalarEvent:
            if event.anchor is not None or event.tag is not None:
                raise _Unusual
            value = event.value
            if event.implicit[0] and value[:1] in _RESOLVED_FIRST:
                value = _plain(loader, value)
        elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
            if event.anchor is not None or event.tag is not None or len(stack) >= MAX_DEPTH - 1:
                raise _Unusual
            value = {} if kind is yaml.MappingStartEvent else []
        elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
            if len(container) > MAX_ITEMS:
                raise _Unusual
            container = stack.pop()
            continue
        elif kind is yaml.DocumentEndEvent:
            break
        else:
            raise _Unusual
        if container.__class__ is dict:
            if key is None:
                if (value.__class__ is not str and value.__class__ is not int) or value in container:
                    raise _Unusual
                key = value
                continue
            container[key] = value
            key = None
        else:
            container.append(value)
        if value.__class__ is dict or value.__class__ is list:
            stack.append(container)
            container = value
    if next_event().__class__ is not yaml.StreamEndEvent:
        raise _Unusual
    return top[0]


def _plain(loader: _Loader, text: str) -> Any:
    """The value of a plain scalar that may not be text, remembered: every result is immutable."""
    value = _PLAIN.get(text, _UNSET)
    if value is _UNSET:
        tag = loader.resolve(_SCALAR, text, (True, False))
        if tag == _STR_TAG:
            value = text
        elif tag in _PLAIN_TAGS:
            try:
                value = loader.yaml_constructors[tag](loader, _SCALAR(tag, text, None, None))
            except (ValueError, TypeError, OverflowError):
                raise _Unusual from None
        else:
            raise _Unusual
        if len(_PLAIN) < _RESOLVED_MAX:
            _PLAIN[text] = value
    return value


def _construct(text: str, line_offset: int) -> Any:
    """PyYAML's general constructor with our checks: the reference for data and the source of every error."""
    try:
        data = yaml.load(text, Loader=_Loader)
    except ParseError as exc:
        raise ParseError(exc.code, exc.line + line_offset, exc.col, exc.params) from None
    except yaml.MarkedYAMLError as exc:
        raise _syntax_error(text, exc, line_offset) from None
    except yaml.YAMLError as exc:
        raise ParseError(codes.SYNTAX, line_offset + 1, 1, _syntax_params(str(exc), "")) from None
    except RecursionError:
        raise ParseError(codes.TOO_DEEP, line_offset + 1, 1, {"limit": MAX_DEPTH}) from None
    _check_depth(data, line_offset)
    return data


def _check_depth(data: Any, line_offset: int) -> None:
    """Nesting depth and list length limits, checked on the loaded data."""
    stack: list[tuple[Any, int, str]] = [(data, 1, "")]
    while stack:
        value, depth, path = stack.pop()
        if depth > MAX_DEPTH:
            raise ParseError(codes.TOO_DEEP, line_offset + 1, 1, {"limit": MAX_DEPTH})
        if isinstance(value, dict):
            stack.extend((v, depth + 1, f"{path}.{k}" if path else str(k)) for k, v in value.items())
        elif isinstance(value, list):
            if len(value) > MAX_ITEMS:
                raise ParseError(codes.TOO_MANY, line_offset + 1, 1,
                                 {"field": path or "-", "count": len(value), "limit": MAX_ITEMS})
            stack.extend((v, depth + 1, path) for v in value)


def _syntax_error(text: str, exc: yaml.MarkedYAMLError, line_offset: int) -> ParseError:
    mark = exc.problem_mark or exc.context_mark
    line = (mark.line if mark else 0) + 1
    col = (mark.column if mark else 0) + 1
    lines = text.split("\n")
    source_line = lines[line - 1] if 0 < line <= len(lines) else ""
    previous = lines[line - 2] if 1 < line <= len(lines) + 1 else ""
    problem = " ".join(filter(None, [exc.context, exc.problem]))
    return ParseError(codes.SYNTAX, line + line_offset, col, _syntax_params(problem, source_line, previous))


_HINTS: tuple[tuple[str, str, str], ...] = (
    ("\t", "这一行用了 Tab 键缩进；YAML 只能用空格缩进（每层两个空格）",
     "this line is indented with a tab; YAML needs spaces (two per level)"),
    ("：", "这一行用了全角冒号“：”；字段名后面要用半角冒号加空格“: ”",
     "this line uses a full-width colon '：'; a key needs an ASCII colon and a space ': '"),
    ("\u3000", "这一行有全角空格；缩进和冒号后面只能用半角空格",
     "this line contains a full-width space; use ASCII spaces for indentation and after colons"),
    ("\u00a0", "这一行有不换行空格（从网页或 Word 复制时常带进来，看起来和空格一样）；删掉这些空格，重新输入半角空格",
     "this line has a non-breaking space (pasted from a web page or Word); retype the spaces as ASCII spaces"),
)


_PROBLEMS_ZH: tuple[tuple[str, str], ...] = (
    ("tab character", "出现了 Tab 字符（缩进只能用空格）"),
    ("mapping values are not allowed", "这里不能出现“字段: 值”（缩进不对，或文字中有未加引号的冒号）"),
    ("could not find expected ':'", "缺少冒号“:”"),
    ("cannot start any token", "出现了不能作为开头的字符（常见是 Tab、@ 或 `）"),
    ("did not find expected key", "没有找到预期的字段（缩进没有对齐）"),
    ("did not find expected '-' indicator", "没有找到列表项的“-”（缩进没有对齐）"),
    ("expected <block end>", "缩进不一致"),
    ("unexpected end of stream", "文件意外结束（引号或括号没有闭合）"),
    ("found unknown escape character", "双引号文字里有无效的反斜杠转义（改用单引号）"),
    ("did not find expected node content", "缺少值"),
    ("did not find expected ',' or ']'", "方括号列表没有正确闭合"),
    ("did not find expected ',' or '}'", "花括号没有正确闭合"),
    ("could not determine a constructor", "不支持以 ! 开头的 YAML 标签（如果是正文的一部分，请给整段值加引号）"),
    ("found unhashable key", "字段名不能是列表或映射"),
    ("expected a single document", "一个文件只能有一条记录（删除多余的 --- 行）"),
)


def _problem_zh(problem: str) -> str:
    for needle, zh in _PROBLEMS_ZH:
        if needle in problem:
            return zh
    return problem


def _syntax_params(problem: str, line: str, previous: str = "") -> dict[str, object]:
    base = {"problem": problem, "problem_zh": _problem_zh(problem)}
    for needle, zh, en in _HINTS:
        if needle in line or needle in previous:
            return {**base, "hint_zh": zh, "hint_en": en}
    if re.match(r"^\s*-?\s*[^\s:#][^:]*$", line) and line.strip():
        zh = "检查这一行或上一行：字段名后面要有“: ”，同一层的行缩进要对齐，含冒号的文字要加引号"
        en = "check this line and the one before: keys need ': ', siblings align, text with colons needs quotes"
    else:
        zh = "检查缩进是否与同一层的其他行对齐（只用空格）；含有 : # 等符号的文字请加引号"
        en = "check that the indentation matches its siblings (spaces only); quote text containing : or #"
    return {**base, "hint_zh": zh, "hint_en": en}
