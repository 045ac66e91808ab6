"""The one printer of diagnostics: sorted text for people, JSON for tools."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from typing import TextIO

from generator.codes import REGISTRY, Lang, texts
from generator.diagnostics import Diagnostic, Kind, Severity

_SEVERITY = {
    "zh": {Severity.ERROR: "错误", Severity.SERIOUS: "严重", Severity.WARNING: "警告", Severity.NOTICE: "提示"},
    "en": {Severity.ERROR: "error", Severity.SERIOUS: "serious", Severity.WARNING: "warning",
           Severity.NOTICE: "notice"},
}


def ordered(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    unique = {(d.code, d.location, repr(sorted(d.params.items())), d.records): d for d in diagnostics}
    return sorted(unique.values(), key=Diagnostic.sort_key)


def count(diagnostics: Iterable[Diagnostic]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for d in diagnostics:
        counts["errors" if d.kind is Kind.ERROR else d.severity.value] += 1
    return counts


def write_text(diagnostics: list[Diagnostic], lang: Lang, stream: TextIO, *, findings: bool = True) -> None:
    for d in ordered(diagnostics):
        if d.kind is Kind.FINDING and not findings:
            continue
        message, hint = texts(d, lang)
        label = _SEVERITY[lang][d.severity]
        head = d.location.prefix()
        stream.write(f"{head}: {label}[{d.code}] {message}\n" if head else f"{label}[{d.code}] {message}\n")
        if hint:
            stream.write(f"    {'提示' if lang == 'zh' else 'hint'}: {hint}\n")
    stream.write(summary(diagnostics, lang) + "\n")


def summary(diagnostics: Iterable[Diagnostic], lang: Lang) -> str:
    c = count(diagnostics)
    findings = c["serious"] + c["warning"] + c["notice"]
    if lang == "en":
        return (f"{c['errors']} content error(s), {findings} compliance finding(s) "
                f"({c['serious']} serious, {c['warning']} warning, {c['notice']} notice)")
    return (f"内容错误 {c['errors']} 个，合规问题 {findings} 个"
            f"（严重 {c['serious']}，警告 {c['warning']}，提示 {c['notice']}）")


def to_json(diagnostics: list[Diagnostic], lang: Lang) -> str:
    items = []
    for d in ordered(diagnostics):
        message, hint = texts(d, lang)
        items.append({
            "code": d.code,
            "kind": d.kind.value,
            "severity": d.severity.value,
            "title": REGISTRY[d.code].title_en if lang == "en" else REGISTRY[d.code].title_zh,
            "file": d.location.file,
            "line": d.location.line,
            "column": d.location.col,
            "field": d.location.field,
            "message": message,
            "hint": hint,
            "records": list(d.records),
            "branch": d.branch,
            "unit": d.unit,
        })
    c = count(diagnostics)
    return json.dumps({"summary": dict(sorted(c.items())), "diagnostics": items}, ensure_ascii=False, indent=2)
