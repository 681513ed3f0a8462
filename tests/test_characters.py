"""One rule for the characters of every contribution, and every message safe to print."""

from __future__ import annotations

import pytest

from alliance.data.characters import CONTROL, invisible_characters, shown
from alliance.data.contributed import markdown_problems
from alliance.data.problems import DataError, Problem


@pytest.mark.parametrize(
    ("character", "refused"),
    [
        ("a", None),
        ("é", None),
        ("\t", None),  # a tab and a line break are text
        ("\n", None),
        ("\u200d", None),  # a joiner that scripts need
        ("\x00", "contains U+0000 (\\x00), a control character: remove it"),
        ("\x0b", "contains U+000B (\\x0b), a control character: remove it"),
        ("\x1b", "contains U+001B (\\x1b), a control character: remove it"),
        ("\r", "contains U+000D (\\r), a control character: remove it"),
        ("\x7f", "contains U+007F (\\x7f), a control character: remove it"),
        ("\x85", "contains U+0085 (\\x85), a control character: remove it"),
        ("\x9f", "contains U+009F (\\x9f), a control character: remove it"),
        (
            "\u202e",
            "contains U+202E, a bidirectional embedding or override, an invisible character that can disguise the text: remove it",
        ),
    ],
)
def test_control_characters_but_tab_and_newline_are_refused(character, refused):
    assert list(invisible_characters(f"ab{character}c")) == ([] if refused is None else [(2, refused)])
    assert bool(CONTROL.search(character)) is (refused is not None and character != "\u202e")


def test_a_practice_line_with_a_control_character_is_a_problem_at_its_place():
    problems = list(markdown_problems("Un texte.\nDeux\x1b[2J mots\tici.\n", "content/practices/x.md", 5))
    assert [str(p) for p in problems] == [
        "content/practices/x.md:6:5: contains U+001B (\\x1b), a control character: remove it"
    ]


@pytest.mark.parametrize(
    ("text", "printed"),
    [
        ("plain text, é, 😀", "plain text, é, 😀"),
        ("a\x1b[31mb", "a\\x1b[31mb"),
        ("x\n::error file=a::y", "x\\n::error file=a::y"),
        ("a\tb\r\x00\x7f\x85\x9f", "a\\tb\\r\\x00\\x7f\\x85\\x9f"),
        ("\u202eabc\u2066\u200b\u2028", "\\u202eabc\\u2066\\u200b\\u2028"),
        ("a\\x1b", "a\\x1b"),  # already escaped: as it is
    ],
)
def test_every_message_is_printed_on_one_line_with_its_control_characters_escaped(text, printed):
    assert shown(text) == printed
    problem = Problem(f"data/{text}.yaml", 3, 4, f'unknown field "{text}"')
    assert str(problem) == f'data/{printed}.yaml:3:4: unknown field "{printed}"'
    report = str(DataError([problem]))
    assert report.split("\n") == [str(problem), "1 problem found: fix the lines above, then build again."]
