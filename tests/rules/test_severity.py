"""Severity is configuration: site.yaml regrades findings, never content errors, and rejects unknown codes."""

from __future__ import annotations

from generator.codes import texts
from generator.diagnostics import Kind, Severity
from tests.rules.conftest import Run
from tests.rules.trees import SITE, compliant


def _not_head() -> object:
    spec = compliant(3)
    spec.branch["secretary_is_head"] = False
    return spec


def test_a_finding_takes_the_configured_severity(run: Run) -> None:
    found = [d for d in run(_not_head(), extra={"site.yaml": SITE + "severity:\n  ORG007: notice\n"})
             if d.code == "ORG007"]
    assert [d.severity for d in found] == [Severity.NOTICE]
    found = [d for d in run(_not_head()) if d.code == "ORG007"]
    assert [d.severity for d in found] == [Severity.WARNING]


def test_an_unknown_code_is_a_content_error_with_a_suggestion(run: Run) -> None:
    found = [d for d in run(compliant(3), extra={"site.yaml": SITE + "severity:\n  ORG07: notice\n"})
             if d.code == "RULE001"]
    assert len(found) == 1 and found[0].kind is Kind.ERROR
    assert found[0].location.line == 10 and "ORG007" in texts(found[0], "zh")[1]


def test_a_content_error_cannot_be_regraded(run: Run) -> None:
    found = [d for d in run(compliant(3), extra={"site.yaml": SITE + "severity:\n  PRIV001: notice\n"})]
    assert [d.code for d in found] == ["RULE002"]
