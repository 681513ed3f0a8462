"""Each language's typography on built pages (alliance/pages/typography.py): French no-break spaces,
English curly quotes, only in prose text, never in code, attributes, scripts, comments or URLs."""

from __future__ import annotations

import html
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alliance.pages.typography import NBSP, NNBSP, language_rule, text_nodes, typeset, typeset_text

FRENCH = [
    ("Source : déclaration", f"Source{NBSP}: déclaration"),
    ("Note: voir", "Note: voir"),
    ("oui ; non", f"oui{NNBSP}; non"),
    ("Vraiment ?! Oui !", f"Vraiment{NNBSP}?! Oui{NNBSP}!"),
    ("« Bonjour »", f"«{NNBSP}Bonjour{NNBSP}»"),
    ("«Bonjour»", f"«{NNBSP}Bonjour{NNBSP}»"),
    ("(voir : ici)", f"(voir{NBSP}: ici)"),
    # Not prose marks: a time, an address, a mark inside a word.
    ("à 10:30", "à 10:30"),
    ("{: #x } et &gt; b", "{: #x } et &gt; b"),
    ("https://example.org/?lang=fr", "https://example.org/?lang=fr"),
    ("a;b", "a;b"),
    ("voir https://example.org/a?b=c; puis", "voir https://example.org/a?b=c; puis"),
    ("voir https://example.org/ ; puis", f"voir https://example.org/{NNBSP}; puis"),
]
ENGLISH = [
    ('the "site" of it', "the \u201csite\u201d of it"),
    ("it's the sources' text", "it\u2019s the sources\u2019 text"),
    ("('quoted')", "(\u2018quoted\u2019)"),
    ('"from URL" or "subscription":', "\u201cfrom URL\u201d or \u201csubscription\u201d:"),
    ("the '90s", "the \u201990s"),
    ('at https://example.org/l\'accueil "x"', "at https://example.org/l'accueil \u201cx\u201d"),
]


@pytest.mark.parametrize("text, expected", FRENCH)
def test_french_marks(text, expected):
    assert typeset_text(text, "fr") == expected
    assert typeset(f"<p>{html.escape(text)}</p>", "fr") == f"<p>{html.escape(expected, quote=False)}</p>"


@pytest.mark.parametrize("text, expected", ENGLISH)
def test_english_quotes(text, expected):
    assert typeset_text(text, "en") == expected


def test_a_mark_after_a_link_takes_its_space_and_a_quote_after_a_word_closes():
    assert (
        typeset('<p>Voir <a href="x">ici</a> : la suite</p>', "fr")
        == f'<p>Voir <a href="x">ici</a>{NBSP}: la suite</p>'
    )
    assert typeset('<p>the <a href="x">site</a>\'s "name"</p>', "en") == (
        '<p>the <a href="x">site</a>\u2019s \u201cname\u201d</p>'
    )


def test_spanish_and_portuguese_keep_their_marks_but_not_a_broken_section_sign():
    text = "«Hola»: ¿sí? ¡no! declaración, § 4"
    assert typeset_text(text, "es") == text.replace("§ ", "§" + NBSP)


def test_each_element_follows_its_own_language():
    page = '<html lang="en"><p>Say "yes" <span lang="fr">Oui ?</span> <q lang="es">¿Sí?</q></p></html>'
    assert typeset(page, "fr") == (
        f'<html lang="en"><p>Say \u201cyes\u201d <span lang="fr">Oui{NNBSP}?</span> <q lang="es">¿Sí?</q></p></html>'
    )


@pytest.mark.parametrize(
    ("document", "language", "expected"),
    [
        # A quote after an element closes; at the start of an element, after a line break, a rule or
        # a comment, and at the start of the document, it opens.
        ('<p>Say "<em>yes</em>" now</p>', "en", "<p>Say \u201c<em>yes</em>\u201d now</p>"),
        ('<p>"Yes," she said</p>', "en", "<p>\u201cYes,\u201d she said</p>"),
        ('"Yes," she said', "en", "\u201cYes,\u201d she said"),
        ('<p>Line<br/>"Quote"</p>', "en", "<p>Line<br/>\u201cQuote\u201d</p>"),
        ('<p>Line<br>"Quote"</p>', "en", "<p>Line<br>\u201cQuote\u201d</p>"),
        ('<p>Rule</p><hr/>"Quote"', "en", "<p>Rule</p><hr/>\u201cQuote\u201d"),
        ('<p><!-- note -->"Yes"</p>', "en", "<p><!-- note -->\u201cYes\u201d</p>"),
        # An image is inline: the apostrophe after it closes, written <img/> or <img>.
        (
            '<p>Logo<img alt="" src="l.svg"/>\'s colours</p>',
            "en",
            '<p>Logo<img alt="" src="l.svg"/>\u2019s colours</p>',
        ),
        ('<p>Logo<img alt="" src="l.svg">\'s colours</p>', "en", '<p>Logo<img alt="" src="l.svg">\u2019s colours</p>'),
        # Quotes written as character references are quotes; a straight apostrophe left in French
        # text stays one, not a reference.
        ("<p>&quot;Yes&quot;, it&#x27;s</p>", "en", "<p>\u201cYes\u201d, it\u2019s</p>"),
        ("<p>L'accueil : oui</p>", "fr", f"<p>L'accueil{NBSP}: oui</p>"),
        # After an element in another language, the text is in its parent's language again.
        (
            '<p>Say <span lang="fr">oui ?</span> and "yes"</p>',
            "en",
            f'<p>Say <span lang="fr">oui{NNBSP}?</span> and \u201cyes\u201d</p>',
        ),
        ('<span lang="fr">Oui ?</span> "Yes"', "en", f'<span lang="fr">Oui{NNBSP}?</span> \u201cYes\u201d'),
        # </div> closes the <p> left open in it, and its language with it.
        (
            '<div lang="fr"><p>Oui ? <span lang="es">¿Sí?</span> Et toi ?</div> "Yes"',
            "en",
            f'<div lang="fr"><p>Oui{NNBSP}? <span lang="es">¿Sí?</span> Et toi{NNBSP}?</div> \u201cYes\u201d',
        ),
        # A language with its region follows the language's rules.
        (
            '<p lang="en-GB">It\'s</p> <p lang="EN">It\'s</p>',
            "fr",
            '<p lang="en-GB">It\u2019s</p> <p lang="EN">It\u2019s</p>',
        ),
    ],
)
def test_a_text_node_follows_what_precedes_it_and_its_element_language(document, language, expected):
    assert typeset(document, language) == expected


VERBATIM = st.text(alphabet=st.sampled_from(list(" abc:;!?«»\"'&<>=/.\n")), max_size=40)
PROSE = st.text(alphabet=st.sampled_from(list(" abcé:;!?«»\"'()-.,\n") + [NBSP, NNBSP]), max_size=60)


def _document(prose: list[str], verbatim: str) -> str:
    """A page mixing prose with everything that is not prose, all holding `verbatim`."""
    attribute = html.escape(verbatim, quote=True)
    script = verbatim.replace("</", "<\\/")
    comment = verbatim.replace("-->", "").replace("--", "")
    parts = [
        f'<p title="{attribute}"><a href="https://example.org/?q={attribute}">{html.escape(prose[0], quote=False)}</a>',
        f"<code>{html.escape(verbatim, quote=False)}</code>{html.escape(prose[1], quote=False)}</p>",
        f"<pre><code>{html.escape(verbatim, quote=False)}</code></pre><script>{script}</script>",
        f"<style>/*{script}*/</style><!--{comment}--><svg><text>{html.escape(verbatim, quote=False)}</text></svg>",
        f"<p>{html.escape(prose[2], quote=False)}</p>",
    ]
    return '<!doctype html><html lang="fr"><body>' + "".join(parts) + "</body></html>"


def _not_prose(document: str) -> list[str]:
    """The document without its prose: tags, comments and verbatim elements, in order."""
    return re.findall(
        r"<!--.*?-->|<script>.*?</script>|<style>.*?</style>|<(?:pre|code|svg)>.*?</(?:pre|code|svg)>|<[^>]*>",
        document,
        re.S,
    )


@pytest.mark.parametrize("language", ["fr", "en"])
# No deadline: a loaded CI machine parses slowly, and the time is not what is tested.
@settings(deadline=None)
@given(prose=st.lists(PROSE, min_size=3, max_size=3), verbatim=VERBATIM)
def test_only_prose_changes_and_twice_is_once(language, prose, verbatim):
    page = _document(prose, verbatim).replace('lang="fr"', f'lang="{language}"')
    once = typeset(page, language)
    assert _not_prose(once) == _not_prose(page)
    assert typeset(once, language) == once
    # Only spaces and quotes change: the words stay.
    plain = str.maketrans({NBSP: " ", NNBSP: " ", "\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'"})
    words = lambda text: re.sub(r"\s+", "", html.unescape(text).translate(plain))  # noqa: E731
    assert words(once) == words(page)


# Addresses written out in the text are not prose.
ADDRESS = re.compile(r"\b(?:https?|mailto|ftp):\S+")


def prose_nodes(document: str, language: str) -> list[str]:
    return [
        ADDRESS.sub("https", text)
        for text_language, text, verbatim in text_nodes(document, language)
        if text_language == language and not verbatim
    ]


def french_problems(document: str) -> list[str]:
    """French prose with a plain space before : ; ! ? or inside « » (a line could start with the mark).
    A mark written without a space keeps it so: the filter adds none to a contributor's text."""
    bad = re.compile(r"[^\S\u00a0\u202f]+[;:!?»]|«[^\S\u00a0\u202f]")
    return [
        text[max(0, m.start() - 30) : m.end() + 10] for text in prose_nodes(document, "fr") for m in bad.finditer(text)
    ]


def english_problems(document: str) -> list[str]:
    """English prose with a straight quote or apostrophe."""
    return [
        text[max(0, m.start() - 30) : m.end() + 10]
        for text in prose_nodes(document, "en")
        for m in re.finditer("[\"']", text)
    ]


# No deadline: a loaded CI machine parses slowly, and the time is not what is tested.
@settings(deadline=None)
@given(prose=st.lists(PROSE, min_size=3, max_size=3), verbatim=VERBATIM)
def test_the_french_rule_holds_wherever_it_is_applied(prose, verbatim):
    assert not french_problems(typeset(_document(prose, verbatim), "fr"))


def test_the_checks_find_what_the_rules_fix():
    assert french_problems('<p lang="fr">Source : x</p>') and french_problems("<p>Note x « y »</p>")
    assert english_problems('<p lang="en">it\'s "x"</p>')
    assert not french_problems("<p>Source : x <code>a : b</code> <a href='?x'>l</a></p>".replace(" :", NBSP + ":"))


def test_every_built_page_follows_its_languages_typography(built_site, site_config):
    """French prose never has a plain space before : ; ! ? (a line could start with the mark), and
    English prose has no straight quote (issue 23)."""
    problems = []
    for page in sorted(built_site.rglob("*.html")):
        document = page.read_text(encoding="utf-8")
        found = french_problems(document) + english_problems(document)
        problems += [f"{page.relative_to(built_site)}: {text!r}" for text in found[:3]]
    assert not problems, f"{len(problems)} pages with plain typography, first: " + "\n".join(problems[:20])


DESCRIPTION = re.compile(r'<meta name="description" content="([^"]*)"')
PAGE_LANGUAGE = re.compile(r'<html lang="([^"]+)"')


def test_every_page_description_follows_its_languages_typography(built_site):
    """The description search engines and link previews show is prose too: "the files' last
    change" and "\"A common international agenda\"" were left straight (issue 23)."""
    problems = []
    for page in sorted(built_site.rglob("*.html")):
        document = page.read_text(encoding="utf-8")
        description, language = DESCRIPTION.search(document), PAGE_LANGUAGE.search(document)
        if description and language:
            as_prose = f'<p lang="{language[1]}">{description[1]}</p>'
            found = french_problems(as_prose) + english_problems(as_prose)
            problems += [f"{page.relative_to(built_site)}: {text!r}" for text in found]
    assert not problems, "\n".join(problems[:20])


@pytest.mark.parametrize("language", ["fr", "en"])
@given(text=PROSE, after_element=st.booleans())
def test_the_rules_take_any_text_and_twice_is_once(language, text, after_element):
    rule = language_rule(language)
    once = rule(text, after_element)
    assert rule(once, after_element) == once
