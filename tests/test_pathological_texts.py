"""Every pathological practice text of scripts/pathological.py is refused with a file:line problem
or rendered, never a traceback; the structures that hung or crashed the renderer on main are refused."""

from __future__ import annotations

import markdown
import pytest

from alliance.data.contributed import (
    MAX_BLOCK_LINES,
    MAX_FENCES,
    MAX_INDENT,
    MAX_NESTING,
    MAX_PAGE_TEXT,
    MAX_RUN,
    MAX_TAGS,
    markdown_problems,
    read_markdown,
    structure_problems,
)
from alliance.data.problems import Problem
from scripts.pathological import pathological_texts

TEXTS = list(pathological_texts(mixtures=4))


@pytest.mark.parametrize("text", [text for _, text in TEXTS], ids=[name for name, _ in TEXTS])
def test_a_text_at_the_limits_is_refused_or_rendered(text):
    problems = markdown_problems(text, "p.md", 5)
    assert all(problem.path == "p.md" and problem.line >= 5 for problem in problems)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[" * 3000 + "x" + "]" * 3000, "is repeated 3000 times in a row"),  # 23 s at 20 kB on main
        ("[x " * (MAX_NESTING + 1), f"opens the {MAX_NESTING + 1}th bracket"),
        ("*a " * 2000 + "b" + " c*" * 2000, f"opens the {MAX_NESTING + 1}th"),  # RecursionError on main
        ("![" * 100, "opens the 13th"),  # 205 s at 50 kB on main
        ("[x](" * 100, "opens the 13th"),  # 36 s at 48 kB on main
        ("<a " * 500, "opens the 13th"),  # 25 s at 48 kB on main
        ("<b>" * 450, "more than 400 tags"),
        ("x\n" * 50, "more than 40 lines"),  # 7 s for 10,000 headings in one block on main
        ("    " * 9 + "- x", "starts 36 columns in"),  # RecursionError for deep lists on main
        ("x" * 40_001, "the most a page may have is 40,000"),
    ],
)
def test_the_structures_that_hang_or_crash_the_renderer_are_refused_where_they_stand(text, message):
    problems = structure_problems(text, "p.md", 3)
    assert problems and message in problems[0].message and problems[0].line >= 3


def test_60000_refused_tags_are_reported_once_each_up_to_the_limit():
    # On main the locator searched the whole text again for each problem: over 20 s.
    problems = markdown_problems("<b>x</b> " * 150, "p.md", 3)
    assert len(problems) == 51
    assert problems[-1] == Problem("p.md", 3, 1, "250 more problems of the same kinds are not listed")


@pytest.mark.parametrize(
    ("error", "what"), [(RecursionError, "nested too deeply"), (MemoryError, "too large")], ids=["recursion", "memory"]
)
def test_a_text_the_renderer_cannot_take_is_one_problem_at_its_start(monkeypatch, error, what):
    """The bounds of structure_problems are meant to make this impossible; a bound missed is still an answer."""

    def give_up(self, source):
        raise error

    monkeypatch.setattr(markdown.Markdown, "convert", give_up)
    problems, rendered = read_markdown("Text [a](../x.md).\n", "p.md", 7)
    assert problems == [Problem("p.md", 7, 1, f"the text is {what} to be rendered: simplify it")]
    assert rendered.links == () and rendered.ids == frozenset()


@pytest.mark.parametrize(
    ("at_the_limit", "beyond"),
    [
        ("x" * MAX_PAGE_TEXT, "x" * (MAX_PAGE_TEXT + 1)),
        ("[" * MAX_NESTING + "x", "[" * (MAX_NESTING + 1) + "x"),
        ("(" * MAX_NESTING + "x", "(" * MAX_NESTING + " (x"),
        ("*a " * MAX_NESTING, "*a " * (MAX_NESTING + 1)),
        ("x<" * MAX_NESTING, "x<" * (MAX_NESTING + 1)),
        ("`" * MAX_RUN + "x", "`" * (MAX_RUN + 1) + "x"),
        ("<b>x</b>" * (MAX_TAGS // 2), "<b>x</b>" * (MAX_TAGS // 2) + "<i>"),
        (" " * MAX_INDENT + "x", " " * (MAX_INDENT + 1) + "x"),
        ("x\n" * MAX_BLOCK_LINES, "x\n" * (MAX_BLOCK_LINES + 1)),
        ("```\n\n" * MAX_FENCES, "```\n\n" * (MAX_FENCES + 1)),
    ],
    ids=["size", "brackets", "parentheses", "emphasis", "angle", "run", "tags", "indent", "block", "fences"],
)
def test_each_limit_accepts_a_text_at_it_and_refuses_one_beyond(at_the_limit, beyond):
    assert structure_problems(at_the_limit, "p.md", 1) == []
    assert len(structure_problems(beyond, "p.md", 1)) == 1


INDENT = "this line starts 33 columns in (lists or quotes inside each other): the most is 32"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("x" * 40_001, [(3, 1, "the text has 40,001 characters: the most a page may have is 40,000")]),
        # The 41st line after a blank line: 3 is "a", 4 is blank, 5 to 45 are "x".
        (
            "a\n\n" + "x\n" * 41,
            [
                (
                    45,
                    1,
                    "more than 40 lines follow each other without a blank line: separate the paragraphs, "
                    "list items or headings with blank lines",
                )
            ],
        ),
        ("```\n\n" * 101, [(203, 1, "more than 100 lines open or close a code block (``` or ~~~): the most is 100")]),
        # Each line too far in is reported, and nothing else in it.
        (" " * 33 + "x\n" + " " * 33 + "`" * 33 + "\n", [(3, 1, INDENT), (4, 1, INDENT)]),
        # A run too long is reported, and what it opens is not counted.
        ("x" + "`" * 33 + "[" * 33, [(3, 2, '"`" is repeated 33 times in a row: the most is 32')]),
        (
            "<b>x</b>" * 200 + "<i>",
            [(3, 1, "the text has more than 400 tags (a '<' then a letter): write &lt; for '<'")],
        ),
        (
            "ok (" + "[a " * 13,
            [
                (
                    3,
                    41,
                    '"[" opens the 13th bracket, parenthesis, tag or emphasis not yet closed in this paragraph: '
                    "the most is 12 (write \\[ for the mark itself)",
                )
            ],
        ),
    ],
    ids=["size", "block", "fences", "indent", "run", "tags", "nesting"],
)
def test_each_structure_refused_is_one_problem_where_it_stands(text, expected):
    """Written out by hand: the text starts at line 3 of p.md."""
    assert structure_problems(text, "p.md", 3) == [Problem("p.md", *problem) for problem in expected]
    problems, rendered = read_markdown(text, "p.md", 3)
    assert problems == [Problem("p.md", *problem) for problem in expected]
    assert rendered.links == () and rendered.ids == frozenset()


def test_a_block_after_a_blank_line_may_have_as_many_lines_as_the_first():
    assert structure_problems("a\n\n" + "x\n" * MAX_BLOCK_LINES, "p.md", 1) == []


def test_problems_up_to_the_limit_are_all_listed():
    problems = markdown_problems("<b>x</b> " * 25, "p.md", 3)
    assert len(problems) == 50
    assert problems[-1] == Problem("p.md", 3, 221, 'raw HTML "</b>" is not allowed in a practice: write Markdown')


def test_a_blank_line_closes_what_a_paragraph_left_open_and_escapes_open_nothing():
    assert structure_problems(("[" * MAX_NESTING + "\n\n") * 3, "p.md", 1) == []
    assert structure_problems("\\[" * (MAX_NESTING + 5), "p.md", 1) == []
    assert structure_problems("[x] " * 50 + "(a) " * 50 + "*a* " * 50, "p.md", 1) == []
    problem = structure_problems("ok\n\n" + "[" * (MAX_NESTING + 1), "p.md", 7)[0]
    assert (problem.line, problem.column) == (9, MAX_NESTING + 1)


@pytest.mark.parametrize(
    "text",
    ["[x] " + "[" * MAX_NESTING, "(x) " + "(" * MAX_NESTING, "<x> " + "x<" * MAX_NESTING, "*x* " + "*a " * MAX_NESTING],
    ids=["brackets", "parentheses", "angle", "emphasis"],
)
def test_what_a_paragraph_closed_may_be_opened_again_up_to_the_limit(text):
    assert structure_problems(text, "p.md", 1) == []


def test_an_emphasis_closed_closes_one():
    problems = structure_problems("*a *b c* " + "*a " * MAX_NESTING, "p.md", 1)
    assert [p.message.split(" bracket")[0] for p in problems] == ['"*" opens the 13th']


def test_a_mark_that_opens_nothing_is_not_refused_after_a_refused_line():
    problems = structure_problems("*a " * (MAX_NESTING + 1) + "\nx*y (z)\n", "p.md", 1)
    assert [p.line for p in problems] == [1]


def test_the_reading_stops_once_50_problems_of_structure_are_found():
    # A line too far in each, and the 41st is also one too many in its block: 50 at the 49th line.
    problems = structure_problems((" " * 33 + "x\n") * 60, "p.md", 1)
    assert (len(problems), problems[-1].line) == (50, 49)


@pytest.mark.parametrize(
    ("text", "refused"),
    [
        # A run of "*" at the start of a line has nothing before it: it opens, whatever ends the line.
        ("*a " * MAX_NESTING + "*x", True),
        # ...and "* " there (a list item) opens nothing and closes nothing.
        ("*a " * MAX_NESTING + "\n* *c", True),
        # A mark between two letters opens nothing (snake*case); after a parenthesis, it opens.
        ("x*a " + "*a " * MAX_NESTING, False),
        ("(*a " + "*a " * MAX_NESTING, True),
        # Nor does one right after a mark of the other kind, before a letter.
        ("a_*b " + "*a " * MAX_NESTING, False),
        # A mark that ends its line after a word closes what was open.
        ("*a " * MAX_NESTING + "b*\n*c", False),
        ("*a " * MAX_NESTING + "b\n*c", True),
    ],
)
def test_emphasis_opens_and_closes_at_the_ends_of_a_line(text, refused):
    problems = structure_problems(text, "p.md", 1)
    assert [p.message.startswith(f'"*" opens the {MAX_NESTING + 1}th') for p in problems] == ([True] if refused else [])
