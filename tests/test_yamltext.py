"""A form's entry written into a data file as text (alliance/forms/yamltext.py): the exact lines a
reviewer sees in the pull request, and the form field each line comes from."""

from __future__ import annotations

import pytest

from alliance.data.problems import DataError, Problem
from alliance.data.yamlload import parse_yaml
from alliance.forms.yamltext import (
    Group,
    InsertionFailed,
    Items,
    Number,
    Value,
    append_entry,
    front_matter,
    quoted,
    render,
)


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("", '""'),
        ("Liège ~ 😀", '"Liège ~ 😀"'),
        ('say "a\\b"', '"say \\"a\\\\b\\""'),
        ("\n\t\r\0", '"\\n\\t\\r\\0"'),
        # The last control before the space, the first after `~`, NEL; the no-break space is shown.
        ("\x1f \x7f\x85\x9f\xa0", '"\\u001F \\u007F\\u0085\\u009F\xa0"'),
        # Invisible (Cf), a surrogate, private use, a noncharacter, an unassigned one, line and paragraph separators.
        (
            "\u200b\ufeff\ud800\udfff\ue000\uffff\u0378\u2028\u2029",
            '"\\u200B\\uFEFF\\uD800\\uDFFF\\uE000\\uFFFF\\u0378\\u2028\\u2029"',
        ),
        # Beyond U+FFFF: a letter and an emoji shown, a tag character and private use escaped on 8 digits.
        ("\U00010000\U0001f600\U000e0001\U000f0000", '"\U00010000\U0001f600\\U000E0001\\U000F0000"'),
    ],
    ids=["empty", "visible", "quote-and-backslash", "short-escapes", "controls", "invisible", "astral"],
)
def test_a_text_is_written_double_quoted_with_every_invisible_character_escaped(text, written):
    assert quoted(text) == written


ENTRY = Group(
    (
        ("id", Value("nantes", "id")),
        ("lat", Value(Number("-47.25"), "coordinates-lat")),
        ("year", Value(Number("2024"), "year")),
        ("roles", Items((), "roles")),
        ("targets", Items((Value("institutions", "targets"), Value("territories", "targets-2")), "targets")),
        (
            "evidence",
            Items(
                (
                    Group(
                        (
                            ("claim", Items((Value("name", "evidence-claim"),), "evidence-quote")),
                            ("quote", Value("Nantes accueille.", "evidence-quote")),
                        )
                    ),
                ),
                "evidence",
            ),
        ),
        ("note", Group((), also=("note-fr",))),
        ("place", Group((("city", Value("nantes", "place-city")),), also=("place-city", "place-region"))),
        ("name", Group((("fr", Value("Nantes", "name-fr")), ("en", Value("Nantes (EN)", "name-en"))))),
    )
)

ENTRY_LINES = [
    ('id: "nantes"', ("id",)),
    ("lat: -47.25", ("coordinates-lat",)),
    ("year: 2024", ("year",)),
    ("roles: []", ("roles",)),
    ("targets:", ("targets",)),
    ('  - "institutions"', ("targets",)),
    ('  - "territories"', ("targets-2",)),
    ("evidence:", ("evidence",)),
    ("  - claim:", ("evidence-quote",)),
    ('      - "name"', ("evidence-claim",)),
    ('    quote: "Nantes accueille."', ("evidence-quote",)),
    ("note: {}", ("note-fr",)),
    ("place:", ("place-city", "place-region")),
    ('  city: "nantes"', ("place-city",)),
    ("name:", ("name-fr", "name-en")),
    ('  fr: "Nantes"', ("name-fr",)),
    ('  en: "Nantes (EN)"', ("name-en",)),
]

ENTRY_DATA = {
    "id": "nantes",
    "lat": -47.25,
    "year": 2024,
    "roles": [],
    "targets": ["institutions", "territories"],
    "evidence": [{"claim": ["name"], "quote": "Nantes accueille."}],
    "note": {},
    "place": {"city": "nantes"},
    "name": {"fr": "Nantes", "en": "Nantes (EN)"},
}


@pytest.mark.parametrize("indent", [0, 4])
def test_an_entry_is_rendered_line_by_line_with_the_fields_of_each_line(indent):
    assert render(ENTRY.entries, indent) == [(" " * indent + line, fields) for line, fields in ENTRY_LINES]


def test_a_practice_front_matter_is_the_entry_between_its_dashes_with_its_lines_numbered_from_2():
    text, fields = front_matter(ENTRY)
    assert text == "---\n" + "".join(line + "\n" for line, _ in ENTRY_LINES) + "---\n"
    assert fields == {2 + i: held for i, (_, held) in enumerate(ENTRY_LINES)}
    assert parse_yaml(text.strip("-\n"), "t.md").data == ENTRY_DATA


def test_an_entry_is_appended_after_the_last_one_spaced_as_it_is():
    before = "# Synthetic\nitems:\n  - id: a\n    name: {fr: A}\n\n  - id: b\n    tags:\n      - x\nother: 1\n"
    text, fields = append_entry(before, "data/items.yaml", "items", ENTRY)
    assert text == (
        "# Synthetic\nitems:\n  - id: a\n    name: {fr: A}\n\n  - id: b\n    tags:\n      - x\n\n"
        + "".join(("  - " if i == 0 else "    ") + line + "\n" for i, (line, _) in enumerate(ENTRY_LINES))
        + "other: 1\n"
    )
    assert fields == {10 + i: held for i, (_, held) in enumerate(ENTRY_LINES)}
    assert parse_yaml(text, "t.yaml").data["items"][-1] == ENTRY_DATA


SHORT = Group((("id", Value("c", "id")), ("tags", Items((Value("y", "tags"),), "tags"))))


@pytest.mark.parametrize(
    ("before", "after", "first_line"),
    [
        # Not spaced; a list at the end of a file without a final newline.
        ("items:\n- a\n- b", 'items:\n- a\n- b\n- id: "c"\n  tags:\n    - "y"', 4),
        # The last entry ends with a text block: the entry goes after its last line, before the comment.
        (
            "items:\n  - a\n  - text: |\n      one\n      two\n# end\n",
            'items:\n  - a\n  - text: |\n      one\n      two\n  - id: "c"\n    tags:\n      - "y"\n# end\n',
            6,
        ),
        # An empty value ends its entry on its own line.
        (
            "items:\n  - id: a\n    note:\nx: 1\n",
            'items:\n  - id: a\n    note:\n  - id: "c"\n    tags:\n      - "y"\nx: 1\n',
            4,
        ),
        # A folded text at the end of a one-line first entry, the list spaced by a comment only.
        (
            "items:\n  - a\n  # b\n  - >-\n    b\n    c\n",
            'items:\n  - a\n  # b\n  - >-\n    b\n    c\n  - id: "c"\n    tags:\n      - "y"\n',
            7,
        ),
        # A list nested in the last entry ends with its last item, not at the comment after it.
        (
            "items:\n  - id: a\n    tags:\n      - x\n# end\n",
            'items:\n  - id: a\n    tags:\n      - x\n  - id: "c"\n    tags:\n      - "y"\n# end\n',
            5,
        ),
        # A quoted text on two lines ends on its second line.
        (
            'items:\n  - id: a\n    note: "one\n      two"\n# end\n',
            'items:\n  - id: a\n    note: "one\n      two"\n  - id: "c"\n    tags:\n      - "y"\n# end\n',
            5,
        ),
    ],
    ids=["at-the-end", "text-block", "empty-value", "folded", "nested-list", "quoted-on-two-lines"],
)
def test_an_entry_goes_after_the_last_line_of_the_last_entry(before, after, first_line):
    assert append_entry(before, "data/items.yaml", "items", SHORT) == (
        after,
        {first_line: ("id",), first_line + 1: ("tags",), first_line + 2: ("tags",)},
    )


@pytest.mark.parametrize(
    ("before", "message"),
    [
        ("items: []\n", "data/items.yaml: items is not a block list with entries"),
        ("items: [a]\n", "data/items.yaml: items is not a block list with entries"),
        ("items:\n  a: 1\n", "data/items.yaml: items is not a block list with entries"),
        ("other:\n  - a\n", "data/items.yaml: items is not a block list with entries"),
        ("- items\n", "data/items.yaml: items is not a block list with entries"),
        # A blank line before the new entry would join a text block that keeps its final blank lines.
        (
            "items:\n  - id: a\n\n  - text: |+\n      one\n",
            "data/items.yaml: the file read back differs from the file plus the entry",
        ),
        # A key the loader reads without its final space.
        ("items:\n  - a\n", None),
    ],
    ids=["empty", "flow", "mapping", "missing", "not-a-mapping", "kept-blank-lines", "key-with-a-final-space"],
)
def test_a_file_that_cannot_take_the_entry_as_text_is_left_as_it_was(before, message):
    entry = SHORT if message else Group((("id ", Value("c", "id")),))
    with pytest.raises(InsertionFailed) as caught:
        append_entry(before, "data/items.yaml", "items", entry)
    assert str(caught.value) == (message or "data/items.yaml: the file read back differs from the file plus the entry")


def test_a_front_matter_that_reads_back_otherwise_is_refused():
    with pytest.raises(InsertionFailed) as caught:
        front_matter(Group((("id ", Value("c", "id")),)))
    assert str(caught.value) == "the front matter read back differs from the entry"


def test_a_control_character_in_a_front_matter_is_reported_at_its_line_and_column():
    """Line 1 is the opening `---`."""
    with pytest.raises(DataError) as caught:
        front_matter(Group((("id", Value("c", "id")), ("title", Value("a\x01", "title-fr")))))
    assert caught.value.problems == (
        Problem("front matter", 3, 8, "this text contains U+0001 (\\x01), a control character: remove it"),
    )


def test_a_data_file_that_is_not_yaml_is_reported_at_its_path():
    with pytest.raises(DataError) as caught:
        append_entry("items: [\n", "data/items.yaml", "items", SHORT)
    assert {problem.path for problem in caught.value.problems} == {"data/items.yaml"}
