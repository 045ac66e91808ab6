"""Stage render: horizontal bar charts as geometry, drawn as inline SVG by a template macro.

Charts are computed at build time so no chart library runs in the reader's
browser. A chart is rows (categories) of segments (series); segments stack
(bands per unit) or sit side by side (raised vs disbursed per year). Every
chart also keeps its numbers for the data table the template puts beside it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

LABEL_WIDTH = 170
BAR_AREA = 420
VALUE_WIDTH = 110
ROW_HEIGHT = 28
BAR_HEIGHT = 18
TOP = 8


@dataclass(frozen=True)
class Series:
    key: str
    name: str


@dataclass(frozen=True)
class Segment:
    series: str
    x: float
    y: float
    width: float
    height: float
    value: str
    title: str


@dataclass(frozen=True)
class Row:
    label: str
    y: float
    label_y: float
    segments: tuple[Segment, ...]
    total: str
    total_x: float
    values: tuple[str, ...]


@dataclass(frozen=True)
class Chart:
    """Ready to draw: ``width``/``height`` of the viewBox, the legend, the rows and the table headers."""

    id: str
    title: str
    desc: str
    unit: str
    series: tuple[Series, ...]
    rows: tuple[Row, ...]
    width: int
    height: int
    label_width: int
    stacked: bool


def bar_chart(chart_id: str, title: str, desc: str, series: Sequence[Series],
              data: Sequence[tuple[str, Sequence[Decimal | int]]], *, unit: str = "", stacked: bool = True,
              fmt: str = "{}") -> Chart:
    """``data`` is (row label, one value per series); values are non-negative."""
    per_row = [sum((Decimal(x) for x in values), Decimal(0)) if stacked else max((Decimal(x) for x in values),
               default=Decimal(0)) for _, values in data]
    top = max(per_row, default=Decimal(0)) or Decimal(1)
    bar_height = BAR_HEIGHT if stacked else BAR_HEIGHT / max(len(series), 1)
    rows = []
    for index, (label, values) in enumerate(data):
        y = TOP + index * ROW_HEIGHT
        x = float(LABEL_WIDTH)
        segments = []
        for position, (item, value) in enumerate(zip(series, values, strict=True)):
            width = float(Decimal(value) / top * BAR_AREA)
            seg_y = y if stacked else y + position * bar_height
            text = fmt.format(value)
            segments.append(Segment(item.key, round(x, 2), seg_y, round(width, 2), bar_height, text,
                                    f"{label} {item.name}：{text}{unit}"))
            if stacked:
                x += width
        end = x if stacked else LABEL_WIDTH + max((s.width for s in segments), default=0.0)
        total = fmt.format(per_row[index]) if stacked else " / ".join(s.value for s in segments)
        rows.append(Row(label, y, y + BAR_HEIGHT / 2 + 5, tuple(segments), total, round(end + 6, 2),
                        tuple(fmt.format(v) for v in values)))
    height = TOP * 2 + ROW_HEIGHT * max(len(rows), 1)
    return Chart(chart_id, title, desc, unit, tuple(series), tuple(rows), LABEL_WIDTH + BAR_AREA + VALUE_WIDTH,
                 height, LABEL_WIDTH, stacked)
