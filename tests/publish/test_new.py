"""``new``: scaffolds for every record type, explained by the models' own descriptions."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pydantic import BaseModel

from generator.load.discover import read_source
from generator.load.source import SourceFile
from generator.models import RECORD_TYPES
from generator.scaffold import KINDS, _nested_model, _strip_optional, create
from tests.conftest import run_cli


def _fields(model: type[BaseModel]) -> Iterator[tuple[str, str | None]]:
    for name, info in model.model_fields.items():
        yield name, info.description
        nested, _ = _nested_model(_strip_optional(info.annotation))
        if nested is not None:
            yield from _fields(nested)


def _values(kind: str) -> list[str]:
    return ["2024" if a == "year" else "fgw-zhc" if a == "branch" else "x-1" for a in KINDS[kind].arguments]


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_type_scaffolds_to_a_readable_file_naming_every_field(kind: str, tmp_path: Path) -> None:
    content = tmp_path / "content"
    path = create(content, kind, _values(kind))
    text = path.read_text(encoding="utf-8")
    source = read_source(path, f"content/{path.relative_to(content).as_posix()}", kind)
    assert isinstance(source, SourceFile), source
    link = re.search(r"# yaml-language-server: \$schema=(\S+)", text)
    assert link is not None
    assert (path.parent / link.group(1)).resolve() == (content / "_schemas" / f"{kind}.schema.json").resolve()
    for name, description in _fields(RECORD_TYPES[kind]):
        assert re.search(rf"^[#\s-]*{name}:", text, re.MULTILINE), name
        if description:
            assert description in text, description


def test_a_filled_in_scaffold_passes_the_check(content: Callable[..., Path]) -> None:
    tree = content()
    created = run_cli("new", "unit", "tjj", "--content", tree)
    assert created.returncode == 0, created.stderr
    unit = tree / "units" / "tjj.yaml"
    unfilled = run_cli("check", "--content", tree)
    assert unfilled.returncode == 1
    assert "content/units/tjj.yaml" in unfilled.stdout
    text = unit.read_text(encoding="utf-8")
    unit.write_text(text.replace("\nname:\n", "\nname: 四川省统计局\n").replace("\nshort:\n", "\nshort: 省统计局\n"),
                    encoding="utf-8")
    assert run_cli("new", "page", "about", "--content", tree).returncode == 0
    page = tree / "pages" / "about.md"
    page.write_text(page.read_text(encoding="utf-8").replace("\ntitle:\n", "\ntitle: 关于本站\n"), encoding="utf-8")
    filled = run_cli("check", "--content", tree)
    assert "content/units/tjj.yaml" not in filled.stdout
    assert "content/pages/about.md" not in filled.stdout


def test_never_overwrites_an_existing_file(content: Callable[..., Path]) -> None:
    tree = content()
    members = tree / "branches" / "fgw-zhc" / "members.yaml"
    before = members.read_bytes()
    result = run_cli("new", "members", "fgw-zhc", "--content", tree)
    assert result.returncode == 2, "a refused overwrite is a usage error; exit 1 means content errors"
    assert "已经存在" in result.stderr
    assert "members.yaml" in result.stderr
    assert members.read_bytes() == before


def test_wrong_arguments_are_usage_errors(tmp_path: Path) -> None:
    result = run_cli("--lang", "en", "new", "activities", "fgw-zhc", "--content", tmp_path / "c")
    assert result.returncode == 2
    assert "BRANCH YEAR" in result.stderr
    bad_id = run_cli("new", "branch", "../../etc", "--content", tmp_path / "c")
    assert bad_id.returncode == 2
    assert "标识" in bad_id.stderr
    assert not (tmp_path / "etc").exists()
