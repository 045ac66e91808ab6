"""Severity is configuration: ``site.yaml`` ``severity:`` maps a finding code to its level.

Only compliance findings can be regraded; a content error stays an error, and
a code the registry does not know is itself a content error (a typo would
otherwise silently change nothing).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from dataclasses import replace

from generator.codes import REGISTRY, define, make
from generator.diagnostics import Diagnostic, Kind, Severity
from generator.models.corpus import At
from generator.models.site import Site

E = Kind.ERROR

UNKNOWN_CODE = define(
    "RULE001", E, Severity.ERROR,
    title=("不存在的问题代码", "unknown diagnostic code"),
    message=("severity 中的代码“{code}”不存在", "severity names code '{code}', which does not exist"),
    hint=("{suggestion_zh}代码表见 content/README.md 或运行 python -m generator codes",
          "{suggestion_en}see content/README.md or run python -m generator codes"),
)
NOT_A_FINDING = define(
    "RULE002", E, Severity.ERROR,
    title=("内容错误不能调整级别", "a content error cannot be regraded"),
    message=("“{code}”是内容错误，不能改为 {level}", "'{code}' is a content error and cannot become {level}"),
    hint=("只能调整合规问题（严重/警告/提示）的级别；请删除这一行",
          "only compliance findings can be regraded; remove this line"),
)


def check_overrides(site: At[Site]) -> list[Diagnostic]:
    """Content errors for override lines that name an unknown code or a content-error code."""
    found: list[Diagnostic] = []
    for code, level in sorted(site.value.severity.items()):
        location = site.loc("severity", code, key=True)
        definition = REGISTRY.get(code)
        if definition is None:
            close = difflib.get_close_matches(code.upper(), list(REGISTRY), n=1, cutoff=0.6)
            found.append(make(UNKNOWN_CODE, location, code=code,
                              suggestion_zh=f"是不是“{close[0]}”？" if close else "",
                              suggestion_en=f"did you mean '{close[0]}'? " if close else ""))
        elif definition.kind is Kind.ERROR:
            found.append(make(NOT_A_FINDING, location, code=code, level=level))
    return found


def apply_overrides(diagnostics: Iterable[Diagnostic], overrides: Mapping[str, str]) -> list[Diagnostic]:
    """The diagnostics with each finding's severity replaced as ``overrides`` says; errors unchanged."""
    return [replace(d, severity=Severity(overrides[d.code]))
            if d.kind is Kind.FINDING and d.code in overrides else d
            for d in diagnostics]
