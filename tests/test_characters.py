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


DISGUISE = "an invisible character that can disguise the text: remove it"


@pytest.mark.parametrize(
    ("character", "refused", "printed"),
    [
        # Each range of INVISIBLE at both ends, and its neighbours outside.
        ("\u2029", f"contains U+2029, a paragraph separator, {DISGUISE}", "\\u2029"),
        ("\u202a", f"contains U+202A, a bidirectional embedding or override, {DISGUISE}", "\\u202a"),
        ("\u202f", None, "\u202f"),  # a narrow no-break space: French typography
        ("\u2060", f"contains U+2060, a word joiner, {DISGUISE}", "\\u2060"),
        ("\u2061", f"contains U+2061, an invisible operator, {DISGUISE}", "\\u2061"),
        ("\u2064", f"contains U+2064, an invisible operator, {DISGUISE}", "\\u2064"),
        ("\u2065", None, "\u2065"),
        ("\u2066", f"contains U+2066, a bidirectional isolate, {DISGUISE}", "\\u2066"),
        ("\u2069", f"contains U+2069, a bidirectional isolate, {DISGUISE}", "\\u2069"),
        ("\u206a", None, "\u206a"),
        ("\ufff8", None, "\ufff8"),
        ("\ufff9", f"contains U+FFF9, an interlinear annotation mark, {DISGUISE}", "\\ufff9"),
        ("\ufffb", f"contains U+FFFB, an interlinear annotation mark, {DISGUISE}", "\\ufffb"),
        ("\ufffc", None, "\ufffc"),
        ("\u200b", f"contains U+200B, a zero-width space, {DISGUISE}", "\\u200b"),
        ("\u200c", None, "\u200c"),  # a joiner that scripts need
        ("\ufeff", f"contains U+FEFF, a zero-width no-break space, {DISGUISE}", "\\ufeff"),
        ("\u2028", f"contains U+2028, a line separator, {DISGUISE}", "\\u2028"),
        ("\x08", "contains U+0008 (\\x08), a control character: remove it", "\\x08"),
        ("\x0c", "contains U+000C (\\x0c), a control character: remove it", "\\x0c"),
        ("\x1f", "contains U+001F (\\x1f), a control character: remove it", "\\x1f"),
        (" ", None, " "),
        ("~", None, "~"),
        ("\xa0", None, "\xa0"),  # a no-break space
    ],
)
def test_the_edges_of_each_range_of_refused_characters(character, refused, printed):
    found = list(invisible_characters(f"{character}a{character}"))
    assert found == ([] if refused is None else [(0, refused), (2, refused)])
    assert shown(f"{character}a") == f"{printed}a"
