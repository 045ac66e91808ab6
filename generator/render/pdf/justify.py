"""Inter-character justification of Chinese lines, applied to a laid-out document.

WeasyPrint justifies only at spaces (U+0020, U+00A0), so a Chinese line that
is not full — because a closing mark may not start a line (Pango pulls the
preceding character down with it) or because half-width digits leave a
remainder — ends short of the right margin. GB/T 9704 text is set flush on
both sides, as word processors do by spreading the remainder over the gaps
between characters.

This pass does the same after layout and before drawing: for each non-final
line of a ``text-align: justify`` block it widens the letter-spacing of that
line's text boxes so its last glyph reaches the right edge. Nothing is added
to the text, so copied and extracted text stays free of spaces.

It works on WeasyPrint's box tree (``Page._page_box``), which is not a public
API; the project pins WeasyPrint below 71 and ``tests/render`` measures the
result, so a change in those internals fails a test instead of a bulletin.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise

import weasyprint
from weasyprint.formatting_structure import boxes

# A line needing more than this per gap is left alone: something other than
# ordinary Chinese text (a long Latin word, an image) made it short.
MAX_EXTRA_PER_GAP_EM = 0.25
# Slack below this (pt) is rounding, not a short line.
MIN_SLACK_PT = 0.05


@dataclass(frozen=True)
class JustifyStats:
    """How many non-final lines of justified blocks there were, and how many were spread."""

    lines: int
    spread: int


def justify_cjk(document: weasyprint.Document) -> JustifyStats:
    """Spread the slack of every short non-final justified line over its character gaps."""
    non_final = spread = 0
    for (line, block), (_, next_block) in pairwise(_justified_lines(document)):
        if next_block.element is not block.element or _ends_with_break(line):
            continue  # the last line of a paragraph keeps its natural length
        non_final += 1
        spread += _spread_line(line, block)
    return JustifyStats(lines=non_final, spread=spread)


def _justified_lines(
    document: weasyprint.Document,
) -> Iterator[tuple[boxes.LineBox, boxes.BlockContainerBox]]:
    """Line boxes of ``text-align: justify`` blocks, in document order across pages."""
    for page in document.pages:
        yield from _lines_in(page._page_box)


def _lines_in(box: boxes.Box) -> Iterator[tuple[boxes.LineBox, boxes.BlockContainerBox]]:
    for child in getattr(box, "children", ()):
        if isinstance(child, boxes.LineBox):
            if box.style["text_align_all"] == "justify":
                yield child, box  # type: ignore[misc]
        elif isinstance(child, boxes.ParentBox) and not isinstance(child, boxes.InlineBox):
            yield from _lines_in(child)


def _ends_with_break(line: boxes.LineBox) -> bool:
    texts = [b.text for b in line.descendants() if isinstance(b, boxes.TextBox)]
    return bool(texts) and texts[-1].endswith("\n")


def _spread_line(line: boxes.LineBox, block: boxes.BlockContainerBox) -> bool:
    leaves = list(_leaves(line))
    if not leaves or any(not isinstance(leaf, boxes.TextBox) for leaf in leaves):
        return False  # an image or inline-block in the line: leave it as laid out
    texts: list[boxes.TextBox] = leaves  # type: ignore[assignment]
    chars = sum(len(t.text) for t in texts)
    if chars < 2:
        return False
    last = texts[-1]
    right_edge = block.content_box_x() + block.width
    # A glyph's box is its advance minus the letter-spacing Pango adds after it.
    visible_end = last.position_x + last.width - _spacing(last)
    slack = right_edge - visible_end
    extra = slack / (chars - 1)
    if slack < MIN_SLACK_PT or extra > MAX_EXTRA_PER_GAP_EM * last.style["font_size"]:
        return False
    _widen(line, extra)
    return True


def _leaves(box: boxes.Box) -> Iterator[boxes.Box]:
    for child in box.children:
        if isinstance(child, boxes.InlineBox):
            yield from _leaves(child)
        elif child.is_in_normal_flow():
            yield child


def _spacing(box: boxes.TextBox) -> float:
    value = box.style["letter_spacing"]
    return 0.0 if value == "normal" else float(value)


def _widen(box: boxes.Box, extra: float, shift: float = 0.0) -> float:
    """Add ``extra`` after every character under ``box``; return the accumulated shift."""
    if isinstance(box, boxes.TextBox):
        box.position_x += shift
        style = box.style.copy()
        style["letter_spacing"] = _spacing(box) + extra
        box.style = style
        grown = extra * len(box.text)
        box.width += grown
        return shift + grown
    start = shift
    box.position_x += shift
    for child in box.children:
        if isinstance(child, boxes.InlineBox | boxes.TextBox):
            shift = _widen(child, extra, shift)
        elif child.is_in_normal_flow():
            child.translate(shift, 0)
    if isinstance(box, boxes.InlineBox):
        box.width += shift - start
    return shift
