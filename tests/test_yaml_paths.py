"""The fast path (rapidyaml) and the strict path (PyYAML made YAML 1.2) read every file alike.

Where the fast path answers, its values are the strict path's, with the same types; where the
strict path refuses a file, the fast path does not answer (and the strict path words the
problem). Generated YAML mixes the corner cases where YAML 1.1, YAML 1.2 and the two parsers
differ: 0o17, .inf, ~, TRUE, yes, no, dates, anchors, tags, duplicate keys, a BOM, CRLF, tabs,
several documents, flow styles, quoted keys.
"""

from __future__ import annotations

import json
import os
import random
import re
from dataclasses import dataclass

import pytest
import yaml
from hypothesis import HealthCheck, event, example, given, settings
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


# The differential fuzzer: YAML as contributors write it, with the corners where parsers differ
# (block texts and their headers, document markers, comments, flow lists and groups, quotes and
# escapes, indentation) and random edits. Each document is read by both paths: where the fast
# path answers, the strict path must read the same values (else the fast path must leave it
# undecided). The generator draws from a random.Random that Hypothesis seeds, ten times faster
# than drawing each choice from Hypothesis. `make test` reads YAML_FUZZ_EXAMPLES documents (3,000
# by default); the weekly mutation workflow reads 100,000.
FUZZ_EXAMPLES = int(os.environ.get("YAML_FUZZ_EXAMPLES", "3000"))

# Characters that mean something to YAML somewhere.
SIGNIFICANT = "-?:,[]{}#&*!|>'\"%@`.~\\ \t+0123456789eE"
PLAIN = "abcdefxyzABCé€😀 0123456789.-_/()"
ESCAPES = [
    *("\\n", "\\t", '\\"', "\\\\", "\\/", "\\ ", "\\x41", "\\x1b", "\\e", "\\0", "\\u00e9", "\\ud800", "\\\n  "),
    *("\\U0010FFFF", "\\U00110000", "\\UFFFFFFFF", "\\N", "\\_", "\\L", "\\P", "\\x85"),
]
FLAT_CORNERS = [s for s in CORNER_SCALARS if "\n" not in s]


@dataclass
class YamlFuzzer:
    """Writes one document; `oddness` is how often a choice takes an unusual form (documents of
    plain data, which the fast path reads, and documents full of corners, which it must not)."""

    rng: random.Random
    oddness: float

    def odd(self) -> bool:
        return self.rng.random() < self.oddness

    def word(self) -> str:
        alphabet = PLAIN + SIGNIFICANT if self.odd() else PLAIN
        return "".join(self.rng.choice(alphabet) for _ in range(self.rng.randint(1, 12)))

    def block_text(self, indent: int) -> str:
        """A block text (| or >) with a header, plain or any, and a body at, above and below its
        indentation, with blank lines of any number of spaces."""
        rng = self.rng
        header = rng.choice("|>")
        if self.odd():
            header += "".join(rng.choice("-+0123456789 #x") for _ in range(rng.randint(1, 4)))
        else:
            header += rng.choice(["", "-", "+"])
        base = indent + rng.randint(1, 3)
        lines = []
        for _ in range(rng.randint(0, 5)):
            shape = rng.random()
            if shape < 0.2:
                lines.append(" " * rng.randint(0, base + 3))  # a blank line, with some spaces
            elif shape < 0.35:
                shift = rng.randint(-2, 3) if self.odd() else rng.randint(0, 3)
                lines.append(" " * max(0, base + shift) + self.word())
            else:
                lines.append(" " * base + self.word() + " " * rng.randint(0, 1))
        return header + "\n" + "".join(line + "\n" for line in lines)

    def quoted(self, indent: int) -> str:
        rng = self.rng
        double = rng.random() < 0.5
        parts = []
        for _ in range(rng.randint(0, 4)):
            shape = rng.random()
            if shape < 0.15:
                parts.append("\n" * rng.randint(1, 2) + " " * (indent + rng.randint(0, 3)))
            elif shape < 0.3 and double:
                parts.append(rng.choice(ESCAPES) if self.odd() else rng.choice(ESCAPES[:3]))
            else:
                word = self.word()
                parts.append(word.replace("\\", "\\\\").replace('"', '\\"') if double else word.replace("'", "''"))
        quote = '"' if double else "'"
        return quote + "".join(parts) + quote

    def flow(self, indent: int, depth: int = 0) -> str:
        """A [list] or {group}, perhaps over several lines."""
        rng = self.rng
        items = []
        for _ in range(rng.randint(0, 3)):
            shape = rng.random()
            if shape < 0.2 and depth < 2:
                item = self.flow(indent, depth + 1)
            elif shape < 0.35:
                item = self.quoted(indent + 2)
            elif shape < 0.5:
                item = rng.choice(FLAT_CORNERS)
            else:
                item = self.word().strip() or "x"
            if rng.random() < 0.3:
                item = f"{self.word().strip() or 'k'}: {item}"
            items.append(item)
        separators = [", ", ",", " , ", ",\n" + " " * (indent + 2), "\n" + " " * indent + ", "]
        separator = rng.choice(separators) if self.odd() else ", "
        opening, closing = rng.choice([("[", "]"), ("{", "}")])
        return opening + separator.join(items) + (rng.choice([",", " "]) if self.odd() else "") + closing

    def value(self, indent: int) -> str:
        """What follows a field's name or a list's "- ", its line break included."""
        rng = self.rng
        comment = rng.choice([" # note", "#x", " #", " #: x"]) if self.odd() else ""
        shape = rng.random()
        if shape < 0.25:
            return self.block_text(indent)
        if shape < 0.4:
            return self.quoted(indent + 2) + comment + "\n"
        if shape < 0.5:
            return self.flow(indent) + comment + "\n"
        if shape < 0.55:  # a plain text over several lines
            return self.word() + "\n" + " " * (indent + rng.randint(0, 3)) + self.word() + "\n"
        if shape < 0.6:
            return comment.lstrip() + "\n"  # nothing: null
        if shape < 0.7:
            return rng.choice(CORNER_SCALARS).replace("\n", "\n" + " " * (indent + 2)) + comment + "\n"
        return self.word().strip() + comment + "\n"

    def key(self) -> str:
        if self.odd():
            return self.rng.choice([self.quoted(0), "? k", "1", "true", "~", "''", "-a", "a#b", "a:b"])
        return "".join(self.rng.choice("abcdefghijk_ ") for _ in range(self.rng.randint(1, 6))).strip() or "k"

    def node(self, indent: int = 0, depth: int = 0) -> str:
        """A block group or list at `indent`, whose entries hold values or further groups and lists."""
        rng = self.rng
        pad = " " * indent
        is_list = rng.random() < 0.4
        lines = []
        for _ in range(rng.randint(1, 4)):
            if rng.random() < 0.1:
                markers = ["---", "...", "- ", "--- x", "... x"] if self.odd() else ["# c", "#", ""]
                lines.append(" " * rng.randint(0, indent + 2) + rng.choice(markers) + "\n")
            head = pad + "- " if is_list else pad + self.key() + (" :" if self.odd() else ":")
            if depth < 3 and rng.random() < 0.3:
                inner = indent + (2 if is_list else rng.choice([0, 1, 2, 2, 4]))
                if is_list and rng.random() < 0.5:
                    lines.append(head + self.node(indent + 2, depth + 1).lstrip(" "))  # "- a: 1"
                else:
                    after = rng.choice([" ", " # c", "#c"]) if self.odd() else ""
                    lines.append(head.rstrip(" ") + after + "\n" + self.node(inner, depth + 1))
            else:
                lines.append(head + ("" if head.endswith(" ") else " ") + self.value(indent))
        return "".join(lines)

    def document(self) -> str:
        rng = self.rng
        text = self.node()
        if self.odd():
            text = rng.choice(["# c\n", "---\n", "--- ", "%YAML 1.2\n---\n", "...\n", "\n", "--- # c\n"]) + text
        if self.odd():
            text += rng.choice(["...\n", "---\n", "# end", "\n\n", "... # c\n", "---\na: 1\n"])
        # Edits anywhere: what a slip of the keyboard, or an attacker, adds.
        while self.odd():
            at = rng.randint(0, len(text))
            edit = rng.random()
            if edit < 0.4:
                text = text[:at] + rng.choice(SIGNIFICANT + "\n") + text[at:]
            elif edit < 0.8:
                text = text[:at] + text[at + 1 :]
            elif edit < 0.9:
                text = text[:at] + text[at:].replace("\n", "\n ", 1)
            else:  # two lines joined: what follows a value on its line
                text = text[:at] + text[at:].replace("\n", " " * rng.randint(1, 4), 1)
        return text


@settings(max_examples=FUZZ_EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(rng=st.randoms(use_true_random=True), oddness=st.sampled_from([0.0, 0.02, 0.1, 0.3, 0.6]))
def test_differential_fuzz_the_fast_path_never_reads_otherwise(rng, oddness):
    text = YamlFuzzer(rng, oddness).document()
    agree(text)
    event("read by the fast path" if fast_data(prepared(text) or "") is not UNDECIDED else "left to the strict path")


@pytest.mark.parametrize(
    "text",
    [
        "a: > #-\n  x\n",  # rapidyaml dropped the last line break
        "a: >+1-\n  x\n",  # a broken header that rapidyaml read
        "a: |\n  x",  # no line break at the end of the file
        "...\na: 1\n",
        'a: "\\x1b[31m"\n',
        "d cf :\n  - - []    - 2\n",  # rapidyaml read two items
        '- a\n- ""  kk: "b"\n',  # rapidyaml read a list and a field
        'a: "m\n  l": v\n',  # rapidyaml read a field name in quotes over two lines
        "- -\n  ...\n",  # rapidyaml read an indented "..." as the end of the document
    ],
)
def test_what_the_fuzzer_found_is_read_alike(text):
    agree(text)


@pytest.mark.parametrize(
    "text",
    ["v: 12\n", "v: '12'\n", "v: yes\n", "v: 2023-06-15\n", "v: [a, {b: c}]\n", "v: >-\n  a\n  b\n", 'v: "a\\"b"\n'],
)
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


# What a contributor is told: each way PyYAML refuses a file, in words, at its place.

TAB = "a tab character is used for indentation: YAML needs spaces"
COLON = "unexpected ':' here: check the indentation, or put the text in quotes"
INDENTATION = "the indentation is wrong here: items at the same level must start in the same column"
NOT_CLOSED = "a list or group opened with '[' or '{' is not closed"
DIGITS = "this number has more than 15 digits"
HALF_CHARACTER = (
    "this text has an escape (\\uD800 to \\uDFFF) that names half of a character: write the character itself"
)
NOT_FINITE = "only finite numbers are allowed here (not .inf, .nan or a number too large)"


@pytest.mark.parametrize(
    ("text", "problems"),
    [
        ("a:\n\tb: 1\n", [f"2:1: {TAB}"]),
        ("a: [1,\t2]\n", [f"1:7: {TAB}"]),
        ("a: [1, 2\n", [f"2:1: {NOT_CLOSED}"]),
        ("a: {b: 1\n", [f"2:1: {NOT_CLOSED}"]),
        ("a: @x\n", ["1:4: the character '@' that cannot start any token: put the text in quotes"]),
        ("a: `x\n", ["1:4: the character '`' that cannot start any token: put the text in quotes"]),
        ("a: b: c\n", [f"1:5: {COLON}"]),
        ("a\nb: 1\n", [f"2:2: {COLON}"]),
        ("a: 'x\n", ["2:1: the file ends inside a quoted text: a closing quote is missing"]),
        (
            "---\na: 1\n---\nb: 2\n",
            ["3:1: a data file holds one document: remove the line '---' that starts a second one"],
        ),
        ("- a\nb: 1\n", [f"2:1: {INDENTATION}"]),
        ("a:\n  - 1\n  b: 2\n", [f"3:3: {INDENTATION}"]),
        ("a: 1\na: 2\n", ['2:1: the field "a" appears twice (first on line 1)']),
        ("1: a\n", ["1:1: a field name must be text"]),
        ("a: 1\n2: b\n", ["2:1: a field name must be text"]),
        ('a: "\\ud800"\n', [f"1:4: {HALF_CHARACTER}"]),
        ('a: "\\U0000DFFF"\n', [f"1:4: {HALF_CHARACTER}"]),
        ('a: "\\U0001F600 \\u00e9"\n', []),
        (
            "a: 1\n...\nb: 2\n",
            [
                "3:1: the data goes on after a line '...', which ends it: remove that line (a data file holds one document)"
            ],
        ),
        (
            "a:\n  b: 1\n  c\n  d: 2\n",
            [
                "3:3: this line is not of the form 'field: value': add the ':' after the field's name, or check the indentation"
            ],
        ),
        # Whole numbers: 15 digits, in any base, leading zeros and signs apart.
        ("a: 999999999999999\n", []),
        ("a: -999999999999999\n", []),
        ("a: 1000000000000000\n", [f"1:4: {DIGITS}"]),
        ("a: 99999999999999\n", []),
        ("a: 0x000000000000001\n", []),
        ("a: 0x0000000000000001\n", [f"1:4: {DIGITS}"]),
        ("a: 0x38D7EA4C67FFF\n", []),
        ("a: 0x38D7EA4C68000\n", [f"1:4: {DIGITS}"]),
        ("a: " + "9" * 5000 + "\n", [f"1:4: {DIGITS}"]),
        # Numbers with a fraction: finite ones only, however .inf and .nan are written.
        ("a: .inf\n", [f"1:4: {NOT_FINITE}"]),
        ("a: -.INF\n", [f"1:4: {NOT_FINITE}"]),
        ("a: +.Inf\n", [f"1:4: {NOT_FINITE}"]),
        ("a: .NaN\n", [f"1:4: {NOT_FINITE}"]),
        ("a: 1e400\n", [f"1:4: {NOT_FINITE}"]),
        ("a: -1.5e3\n", []),
    ],
)
def test_the_strict_path_words_each_problem_at_its_place(text, problems):
    try:
        parse_yaml(text, "f.yaml")
        found = []
    except DataError as error:
        found = [f"{p.line}:{p.column}: {p.message}" for p in error.problems]
    assert found == problems


def test_numbers_read_strictly_have_their_value():
    data = yamlload._compose("a: 0x1F\nb: 0o17\nc: +12\nd: -0\ne: 007\nf: 1_000\ng: -1.5e3\nh: TRUE\ni: False\n")[1]
    assert data == {"a": 31, "b": 15, "c": 12, "d": 0, "e": 7, "f": "1_000", "g": -1500.0, "h": True, "i": False}


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        (b"\xff\xfea\x00", "f.yaml:1:1: the file is saved as UTF-16: save it with the UTF-8 encoding"),
        (b"\xfe\xff\x00a", "f.yaml:1:1: the file is saved as UTF-16: save it with the UTF-8 encoding"),
        (b"a: 1\nb: caf\xe9\n", "f.yaml:2:7: the file is not valid UTF-8 text: save it with the UTF-8 encoding"),
        (b"a: \xc3\xa9\xff\n", "f.yaml:1:5: the file is not valid UTF-8 text: save it with the UTF-8 encoding"),
    ],
)
def test_a_file_that_is_not_utf8_is_one_problem_at_its_first_bad_byte(raw, problem):
    with pytest.raises(DataError) as raised:
        decode_utf8(raw, "f.yaml")
    assert [str(p) for p in raised.value.problems] == [problem]


def test_a_byte_order_mark_is_dropped_and_line_ends_become_newlines():
    assert decode_utf8("\ufeffa: \ufeff\n".encode(), "f.yaml") == "a: \ufeff\n"
    assert normalize_newlines("a\r\nb\rc\n\r\n") == "a\nb\nc\n\n"


def test_the_size_limit_lets_a_file_of_exactly_its_size_through(tmp_path, monkeypatch):
    monkeypatch.setattr(yamlload, "MAX_FILE_BYTES", 10)
    path = tmp_path / "f.yaml"
    path.write_bytes(b"a: 1234567")
    assert yamlload.read_bytes(path, "f.yaml") == b"a: 1234567"
    assert decode_utf8(b"a: 1234567", "f.yaml") == "a: 1234567"
    assert parse_yaml("a: 1234567", "f.yaml").data == {"a": 1234567}
    over = "f.yaml:1:1: the file has 11 bytes: the most a file may have is 10"
    for read in (
        lambda: decode_utf8(b"a: 12345678", "f.yaml"),
        lambda: parse_yaml("a: 12345678", "f.yaml"),
        lambda: parse_yaml(b"a: 12345678", "f.yaml"),
    ):
        with pytest.raises(DataError) as raised:
            read()
        assert [str(p) for p in raised.value.problems] == [over]


def test_a_missing_or_unreadable_file_is_named_as_shown(tmp_path):
    for path, problem in (
        (tmp_path / "missing.yaml", "data/missing.yaml:1:1: the file is missing"),
        (tmp_path, "data/missing.yaml:1:1: the file cannot be read (Is a directory)"),
    ):
        for read in (yamlload.read_bytes, yamlload.read_text):
            with pytest.raises(DataError) as raised:
                read(path, "data/missing.yaml")
            assert [str(p) for p in raised.value.problems] == [problem]


def test_a_loaded_file_is_named_as_shown_or_by_its_path(tmp_path):
    path = tmp_path / "f.yaml"
    path.write_bytes(b"a: [1\n")
    for shown, named in ((None, str(path)), ("data/f.yaml", "data/f.yaml")):
        with pytest.raises(DataError) as raised:
            yamlload.load_yaml(path, shown)
        assert raised.value.problems[0].path == named
    path.write_bytes(b"\xef\xbb\xbfa: 1\r\n")
    assert yamlload.load_yaml(path).data == {"a": 1}
    assert yamlload.read_text(path, "f.yaml") == "a: 1\n"


def test_positions_fall_back_to_the_nearest_value_that_exists():
    doc = parse_yaml("a:\n  - x\n  - {b: 1}\nc: 2\n", "f.yaml")
    assert doc.locate(("a", 1, "b")) == (3, 9)
    assert doc.locate(("a", 2)) == (2, 3)  # no third item: the list
    assert doc.locate(("a", -1)) == (2, 3)
    assert doc.locate(("c", "d")) == (4, 4)
    assert doc.locate((0,)) == (1, 1)
    assert doc.locate_key(("a", 1, "b")) == (3, 6)
    assert doc.locate_key(("c",)) == (4, 1)
    assert doc.locate_key(("z", "y")) == (1, 1)
    assert doc.locate_key(("a", 1)) == (3, 5)
    assert doc.locate_key(()) == (1, 1)
    assert parse_yaml("", "f.yaml").locate(("a",)) == (1, 1)
    assert parse_yaml("# only a comment\n", "f.yaml").locate_key(("a",)) == (1, 1)
    smaller = doc.with_data({"c": 2})
    assert (smaller.path, smaller.data, smaller.locate(("c",))) == ("f.yaml", {"c": 2}, (4, 4))


@pytest.mark.parametrize(
    "text",
    [
        "a: &x 1\n",
        "a: *x\n",
        "a: !x 1\n",
        "a: [1, 2\n  , 3]\n",
        "a: [b, ? c]\n",
        "a: [b, #c]\n",
        "a: [1] \nb: [2, [3]\n",
        "a: b\nc: [1, [2]\n",
        "a: {b: [1]}\nc: [2, - 3]\n",
    ],
)
def test_anchors_aliases_tags_and_unusual_lists_go_to_the_strict_path(text):
    assert fast_data(text) is UNDECIDED


def test_values_at_the_limits_take_the_fast_path(monkeypatch):
    monkeypatch.setattr(yamlload, "MAX_TEXT", 10)
    monkeypatch.setattr(yamlload, "MAX_DEPTH", 3)
    assert fast_data("k123456789: v123456789\nl: [[x]]\n") == {"k123456789": "v123456789", "l": [["x"]]}
    assert fast_data("m: [[[x]]]\n") is UNDECIDED
    assert fast_data("k1234567890: v\n") is UNDECIDED
    assert fast_data("k: v1234567890\n") is UNDECIDED
    assert fast_data("k: [v1234567890]\n") is UNDECIDED
    assert fast_data("k: 999999999999999\n") == {"k": 999999999999999}
    assert fast_data("k: -999999999999999\n") == {"k": -999999999999999}
    assert fast_data("k: 1000000000000000\n") is UNDECIDED


def test_at_most_twenty_syntax_problems_are_reported_per_file():
    text = "items:\n" + "".join(f"  - id: a{i}\n    name: a: b\n" for i in range(60))
    with pytest.raises(DataError) as raised:
        parse_yaml(text, "f.yaml")
    assert [p.line for p in raised.value.problems] == list(range(3, 43, 2))


def test_a_control_character_is_placed_on_its_line():
    with pytest.raises(DataError) as raised:
        parse_yaml("\na: \x01\n", "f.yaml")
    assert [str(p) for p in raised.value.problems] == [
        "f.yaml:2:4: the file contains a control character that YAML does not allow"
    ]


ENTRIES = ["cities:", "  - id: a", "    name: [x", "  - id: b", "    name: y", "  - id: c", "    name: z", "other: 1"]


@pytest.mark.parametrize(
    ("line", "blanked"),
    [
        (3, [1, 2]),  # the entry holding line 3: lines 2 and 3
        (4, [1, 2, 3, 4]),  # an entry's first line: that entry and the one before
        (5, [1, 2, 3, 4]),
        (7, [3, 4, 5, 6]),
        (1, None),  # a top-level line is no entry: nothing is blanked
        (8, None),
        (99, None),
    ],
)
def test_after_a_syntax_problem_its_entry_and_the_one_before_are_blanked(line, blanked):
    lines = list(ENTRIES)
    assert yamlload._blank_entry(lines, line) is (blanked is not None)
    expected = [("" if i in (blanked or ()) else text) for i, text in enumerate(ENTRIES)]
    assert lines == expected


def test_an_entry_after_a_top_level_line_is_blanked_alone():
    lines = ["a:", "  - x: 1", "b:", "  - y: [", "  - z: 2"]
    assert yamlload._blank_entry(lines, 4)
    assert lines == ["a:", "  - x: 1", "b:", "", "  - z: 2"]
    lines = ["a:", "  - x: [", "b: 1"]
    assert not yamlload._blank_entry(lines, 3)  # the problem is outside the entry: nothing is blanked
    assert lines == ["a:", "  - x: [", "b: 1"]


def test_rapidyaml_writes_json_as_text():
    # fast_data reads str(emit_json(...)): a version that returned bytes would send every file
    # to the slow path without a word.
    assert isinstance(yamlload.ryml.emit_json(yamlload.ryml.parse_in_arena(b"a: 1")), str)


def test_the_strict_path_counts_depth_per_branch(monkeypatch):
    monkeypatch.setattr(yamlload, "MAX_DEPTH", 3)
    assert yamlload._compose("a: [[1], [2]]\nb: [[3]]\n")[1] == {"a": [[1], [2]], "b": [[3]]}
    for deeper in ("a: [[1], [[2]]]\n", "a: [[1]]\nb: [[[3]]]\n"):
        with pytest.raises(yaml.YAMLError, match="nested more than 3 levels"):
            yamlload._compose(deeper)


def test_the_strict_path_takes_a_text_of_exactly_the_limit(monkeypatch):
    monkeypatch.setattr(yamlload, "MAX_TEXT", 10)
    assert yamlload._compose("a: v123456789\n")[1] == {"a": "v123456789"}
    with pytest.raises(yaml.YAMLError, match="this text has 11 characters"):
        yamlload._compose("a: v1234567890\n")


@pytest.mark.parametrize(
    ("text", "fast"),
    [
        ("a: [x?y]\n", False),  # a '?' in a [list]
        ("a: [b #c]\n", False),  # a comment inside it
        ("a: [1,\n  2]\n", False),  # a [list] over two lines
        ("a: [b, [c]]\nd: [e #f]\n", False),  # the second line with a list is looked at too
        ("a: [b]\nc: d #e\n", True),  # a comment after the list's line is none of its business
        ("a: {b: c #d}\n", False),  # rapidyaml would read "c #d" where PyYAML refuses the comment
        ("{b: c #d}\n", False),  # the same at the very start
        ("a: [b, [c]]\nd: [e?f]\n", False),  # PyYAML refuses the '?' of the second line's list
        ("a: [b, [c]]\nd: [e, {f: g}]\n", True),
    ],
)
def test_lists_on_one_line_take_the_fast_path_and_the_others_the_strict_one(text, fast):
    assert (fast_data(text) is not UNDECIDED) is fast
    agree(text)


def test_a_lone_text_of_exactly_the_limit_takes_the_fast_path(monkeypatch):
    monkeypatch.setattr(yamlload, "MAX_TEXT", 10)
    assert fast_data("v123456789\n") == "v123456789"
    assert fast_data("v1234567890\n") is UNDECIDED


HEADER = (
    "the header of this block text is not valid: after '|' or '>' may come one '-' or '+' and one digit from 1 to 9"
)
CONTROL_ESCAPE = "this text contains U+001B (\\x1b), a control character: remove it"
NO_CHARACTER = (
    "this text has an escape that names no character (the largest is \\U0010FFFF): write the character itself"
)


@pytest.mark.parametrize(
    ("text", "read"),
    [
        # Block texts: each header read as the strict path reads it, a broken one refused.
        ("a: >-\n  x\n  y\n", {"a": "x y"}),
        ("a: > #-\n  x\n", {"a": "x\n"}),  # a comment, not a chomping indicator
        ("a: |2-\n   x\n", {"a": " x"}),
        ("a: |\n  x", {"a": "x"}),  # the file ends without a line break
        ("a: >+1-\n  x\n", [f"1:7: {HEADER}"]),
        ("a: |0\n  x\n", [f"1:5: {HEADER}"]),
        (
            "items:\n  - a: >+1-\n      x\n  - b: 1\n  - c: [1\n  - d: 2\n",
            [f"2:11: {HEADER}", "6:6: a list or group opened with '[' or '{' is not closed"],
        ),
        # Document markers.
        ("---\na: 1\n", {"a": 1}),
        ("...\na: 1\n", ["1:1: a line '...' ends the data before it starts: remove it"]),
        # Escapes: tab and newline are text, other control characters are refused, in values and names.
        ('a: "x\\ty\\n"\n', {"a": "x\ty\n"}),
        ('a: "\\x1b[31m"\n', [f"1:4: {CONTROL_ESCAPE}"]),
        ('"b\\e[2J": 1\n', [f"1:1: {CONTROL_ESCAPE}"]),
        ('a: "\\0"\n', ["1:4: this text contains U+0000 (\\x00), a control character: remove it"]),
        ('a: "\\v\\x85"\n', ["1:4: this text contains U+000B (\\x0b), a control character: remove it"]),
        ('a: "\\U0010FFFF"\n', {"a": "\U0010ffff"}),
        ('a: "x\\U00110000"\n', [f"1:4: {NO_CHARACTER}"]),
        ('a: "x\\UFFFFFFFF"\n', [f"1:4: {NO_CHARACTER}"]),
        ('a: "multi\n  line"\n', {"a": "multi line"}),
        (
            'a: "multi\n  line": v\n',
            [f"2:8: {COLON}", "3:1: the file ends inside a quoted text: a closing quote is missing"],
        ),
    ],
)
def test_each_file_has_one_meaning_whichever_path_reads_it(text, read):
    """The fast path answers only as the strict path would; what the strict path refuses is a
    problem at its line, with the file's other problems."""
    try:
        found = parse_yaml(text, "f.yaml").data
    except DataError as error:
        found = [f"{p.line}:{p.column}: {p.message}" for p in error.problems]
    assert found == read
    assert strict(text) == (typed(read) if isinstance(read, dict) else "refused")


def test_a_file_the_strict_path_refuses_is_a_problem_wherever_its_positions_are_asked():
    """Were the fast path ever to read a file that the strict path refuses, asking a position of
    it is a problem at its line, not a traceback."""
    document = yamlload.YamlDocument("f.yaml", {"a": "x\n"}, "a: >+1-\n  x\n")
    with pytest.raises(DataError) as raised:
        document.locate(("a",))
    assert [str(p) for p in raised.value.problems] == [f"f.yaml:1:7: {HEADER}"]
