"""Two memos in WeasyPrint's and pydyf's internals that keep long bulletins linear and print the same bytes.

A province's contest results are tables of thousands of rows over ~160 pages. Profiling one
(≈19 s of CPU) showed two costs that grow faster than the content or repeat identical work:

* WeasyPrint's auto table layout measures the min- and max-content width of every cell by
  asking Pango for each possible line (for Chinese, one per character): ~25 % of the layout,
  although most cells repeat a few texts (奖项, unit names, scores). The widths of a cell's line
  depend only on its texts and their computed styles, and WeasyPrint already shares one style
  object among elements that cascade alike; :func:`_memo_line_width` remembers them per
  layout, keyed by text and style identity.
* pydyf rebuilds the tuple of all page references each time ``PDF.page_references`` is
  read, and a tagged PDF reads it once per tagged box: quadratic in the page count.

Both compute exactly what they replace, from the same inputs, so the PDF bytes do not change;
``tests/render`` compares the output with a plain WeasyPrint rendering. The project pins
WeasyPrint below 71; :func:`install` leaves any function it does not recognise alone.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Any

import pydyf
from weasyprint.formatting_structure import boxes
from weasyprint.layout import preferred

#: pydyf's own property, for tests that render without the memos.
PAGE_REFERENCES: property | None = getattr(pydyf.PDF, "page_references", None)

_LineWidth = Callable[..., float]
_Memo = dict[tuple[object, ...], tuple[float, tuple[object, ...]]]


def install() -> None:
    """Replace the measured functions by their memoised versions, once per process."""
    for name in ("inline_min_content_width", "inline_max_content_width"):
        original = getattr(preferred, name, None)
        if callable(original) and not getattr(original, "memoised", False):
            setattr(preferred, name, _memo_line_width(original))
    if isinstance(PAGE_REFERENCES, property):
        pydyf.PDF.page_references = property(_page_references)  # type: ignore[assignment,method-assign]


def _memo_line_width(original: _LineWidth) -> _LineWidth:
    """``original`` remembered for line boxes of plain text, per layout context.

    Only the call the min/max-content dispatchers make (whole line, from a line start) is
    remembered; a line holding anything but text boxes (an inline element, an image) is
    measured every time.
    """

    memos: weakref.WeakKeyDictionary[object, _Memo] = weakref.WeakKeyDictionary()

    def measured(context: object, box: boxes.Box, outer: bool = True, *args: Any, **kwargs: Any) -> float:
        key = _line_key(box, outer) if not args and kwargs == {"is_line_start": True} else None
        if key is None:
            return original(context, box, outer, *args, **kwargs)
        memo = memos.setdefault(context, {})
        found = memo.get(key)
        if found is None:
            styles = (box.style, *(child.style for child in box.children))  # kept alive: ids stay theirs
            found = memo[key] = (original(context, box, outer, *args, **kwargs), styles)
        return found[0]

    measured.memoised = True  # type: ignore[attr-defined]
    measured.original = original  # type: ignore[attr-defined]
    return measured


def _line_key(box: boxes.Box, outer: bool) -> tuple[object, ...] | None:
    """What a line box's content widths depend on, or None when it holds more than text."""
    if not isinstance(box, boxes.LineBox) or not all(isinstance(c, boxes.TextBox) for c in box.children):
        return None
    texts = tuple((id(c.style), c.text, c.justification_spacing) for c in box.children)
    borders = (getattr(box, "border_left_width", None), getattr(box, "border_right_width", None))
    return (outer, id(box.style), borders, texts)


def _page_references(pdf: pydyf.PDF) -> tuple[bytes, ...]:
    """pydyf's ``PDF.page_references``, built once per page count instead of on every read."""
    kids = pdf.pages["Kids"]
    count, references = getattr(pdf, "_page_reference_memo", (-1, ()))
    if count != len(kids):
        references = tuple(f"{number} 0 R".encode("ascii") for number in kids[::3])
        pdf._page_reference_memo = (len(kids), references)  # type: ignore[attr-defined]
    return references
