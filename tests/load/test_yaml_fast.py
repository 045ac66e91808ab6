"""The fast YAML path gives exactly what PyYAML's general constructor gives, only sooner.

``parse`` builds ordinary documents straight from libyaml's events and hands
anything unusual to ``_construct`` (PyYAML's constructor with our checks), which
is therefore the oracle here: same data with the same types and key order, or
the same error at the same place. The speed only holds while ordinary content
stays on the fast path, so that is checked too.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.load import yamlparse
from generator.load.yamlparse import MAX_DEPTH, MAX_ITEMS, ParseError, parse
from tests.bad_input.corpus import CASES

#: Plain scalars whose type is decided by YAML's implicit rules, and a few that fail to construct.
TRICKY = (
    "1.0", "1e3", "1.0e+3", "-.5", "+12", "-0", "1_000", "0x1F", "010", "0o17", "0b101", "0b_", "12:30", "1:20.5",
    ".inf", "-.Inf", ".nan", ".NaN", "yes", "no", "on", "off", "Yes", "y", "n", "true", "True", "TRUE", "tRUE",
    "false", "null", "Null", "NULL", "~", "2024-03-05", "2024-02-30", "2024-3-5", "2024-03-05 10:30:00",
    "2024-03-05T10:30:00+08:00", "2024-03-05t10:30:00.5Z", "=", "<<", "李明华", "学习二十大精神", "2024年度", "第1.5次",
)
#: Values that leave the ordinary subset: tags, anchors and aliases, a flow mapping as a key.
UNUSUAL = ("!!str 010", "!!float 1", "!!int x", "!!binary aGk=", "!custom x", "&a 1", "*a", "! 1", "{a: 1}: 2")
KEYS = ("id", "name", "date", "名称", "年度", "2024", "0x10", "'2024'", "yes", "null", "~", "1.0", "<<", "=", '"id"')


def quoted(text: str) -> str:
    """``text`` as a double-quoted YAML scalar (a JSON string is one)."""
    return json.dumps(text, ensure_ascii=False)


scalar = st.one_of(
    st.sampled_from(TRICKY),
    st.sampled_from(TRICKY).map(lambda text: f"'{text}'"),
    st.sampled_from(TRICKY).map(quoted),
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12).map(quoted),
    st.sampled_from(UNUSUAL),
)
key = st.sampled_from(KEYS)
tree = st.recursive(
    scalar,
    lambda children: st.one_of(
        st.lists(children, max_size=5),
        st.lists(st.tuples(key, children), max_size=5).map(lambda pairs: ("map", pairs)),
    ),
    max_leaves=25,
)


def flow(node: Any) -> str:
    if isinstance(node, str):
        return node
    if isinstance(node, list):
        return "[" + ", ".join(flow(item) for item in node) + "]"
    return "{" + ", ".join(f"{k}: {flow(v)}" for k, v in node[1]) + "}"


def block(node: Any, indent: int = 0) -> list[str]:
    """``node`` in block style: nested collections on their own lines, empty ones in flow style."""
    pad = " " * indent
    entries = [("- ", item) for item in node] if isinstance(node, list) else [(f"{k}: ", v) for k, v in node[1]]
    lines = []
    for lead, value in entries:
        if isinstance(value, str) or not (value if isinstance(value, list) else value[1]):
            lines.append(f"{pad}{lead}{flow(value)}")
        else:
            lines.append(f"{pad}{lead.rstrip()}")
            lines.extend(block(value, indent + 2))
    return lines


def document(node: Any, in_flow: bool) -> str:
    if in_flow or isinstance(node, str):
        return flow(node) + "\n"
    return "\n".join(block(node)) + "\n"


def outcome(read: Any, text: str) -> tuple[object, ...]:
    """What a reader made of ``text``: the data's repr (types and key order show) or the error's code and place."""
    try:
        return ("data", repr(read(text, 0)))
    except ParseError as exc:
        return ("error", exc.code.code, exc.line, exc.col, exc.params)


@given(tree, st.booleans())
@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_random_documents_read_as_the_general_constructor_reads_them(node: Any, in_flow: bool) -> None:
    text = document(node, in_flow)
    assert outcome(parse, text) == outcome(yamlparse._construct, text)


plain_tree = st.recursive(
    st.sampled_from([t for t in TRICKY if t not in {"0b_", "=", "<<"}])
    | st.text(st.characters(categories=("L", "N", "P", "S", "Zs")), max_size=8).map(quoted),
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.sampled_from(("id", "名称", "2024", "'2024'", "date")), children, max_size=4).map(
        lambda d: ("map", list(d.items()))),
    max_leaves=20,
)


@given(plain_tree, st.booleans())
@settings(max_examples=200, deadline=None)
def test_ordinary_documents_take_the_fast_path(node: Any, in_flow: bool) -> None:
    text = document(node, in_flow)
    assert repr(yamlparse._build(text)) == repr(yamlparse._construct(text, 0))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1.0", Decimal("1.0")), ("1.0e+3", Decimal("1.0E+3")), ("1e3", "1e3"), ("0x1F", 31), ("010", 8),
        ("1_000", 1000), ("yes", "yes"), ("off", "off"), ("True", True), ("tRUE", "tRUE"), ("~", None), ("", None),
        ("2024-03-05", dt.date(2024, 3, 5)), ("2024-02-30", "2024-02-30"), ("'2024-03-05'", "2024-03-05"),
        ("2024-03-05 10:30:00", dt.datetime(2024, 3, 5, 10, 30)), ("{学习: '二十大'}", {"学习": "二十大"}),
    ],
)
def test_scalar_types_are_kept(text: str, value: object) -> None:
    data = parse(f"k: {text}\n")
    assert data == {"k": value}
    assert type(data["k"]) is type(value)


def test_year_keys_stay_numbers_and_key_order_is_kept() -> None:
    assert list(parse("dues: {2024: [1, 2], '2025': [3]}\nb: 1\na: 2\n").items()) == [
        ("dues", {2024: [1, 2], "2025": [3]}), ("b", 1), ("a", 2)]


@pytest.mark.parametrize(
    "text",
    [
        "a: 1\n'a': 2\n", "2024: x\n0x7E8: y\n", "- {id: 1, id: 2}\n", "a: <<\n", "=: 1\n", "<<: {a: 1}\nb: 2\n",
        "a: &x 1\nb: &x 2\n", "a: &x [1]\nb: &x {c: 1}\n", "a: &x 1\nb: 2\n", "a: &x 1\nb: *x\n", "a: 1\n---\nb: 2\n",
    ],
)
def test_unusual_documents_get_the_general_constructors_answer(text: str) -> None:
    assert outcome(parse, text) == outcome(yamlparse._construct, text)


@pytest.mark.parametrize("levels", [MAX_DEPTH - 2, MAX_DEPTH - 1, MAX_DEPTH, MAX_DEPTH + 1])
@pytest.mark.parametrize("inner", ["", "1", "{a: 1}"])
def test_nesting_at_the_limit(levels: int, inner: str) -> None:
    text = "[" * levels + inner + "]" * levels + "\n"
    assert outcome(parse, text) == outcome(yamlparse._construct, text)
    deepest = levels + (1 if inner == "1" else 2 if inner else 0)
    if deepest > MAX_DEPTH:
        assert outcome(parse, text)[1] == "LOAD007"
    else:
        assert outcome(parse, text)[0] == "data"


@pytest.mark.parametrize("count", [MAX_ITEMS, MAX_ITEMS + 1])
def test_list_length_limit_names_the_field(count: int) -> None:
    text = "events:\n" + "  - {member: a, date: 2024-01-01}\n" * count
    if count > MAX_ITEMS:
        with pytest.raises(ParseError) as caught:
            parse(text)
        assert (caught.value.code.code, caught.value.params["field"]) == ("LOAD013", "events")
    else:
        assert len(parse(text)["events"]) == count


def test_every_bad_input_case_reads_as_before() -> None:
    texts = [text for case in CASES for text in case.files.values() if isinstance(text, str)]
    assert len(texts) > 50
    for text in texts:
        assert outcome(parse, text) == outcome(yamlparse._construct, text), text
