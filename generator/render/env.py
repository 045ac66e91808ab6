"""Stage render: the Jinja environment of the site and the formatting filters it offers.

Templates own presentation and receive plain data; the filters here are the
only formatting logic they use, so every page writes dates as ``2024年3月5日``
and money the same way. ``StrictUndefined`` turns a template typo into a build
failure rather than an empty cell. Each build makes its own environment, so
templates are never re-checked on disk while it renders (``auto_reload`` off).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from generator.labels import cndate

TEMPLATES = Path(__file__).resolve().parent.parent.parent / "templates"
_WAN = Decimal(10000)


def yuan(amount: Decimal) -> str:
    """Exact yuan with thousands separators: 1,234.50元."""
    return f"{amount.quantize(Decimal('0.01'), ROUND_HALF_UP):,}元"


def wan(amount: Decimal) -> str:
    """Ten-thousands of yuan, as the bulletins and the seed say it: 175.78万元."""
    return f"{(amount / _WAN).quantize(Decimal('0.01'), ROUND_HALF_UP):,}万元"


def number(value: Decimal | int, places: int = 2) -> str:
    """A score with a fixed number of places (Decimal, never float)."""
    if isinstance(value, int):
        return str(value)
    return str(value.quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP))


def percent(share: Decimal) -> str:
    return f"{(share * 100).quantize(Decimal('0.1'), ROUND_HALF_UP)}%"


def environment(templates: Path = TEMPLATES) -> Environment:
    env = Environment(
        loader=FileSystemLoader(templates),
        autoescape=select_autoescape(["html", "j2", "xml"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    env.filters.update(cndate=cndate, yuan=yuan, wan=wan, number=number, percent=percent)
    return env
