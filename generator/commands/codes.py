"""``codes``: every diagnostic code as a Markdown table, for the clerks' guide (content/README.md).

Codes are defined next to their checks all over the package, so every module
is imported first; the table is then the registry itself and cannot drift
from what ``check`` reports.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import re

import generator
from generator.codes import REGISTRY, CodeDef, Lang
from generator.commands import lang_option, t
from generator.diagnostics import Kind, Severity
from generator.exit_codes import EXIT_OK

ORDER = 40

_KIND = {"zh": {Kind.ERROR: "内容错误", Kind.FINDING: "合规问题"},
         "en": {Kind.ERROR: "content error", Kind.FINDING: "compliance finding"}}
_SEVERITY = {"zh": {Severity.ERROR: "错误", Severity.SERIOUS: "严重", Severity.WARNING: "警告",
                    Severity.NOTICE: "提示"},
             "en": {s: s.value for s in Severity}}
_PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], lang: Lang) -> None:
    p = sub.add_parser("codes", help=t(lang, "列出全部问题代码（Markdown 表格，供填报说明使用）",
                                       "list every diagnostic code as a Markdown table"))
    lang_option(p, lang, argparse.SUPPRESS)
    p.set_defaults(handler=run)


def run(args: argparse.Namespace, lang: Lang) -> int:
    print(table(all_codes(), lang))
    return EXIT_OK


def all_codes() -> list[CodeDef]:
    """Every registered code, after importing every module that may define one, in code order."""
    for info in pkgutil.walk_packages(generator.__path__, "generator."):
        if not info.name.endswith("__main__"):
            importlib.import_module(info.name)
    return sorted(REGISTRY.values(), key=lambda d: _code_key(d.code))


def _code_key(code: str) -> tuple[str, int]:
    match = re.fullmatch(r"([A-Z]+)(\d+)", code)
    return (match.group(1), int(match.group(2))) if match else (code, 0)


def table(definitions: list[CodeDef], lang: Lang) -> str:
    if lang == "en":
        head = "| code | kind | default severity | title | what it means | how to fix |"
    else:
        head = "| 代码 | 类别 | 默认级别 | 名称 | 含义 | 如何改正 |"
    rows = [head, "| --- | --- | --- | --- | --- | --- |"]
    for d in definitions:
        en = lang == "en"
        message = d.message_en if en else d.message_zh
        hint = d.hint_en if en else d.hint_zh
        cells = [f"`{d.code}`", _KIND[lang][d.kind], _SEVERITY[lang][d.severity], d.title_en if en else d.title_zh,
                 _generic(message, en), _generic(hint, en)]
        rows.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    return "\n".join(rows)


def _generic(template: str, en: bool) -> str:
    """A message template with its placeholders shown as …; one that is only a placeholder varies by case."""
    if not _PLACEHOLDER.sub("", template).strip(" ，,。.：:"):
        return "depends on the case; see the message" if en else "随具体情况给出，见提示信息"
    return _PLACEHOLDER.sub("…", template)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
