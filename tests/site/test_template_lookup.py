"""Templates read view data as ``row.key``: the site's fast lookup on dicts must answer exactly as Jinja's own."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from jinja2 import Environment, StrictUndefined, UndefinedError

from generator.render.env import environment


@dataclass(frozen=True)
class Row:
    name: str


def site(source: str, **data: Any) -> str:
    return environment().from_string(source).render(**data)


def jinja(source: str, **data: Any) -> str:
    return Environment(autoescape=True, undefined=StrictUndefined).from_string(source).render(**data)


@pytest.mark.parametrize(("source", "data"), [
    ("{{ row.name }}", {"row": {"name": "<b>第1党支部</b>"}}),
    ("{{ row.name }}", {"row": Row("第2党支部")}),
    ("{% for k, v in row.items() %}{{ k }}={{ v }};{% endfor %}", {"row": {"items": 3, "name": "x"}}),
    ("{{ row.get('name') }}", {"row": {"get": "key named get", "name": "x"}}),
    ("{{ row.count }}", {"row": {"count": 0}}),
    ("{{ rows[1].name }}", {"rows": [{"name": "a"}, {"name": "b"}]}),
])
def test_lookup_gives_what_jinja_gives(source: str, data: dict[str, Any]) -> None:
    assert site(source, **data) == jinja(source, **data)


def test_a_misspelt_key_still_fails_the_build() -> None:
    with pytest.raises(UndefinedError):
        site("{{ row.nmae }}", row={"name": "x"})
