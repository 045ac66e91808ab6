"""Pydantic's validation errors, retold for a clerk: field, value, and how to fix it.

Pydantic knows what went wrong; this module knows the mistakes Chinese users
make (``2024年3月5日``, full-width digits, a full-width colon, 是/否 for
true/false) and turns each error into a diagnostic with its own hint.
"""

from __future__ import annotations

import difflib
import re
import types
import typing
from dataclasses import replace
from decimal import Decimal
from enum import Enum
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from generator.codes import make
from generator.diagnostics import Diagnostic, field_path
from generator.labels import LABELS
from generator.load.source import SourceFile
from generator.models import codes
from generator.models.schema_unions import SHAPE_KINDS, TYPE_NAMES, UNION, without_echoes, without_union_tags

_FULLWIDTH_DIGITS = re.compile(r"[０-９]")
_CN_DATE = re.compile(r"^\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?\s*$")
_SLASH_DATE = re.compile(r"^\s*(\d{4})[/.](\d{1,2})[/.](\d{1,2})\s*$")
_UNPADDED_DATE = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")
_COMPACT_DATE = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})\s*$")
_DATE_TIME = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})[T ]+\d")
_FULLWIDTH_COMMA_LIST = re.compile(r"^\s*\d+(?:\s*[，、]\s*\d+)+\s*$")
#: Chinese text, which an English hint leaves out unless the user wrote it (the models describe fields in Chinese).
_CJK = re.compile(r"[\u3400-\u9fff]")


def schema_diagnostics(source: SourceFile, model: type[BaseModel], error: ValidationError) -> list[Diagnostic]:
    """One diagnostic per mistake: union members' tags left out of the path, a union whose every member
    failed told as one error, and a list not called too short while one of its items has its own error."""
    details = without_union_tags(model, error.errors(include_url=False))
    return [_one(source, model, detail) for detail in without_echoes(details)]


def _one(source: SourceFile, model: type[BaseModel], detail: ErrorDetails) -> Diagnostic:
    loc = _keys_as_text(source.data, detail["loc"])
    kind = detail["type"]
    value = detail.get("input")
    ctx = detail.get("ctx") or {}
    if _blank(kind, value):
        return _empty(source, model, loc, kind, ctx)
    if kind == UNION:
        found = _found(value)
        return make(codes.TYPE, source.at(*loc), expected_zh=ctx["expected"][0], expected_en=ctx["expected"][1],
                    found_zh=found[0], found_en=found[1], hint_zh=_description(model, loc),
                    hint_en=_description(model, loc))
    if kind == "missing":
        key = str(loc[-1])
        location = replace(source.at(*loc[:-1]), field=field_path(loc))
        return make(codes.MISSING, location, key=key, description=_description(model, loc))
    if kind == "extra_forbidden":
        return _unknown_key(source, model, loc)
    if kind in ("enum", "literal_error"):
        return make(codes.CHOICE, source.at(*loc), value=_show(value), choices=_choices(model, loc, ctx))
    if kind.startswith(("date_", "datetime_")):
        hint = _date_hint(value)
        return make(codes.DATE, source.at(*loc), value=_show(value), hint_zh=hint[0], hint_en=hint[1])
    if kind == "int_from_float":
        return make(codes.NUMBER, source.at(*loc), value=_show(value), expected_zh="整数", expected_en="a whole number",
                    hint_zh="这里只能写整数，不能有小数，例如 1、12", hint_en="write a whole number, e.g. 1 or 12")
    if kind.startswith(("int_", "decimal_", "float_")) and kind.endswith(("parsing", "type")):
        hint = _number_hint(value)
        return make(codes.NUMBER, source.at(*loc), value=_show(value), expected_zh="数字",
                    expected_en="a number", hint_zh=hint[0], hint_en=hint[1])
    if kind in TYPE_NAMES:
        expected = TYPE_NAMES[kind]
        found = _found(value)
        hint = _type_hint(value, kind)
        return make(codes.TYPE, source.at(*loc), expected_zh=expected[0], expected_en=expected[1],
                    found_zh=found[0], found_en=found[1], hint_zh=hint[0], hint_en=hint[1])
    constraint = _constraint(kind, ctx, detail["msg"])
    return make(codes.CONSTRAINT, source.at(*loc), value=_show(value),
                constraint_zh=constraint[0], constraint_en=constraint[1])


def _blank(kind: str, value: Any) -> bool:
    """A field left empty (``date:`` with nothing after it, or ``""``), whatever it was to hold."""
    if isinstance(value, str) and not value.strip():
        return kind == "string_too_short" or kind.startswith("date") or kind in SHAPE_KINDS
    return value is None and kind in SHAPE_KINDS


def _empty(source: SourceFile, model: type[BaseModel], loc: tuple[str | int, ...], kind: str,
           ctx: dict[str, Any]) -> Diagnostic:
    names = [i for i, part in enumerate(loc) if isinstance(part, str)]
    key = field_path(loc[names[-1]:]) if names else field_path(loc)
    info = _field_info(model, loc)
    description = re.split(r"[；;]", (info.description or "") if info else "")[0]
    example = re.search(r"例如\s*([^\s，,；。（）()]+)", description)
    description = re.sub(r"[，,]?\s*例如.*$", "", description)
    zh, en, sample = _what_to_write(model, loc, kind, ctx, info)
    if kind in ("string_type", "string_too_short"):
        zh = f"写上{description or '文字'}"
        sample = example.group(1) if example else None
    elif description and kind not in ("enum", "literal_error"):
        zh = f"{description}{'；' if '：' in description else '：'}{zh}"
    if sample is not None:
        zh = f"{zh}，例如 {key}: {sample}"
        if not _CJK.search(sample):
            en = f"{en}, e.g. {key}: {sample}"
    return make(codes.EMPTY, source.at(*loc), key=key, hint_zh=zh, hint_en=en)


def _what_to_write(model: type[BaseModel], loc: tuple[str | int, ...], kind: str, ctx: dict[str, Any],
                   info: Any) -> tuple[str, str, str | None]:
    """What a blank field is to hold, in words, and a value to show as the example (None: no example)."""
    if kind == UNION:
        return f"写成{ctx['expected'][0]}", f"write {ctx['expected'][1]}", None
    if kind in ("enum", "literal_error"):
        return (f"从下列取值中选一个填上：{_choices(model, loc, ctx)}",
                f"choose one of: {_choices(model, loc, ctx, labelled=False)}", None)
    if kind.startswith("date"):
        return "写成 年-月-日", "write the date as year-month-day", "2024-03-05"
    if kind.startswith("int"):
        return "写整数", "write a whole number", _example_number(info, whole=True)
    if kind.startswith(("float", "decimal")):
        return "写数字", "write a number", _example_number(info, whole=False)
    if kind.startswith("bool"):
        return "写 true（是）或 false（否）", "write true or false", "true"
    if kind in ("list_type", "tuple_type"):
        return ("写成列表：每项一行，以“- ”开头，或写成 [a, b]",
                "write a list: one item per line starting with '- ', or [a, b]", None)
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return ("在下面各行缩进两格，写“字段: 值”", "write its 'key: value' lines below it, indented two spaces", None)
    return "写上文字", "write the text", None


def _example_number(info: Any, *, whole: bool) -> str:
    """A value inside the field's bounds: a year for a year, else a small ordinary number."""
    metadata = list(getattr(info, "metadata", []) or [])
    low = next((m.ge for m in metadata if hasattr(m, "ge")), next((m.gt for m in metadata if hasattr(m, "gt")), 0))
    high = next((m.le for m in metadata if hasattr(m, "le")), None)
    candidates = (2024,) if low >= 1900 else (3, low) if whole else (Decimal("18.5"), Decimal("0.5"), low)
    fits = [c for c in candidates if c >= low and (high is None or c <= high)]
    return str(fits[0] if fits else low)


def _keys_as_text(data: Any, loc: tuple[str | int, ...]) -> tuple[str | int, ...]:
    """A number that is a mapping key (the year in ``dues: {2024: [...]}``) as text, so it is not
    shown as a 1-based list position (``dues.2024``, not ``dues[2025]``)."""
    out: list[str | int] = []
    node = data
    for part in loc:
        if isinstance(node, dict):
            out.append(str(part))
            node = node.get(part)
        else:
            out.append(part)
            node = node[part] if isinstance(node, list) and isinstance(part, int) and part < len(node) else None
    return tuple(out)


def _show(value: Any) -> str:
    """The value as the clerk wrote it in YAML, never a Python repr (``True``, ``None``, ``list``)."""
    text = _as_yaml(value)
    return text if len(text) <= 60 else text[:57] + "…"


def _as_yaml(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_as_yaml(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_as_yaml(k)}: {_as_yaml(v)}" for k, v in value.items()) + "}"
    return str(value)


def _found(value: Any) -> tuple[str, str]:
    if isinstance(value, dict):
        return "映射", "a mapping"
    if isinstance(value, list):
        return "列表", "a list"
    if value is None:
        return "空值", "nothing"
    return f"“{_show(value)}”", f"'{_show(value)}'"


def _type_hint(value: Any, kind: str) -> tuple[str, str]:
    if isinstance(value, str) and "：" in value:
        return ("这里用了全角冒号“：”，字段名后面要用半角冒号加空格“: ”",
                "a full-width colon '：' was used; write an ASCII colon and a space ': '")
    if kind.startswith("bool") and isinstance(value, str):
        return ("写 true（是）或 false（否），不要写“是/否”", "write true or false")
    if kind in ("list_type", "tuple_type"):
        return ("每一项单独一行，以“- ”开头，或写成 [a, b]",
                "put each item on its own line starting with '- ', or [a, b]")
    return ("参照 content/README.md 中的示例", "follow the example in content/README.md")


def _date_hint(value: Any) -> tuple[str, str]:
    text = str(value)
    match = _DATE_TIME.match(text)
    if match:
        iso = "{}-{:0>2}-{:0>2}".format(*match.groups())
        return (f"只写日期，不写时间：{iso}", f"write the date only, without the time: {iso}")
    for pattern in (_CN_DATE, _SLASH_DATE, _UNPADDED_DATE, _COMPACT_DATE):
        match = pattern.match(_to_halfwidth(text))
        if match:
            iso = "{}-{:0>2}-{:0>2}".format(*match.groups())
            return (f"日期请写成 {iso}（年-月-日，月和日补足两位，用半角数字和短横线），并确认这一天存在",
                    f"write the date as {iso} and check the day exists")
    if _FULLWIDTH_DIGITS.search(text):
        return ("日期里有全角数字，请改用半角数字，例如 2024-03-05", "use ASCII digits, e.g. 2024-03-05")
    return ("日期请写成 2024-03-05 的形式，并确认这一天存在", "write dates as 2024-03-05 and check the day exists")


def _number_hint(value: Any) -> tuple[str, str]:
    text = str(value)
    if _FULLWIDTH_DIGITS.search(text):
        return (f"有全角数字，请改成半角：{_to_halfwidth(text)}", f"use ASCII digits: {_to_halfwidth(text)}")
    if _FULLWIDTH_COMMA_LIST.match(text):
        return ("列表里用了全角逗号“，”或顿号“、”；各项之间要用半角逗号加空格，例如 [1, 2, 3]",
                "the list uses full-width commas '，'; separate items with an ASCII comma and a space: [1, 2, 3]")
    if re.search(r"[元万,，]", text):
        return ("只写数字，不带“元”“万”和千位分隔符，例如 12000.50", "digits only, no units or separators")
    return ("只写数字，例如 18 或 18.5", "write digits only, e.g. 18 or 18.5")


def _to_halfwidth(text: str) -> str:
    return "".join(chr(ord(ch) - 0xFEE0) if "０" <= ch <= "９" else ch for ch in text)


def _constraint(kind: str, ctx: dict[str, Any], msg: str) -> tuple[str, str]:
    table = {
        "greater_than_equal": ("不能小于 {ge}", "must be at least {ge}"),
        "greater_than": ("必须大于 {gt}", "must be greater than {gt}"),
        "less_than_equal": ("不能大于 {le}", "must be at most {le}"),
        "less_than": ("必须小于 {lt}", "must be less than {lt}"),
        "string_pattern_mismatch": ("格式不对（标识只能用小写字母、数字、- 和 _）", "wrong format ({pattern})"),
        "string_too_short": ("不能为空", "must not be empty"),
        "string_too_long": ("太长（最多 {max_length} 字）", "too long (at most {max_length} characters)"),
        "too_short": ("至少要有 {min_length} 项", "needs at least {min_length} item(s)"),
        "too_long": ("最多 {max_length} 项", "at most {max_length} item(s)"),
        "decimal_max_places": ("最多 {decimal_places} 位小数", "at most {decimal_places} decimal places"),
        "decimal_max_digits": ("位数太多", "too many digits"),
        "finite_number": ("必须是普通数字（不能是 .nan 或 .inf）", "must be a finite number (not .nan or .inf)"),
    }
    zh, en = table.get(kind, (msg, msg))
    return zh.format(**ctx), en.format(**ctx)


def _model_at(model: type[BaseModel], loc: tuple[str | int, ...]) -> type[BaseModel] | None:
    """The model class that holds the field at ``loc``'s last step."""
    current: Any = model
    for part in loc:
        current = _unwrap(current)
        if isinstance(part, int):
            continue
        if isinstance(current, type) and issubclass(current, BaseModel) and part in current.model_fields:
            current = current.model_fields[part].annotation
        elif not (isinstance(current, type) and issubclass(current, BaseModel)):
            continue
        else:
            return None
    found = _unwrap(current)
    return found if isinstance(found, type) and issubclass(found, BaseModel) else None


def _unwrap(annotation: Any) -> Any:
    """The model or enum inside ``X | None``, ``tuple[X, ...]``, ``dict[K, X]``, ``Annotated[X, ...]``."""
    for _ in range(6):
        origin = typing.get_origin(annotation)
        if origin is None:
            return annotation
        args = [a for a in typing.get_args(annotation) if a is not type(None) and a is not Ellipsis]
        if origin is typing.Annotated:
            annotation = args[0]
            continue
        if origin in (typing.Union, types.UnionType):
            models = [a for a in args if isinstance(a, type) and issubclass(a, BaseModel | Enum)]
            annotation = models[0] if models else args[0]
            continue
        annotation = args[-1] if args else annotation
    return annotation


def _unknown_key(source: SourceFile, model: type[BaseModel], loc: tuple[str | int, ...]) -> Diagnostic:
    key = str(loc[-1])
    parent = _model_at(model, loc[:-1])
    allowed = list(parent.model_fields) if parent else []
    close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.5)
    zh = f"是不是想写“{close[0]}”？" if close else ""
    en = f"did you mean '{close[0]}'? " if close else ""
    return make(codes.UNKNOWN_KEY, source.at(*loc, key=True), key=key, allowed="、".join(allowed),
                suggestion_zh=zh, suggestion_en=en)


def _field_info(model: type[BaseModel], loc: tuple[str | int, ...]) -> Any:
    parent = _model_at(model, loc[:-1])
    if parent is None or not isinstance(loc[-1], str):
        return None
    return parent.model_fields.get(loc[-1])


def _description(model: type[BaseModel], loc: tuple[str | int, ...]) -> str:
    info = _field_info(model, loc)
    return (info.description or "见 content/README.md") if info else "见 content/README.md"


def _choices(model: type[BaseModel], loc: tuple[str | int, ...], ctx: dict[str, Any], *, labelled: bool = True) -> str:
    """The values a field allows, each with its Chinese name unless not ``labelled`` (for English messages)."""
    info = _field_info(model, loc)
    enum = _unwrap(info.annotation) if info else None
    if isinstance(enum, type) and issubclass(enum, Enum):
        labels = LABELS.get(enum, {}) if labelled else {}
        joined = "、" if labelled else ", "
        return joined.join(f"{m.value}（{labels[m.value]}）" if m.value in labels else str(m.value) for m in enum)
    return str(ctx.get("expected", ""))
