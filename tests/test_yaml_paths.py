"""The fast path (rapidyaml) and the strict path (PyYAML made YAML 1.2) read every file alike.

Where the fast path answers, its values are the strict path's, with the same types; where the
strict path refuses a file, the fast path does not answer (and the strict path words the
problem). Generated YAML mixes the corner cases where YAML 1.1, YAML 1.2 and the two parsers
differ: 0o17, .inf, ~, TRUE, yes, no, dates, anchors, tags, duplicate keys, a BOM, CRLF, tabs,
several documents, flow styles, quoted keys.
"""

from __future__ import annotations

import json
import re

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from alliance.data import yamlload
from alliance.data.problems import DataError
from alliance.data.yamlload import UNDECIDED, decode_utf8, fast_data, normalize_newlines, parse_yaml

CORNER_SCALARS = [
    "0o17",
    "0O17",
    "0x1F",
    "0b101",
    "010",
    "00",
    "+12",
    "-0",
    "1e5",
    "1E5",
    "1.",
    ".5",
    "-.5",
    "1_000",
    "12:30",
    "1e999",
    "123456789012345678",
    ".inf",
    "-.inf",
    ".Inf",
    ".nan",
    ".NaN",
    "NaN",
    "Infinity",
    "~",
    "null",
    "Null",
    "NULL",
    "true",
    "True",
    "TRUE",
    "false",
    "FALSE",
    "yes",
    "no",
    "NO",
    "on",
    "off",
    "y",
    "2023-06-15",
    "2023-06-15T10:00:00",
    "2023-11",
    "2024",
    "''",
    '""',
    "'12'",
    '"12"',
    "'TRUE'",
    '"~"',
    "'0o17'",
    '"\\u00e9"',
    '"\\ud800"',
    '"a\\tb"',
    "'it''s'",
    "!!str 12",
    "!!int '12'",
    "!foo x",
    "&a x",
    "*a",
    "&a [1]",
    "? x",
    "@x",
    "`x",
    "%x",
    "-",
    "- x",
    "a: b",
    "a #b",
    "#x",
    "|\n  text\n",
    ">-\n  folded\n  text\n",
    '"multi\n  line"',
    "plain\n  continued",
]


def plain_words():
    return st.text(st.sampled_from("abcXYZ019 .-_:#,&*!?'\"é"), min_size=1, max_size=8)


def scalars():
    quoted = st.text(max_size=10).map(lambda t: json.dumps(t, ensure_ascii=False))
    return st.one_of(st.sampled_from(CORNER_SCALARS), plain_words(), quoted)


def keys():
    return st.one_of(
        st.sampled_from(["a", "b", "id", "'a'", '"b"', "1", "'1'", "true", "~", "? c", "x y"]), plain_words()
    )


@st.composite
def blocks(draw, indent: int = 0, depth: int = 0) -> str:
    """A block mapping or list (or a flow one), at `indent`."""
    pad = " " * indent
    kind = draw(st.sampled_from(["map", "list", "flow"] if depth < 3 else ["flow"]))
    if kind == "flow":
        items = draw(st.lists(scalars().filter(lambda s: "\n" not in s), max_size=3))
        if draw(st.booleans()):
            return pad + "[" + ", ".join(items) + "]\n"
        return pad + "{" + ", ".join(f"{draw(keys())}: {item}" for item in items) + "}\n"
    lines = []
    for _ in range(draw(st.integers(1, 3))):
        head = f"{pad}- " if kind == "list" else f"{pad}{draw(keys())}:"
        if draw(st.integers(0, 3)) == 0:
            lines.append(head.rstrip() + "\n" + draw(blocks(indent + 2, depth + 1)))
        else:
            value = draw(scalars()).replace("\n", "\n" + pad + "  ")
            lines.append(f"{head} {value}\n" if kind == "map" else f"{head}{value}\n")
    return "".join(lines)


@st.composite
def documents(draw) -> str:
    text = draw(blocks())
    for change in draw(
        st.lists(st.sampled_from(["bom", "crlf", "tab", "second", "start", "end", "comment"]), max_size=2)
    ):
        if change == "bom":
            text = "\ufeff" + text
        elif change == "crlf":
            text = text.replace("\n", "\r\n")
        elif change == "tab":
            at = draw(st.integers(0, len(text)))
            text = text[:at] + "\t" + text[at:]
        elif change == "second":
            text += "---\n" + draw(blocks())
        elif change == "start":
            text = "--- " + text if draw(st.booleans()) else "---\n" + text
        elif change == "end":
            text += "...\n"
        else:
            text = "# a comment\n" + text
    return text


def typed(value):
    """The value with its types spelled out: 1, 1.0 and True differ."""
    if isinstance(value, dict):
        return {"dict": [[typed(k), typed(v)] for k, v in value.items()]}
    if isinstance(value, list):
        return {"list": [typed(v) for v in value]}
    return [type(value).__name__, value]


def strict(text: str):
    try:
        return typed(yamlload._compose(text)[1])
    except yaml.YAMLError:
        return "refused"


def prepared(text: str) -> str | None:
    try:
        return normalize_newlines(decode_utf8(text.encode("utf-8", "surrogatepass"), "x.yaml"))
    except DataError:
        return None


def agree(written: str) -> None:
    text = prepared(written)
    if text is None:
        return
    fast = fast_data(text)
    if fast is not UNDECIDED:
        assert typed(fast) == strict(text), text


SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(text=documents())
@example(text="a: 0o17\nb: .inf\nc: ~\nd: TRUE\ne: yes\nf: 2023-06-15\n")
@example(text="a: &x 1\nb: *x\n")
@example(text="a: !!str 12\n")
@example(text="a: 1\na: 2\n")
@example(text="a: 1\r\nb: [x, 'y']\r\n")
@example(text="\ufeffa: 1\n")
@example(text="a:\t1\n")
@example(text="a: 1\n---\nb: 2\n")
@example(text='{"a": 1, \'b\': [1, "x"]}\n')
def test_the_fast_path_answers_only_as_the_strict_path_would(text):
    agree(text)


@SETTINGS
@given(text=st.text())
def test_any_text_the_fast_path_answers_reads_the_same_strictly(text):
    agree(text)


@pytest.mark.parametrize("text", ["v: 12", "v: '12'", "v: yes", "v: 2023-06-15", "v: [a, {b: c}]", "v: >-\n  a\n  b\n"])
def test_plain_data_takes_the_fast_path(text):
    assert fast_data(text) is not UNDECIDED


@pytest.mark.parametrize(
    "text",
    [
        "v: TRUE",
        "v: 0o17",
        "v: ~",
        "v: 010",
        "a: &x 1\nb: *x",
        "v: !!str 12",
        "a: 1\na: 2",
        "v: 1e999",
        "v:\t1",
        "---\nv: 1",
    ],
)
def test_what_only_pyyaml_can_type_or_refuse_goes_to_the_strict_path(text):
    assert fast_data(text) is UNDECIDED


def test_the_limits_hold_on_the_fast_path_too(monkeypatch):
    text = "v: [[[1]]]\nw: " + "x" * 50 + "\n"
    assert fast_data(text) is not UNDECIDED
    monkeypatch.setattr(yamlload, "MAX_DEPTH", 3)
    assert fast_data(text) is UNDECIDED
    with pytest.raises(DataError, match="nested more than 3 levels"):
        parse_yaml(text, "x.yaml")
    monkeypatch.setattr(yamlload, "MAX_DEPTH", 20)
    monkeypatch.setattr(yamlload, "MAX_TEXT", 40)
    assert fast_data(text) is UNDECIDED
    with pytest.raises(DataError, match=re.escape("x.yaml:2:4: this text has 50 characters")):
        parse_yaml(text, "x.yaml")


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(tmp_path, monkeypatch):
    path = tmp_path / "cities.yaml"
    path.write_text("v: 1\n" * 100, encoding="utf-8")
    monkeypatch.setattr(yamlload, "MAX_FILE_BYTES", 499)
    monkeypatch.setattr(type(path), "read_bytes", lambda self: pytest.fail("the file was read"))
    with pytest.raises(
        DataError, match=re.escape("cities.yaml:1:1: the file has 500 bytes: the most a file may have is 499")
    ):
        yamlload.load_yaml(path, "cities.yaml")
