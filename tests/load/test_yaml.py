"""The loader turns bytes into data or into an error that names the place and the fix."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from generator.codes import texts
from generator.load import discover
from generator.load.decode import DecodeError, decode
from generator.load.yamlparse import ParseError, parse


def test_values_load_as_exact_types() -> None:
    data = parse("amount: 12000.10\nday: 2024-03-05\nanswer: no\nflag: true\n")
    assert data == {"amount": Decimal("12000.10"), "day": dt.date(2024, 3, 5), "answer": "no", "flag": True}


@pytest.mark.parametrize(
    ("text", "code", "line", "col"),
    [
        ("a: 1\nb: 2\na: 3\n", "LOAD005", 3, 1),
        ("a: &x [1, 2]\nb: *x\n", "LOAD006", 1, 4),
        ("a:\n\tb: 1\n", "LOAD004", 2, 1),
        ("a: b: c\n", "LOAD004", 1, 5),
        ("a: \"open\n", "LOAD004", 2, 1),
        ("[" * 40 + "]" * 40, "LOAD007", 1, 1),
    ],
)
def test_broken_yaml_points_at_line_and_column(text: str, code: str, line: int, col: int) -> None:
    with pytest.raises(ParseError) as caught:
        parse(text)
    assert (caught.value.code.code, caught.value.line, caught.value.col) == (code, line, col)


def test_alias_bomb_is_refused_without_expanding() -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n" for i in range(20)
    )
    with pytest.raises(ParseError) as caught:
        parse(bomb)
    assert caught.value.code.code == "LOAD006"


def test_very_deep_nesting_is_an_error_not_a_crash() -> None:
    with pytest.raises(ParseError) as caught:
        parse("[" * 100_000 + "]" * 100_000)
    assert caught.value.code.code in {"LOAD004", "LOAD007"}


def test_tab_hint_is_specific() -> None:
    with pytest.raises(ParseError) as caught:
        parse("a:\n\tb: 1\n")
    assert "Tab" in str(caught.value.params["hint_zh"])


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("单位: 发展改革委\n".encode("gbk"), "LOAD001"),
        ("name: 测试\n".encode("utf-16"), "LOAD002"),
        ("name: test\n".encode("utf-16-le"), "LOAD002"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "LOAD003"),
    ],
)
def test_other_encodings_are_named(raw: bytes, code: str) -> None:
    with pytest.raises(DecodeError) as caught:
        decode(raw)
    assert caught.value.code.code == code


def test_utf8_with_and_without_bom_and_crlf() -> None:
    assert decode("名称: 测试\r\n".encode("utf-8-sig")) == "名称: 测试\n"
    assert decode("名称: 测试\n".encode()) == "名称: 测试\n"


def test_discover_reports_every_broken_file_at_once(tmp_path: Path) -> None:
    root = tmp_path / "content"
    (root / "units").mkdir(parents=True)
    (root / "units" / "a.yaml").write_bytes("name: 财政厅\n".encode("gbk"))
    (root / "units" / "b.yaml").write_text("name: x\nname: y\n", encoding="utf-8")
    (root / "units" / "c.yaml").write_text("name：财政厅\n", encoding="utf-8")
    (root / "stray.txt").write_text("x", encoding="utf-8")
    found = discover(root)
    got = sorted((d.location.file, d.code) for d in found.diagnostics)
    assert got == [
        ("content/stray.txt", "LOAD011"),
        ("content/units/a.yaml", "LOAD001"),
        ("content/units/b.yaml", "LOAD005"),
        ("content/units/c.yaml", "LOAD012"),
    ]
    colon = next(d for d in found.diagnostics if d.code == "LOAD012")
    assert "全角冒号" in texts(colon, "zh")[1]


def test_symlink_out_of_content_is_an_error(tmp_path: Path) -> None:
    secret = tmp_path / "secret.yaml"
    secret.write_text("name: x\n", encoding="utf-8")
    root = tmp_path / "content" / "units"
    root.mkdir(parents=True)
    (root / "x.yaml").symlink_to(secret)
    found = discover(tmp_path / "content")
    assert [d.code for d in found.diagnostics] == ["LOAD009"]
    assert found.sources == []


def test_markdown_front_matter_positions_are_file_lines(tmp_path: Path) -> None:
    root = tmp_path / "content" / "pages"
    root.mkdir(parents=True)
    (root / "about.md").write_text("---\ntitle: 关于\norder: x\n---\n正文\n", encoding="utf-8")
    found = discover(tmp_path / "content")
    (source,) = found.sources
    assert source.body == "正文\n"
    assert source.body_line == 5
    assert source.at("order").line == 3
    assert source.at("order").col == 8


def test_missing_front_matter(tmp_path: Path) -> None:
    root = tmp_path / "content" / "pages"
    root.mkdir(parents=True)
    (root / "about.md").write_text("# 关于本站\n", encoding="utf-8")
    assert [d.code for d in discover(tmp_path / "content").diagnostics] == ["LOAD010"]
