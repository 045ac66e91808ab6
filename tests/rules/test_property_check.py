"""Property: whatever a clerk does to valid records, ``check`` ends with findings or success, never a crash.

Hypothesis takes a valid content tree and breaks it at random: values of
another type, deleted and misspelt keys, Chinese dates and full-width digits,
GBK / UTF-16 / BOM encodings, tabs and full-width colons, truncated or
deleted files. ``check`` must always exit 0 or 1 with its own messages; exit
70 (internal error) or a traceback is a bug. ``PROPERTY_EXAMPLES=5000`` runs a
longer search.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import os
import tempfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.cli import main
from tests.conftest import BUNDLED, MINIMAL, run_cli, write_tree
from tests.rules.trees import SITE, activity, compliant, dump

SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(-10**6, 10**6), st.text(max_size=12),
    st.sampled_from(["2024年3月5日", "2024/3/5", "２０２４", "是", "否", "all", "fgw-zhc-01", "full", "1e400",
                     "quarter", "excellent", "0.3333", "-1", "", "：", "　", "2024-02-30", "NaN"]),
    st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)),
    st.floats(min_value=-1e9, max_value=1e9, allow_nan=False),
)
VALUES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
    st.sampled_from(["id", "type", "date", "member", "x", "年份", "2024"]), inner, max_size=3), max_leaves=6)


def _valid_tree() -> dict[str, str]:
    spec = compliant(9, groups=2)
    spec.activities[2024].append(activity("party_lecture", dt.date(2024, 6, 5), lecturer="fgw-zhc-02",
                                          absentees=[{"member": "fgw-zhc-03", "reason": "出差"}]))
    grades = {"fgw-zhc-01": "excellent", "fgw-zhc-02": "qualified", "fgw-zhc-03": "qualified"}
    spec.assessments[2024] = {"business_score": 18, "review": {"date": dt.date(2024, 12, 21), "grades": grades},
                              "nominations": {"excellent_member": ["fgw-zhc-01"]}}
    spec.rectifications = [{"id": "r1", "issue": "dues", "description": "党费", "found": dt.date(2024, 5, 1),
                            "deadline": dt.date(2024, 6, 1)}]
    base = {k: v for k, v in MINIMAL.items() if not k.startswith("branches/")}
    extra = {
        "pages/about.md": "---\ntitle: 关于本站\norder: 1\n---\n\n本站介绍。\n",
        "trainings/t2024.yaml": dump({"title": "示范培训", "kind": "demonstration", "start": dt.date(2024, 4, 1),
                                     "end": dt.date(2024, 4, 3), "attendees": ["fgw-zhc-01"]}),
    }
    return {**base, "site.yaml": SITE, **spec.files(), **extra}


def _bundled_tree() -> dict[str, str]:
    """Every text record of the bundled content (cases, contests, funds, bulletins… that the small tree lacks)."""
    return {path.relative_to(BUNDLED).as_posix(): path.read_text(encoding="utf-8")
            for path in sorted(BUNDLED.rglob("*"))
            if path.suffix in (".yaml", ".md") and path.name != "README.md"
            and not any(part.startswith(("_", ".")) for part in path.relative_to(BUNDLED).parts)}


VALID = _valid_tree()
BUNDLED_TREE = _bundled_tree()


def _paths(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(data, dict):
        for key, value in data.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            found += _paths(value, (*prefix, i))
    return found


def _set(data: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    data[path[0]] = _set(data[path[0]], path[1:], value)
    return data


def _delete(data: Any, path: tuple[Any, ...]) -> None:
    parent = data
    for part in path[:-1]:
        parent = parent[part]
    del parent[path[-1]]


def _split(text: str) -> tuple[str, str]:
    """Front matter and body of a Markdown file; YAML text and '' otherwise."""
    if text.startswith("---\n"):
        front, _, body = text[4:].partition("\n---\n")
        return front, body
    return text, ""


def _join(name: str, front: str, body: str) -> str:
    return f"---\n{front}---\n{body}" if name.endswith(".md") else front


@st.composite
def mutated(draw: st.DrawFn, base: dict[str, str] = VALID) -> dict[str, str | bytes | None]:
    files: dict[str, str | bytes | None] = dict(base)
    names = sorted(base)
    for _ in range(draw(st.integers(1, 3))):
        name = draw(st.sampled_from(names))
        current = files[name]
        if not isinstance(current, str):
            continue
        files[name] = draw(_mutate_file(name, current))
    return files


@st.composite
def _mutate_file(draw: st.DrawFn, name: str, text: str) -> str | bytes | None:
    how = draw(st.sampled_from(["value", "value", "plausible", "plausible", "plausible", "delete_key", "add_key",
                                "rename_key", "encoding", "text", "truncate", "delete_file"]))
    if how == "delete_file":
        return None
    if how == "encoding":
        encoding = draw(st.sampled_from(["gbk", "utf-16", "utf-16-le", "utf-8-sig", "gb18030"]))
        return text.encode(encoding)
    if how == "truncate":
        raw = text.encode("utf-8")
        return raw[: draw(st.integers(0, len(raw)))]
    if how == "text":
        lines = text.split("\n")
        i = draw(st.integers(0, max(0, len(lines) - 1)))
        bad = draw(st.sampled_from(["\t", "：", "\u3000", "- ", "  ", "&a ", "*a", "{", "'", "\x00", "#"]))
        lines[i] = lines[i].replace(": ", bad, 1) if draw(st.booleans()) else bad + lines[i]
        return "\n".join(lines)
    front, body = _split(text)
    try:
        data = yaml.safe_load(front)
    except yaml.YAMLError:
        return text
    paths = _paths(data)
    path = draw(st.sampled_from(paths))
    if how == "value":
        data = _set(data, path, draw(VALUES))
    elif how == "plausible":
        data = _set(data, path, draw(_plausible(_get(data, path))))
    elif how == "delete_key" and path:
        _delete(data, path)
    elif how in ("add_key", "rename_key"):
        mappings = [p for p in paths if isinstance(_get(data, p), dict) and _get(data, p)]
        if mappings:
            target = _get(data, draw(st.sampled_from(mappings)))
            key = draw(st.sampled_from(sorted(target, key=str)))
            new = draw(st.sampled_from([f"{key}s", str(key)[:-1] or "k", "备注", "Name", "id2"]))
            target[new] = target[key] if how == "add_key" else target.pop(key)
    return _join(name, dump(data), body)


PLAUSIBLE_TEXT = ("fgw-zhc-01", "fgw-zhc-05", "fgw-zhc-09", "g1", "g2", "secretary", "organization",
                  "deputy_secretary", "probationary", "full", "department", "excellent", "qualified",
                  "unqualified", "all", "committee_meeting", "group_meeting", "party_lecture", "heart_talk",
                  "theme_day", "month", "quarter", "year", "dues", "fgw")


def _plausible(current: Any) -> st.SearchStrategy[Any]:
    """A value of the same kind, so the record stays valid and the rules see odd but legal data."""
    if isinstance(current, dt.date):
        return st.dates(dt.date(2019, 1, 1), dt.date(2025, 12, 31))
    if isinstance(current, bool):
        return st.booleans()
    if isinstance(current, int):
        return st.integers(0, 60)
    if isinstance(current, list):
        return st.lists(st.sampled_from(current or ["fgw-zhc-01"]), max_size=len(current) + 2) | st.just([])
    if isinstance(current, str):
        return st.sampled_from(PLAUSIBLE_TEXT)
    return st.just(current)


def _get(data: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        data = data[part]
    return data


def _check(root: Path) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["check", "--content", str(root)])
    return code, out.getvalue() + err.getvalue()


def test_the_valid_tree_is_valid() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        code, output = _check(write_tree(Path(tmp) / "content", dict(VALID)))
    assert code == 0, output


@pytest.mark.slow
@settings(max_examples=int(os.environ.get("PROPERTY_EXAMPLES", "200")), deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(files=mutated())
def test_check_never_crashes(files: dict[str, str | bytes | None]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = write_tree(Path(tmp) / "content", {k: v for k, v in files.items() if v is not None})
        code, output = _check(root)
    assert code in (0, 1), output
    assert "Traceback" not in output and "程序内部错误" not in output


@pytest.mark.slow
@settings(max_examples=int(os.environ.get("PROPERTY_EXAMPLES", "40")), deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(files=mutated(BUNDLED_TREE))
def test_check_never_crashes_on_the_bundled_content(files: dict[str, str | bytes | None]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = write_tree(Path(tmp) / "content", {k: v for k, v in files.items() if v is not None})
        code, output = _check(root)
    assert code in (0, 1), output
    assert "Traceback" not in output and "程序内部错误" not in output


@pytest.mark.parametrize("damage", ["gbk", "utf-16", "bytes", "delete"])
def test_check_as_a_subprocess_reports_damage(tmp_path: Path, damage: str) -> None:
    files: dict[str, str | bytes] = dict(VALID)
    name = "branches/fgw-zhc/activities/2024.yaml"
    text = VALID[name]
    if damage == "gbk":
        files[name] = text.encode("gbk")
    elif damage == "utf-16":
        files[name] = text.encode("utf-16")
    elif damage == "bytes":
        files[name] = bytes(range(256))
    else:
        del files["rules.yaml"]
    result = run_cli("check", "--content", write_tree(tmp_path / "content", files))
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert "错误[" in result.stdout
