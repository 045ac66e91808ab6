"""Scaffolding (``python -m generator new``): a new record file, every field explained in Chinese.

The text is generated from the pydantic models themselves, so the comments are
the field descriptions the validator and the JSON Schema use and can never
drift from them. Required fields are left empty for the clerk to fill in;
optional fields are written commented out with their default. The file starts
with a ``yaml-language-server`` link to the record's JSON Schema, so VS Code
autocompletes and underlines mistakes while typing. An existing file is never
overwritten.
"""

from __future__ import annotations

import datetime as dt
import re
import types
import typing
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum, StrEnum
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from generator.labels import zh
from generator.load.discover import LAYOUT, MARKDOWN_KINDS
from generator.models import RECORD_TYPES

#: What each kind of record is, for the file's first comment line.
TITLES: dict[str, str] = {
    "site": "网站设置", "requirements": "组织生活等制度要求", "rubric": "“五好”评分标准",
    "points_scheme": "党员积分办法", "unit": "省直部门（单位）", "branch": "党支部基本情况及历届班子",
    "members": "支部党员名单", "activities": "支部全年组织生活记录", "points": "党员积分加减分记录",
    "assessment": "支部年度考核", "rectifications": "支部整改事项", "report": "支部年度工作报告",
    "training": "书记培训班", "profile": "优秀党支部书记事迹", "case": "警示教育案例",
    "contest": "公文写作技能大赛（一届）", "fund": "互助金年度收支", "bulletin": "通报", "page": "网站页面",
}
#: Words for fields the models leave undescribed; a model's own description always wins.
FALLBACK: dict[str, str] = {
    "title": "标题", "name": "名称", "date": "日期", "year": "年度", "gender": "性别：男 或 女",
    "order": "排序号，小的在前", "type": "类型", "person": "当事人", "groups": "组别", "items": "比赛项目",
    "judges": "评委", "quotas": "各等奖比例", "donations": "捐款记录", "disbursements": "帮扶支出记录",
    "rectifications": "整改事项", "nominations": "评先推荐", "privacy": "公开范围设置", "fonts": "PDF 通报的字体",
    "branch": "支部设置要求", "leading_cadres": "领导干部参加组织生活的要求", "committee_min": "支委会最少人数",
    "committee_max": "支委会最多人数", "required_roles": "支委会必设的职务",
    "body": "正文字体", "heading1": "一级标题字体", "heading2": "二级标题字体", "page_number": "页码字体",
}
_YEAR_FOLDERS = frozenset({"activities", "points", "assessments", "reports", "fund"})
_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
_INDENT = "  "


class ScaffoldError(Exception):
    """A scaffold was not written: wrong arguments, or a file that is already there (never overwritten).

    Both are usage errors (exit 2); exit 1 is kept for content that fails the check."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(en)
        self.zh, self.en = zh, en


@dataclass(frozen=True)
class Kind:
    name: str
    pattern: str

    @property
    def arguments(self) -> tuple[str, ...]:
        """Names of the path parts the user supplies: ``branch``, ``year`` or ``id``."""
        parts = self.pattern.split("/")
        names = []
        for i, part in enumerate(parts):
            if "*" not in part:
                continue
            folder = parts[i - 1] if i else ""
            names.append("branch" if folder == "branches" else "year" if folder in _YEAR_FOLDERS else "id")
        return tuple(names)

    def path(self, values: list[str]) -> str:
        if len(values) != len(self.arguments):
            wanted = " ".join(a.upper() for a in self.arguments) or "（无）"
            raise ScaffoldError(f"new {self.name} 需要参数：{wanted}", f"new {self.name} takes: {wanted or '-'}")
        for name, value in zip(self.arguments, values, strict=True):
            _check_value(name, value)
        it = iter(values)
        return re.sub(r"\*", lambda _: next(it), self.pattern)


KINDS: dict[str, Kind] = {kind: Kind(kind, pattern) for pattern, kind in LAYOUT}


def missing_branch(content: Path, kind: str, values: list[str]) -> Path | None:
    """The ``branch.yaml`` a branch part belongs to, if it does not exist yet."""
    arguments = KINDS[kind].arguments if kind in KINDS else ()
    if kind == "branch" or not arguments or arguments[0] != "branch" or not values:
        return None
    branch = content / "branches" / values[0] / "branch.yaml"
    return None if branch.exists() else branch


def _check_value(name: str, value: str) -> None:
    if name == "year":
        if not (value.isdigit() and len(value) == 4 and 1921 <= int(value) <= 2100):
            raise ScaffoldError(f"年份应是四位数字，例如 2024（不是“{value}”）",
                                f"a year is four digits, e.g. 2024 (not '{value}')")
    elif not _ID.match(value):
        raise ScaffoldError(f"标识“{value}”不合规：只能用小写字母、数字、- 和 _，例如 fgw-zhc",
                            f"id '{value}' is invalid: use lowercase letters, digits, - and _, e.g. fgw-zhc")


def create(content: Path, kind: str, values: list[str]) -> Path:
    """Write the scaffold of ``kind`` for ``values`` under ``content``; never overwrite."""
    if kind not in KINDS:
        raise ScaffoldError(f"不认识的记录类型“{kind}”，可用：{'、'.join(KINDS)}",
                            f"unknown record type '{kind}'; choose one of: {', '.join(KINDS)}")
    rel = KINDS[kind].path(values)
    path = content / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with path.open("x", encoding="utf-8", newline="\n") as stream:
            stream.write(text(kind, rel))
    except FileExistsError:
        raise ScaffoldError(f"{path} 已经存在，没有改动它。要重新开始，请先把它改名或删除。",
                            f"{path} already exists and was left unchanged; rename or delete it first.") from None
    return path


def text(kind: str, rel: str) -> str:
    """The scaffold of one record file at content-relative path ``rel``."""
    depth = rel.count("/")
    head = [
        f"# yaml-language-server: $schema={'../' * depth}_schemas/{kind}.schema.json",
        f"# {TITLES.get(kind, kind)}：content/{rel}",
        "# 每个字段上方的注释说明它的含义。标“必填”的要填写；以“# ”开头的字段可选，需要时删去行首的“# ”。",
        "# 填好后运行 python -m generator check 检查。",
    ]
    lines = [*head, "", *_model_lines(RECORD_TYPES[kind], 0)]
    yaml_text = "\n".join(lines) + "\n"
    if kind in MARKDOWN_KINDS:
        return f"---\n{yaml_text}---\n\n<!-- 在这里用 Markdown 写正文，写好后删除这一行。 -->\n"
    return yaml_text


def _model_lines(model: type[BaseModel], level: int) -> list[str]:
    lines: list[str] = []
    for name, info in model.model_fields.items():
        lines += _field_lines(name, info, level)
    return lines


def _field_lines(name: str, info: FieldInfo, level: int) -> list[str]:
    pad = _INDENT * level
    required = info.is_required()
    annotation = _strip_optional(info.annotation)
    nested, many = _nested_model(annotation)
    note = _describe(name, info, annotation, required)
    lines = [f"{pad}# {note}"]
    if nested is not None:
        body = [f"{pad}{name}:"]
        if many:
            body.append(f"{pad}{_INDENT}# 下面是第一项；复制以“- ”开头的整段可以再加一项")
            inner = _model_lines(nested, level + 2)
            inner[0] = f"{pad}{_INDENT}- " + inner[0].lstrip()
            body += inner
        else:
            body += _model_lines(nested, level + 1)
        return lines + (body if required else [_comment_out(line, pad) for line in body])
    if required:
        return [*lines, f"{pad}{name}:"]
    return [*lines, f"{pad}# {name}:{_default(info)}"]


def _comment_out(line: str, pad: str) -> str:
    return f"{pad}# {line[len(pad):]}"


def _describe(name: str, info: FieldInfo, annotation: Any, required: bool) -> str:
    description = info.description or FALLBACK.get(name, name)
    parts = [description, "必填" if required else "可选"]
    choices = _choices(annotation)
    if choices and choices.split("（")[0] not in description:
        parts.append(f"可选值：{choices}")
    shape = _shape(annotation)
    if shape and shape not in parts[0]:
        parts.append(shape)
    return "；".join(parts)


def _default(info: FieldInfo) -> str:
    value = info.get_default(call_default_factory=True)
    if value is None:
        return ""
    return f" {_yaml_value(value)}"


def _yaml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, tuple | list):
        return "[" + ", ".join(_yaml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{}" if not value else "{" + ", ".join(f"{k}: {_yaml_value(v)}" for k, v in value.items()) + "}"
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    return str(value)


def _strip_optional(annotation: Any) -> Any:
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return annotation


def _nested_model(annotation: Any) -> tuple[type[BaseModel] | None, bool]:
    """The model inside ``Model`` or ``tuple[Model, ...]``, and whether it is a list."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation, False
    if typing.get_origin(annotation) in (tuple, list):
        args = [a for a in typing.get_args(annotation) if a is not Ellipsis]
        if len(args) == 1 and isinstance(args[0], type) and issubclass(args[0], BaseModel):
            return args[0], True
    return None, False


def _choices(annotation: Any) -> str:
    for candidate in (annotation, *typing.get_args(annotation)):
        if isinstance(candidate, type) and issubclass(candidate, StrEnum):
            return "、".join(f"{m.value}（{zh(m)}）" for m in candidate)
        if typing.get_origin(candidate) is typing.Literal:
            return "、".join(str(v) for v in typing.get_args(candidate))
    return ""


def _shape(annotation: Any) -> str:
    origin = typing.get_origin(annotation)
    if annotation is dt.date:
        return "日期，写成 2024-03-05"
    if annotation is bool:
        return "写 true 或 false"
    if annotation in (int, Decimal):
        return "数字"
    if origin in (tuple, list):
        return "列表：每项一行，以“- ”开头，或写成 [a, b]"
    if origin is dict:
        return "映射：每行写“键: 值”"
    return ""
