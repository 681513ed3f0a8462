"""Escaping of data strings where they land (issue 17): a data string is text in every context,
whatever Markdown or HTML it holds; labels name their placeholders and nothing else; the
sanitizer keeps only what plain Markdown makes of a contributor's text."""

from __future__ import annotations

import html
import re

import markdown
import pytest
from mkdocs.utils.meta import get_data

from alliance.data.labels import PLACEHOLDERS, Labels, check_labels, fill, placeholders_of, template_problems
from alliance.data.yamlload import YamlDocument, parse_yaml
from alliance.localized import LocalizedText, Shown
from alliance.pages.markup import (
    CONTRIBUTED_END,
    CONTRIBUTED_START,
    fallback_notice_html,
    front_matter,
    html_text,
    md_in_html_attribute,
    md_shown,
    md_table_header,
    md_text,
    plain_line,
    sanitize_contributed,
)
from tests.synthetic_cities import Markup

# Every form of attribute list, every syntax that means something at the start of a line or
# inline, and character references: each must come out as the same text, nothing more.
HOSTILE_TEXTS = [
    "Lisbon { onclick=alert(1) }",
    "Lisbon {: onclick=alert(1) }",
    "Lisbon {:onclick=alert(1)}",
    "{: #evil }",
    "{#evil}",
    "{ .cls #id key=value }",
    "{:.x}",
    "x{: #y }",
    "*em*{ onclick=alert(1) }",
    "[a](b){: onclick=x }",
    "# heading",
    "## heading ##",
    "> quote",
    "- item",
    "+ item",
    "* item",
    "1. item",
    "2) item",
    "===",
    "---",
    "***",
    "___",
    "    indented code",
    "\tcode",
    "~~~",
    "```",
    "`code`",
    "!!! note",
    '!!! danger "x"',
    "| a | b |",
    "a | b",
    ":--- |",
    "<b>bold</b>",
    "<script>alert(1)</script>",
    "</title><script>alert(1)</script>",
    "<!-- x -->",
    "<div markdown>*x*</div>",
    "&lt;",
    "&amp;lt;",
    "&#60;script&#62;",
    "&#x3C;",
    "&nbsp;",
    "*em* _em_ **b** __b__",
    "[x](javascript:alert(1))",
    "![i](https://x.org/i.png)",
    "<https://x.org>",
    "<a@b.org>",
    "[x]: https://x.org",
    "[^1]",
    "line\n# injected",
    "line\n===",
    "line\n---",
    "a\r\n- b",
    "a\n\n    code",
    "a\u2028# b",
    "\\",
    "\\{",
    "${alert(1)}",
    "`${alert(1)}`",
    "'\"",
    "a  \nb",
    "Lisboa\u00a0:",
]

CONTEXTS = {
    "paragraph": (lambda t: f"{t}\n", {"p"}),
    "line after a paragraph": (lambda t: f"Intro.\n{t}\n", {"p"}),
    # Two data strings opening and closing a fence would swallow what lies between them.
    "two line starts": (lambda t: f"{t}\n\nmiddle\n\n{t}\n", {"p"}),
    "heading": (lambda t: f"## {t}\n", {"h2"}),
    "list item": (lambda t: f"- {t}\n", {"ul", "li"}),
    "table cell": (
        lambda t: f"| h | h2 |\n| --- | --- |\n| {t} | x |\n",
        {"table", "thead", "tbody", "tr", "th", "td"},
    ),
    "link text": (lambda t: f"[{t}](page.md)\n", {"p", "a"}),
}
# The extensions of mkdocs.yml and those MkDocs always adds.
EXTENSIONS = ["attr_list", "md_in_html", "admonition", "tables", "toc", "fenced_code"]


def words(text: str) -> str:
    return " ".join(text.split())


def render(text: str) -> Markup:
    return Markup(markdown.markdown(text, extensions=EXTENSIONS))


@pytest.mark.parametrize("context", sorted(CONTEXTS))
@pytest.mark.parametrize("text", HOSTILE_TEXTS)
def test_a_data_string_is_the_same_text_in_every_markdown_context(text, context):
    wrap, tags = CONTEXTS[context]
    page = render(wrap(md_text(text)))
    assert set(page.tags) <= tags, page.tags
    allowed = {"id"} if context == "heading" else {"href"} if context == "link text" else set()
    assert page.attributes <= allowed
    assert words(plain_line(text)) in words(page.text)
    if context == "table cell":
        assert page.tags.count("td") == 2


def test_the_city_name_that_was_an_attribute_stays_text():
    """The survivor of issue 17: without { and } escaped, this name became `<h2 onclick=...>`."""
    page = render(f"## {md_text('Lisbon { onclick=alert(1) }')}\n")
    assert page.attributes == {"id"} and "Lisbon { onclick=alert(1) }" in page.text


def test_a_character_reference_in_data_is_shown_as_written():
    assert render(md_text("&lt;")).text.strip() == "&lt;"
    assert render(md_text("&amp;")).text.strip() == "&amp;"


def test_a_table_header_keeps_its_columns():
    lines = md_table_header(["a | b", "# c", "{: #x }"])
    page = render("\n".join(lines + ["| 1 | 2 | 3 |"]) + "\n")
    assert page.tags.count("th") == 3 and page.attributes == set()


@pytest.mark.parametrize("text", HOSTILE_TEXTS)
def test_an_attribute_value_keeps_the_string_whole(text):
    page = Markup(f'<a title="{html_text(text)}">x</a>')
    assert page.tags == ["a"] and page.attributes == {"title"}


@pytest.mark.parametrize("text", HOSTILE_TEXTS + ["a: b", "- [x]", "'quoted'", '"quoted"', "yes", "~", "null", "---"])
def test_a_generated_page_title_is_set_escaped_and_read_back(text):
    markdown_text, meta = get_data(front_matter(text, description=text) + "# Heading\n")
    assert meta == {"title": html.escape(plain_line(text).strip()), "description": plain_line(text).strip()}
    assert markdown_text == "# Heading\n"


# Labels: placeholders are names, nothing is evaluated.


@pytest.mark.parametrize(
    "template",
    [
        "{paragraph.__class__.__mro__}",
        "{paragraph[0]}",
        "{paragraph!r}",
        "{paragraph:>9999}",
        "{paragraph:{paragraph}}",
        "{other}",
        "{}",
        "{0}",
        "{ paragraph }",
        "{",
        "}",
        "a { b",
        "${alert(1)}",
    ],
)
def test_a_placeholder_is_a_bare_name_it_may_use(template):
    assert template_problems(template, frozenset({"paragraph"}))


@pytest.mark.parametrize(
    "template", ["Paragraph {paragraph}", "{paragraph}{paragraph}", "Braces {{ and }}", "No placeholder"]
)
def test_good_templates_pass(template):
    assert template_problems(template, frozenset({"paragraph"})) == []


NOT_A_PLACEHOLDER = '" is not a placeholder of this text ({}): correct it, or write {{{{ and }}}} for a brace'


@pytest.mark.parametrize(
    ("template", "allowed", "problems"),
    [
        ("{other}", {"paragraph"}, ['"{other}' + NOT_A_PLACEHOLDER.format("this text may use {paragraph}")]),
        (
            "{x} {y}",
            {"b", "a"},
            [
                '"{x}' + NOT_A_PLACEHOLDER.format("this text may use {a}, {b}"),
                '"{y}' + NOT_A_PLACEHOLDER.format("this text may use {a}, {b}"),
            ],
        ),
        ("{x}", set(), ['"{x}' + NOT_A_PLACEHOLDER.format("this text uses none")]),
        ("{other!r:>9}", {"paragraph"}, ['"{other!r:>9}' + NOT_A_PLACEHOLDER.format("this text may use {paragraph}")]),
        ("{paragraph!r}", {"paragraph"}, ['"{paragraph!r}": a placeholder is a name alone, write {paragraph}']),
        ("{paragraph:>9}", {"paragraph"}, ['"{paragraph:>9}": a placeholder is a name alone, write {paragraph}']),
        ("a { b", {"a"}, ["a brace { or } is not closed: write {{ or }} for a brace shown as it is"]),
    ],
)
def test_each_placeholder_problem_says_what_to_write(template, allowed, problems):
    assert template_problems(template, frozenset(allowed)) == problems


def test_fill_looks_names_up_and_escapes_the_words():
    assert fill("{{x}} {year} <b>", {"year": 2023}) == "{x} 2023 <b>"
    assert fill("a <b> {date}", {"date": "<time>"}, html.escape) == "a &lt;b&gt; <time>"
    with pytest.raises(KeyError):
        fill("{year.__class__}", {"year": 2023})  # never str.format's attribute access


def test_labels_are_filled_with_the_values_they_may_use():
    labels = Labels({"ui": {"agenda-year-title": LocalizedText.from_data({"fr": "Agenda {year}"})}})
    assert labels.ui("agenda-year-title", "en", year=2023) == "Agenda 2023"
    with pytest.raises(ValueError):
        labels.ui("agenda-year-title", "en")


def test_only_interface_texts_have_placeholders():
    assert placeholders_of("ui", "agenda-year-title") == frozenset({"year"})
    assert placeholders_of("role", "agenda-year-title") == frozenset()
    assert placeholders_of("ui", "agenda-yearly") == frozenset()


def test_a_label_in_markup_has_its_words_escaped_and_its_values_inserted():
    labels = Labels({"ui": {"home-map-link": LocalizedText.from_data({"fr": "<b> & {count}"})}})
    assert labels.ui_markup("home-map-link", "fr", html.escape, count="<i>3</i>") == "&lt;b&gt; &amp; <i>3</i>"


def test_a_label_filled_with_other_values_is_a_mistake_of_the_code_that_says_where():
    labels = Labels({"ui": {"agenda-year-title": LocalizedText.from_data({"fr": "Agenda {year}"})}})
    with pytest.raises(ValueError) as raised:
        labels.ui("agenda-year-title", "fr", month=3)
    assert str(raised.value) == (
        "labels.yaml ui.agenda-year-title is filled with ['month'], not ['year'] (alliance/data/labels.py PLACEHOLDERS)"
    )


def test_untranslated_labels_are_named_kind_dot_key():
    labels = Labels(
        {
            "ui": {"a": LocalizedText.from_data({"fr": "A", "en": "A"}), "b": LocalizedText.from_data({"fr": "B"})},
            "role": {"x": LocalizedText.from_data({"fr": "X"})},
        }
    )
    assert labels.untranslated("en") == ("ui.b", "role.x")
    assert labels.untranslated("fr") == ()


def test_label_problems_name_the_missing_words_and_the_wrong_placeholders():
    doc = parse_yaml(
        "role: not a group\n"
        "status:\n  held: {fr: Tenu}\n"
        "ui:\n  plain: text alone\n  agenda-year-title: {fr: 'Agenda {year}', en: 'Agenda {annee}'}\n",
        "labels.yaml",
    )
    missing = ["planned", "to-be-confirmed", "recurring", "ongoing", "proposed"]
    assert [str(p) for p in check_labels(doc)] == [
        *(
            f'labels.yaml:2:1: status: "{value}" has no label: add it with its French text at least'
            for value in missing
        ),
        'labels.yaml:6:48: ui.agenda-year-title.en: "{annee}" is not a placeholder of this text (this text may use'
        " {year}): correct it, or write {{ and }} for a brace",
    ]
    assert list(check_labels(YamlDocument("labels.yaml", ["a", "list"]))) == []


def test_every_label_with_placeholders_exists(real_dataset):
    assert set(PLACEHOLDERS) <= set(real_dataset.labels.entries["ui"])


# The sanitizer: the second line behind make check.

CONTRIBUTED_ATTACKS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)></svg>",
    "<iframe src=javascript:alert(1)></iframe>",
    '<a href="javascript:alert(1)">x</a>',
    '<a href="JaVaScRiPt:alert(1)">x</a>',
    '<a href="&#106;avascript:alert(1)">x</a>',
    '<a href=" javascript:alert(1)">x</a>',
    '<a href="java\tscript:alert(1)">x</a>',
    '<a href="vbscript:msgbox(1)">x</a>',
    '<a href="data:text/html,<script>alert(1)</script>">x</a>',
    '<p onclick="alert(1)">x</p>',
    '<h2 id="x" onmouseover="alert(1)">x</h2>',
    '<div class="admonition" style="position:fixed">x</div>',
    "<style>*{display:none}</style>",
    '<form action="https://x.org"><input name=a></form>',
    '<object data="x.swf"></object>',
    '<meta http-equiv="refresh" content="0;url=https://x.org">',
    '<base href="https://x.org/">',
    '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
    '<span lang="fr" onclick="alert(1)">x</span>',
    "<!-- a --><!-- b",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
]


@pytest.mark.parametrize("attack", CONTRIBUTED_ATTACKS)
def test_the_sanitizer_leaves_no_script_or_foreign_link(attack):
    page = f"<h1>Title</h1>{CONTRIBUTED_START}<p>before</p>{attack}<p>after</p>{CONTRIBUTED_END}<p>facts</p>"
    clean = sanitize_contributed(page)
    parsed = Markup(clean)
    assert set(parsed.tags) <= {"h1", "p", "a", "h2", "div", "span"}
    assert parsed.attributes <= {"href", "rel", "id", "class", "lang"}
    assert not any(re.match(r"\s*(javascript|vbscript|data):", html.unescape(link), re.I) for link in parsed.links)
    assert clean.startswith("<h1>Title</h1>") and clean.endswith("<p>facts</p>")


def test_the_markers_cannot_be_moved_by_the_text():
    text = f"{CONTRIBUTED_END}<script>alert(1)</script>{CONTRIBUTED_START}<img src=x onerror=alert(1)>"
    clean = sanitize_contributed(f"<h1>T</h1>{CONTRIBUTED_START}{text}{CONTRIBUTED_END}<p>facts</p>")
    assert "<script" not in clean and "<img" not in clean and clean.endswith("<p>facts</p>")


def test_a_practice_page_without_markers_is_sanitized_whole():
    assert sanitize_contributed("<p>x</p><script>alert(1)</script>", whole_if_unmarked=True) == "<p>x</p>"
    assert sanitize_contributed("<p>x</p><script>alert(1)</script>") == "<p>x</p><script>alert(1)</script>"


# Exact outputs of the small helpers, so that a changed argument or bound shows (make mutate).


def test_front_matter_is_readable_one_line_each_title_first():
    long = "mot " * 300
    assert front_matter("São Paulo « accueil »", long) == (
        f"---\ntitle: São Paulo « accueil »\ndescription: {long.strip()}\n---\n\n"
    )
    assert front_matter("Lisbonne") == "---\ntitle: Lisbonne\n---\n\n"


def test_a_table_header_has_one_cell_per_column():
    assert md_table_header(["a", "b"]) == ["| a | b |", "| --- | --- |"]


def test_the_fallback_notice_is_escaped_text_in_its_language():
    assert fallback_notice_html("Texte <b>") == (
        '<div class="admonition info am-fallback-notice" role="note"><p>Texte &lt;b&gt;</p></div>\n'
    )
    assert 'role="note" lang="fr"><p>' in fallback_notice_html("Texte", "fr")


@pytest.mark.parametrize(
    "page, expected",
    [
        (
            f"<p>a</p>{CONTRIBUTED_START}<p>b<script>x()</script></p>{CONTRIBUTED_END}<p>c</p>",
            "<p>a</p><p>b</p><p>c</p>",
        ),
        (f"{CONTRIBUTED_START}<strong>b</strong><img src=x onerror=y>{CONTRIBUTED_END}", "<strong>b</strong>"),
        # An end marker missing (or moved before the start by the text): sanitized to the page's end.
        (f"<p>a</p>{CONTRIBUTED_START}<p>b<script>x()</script></p>", "<p>a</p><p>b</p>"),
    ],
)
def test_only_the_contributed_part_is_sanitized_and_the_markers_go(page, expected):
    assert sanitize_contributed(page) == expected


# Inline code, emphasis, an entity written as text: what the hostile-site build found shown
# altered in the fallback notice of a field and in the agenda's year navigation.
SYNTAX = "` ${x} ` __init__ *em* &lt;b&gt; &#60; <i>"


def test_the_fallback_label_of_a_field_is_text_in_markdown():
    shown = render(md_shown(Shown("Lisbonne", "fr", "en"), SYNTAX))
    assert words(shown.text) == words(f"Lisbonne ({SYNTAX})") and set(shown.tags) == {"p", "span", "small"}


def test_an_attribute_of_an_element_markdown_parses_is_shown_as_written():
    page = markdown.markdown(
        f'<nav aria-label="{md_in_html_attribute(SYNTAX)}" markdown="block">\n[a](b)\n</nav>', extensions=EXTENSIONS
    )
    assert html.unescape(re.search(r'aria-label="([^"]*)"', page)[1]) == SYNTAX


def test_a_hand_written_page_is_sanitized_but_for_its_data_sections():
    from alliance.pages.markup import generated_markers, sanitize_page

    start, end = generated_markers("n0nce")
    page = (
        '<p onclick="x()">Text<script>alert(1)</script> <a href="javascript:x">a</a></p>'
        f'{start}<iframe src="map/fr.html" title="Map"></iframe>{end}'
        "<!-- am-generated-guess --><img src=x onerror=alert(1)>"
        '<h2 id="x" class="am-lead">T<a class="headerlink" href="#x">¶</a></h2>'
    )
    assert sanitize_page(page, "n0nce") == (
        '<p>Text <a>a</a></p><iframe src="map/fr.html" title="Map"></iframe>'
        '<h2 id="x" class="am-lead">T<a class="headerlink" href="#x">¶</a></h2>'
    )


def test_each_data_section_is_kept_and_only_between_its_own_markers():
    """Sections at the very start and one after another; a stray end and an unclosed start
    protect nothing."""
    from alliance.pages.markup import generated_markers, sanitize_page

    start, end = generated_markers("n0nce")
    page = (
        f'{start}<b onclick="k()">data 1</b>{end}<p onclick="x()">text</p>{end}<p>between</p>'
        f'{start}<i onclick="k()">data 2</i>{end}<p>after</p>{start}<u onclick="x()">no end</u>'
    )
    assert sanitize_page(page, "n0nce") == (
        '<b onclick="k()">data 1</b><p>text</p><p>between</p><i onclick="k()">data 2</i><p>after</p>no end'
    )


def test_a_page_is_rendered_with_the_site_s_extensions_for_its_ids():
    """Explicit ids (attr_list) and the headings' own, with their permalinks (toc), as MkDocs writes them."""
    from alliance.data.contributed import render_page

    assert render_page("# Titre {#t}\n\nUn *mot*.\n{: #p1 }\n\n## Partie\n") == (
        '<h1 id="t">Titre<a class="headerlink" href="#t" title="Permanent link">&para;</a></h1>\n'
        '<p id="p1">Un <em>mot</em>.</p>\n'
        '<h2 id="partie">Partie<a class="headerlink" href="#partie" title="Permanent link">&para;</a></h2>'
    )


@pytest.mark.parametrize("text", HOSTILE_TEXTS)
def test_a_field_shown_in_french_and_its_notice_stay_text(text):
    """The notice stands in inline HTML (<small>), where Markdown still reads links and emphasis."""
    page = render("- " + md_shown(Shown(text, "fr", "en"), text + " [x](javascript:alert(1)) *em*") + "\n")
    assert set(page.tags) <= {"ul", "li", "span", "small"}, page.tags
    assert page.attributes <= {"lang", "class"}
    assert words(plain_line(text)) in words(page.text)
