"""What a bulletin prints, as plain data, and the error for text no font can draw.

Kept apart from the renderer (:mod:`.bulletin`) so that building the site, checking and
starting the PDF workers never import WeasyPrint (a third of a second): only the
workers that lay documents out do.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path

TEMPLATES_DIR = Path(__file__).resolve().parents[3] / "templates" / "pdf"


@dataclass(frozen=True)
class BulletinDoc:
    """Everything printed on one bulletin, already checked and formatted by the caller."""

    organ_mark: str  # 发文机关标志, printed in red
    number: str  # 发文字号, e.g. 川直工委〔2024〕12号
    title: str
    title_lines: tuple[str, ...]  # as the author broke the title (GB/T 9704-2012 7.3.1); one: break where full
    addressee: str  # 主送机关, ends with "："
    body_html: str  # sanitised fragment: p, h2 (一、), h3 (（一）), ol/ul, table
    attachments: tuple[str, ...]  # 附件 names, in order
    signature: str  # 发文机关署名
    date: datetime.date  # 成文日期
    cc: tuple[str, ...]  # 抄送机关
    printed_by: str  # 印发机关
    printed_on: datetime.date  # 印发日期
    source: str  # content file, for error messages
    author: str  # PDF metadata
    subject: str  # PDF metadata


class MissingGlyphs(Exception):
    """Characters of a bulletin that no installed font can draw."""

    def __init__(self, source: str, chars: tuple[str, ...]) -> None:
        self.source = source
        self.chars = chars
        listed = "、".join(f"“{c}”(U+{ord(c):04X})" for c in chars)
        super().__init__(
            f"{source}: 已安装的字体都没有这些字符的字形 / no installed font has a glyph "
            f"for: {listed}. 请改用常用字或安装含这些字的字体 / replace them or install "
            "a font that has them."
        )

    def __reduce__(self) -> tuple[type[MissingGlyphs], tuple[str, tuple[str, ...]]]:
        return (MissingGlyphs, (self.source, self.chars))  # survives the process pool
