"""Stage render: the Jinja environment of the site and the formatting filters it offers.

Templates own presentation and receive plain data; the filters here are the
only formatting logic they use, so every page writes dates as ``2024年3月5日``
and money the same way. ``StrictUndefined`` turns a template typo into a build
failure rather than an empty cell. Each build makes its own environment, so
templates are never re-checked on disk while it renders (``auto_reload`` off).

Views hand templates plain dicts, and ``row.name`` in a template means the key
``name``. Jinja's own lookup tries the attribute first, so every such access on
a dict raised and caught an ``AttributeError`` (about a quarter of the time
spent rendering a 3,000-branch site); :class:`SiteEnvironment` looks the key up first. A
key named like a dict method (``items``…) still resolves to the method, as in
Jinja, so no template can tell the difference.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

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


#: Names a dict answers as attributes: ``d.items`` is the method even if ``d`` has a key ``items``.
_DICT_ATTRIBUTES = frozenset(dir(dict))


class SiteEnvironment(Environment):
    """Jinja's environment with a fast path for ``mapping.key`` on plain dicts; same results."""

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) is dict and attribute not in _DICT_ATTRIBUTES:
            try:
                return obj[attribute]
            except KeyError:
                pass
        return super().getattr(obj, attribute)


def environment(templates: Path = TEMPLATES) -> Environment:
    env = SiteEnvironment(
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
