"""Raw HTML that the site would drop from a Markdown body is a content error at its line, never a silent loss."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from generator.render.markdown import Links, MarkdownRenderer
from generator.render.rawhtml import dropped_tags, locate
from tests.conftest import run_cli

LOSSY = {
    "前文\n\n<style>\n.a { color: red }\n</style>\n\n后文": "<style>",
    "前文\n\n<script>var 甲 = 1;</script>\n\n后文": "<script>",
    "前文\n\n<template>乙</template>后文": "<template>",
    "前文\n\n<div>\n\n# 标题\n\n正文**粗**": "<div>",
    "如果 x<y 且 y>z，则": "<y 且 y>",
    "前 <center>居中</center> 后": "<center>",
}
KEPT = [
    "a <b>粗</b> <sup>1</sup> <strong>强</strong>",
    "`<style>` 是代码",
    "```\n<script>alert(1)</script>\n```",
    "说明：\n\n    <div>缩进代码</div>\n",
    "网址 <http://dangjian.example/> 邮件 <a@b.cn>",
    "前文\n\n<!-- 给编辑的注释 -->\n\n后文",
    "前文 <!-- 没有结束的注释\n\n后文",
    "a<b 且 b<c",
    "&lt;style> 写成文字",
]


@pytest.mark.parametrize(("text", "tag"), list(LOSSY.items()))
def test_tags_the_site_would_drop_are_found(text: str, tag: str) -> None:
    assert dropped_tags(text)[:1] == [tag]


@pytest.mark.parametrize("text", KEPT)
def test_allowed_tags_code_comments_and_escapes_are_not_reported(text: str) -> None:
    assert dropped_tags(text) == []


def test_the_reported_text_is_what_the_renderer_loses() -> None:
    renderer = MarkdownRenderer(Links())
    assert ".a { color: red }" not in renderer.render(next(iter(LOSSY))), "the example must lose text"
    assert "后文" in renderer.render(KEPT[5]) and "没有结束的注释" in renderer.render(KEPT[6])


def test_each_tag_is_located_at_its_line_and_column() -> None:
    text = "第一行\n\n第三行 <center>甲</center>\n\n`<center>` 代码\n\n<center>乙</center>\n"
    assert locate(text, dropped_tags(text)) == [(2, 5, "<center>"), (6, 1, "<center>")]


PAGE = "---\ntitle: 关于本站\norder: 1\n---\n本站说明。\n\n<style>\np { color: red }\n</style>\n\n联系方式见下。\n"


def test_check_reports_the_file_and_line_and_build_refuses(content: Callable[..., Path], tmp_path: Path) -> None:
    root = content({"pages/about.md": PAGE})
    checked = run_cli("check", "--content", root)
    assert checked.returncode == 1
    assert "content/pages/about.md:7:1" in checked.stdout and "MD001" in checked.stdout
    assert "<style>" in checked.stdout and "HTML 标签" in checked.stdout
    english = run_cli("--lang", "en", "check", "--content", root)
    assert "HTML tag the site removes" in english.stdout
    built = run_cli("build", "--content", root, "--out", tmp_path / "site", "--no-pdf", "--no-cache")
    assert built.returncode == 1 and not (tmp_path / "site" / "about").exists()
