"""The bundled content: no content error, and a realistic spread of compliance findings."""

from __future__ import annotations

import json
import re
from collections import Counter

from tests.conftest import BUNDLED, run_cli


def test_bundled_content_has_no_errors_and_a_spread_of_findings() -> None:
    result = run_cli("check", "--content", BUNDLED, "--format", "json")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr
    report = json.loads(result.stdout)
    diagnostics = report["diagnostics"]
    assert not [d for d in diagnostics if d["kind"] == "error"]
    findings = [d for d in diagnostics if d["kind"] == "finding"]
    severities = Counter(d["severity"] for d in findings)
    assert severities["serious"] and severities["warning"]
    flagged = {d["branch"] for d in findings if d["branch"]}
    branches = {p.name for p in (BUNDLED / "branches").iterdir() if p.is_dir()}
    assert flagged and branches - flagged, "some branches are fully compliant, some are not"
    prefixes = {d["code"].rstrip("0123456789") for d in findings}
    assert {"ORG", "LIFE", "DUES"} <= prefixes
    assert all(d["unit"] and d["records"] for d in findings if d["branch"])
    iso = re.compile(r"\d{4}-\d{2}-\d{2}")
    assert not [d["message"] for d in findings if iso.search(d["message"])], "dates read 2024年3月5日 in Chinese"
