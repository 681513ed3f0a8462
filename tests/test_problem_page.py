"""The page the preview shows while the site cannot be built (alliance/assembly/problempage.py):
every problem, escaped, with the guides' hints in French and English.

Apart from tests/test_preview.py, which builds sites: a module that builds is left out of
`make mutate`, and these tests need no build."""

from __future__ import annotations

import pytest

from alliance.assembly.problempage import Guide, Hint, contributing_hints, guides_hints, hint_for, problem_page
from alliance.data.problems import Problem
from alliance.data.yamlload import MAX_TEXT
from scripts.synthetic import hostile_hint_messages


def test_the_problem_page_lists_each_problem_with_its_hints_in_french_and_english_escaped():
    problems = [
        Problem("data/cities.yaml", 3, 5, 'the field "name" appears twice (first on line 2)'),
        Problem(
            "data/actions.yaml",
            9,
            7,
            'actions[0].place.city: no city has the id "<script>x</script>" in data/cities.yaml',
        ),
        Problem("data/\x1b[2Jcities.yaml", 1, 1, 'unknown field "x\n::error file=a::y"'),
    ]
    page = problem_page(problems, ["a warning & <b>more</b>\n\x1b[31mits second line"], guides_hints())
    assert (
        "<title>4 problèmes : le site ne peut pas être construit · 4 problems: the site cannot be built</title>" in page
    )
    assert '<html lang="fr">' in page
    assert "data/cities.yaml:3:5: the field &quot;name&quot; appears twice" in page
    # The hints of CONTRIBUTING.md, then of CONTRIBUTING.en.md, each marked with its language.
    assert '<span class="hint" lang="fr">le champ est écrit deux fois : gardez-en un seul</span>' in page
    assert '<span class="hint" lang="en">the field is written twice: keep one</span>' in page
    assert (
        "la ville n&#x27;existe pas encore" in page and "the city does not exist yet: add it, or correct the id" in page
    )
    assert "<script>" not in page and "&lt;script&gt;x&lt;/script&gt;" in page
    # Control characters are shown as escapes: none reaches the page.
    assert "data/\\x1b[2Jcities.yaml:1:1: unknown field &quot;x\\n::error file=a::y&quot;" in page
    assert "\x1b" not in page and "\n::error" not in page
    assert "<pre>a warning &amp; &lt;b&gt;more&lt;/b&gt;\n\\x1b[31mits second line</pre>" in page
    assert '<meta http-equiv="refresh"' in page


def test_one_problem_is_named_in_the_singular():
    assert "<title>1 problème : le site ne peut pas être construit · 1 problem: the site cannot be built</title>" in (
        problem_page([Problem("f.yaml", 1, 1, "x")])
    )


@pytest.mark.parametrize(
    ("message", "french", "english"),
    [
        (
            "cities[3].coordinates.lat: 100 is too large: the largest allowed value is 90",
            "une coordonnée ou un nombre hors limites",
            "a coordinate or number out of bounds",
        ),
        (
            'cities[1].country: "XX" is not an ISO 3166-1 country code (did you mean YY?)',
            "écrivez le code proposé",
            "write the code suggested",
        ),
        (
            "a tab character is used for indentation: YAML needs spaces",
            "remplacez les tabulations par des espaces",
            "replace the tabs with spaces",
        ),
        (
            'cities[4].id: the id "porto" is already used at data/cities.yaml:12',
            "l'identifiant est déjà pris",
            "the identifier is taken",
        ),
        (
            "cities[0].name.fr: this text contains U+001B (\\x1b), a control character: remove it",
            "un caractère de contrôle",
            "a control character",
        ),
        (
            'cities[2].country: "UK" is not an ISO 3166-1 country code (did you mean GB?)',
            "`UK` et `EL`",
            "`UK` and `EL`",
        ),
        (
            "the header of this block text is not valid: after '|' or '>' may come one '-' or '+' and one digit",
            "écrivez `>-`",
            "write `>-`",
        ),
        ("something no row of the guide describes", None, None),
    ],
)
def test_hints_come_from_the_guides(message, french, english):
    hints = guides_hints()
    for language, hint in (("fr", french), ("en", english)):
        found = hint_for(message, hints[language])
        assert (found is None) if hint is None else hint in found


@pytest.mark.parametrize(
    ("message", "matches"),
    [
        ('the id "a" is already used by cities.yaml:3', True),
        ('the id "" is already used by cities.yaml:3', False),  # a placeholder holds at least one character
        ('the id "a" is already used by ', False),
        ('is already used by the id "a" x', False),  # the fixed texts in their order
        ('x the id "a" is already used by y', True),
    ],
)
def test_a_hint_matches_its_fixed_texts_in_order_with_text_between(message, matches):
    hint = Hint(('the id "', '" is already used by ', ""), "choose another identifier")
    assert hint.matches(message) is matches


def test_hint_matching_is_linear_in_the_length_of_the_message():
    """Eight problems quoting values at the size limit, built to make each row's pattern backtrack
    (its fixed texts repeated without the last one): each row looks for each of its fixed texts
    once, whatever the message (the regular expressions of `.+?` took minutes)."""

    class CountingText(str):
        searches = 0

        def find(self, *arguments):
            CountingText.searches += 1
            return super().find(*arguments)

    hints = guides_hints()["en"]
    assert all(isinstance(hint.parts, tuple) and all(isinstance(p, str) for p in hint.parts) for hint in hints)
    messages = hostile_hint_messages(hints, MAX_TEXT)
    assert len(messages) == 8 and all(len(m) >= MAX_TEXT for m in messages)
    for message in messages:
        hint_for(CountingText(message), hints)
    assert 0 < CountingText.searches <= len(messages) * sum(len(hint.parts) for hint in hints)


def test_the_whole_page_written_out():
    """Small hints written here: the most specific matching row wins, a guide's `code` spans become
    code, an unclosed backtick stays text, a language without a matching row adds no hint."""
    hints = {
        "fr": [Hint(("déjà",), "générique"), Hint(('the id "', '" is already used'), "un autre `id`, pas `a<b`")],
        "en": [Hint(("already used",), "`closed``unclosed")],
        "es": [Hint(("nothing matches this",), "never shown")],
        "pt": [Hint(("already used",), "unclosed`")],
    }
    problem = Problem("data/cities.yaml", 12, 3, 'the id "porto" is already used (déjà)')
    assert problem_page([problem], ["a <warning>"], hints) == "\n".join(
        [
            "<!doctype html>",
            '<html lang="fr">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta http-equiv="refresh" content="2">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            "<title>2 problèmes : le site ne peut pas être construit · 2 problems: the site cannot be built</title>",
            "<style>body{font:1rem/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}"
            "code,pre{font-family:ui-monospace,monospace;white-space:pre-wrap;word-break:break-word}"
            "li{margin-bottom:.8rem}.hint{color:#444;display:block}h1 span,p span{display:block}</style>",
            "</head>",
            "<body>",
            "<main>",
            '<h1><span lang="fr">2 problèmes : le site ne peut pas être construit</span>'
            '<span lang="en">2 problems: the site cannot be built</span></h1>',
            '<p lang="fr">Corrigez les lignes ci-dessous et enregistrez : cette page se recharge d&#x27;elle-même'
            " et laisse place au site dès que la construction réussit. Le sens des messages est dans"
            " CONTRIBUTING.md, « Messages de vérification ».</p>",
            '<p lang="en">Fix the lines below and save: this page reloads by itself and shows the site once the'
            " build succeeds. The meanings of the messages are in CONTRIBUTING.en.md, “Messages of the"
            " check”.</p>",
            '<ol id="problems">',
            "<li><code>data/cities.yaml:12:3: the id &quot;porto&quot; is already used (déjà)</code>"
            '<br><span class="hint" lang="fr">un autre <code>id</code>, pas <code>a&lt;b</code></span>'
            '<br><span class="hint" lang="en"><code>closed</code>`unclosed</span>'
            '<br><span class="hint" lang="pt">unclosed`</span></li>',
            "<li><pre>a &lt;warning&gt;</pre></li>",
            "</ol>",
            "</main>",
            "</body>",
            "</html>",
            "",
        ]
    )


def test_the_hints_are_the_rows_after_the_guides_heading(tmp_path):
    guide = tmp_path / "GUIDE.md"
    guide.write_text(
        "| `a row before the heading, left out` | no |\n"
        "## Messages\n"
        "| Message | Meaning |\n"
        "|---|---|\n"
        '| `the id "X" is already used` or `a second wording of it` | choose another `id` |\n'
        "| `actions[N]` | a message of placeholders, too short to look for |\n"
        "## Messages, continued\n"
        "| `a row further down the guide` | kept |\n",
        encoding="utf-8",
    )
    assert contributing_hints(Guide("en", guide, "## Messages")) == (
        Hint(('the id "', '" is already used'), "choose another `id`"),
        Hint(("a second wording of it",), "choose another `id`"),
        Hint(("a row further down the guide",), "kept"),
    )
    assert contributing_hints(Guide("en", tmp_path / "MISSING.md", "## Messages")) == ()
