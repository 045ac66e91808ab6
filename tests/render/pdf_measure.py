"""Measuring rendered PDFs: text lines from pdfplumber, ink from a raster (pypdfium2).

Text positions come from the PDF's character boxes; where the standard speaks
of visible edges (the organ mark's top, the page-number dash, rule thickness)
the page is rasterised at 1200 dpi and the ink is measured instead.
"""

from __future__ import annotations

import io
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

import pdfplumber
import pypdfium2
from PIL import Image, ImageChops

MM = 72 / 25.4  # points per millimetre
PAGE_W, PAGE_H = 210 * MM, 297 * MM
TEXT_TOP, TEXT_BOTTOM = 37 * MM, 262 * MM
TEXT_W = 156 * MM
CHAR = 15.79  # body character advance: 16 pt − 0.21 pt letter-spacing
PITCH = 28.99  # 225 mm / 22
RED = (0.0, 0.8, 0.8, 0.0)
DPI = 1200


def text_left(page_number: int) -> float:
    """Left edge of the text area: binding side on odd pages, outer side on even ones."""
    return (28 if page_number % 2 else 26) * MM


def text_right(page_number: int) -> float:
    return text_left(page_number) + TEXT_W


@dataclass(frozen=True)
class Rendered:
    """A rendered bulletin: its bytes, the parsed PDF and the warnings logged meanwhile."""

    data: bytes
    pdf: pdfplumber.PDF
    warnings: tuple[str, ...]


@dataclass(frozen=True)
class Line:
    page: int  # 1-based
    top: float
    chars: tuple[dict[str, Any], ...]

    @property
    def text(self) -> str:
        return "".join(c["text"] for c in self.chars)

    @property
    def x0(self) -> float:
        return float(self.chars[0]["x0"])

    @property
    def x1(self) -> float:
        return float(self.chars[-1]["x1"])

    @property
    def bottom(self) -> float:
        return max(float(c["bottom"]) for c in self.chars)

    @property
    def size(self) -> float:
        return float(self.chars[0]["size"])

    @property
    def font(self) -> str:
        return str(self.chars[0]["fontname"]).split("+", 1)[-1]


def open_pdf(data: bytes) -> pdfplumber.PDF:
    return pdfplumber.open(io.BytesIO(data))


def lines(pdf: pdfplumber.PDF) -> list[Line]:
    """Every text line of every page, top to bottom (characters grouped by their top)."""
    found = []
    for number, page in enumerate(pdf.pages, 1):
        rows: dict[float, list[dict[str, Any]]] = defaultdict(list)
        for char in page.chars:
            rows[round(float(char["top"]), 1)].append(char)
        for top in sorted(rows):
            chars = tuple(sorted(rows[top], key=lambda c: c["x0"]))
            found.append(Line(number, top, chars))
    return found


def body_lines(pdf: pdfplumber.PDF) -> list[Line]:
    """16 pt lines inside the text area: the body, headings, attachments and signature."""
    return [
        ln for ln in lines(pdf)
        if abs(ln.size - 16) < 0.01 and TEXT_TOP < ln.top < TEXT_BOTTOM
    ]


def paragraph_lines(pdf: pdfplumber.PDF, body_font: str, end: str = "附件：") -> list[Line]:
    """Body lines in the body face from below the addressee to the line starting with ``end``."""
    all_lines = body_lines(pdf)
    start = next(i for i, ln in enumerate(all_lines) if ln.text.endswith("："))
    stop = next(i for i, ln in enumerate(all_lines) if ln.text.startswith(end))
    return [ln for ln in all_lines[start + 1:stop] if ln.font == body_font]


def render_region(data: bytes, page: int, box_mm: tuple[float, float, float, float]) -> Image.Image:
    """Rasterise part of a page; ``box_mm`` is (left, top, right, bottom) from the page's top left."""
    left, top, right, bottom = (v * MM for v in box_mm)
    document = pypdfium2.PdfDocument(data)
    try:
        pdf_page = document[page - 1]
        bitmap = pdf_page.render(
            scale=DPI / 72,
            crop=(left, PAGE_H - bottom, PAGE_W - right, top),
        )
        return bitmap.to_pil().convert("RGB")
    finally:
        document.close()


def ink_box(
    data: bytes, page: int, box_mm: tuple[float, float, float, float], *, red: bool = False
) -> tuple[float, float, float, float] | None:
    """The bounding box (mm, page coordinates) of dark or red ink inside ``box_mm``."""
    image = render_region(data, page, box_mm)
    mask = _red_mask(image) if red else image.convert("L").point(lambda v: 255 if v < 128 else 0)
    found = mask.getbbox()
    if found is None:
        return None
    px = 25.4 / DPI
    left, top = box_mm[0], box_mm[1]
    return (left + found[0] * px, top + found[1] * px, left + found[2] * px, top + found[3] * px)


def dark_runs(data: bytes, page: int, x_mm: float, top_mm: float, bottom_mm: float) -> list[float]:
    """Thicknesses (mm) of the dark horizontal runs crossing the column at ``x_mm``."""
    image = render_region(data, page, (x_mm, top_mm, x_mm + 0.5, bottom_mm)).convert("L")
    column = [image.getpixel((0, y)) for y in range(image.height)]
    runs, length = [], 0
    for value in [*column, 255]:
        if isinstance(value, int) and value < 128:
            length += 1
        elif length:
            runs.append(length * 25.4 / DPI)
            length = 0
    return runs


def _red_mask(image: Image.Image) -> Image.Image:
    r, g, _ = image.split()
    high_red = r.point(lambda v: 255 if v > 150 else 0).convert("1")
    low_green = g.point(lambda v: 255 if v < 120 else 0).convert("1")
    return ImageChops.logical_and(high_red, low_green)
