"""The registry of diagnostic codes with their Chinese and English texts.

Every stage defines its codes with :func:`define` next to the check that emits
them, so a code, its kind, its default severity and its explanation stay in one
place; the clerks' guide and the findings page read this registry.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from generator.diagnostics import Diagnostic, Kind, Location, Severity

Lang = Literal["zh", "en"]


@dataclass(frozen=True)
class CodeDef:
    code: str
    kind: Kind
    severity: Severity
    title_zh: str
    title_en: str
    message_zh: str
    message_en: str
    hint_zh: str = ""
    hint_en: str = ""


REGISTRY: dict[str, CodeDef] = {}


def define(
    code: str,
    kind: Kind,
    severity: Severity,
    *,
    title: tuple[str, str],
    message: tuple[str, str],
    hint: tuple[str, str] = ("", ""),
) -> CodeDef:
    """Register a code; the message templates use ``str.format`` fields filled from params."""
    if code in REGISTRY:
        raise ValueError(f"diagnostic code {code} defined twice")
    definition = CodeDef(code, kind, severity, title[0], title[1], message[0], message[1], hint[0], hint[1])
    REGISTRY[code] = definition
    return definition


class _Lenient(dict[str, Any]):
    """Leaves an unknown placeholder visible instead of failing the report."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _fill(template: str, params: dict[str, Any]) -> str:
    return template.format_map(_Lenient(params))


def texts(diag: Diagnostic, lang: Lang) -> tuple[str, str]:
    """Message and hint of a diagnostic in the requested language."""
    definition = REGISTRY[diag.code]
    params = {k: _localise(v, lang) for k, v in diag.params.items()}
    if lang == "en":
        return _fill(definition.message_en, params), _fill(definition.hint_en, params)
    return _fill(definition.message_zh, params), _fill(definition.hint_zh, params)


def _localise(value: Any, lang: Lang) -> Any:
    """A param may carry both languages as a ``(zh, en)`` pair."""
    if isinstance(value, tuple) and len(value) == 2 and all(isinstance(v, str) for v in value):
        return value[1] if lang == "en" else value[0]
    return value


def make(
    definition: CodeDef,
    location: Location,
    *,
    records: tuple[str, ...] = (),
    branch: str = "",
    unit: str = "",
    severity: Severity | None = None,
    **params: Any,
) -> Diagnostic:
    return Diagnostic(
        code=definition.code,
        kind=definition.kind,
        severity=severity or definition.severity,
        location=location,
        params=params,
        records=records,
        branch=branch,
        unit=unit,
    )
