"""The code table: ``python -m generator codes`` lists every code, and the clerks' guide embeds it."""

from __future__ import annotations

import re

from generator.codes import REGISTRY
from generator.commands.codes import all_codes, table
from tests.conftest import BUNDLED, run_cli


def test_codes_command_prints_every_registered_code() -> None:
    result = run_cli("codes")
    assert result.returncode == 0, result.stderr
    listed = re.findall(r"^\| `([A-Z]+\d+)` \|", result.stdout, flags=re.MULTILINE)
    definitions = all_codes()
    assert listed == [d.code for d in definitions]
    assert {"ORG001", "LIFE011", "DUES002", "RECT001", "REV002", "PRIV001", "DATE001", "RULE001"} <= set(listed)
    assert "| 代码 | 类别 | 默认级别 |" in result.stdout
    assert "| `DUES002` | 合规问题 | 严重 | 连续6个月未缴党费 |" in result.stdout


def test_codes_in_english_and_placeholders_hidden() -> None:
    text = table(all_codes(), "en")
    assert text.startswith("| code | kind | default severity |")
    assert "| `LIFE011` | compliance finding | serious |" in text
    assert "{" not in text


def test_every_code_is_explained_in_the_clerks_guide() -> None:
    """Coordination test: content/README.md (the content engineer's guide) must embed the table of
    ``python -m generator codes``. It fails, on purpose and without skipping, while the README is
    missing or out of date; regenerate the table with that command to make it pass."""
    readme = BUNDLED / "README.md"
    assert readme.is_file(), "content/README.md is missing: it must embed `python -m generator codes`"
    text = readme.read_text(encoding="utf-8")
    all_codes()
    missing = sorted(code for code in REGISTRY if f"`{code}`" not in text)
    assert not missing, f"codes missing from content/README.md: {missing}"
    listed = set(re.findall(r"^\| `([A-Z]+\d+)` \|", text, flags=re.MULTILINE))
    stale = sorted(listed - set(REGISTRY))
    assert not stale, f"content/README.md explains codes that no longer exist: {stale}"
