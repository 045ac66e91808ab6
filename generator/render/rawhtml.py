"""Content check: raw HTML in a Markdown body that the site would drop or show unformatted.

The site keeps only a small allow-list of tags (:data:`markdown.ALLOWED_TAGS`);
anything else a clerk types is removed by the sanitiser, sometimes with the
text inside it (``<style>``, ``<template>``, a stray ``x<y 且 y>z``), and an
HTML block such as an unclosed ``<div>`` stops Markdown from formatting what
follows. Rather than lose text silently, every such start tag is a content
error at its line, found the way the renderer finds it: python-markdown's
own raw-HTML stash, so tags inside code spans and code blocks (shown as
text) are never reported. It runs with the rules, so ``check`` reports it too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

import markdown

from generator.codes import define, make
from generator.diagnostics import Diagnostic, Kind, Location, Severity
from generator.load.source import SourceFile
from generator.render.markdown import ALLOWED_TAGS, EXTENSIONS
from generator.rules.context import Context
from generator.rules.roster import BranchView

RAW_HTML = define(
    "MD001", Kind.ERROR, Severity.ERROR,
    title=("正文中有网站不显示的 HTML 标签", "HTML tag the site does not show in a Markdown body"),
    message=("正文中的 {tag} 是网站不保留的 HTML 标签：它会被删去，其中的文字可能一并丢失，"
             "后面的内容也可能不按 Markdown 排版",
             "{tag} is an HTML tag the site removes: the text inside it may be lost and what follows may "
             "lose its Markdown formatting"),
    hint=("改用 Markdown 写法（标题用 #，加粗用 **文字**，表格用 | 分隔）；要原样显示尖括号，把 < 写成 &lt;，"
          "或放进反引号 `…` 中",
          "use Markdown instead (# headings, **bold**, | tables); to show an angle bracket as text, write &lt; "
          "or put it in backticks `…`"),
)

_MAYBE_TAG = re.compile(r"<[A-Za-z]")
_START_TAG = re.compile(r"<([A-Za-z][A-Za-z0-9-]*)(?:\s[^<>]*)?/?>")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,}).*?(?:^ {0,3}\1[ \t]*$|\Z)", re.MULTILINE | re.DOTALL)
_CODE_SPAN = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)", re.DOTALL)


def dropped_tags(text: str) -> list[str]:
    """Every raw HTML start tag in ``text`` outside the allow-list, in stash order, as written."""
    if not _MAYBE_TAG.search(text):
        return []
    parser = markdown.Markdown(extensions=list(EXTENSIONS))
    parser.convert(text)
    return [match.group() for raw in parser.htmlStash.rawHtmlBlocks for match in _START_TAG.finditer(str(raw))
            if match.group(1).lower() not in ALLOWED_TAGS]


def _without_code(text: str) -> str:
    """``text`` with fenced code blocks and code spans blanked out, every other character in place."""
    def blank(match: re.Match[str]) -> str:
        return re.sub(r"[^\n]", " ", match.group())

    return _CODE_SPAN.sub(blank, _FENCE.sub(blank, text))


def locate(text: str, tags: list[str]) -> list[tuple[int, int, str]]:
    """(0-based line, 1-based column, tag) of each tag in ``text``; repeated tags at their successive places.

    Tags are looked for outside code first (the same tag may be quoted in a code span before it).
    """
    found = []
    after: dict[str, int] = {}
    plain = _without_code(text)
    for tag in tags:
        start = after.get(tag, 0)
        offset = plain.find(tag, start)
        offset = text.find(tag, start) if offset < 0 else offset
        if offset < 0:
            continue
        after[tag] = offset + 1
        before = text[:offset]
        found.append((before.count("\n"), offset - before.rfind("\n"), tag))
    return sorted(found)


def scan(source: SourceFile, branch: str = "", unit: str = "") -> Iterator[Diagnostic]:
    for line, col, tag in locate(source.body, dropped_tags(source.body)):
        shown = " ".join(tag.split())
        shown = shown if len(shown) <= 40 else shown[:39] + "…"
        yield make(RAW_HTML, Location(source.name, source.body_line + line, col, "正文"),
                   records=(branch or source.stem,), branch=branch, unit=unit, tag=shown)


def check_province(ctx: Context) -> Iterator[Diagnostic]:
    """The Markdown bodies of the province-wide records: profiles, cases, bulletins and free pages."""
    corpus = ctx.corpus
    province: Iterable[SourceFile] = (at.source for group in (corpus.profiles, corpus.cases, corpus.bulletins,
                                                               corpus.pages) for at in group.values())
    for source in sorted(province, key=lambda s: s.name):
        yield from scan(source)


def check_branch(ctx: Context, view: BranchView) -> Iterator[Diagnostic]:
    """The branch's annual reports."""
    for _, at in sorted(view.data.reports.items()):
        yield from scan(at.source, view.id, view.unit)
