"""The catalogue of practices: front-matter checks, records, pages and export."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from markdown import Markdown
from mkdocs.utils.meta import get_data

from alliance.data.contributed import markdown_problems, read_markdown
from alliance.data.dataset import DECLARATION_PAGE, load_dataset
from alliance.data.evidence import EvidenceContext, build_sources, declaration_paragraphs
from alliance.data.practices import load_practices
from alliance.data.problems import DataError
from alliance.data.yamlload import load_yaml
from alliance.pages.catalogue import (
    practice_page,
    practices_json,
    render_by_place,
    render_by_theme,
    render_facts,
)
from alliance.paths import DATA_DIR
from alliance.siteconfig import load_site_config

FIXTURES = Path(__file__).parent / "fixtures" / "practices"
CITY_COUNTRIES = {"palermo": "IT", "lisbon": "PT"}
LANGUAGES = load_site_config().codes
# The real sources, which the fixtures cite (data/sources.yaml), and the real declaration.
SOURCES = build_sources(load_yaml(DATA_DIR / "sources.yaml", "data/sources.yaml").data)
CONTEXT = EvidenceContext(
    {source.id: source.language for source in SOURCES.values()}, LANGUAGES, declaration_paragraphs(DECLARATION_PAGE)
)


def load(folder: Path):
    return load_practices(folder, CITY_COUNTRIES, LANGUAGES, CONTEXT, SOURCES)


# Every fixture file and the problems it must produce, as "line:column: message".
CASES = {
    "good-city.md": [],
    "good-city.en.md": [],
    "good-country.md": [],
    "good-yaml12.md": [],
    "eau.md": [],  # a name of two or three letters is a practice's, not a language
    "translated.md": [],
    "translated.en.md": [],
    "translated.es.md": ['2:1: the field "summary" is missing'],
    "translated.pt.md": [
        '4:1: city: is shared by every language: it is set once, in the French file "translated.md", so remove it here'
    ],
    "bad-no-front-matter.md": [
        '1:1: the file must begin with its front matter: a line "---", the fields (title: ...), then a line "---"'
    ],
    "bad-unclosed.md": ['1:1: the front matter is not closed: add a line "---" after its last field'],
    "bad-encoding.md": ["2:21: the file is not valid UTF-8 text: save it with the UTF-8 encoding"],
    "bad-yaml.md": ["2:13: unexpected ':' here: check the indentation, or put the text in quotes"],
    "bad-duplicate.md": ['10:1: the field "title" appears twice (first on line 2)'],
    "bad-unknown-city.md": ['4:7: city: no city has the id "palerm" in data/cities.yaml (did you mean "palermo"?)'],
    "bad-country-mismatch.md": [
        '5:10: country: is "FR" but the city "palermo" is in IT: correct it, or leave "country" out'
    ],
    "bad-country-code.md": [
        '4:10: country: "France" must be a two-letter ISO 3166-1 country code in capitals, such as FR or PT',
        "4:10: country: did you mean FR?",
    ],
    "bad-no-place.md": [
        '2:1: give "city" (the id of a city of data/cities.yaml) or, for a practice that belongs to no single city, "country"'
    ],
    "bad-theme.md": [
        '5:10: themes[0]: "culture" is not one of: interculturality, access-to-rights, participation, political-commitment'
    ],
    "bad-no-theme.md": ["5:9: themes: must list at least 1 item"],
    "bad-year.md": ["6:7: year: must be a whole number, not text"],
    "bad-missing-sources.md": ['2:1: the field "evidence" is missing'],
    "bad-source.md": [
        '8:66: evidence[0].source: "www.example.org" must be the id of a source of data/sources.yaml, such as "uclga-lisbon-2023-fr", or declaration#p1 for paragraph 1 of the declaration',
        '8:66: evidence[0].source: no source has the id "www.example.org" in data/sources.yaml',
    ],
    "bad-sources-read-form.md": [
        '9:15: sources_read: "26/11/2026" must be a day written year-month-day, from 1900 to 2099, such as 2026-11-26'
    ],
    "bad-sources-read-date.md": ['9:15: sources_read: "2026-02-30" is not a real calendar date'],
    "bad-unknown-field.md": ['5:1: citty: unknown field "citty" (did you mean "city"?)'],
    "bad-summary.md": ["3:10: summary: must be one sentence, ending with a full stop"],
    "bad-empty-body.md": ["11:1: the page has no text after the front matter: describe the practice there"],
    "bad-heading.md": [
        '14:1: the page title comes from "title:" in the front matter: remove this "# " heading, or make it "## "'
    ],
    "Bad_Name.md": [
        '1:1: the file name "Bad_Name" must be a lowercase slug: letters a-z, digits and single hyphens, such as "palermo-charter.md"'
    ],
    "bad-french-suffix.fr.md": ['1:1: the French original has no language suffix: name it "bad-french-suffix.md"'],
    "bad-language.de.md": ['1:1: "de" is not a language of the site (fr, en, es, pt)'],
    "bad-language-close.eng.md": ['1:1: "eng" is not a language of the site (fr, en, es, pt) (did you mean "en"?)'],
    "subfolder/nested.md": ["1:1: a practice goes directly in tests/fixtures/practices/, not in a subfolder"],
    "bad-orphan.pt.md": [
        '1:1: this translation has no French original: add "bad-orphan.md" next to it, or correct the file name'
    ],
    "bad.dotted.en.md": [
        '1:1: the file name "bad.dotted" must be a lowercase slug: letters a-z, digits and single hyphens, such as "palermo-charter.md"',
        '1:1: this translation has no French original: add "bad.dotted.md" next to it, or correct the file name',
    ],
    "bad-orphan-shared.es.md": [
        '1:1: this translation has no French original: add "bad-orphan-shared.md" next to it, or correct the file name',
        '4:1: city: a translation carries only title and summary: put "city" in the French file "bad-orphan-shared.md"',
    ],
    "bad-list-front-matter.md": ["2:1: the front matter must be fields of the form 'title: ...', one a line"],
    "bad-list-front-matter.en.md": ["2:1: the front matter must be fields of the form 'title: ...', one a line"],
    # What a practice's text may contain (alliance/contributed.py), and hidden characters and addresses.
    "good-markdown.md": [],
    "bad-raw-html.md": [
        '18:1: raw HTML "<iframe src="javascript:alert(1)"></ifr…" is not allowed in a practice: write Markdown',
        '20:1: raw HTML "<div" is not allowed in a practice: write Markdown',
        '22:1: raw HTML "<!-- un commentaire -->" is not allowed in a practice: write Markdown',
        '12:31: raw HTML "<script>" is not allowed in a practice: write Markdown',
        '12:47: raw HTML "</script>" is not allowed in a practice: write Markdown',
        '14:1: raw HTML "<img src=x onerror=alert(1)>" is not allowed in a practice: write Markdown',
        '16:23: raw HTML "<svg onload=alert(1)>" is not allowed in a practice: write Markdown',
        '16:44: raw HTML "</svg>" is not allowed in a practice: write Markdown',
        '23:1: raw HTML "<javascript:alert(1)>" is not allowed in a practice: write Markdown',
    ],
    "bad-attribute-list.md": [
        '13:1: the attribute list "{onclick=alert(1)}" is not allowed in a practice: remove it (write \\{ for a brace shown as it is)',
        '15:13: the attribute list "{#faux-id onclick=alert(1)}" is not allowed in a practice: remove it (write \\{ for a brace shown as it is)',
        '17:9: the attribute list "{.classe}" is not allowed in a practice: remove it (write \\{ for a brace shown as it is)',
        '17:55: the attribute list "{onmouseover=alert(1)}" is not allowed in a practice: remove it (write \\{ for a brace shown as it is)',
        '20:1: the attribute list "{.x}" is not allowed in a practice: remove it (write \\{ for a brace shown as it is)',
    ],
    "bad-link-scheme.md": [
        "16:14: images are not allowed in a practice: link to the page that shows the image instead",
        '12:6: a link to a "javascript:" address is not allowed: link to an http, https or mailto address, or to a page of the site',
        '12:34: a link to a "javascript:" address is not allowed: link to an http, https or mailto address, or to a page of the site',
        '12:64: a link to a "vbscript:" address is not allowed: link to an http, https or mailto address, or to a page of the site',
        '13:10: a link to a "data:" address is not allowed: link to an http, https or mailto address, or to a page of the site',
        '13:39: a link to a "javascript:" address is not allowed: link to an http, https or mailto address, or to a page of the site',
        '13:71: a link to a "javascript:" address is not allowed: link to an http, https or mailto address, or to a page of the site',
        '14:9: a link to a "javascript:" address is not allowed: link to an http, https or mailto address, or to a page of the site',
        '18:8: a link to a "jar:" address is not allowed: link to an http, https or mailto address, or to a page of the site',
        '14:50: a link to a "file:" address is not allowed: link to an http, https or mailto address, or to a page of the site',
    ],
    "bad-bidi-body.md": [
        "12:34: contains U+202E, a bidirectional embedding or override, an invisible character that can disguise the text: remove it",
        "12:42: contains U+202C, a bidirectional embedding or override, an invisible character that can disguise the text: remove it",
    ],
    "bad-hidden.md": [
        "2:8: title: contains U+202E, a bidirectional embedding or override, an invisible character that can disguise the text: remove it",
        "8:91: evidence[0].quote: contains U+202E, a bidirectional embedding or override, an invisible character that can disguise the text: remove it",
    ],
}

HOSTILE = ("</script><script>alert(1)</script>", "a `backtick", "${alert(1)}", '"><img src=x onerror=alert(1)>')


# Loaded for each test, not once per module: `make mutate` runs, for a mutant, only the tests that
# called the mutated function, and a shared fixture's calls count for the first test alone.
@pytest.fixture
def fixture_problems():
    practices, problems = load(FIXTURES)
    assert practices == ()  # any problem withholds the whole catalogue, as it stops the build
    return problems


def test_every_fixture_has_its_expectation():
    assert sorted(path.relative_to(FIXTURES).as_posix() for path in FIXTURES.rglob("*") if path.is_file()) == sorted(
        CASES
    )


@pytest.mark.parametrize("name", sorted(CASES))
def test_front_matter_problems_name_file_line_and_column(name, fixture_problems):
    path = f"tests/fixtures/practices/{name}"
    assert [str(p) for p in fixture_problems if p.path == path] == [f"{path}:{expected}" for expected in CASES[name]]


def _content_with(tmp_path: Path, names: list[str], texts: dict[str, str] | None = None) -> Path:
    folder = tmp_path / "content" / "practices"
    folder.mkdir(parents=True)
    for name in names:
        shutil.copy(FIXTURES / name, folder / name)
    for name, text in (texts or {}).items():
        (folder / name).write_text(text, encoding="utf-8")
    return tmp_path / "content"


@pytest.fixture
def good_dataset(tmp_path):
    content = _content_with(tmp_path, ["good-city.md", "good-city.en.md", "good-country.md", "good-yaml12.md"])
    return load_dataset(LANGUAGES, DATA_DIR, content)


def test_records_hold_the_shared_fields_and_each_language(good_dataset):
    practices = {p.id: p for p in good_dataset.practices}
    assert sorted(practices) == ["good-city", "good-country", "good-yaml12"]
    city = practices["good-city"]
    assert (city.city, city.country, city.themes, city.year) == ("palermo", "IT", ("access-to-rights",), 2015)
    assert city.title.has("en") and not city.title.has("es")
    assert city.description["en"] == "The text of the practice.\n"
    assert city.sources_read == dt.date(2026, 11, 26)
    assert [(e.claims, e.source.id, e.quote) for e in city.evidence] == [
        (("title", "summary", "city", "themes", "year", "paragraph-1"), "am-common-ground", "q")
    ]
    assert (practices["good-country"].city, practices["good-country"].country) == (None, "IT")
    assert good_dataset.practices_in("palermo") == (city,)


def test_the_text_is_kept_as_written_but_the_blank_lines_around_it(tmp_path):
    text = (
        (FIXTURES / "good-city.md")
        .read_text(encoding="utf-8")
        .replace("Le texte de la pratique.\n", "\n    un bloc de code\n\nVoir le [chapitre](../index.md) X\n\n")
        .replace("paragraph-1]", "paragraph-1, paragraph-2]")
    )
    dataset = load_dataset(LANGUAGES, DATA_DIR, _content_with(tmp_path, [], {"p.md": text}))
    practice = dataset.practices[0]
    assert practice.description["fr"] == "    un bloc de code\n\nVoir le [chapitre](../index.md) X\n"
    assert [(link.href, link.line) for link in practice.links] == [("../index.md", 15)]


@pytest.mark.parametrize("summary", ["Une phrase.", "Une phrase !", "Une phrase ?", "Une phrase…"])
def test_a_summary_may_end_a_sentence_with_any_of_its_marks(tmp_path, summary):
    text = (FIXTURES / "good-city.md").read_text(encoding="utf-8")
    text = text.replace("summary: Une phrase qui dit ce qu'est la pratique.", f"summary: {summary}")
    practices, problems = load(_content_with(tmp_path, [], {"p.md": text}) / "practices")
    assert problems == [] and practices[0].summary["fr"] == summary


def test_yaml_1_1_readings_cannot_reach_the_page(good_dataset):
    """`country: NO` is Norway and `title: yes` a word (YAML 1.2), whatever MkDocs' YAML 1.1 thinks."""
    practice = next(p for p in good_dataset.practices if p.id == "good-yaml12")
    assert (practice.title["fr"], practice.country) == ("yes", "NO")
    markdown, meta = get_data(practice_page(good_dataset, "practices/good-yaml12.md", "en"))
    assert meta == {"title": "yes", "description": "Une phrase qui dit ce qu'est la pratique."}
    assert "Place: Norway" in markdown


def test_practice_page_is_only_for_practices(good_dataset):
    assert practice_page(good_dataset, "practices/index.md", "fr") is None
    assert practice_page(good_dataset, "about.md", "fr") is None
    assert practice_page(good_dataset, "practices/good-city.en.md", "en").count("# A practice\n") == 1


def test_practice_problems_are_reported_with_the_data_problems(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    cities = data / "cities.yaml"
    cities.write_text(cities.read_text(encoding="utf-8").replace("country: PT", "country: PX", 1), encoding="utf-8")
    content = _content_with(tmp_path, ["bad-theme.md"])
    with pytest.raises(DataError) as raised:
        load_dataset(LANGUAGES, data, content)
    reported = [(Path(p.path).name, p.message.split(":")[0]) for p in raised.value.problems]
    assert ("cities.yaml", "cities[0].country") in reported
    assert ("bad-theme.md", "themes[0]") in reported


def test_hostile_strings_are_escaped(tmp_path):
    title = " ".join(HOSTILE)
    text = (
        (FIXTURES / "good-city.md")
        .read_text(encoding="utf-8")
        .replace("title: Une pratique", f"title: {json.dumps(title)}")
    )
    dataset = load_dataset(LANGUAGES, DATA_DIR, _content_with(tmp_path, [], {"hostile.md": text}))
    body, meta = get_data(practice_page(dataset, "practices/hostile.md", "en"))
    assert "<" not in meta["title"] and '"' not in meta["title"]  # the theme inserts it raw
    for markdown in (render_by_theme(dataset, "en"), render_by_place(dataset, "en"), body):
        html = Markdown(extensions=["attr_list", "md_in_html", "toc"]).convert(markdown)
        assert "<script" not in html and "<img" not in html
        assert "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; a `backtick ${alert(1)}" in html
    assert json.loads(practices_json(dataset, LANGUAGES)["practices.json"])["practices"][0]["title"]["fr"] == title


def test_practices_link_to_their_city_page(good_dataset):
    practice = next(p for p in good_dataset.practices if p.id == "good-city")
    assert "- Lieu : [Palerme](../cities/palermo.md), Italie\n" in render_facts(good_dataset, practice, "fr")
    assert "### [Palerme](../cities/palermo.md) {: #city-palermo }" in render_by_place(good_dataset, "fr")


def test_crlf_files_leak_no_carriage_return(tmp_path):
    names = ["good-city.md", "good-city.en.md"]
    texts = {name: (FIXTURES / name).read_text(encoding="utf-8").replace("\n", "\r\n") for name in names}
    dataset = load_dataset(LANGUAGES, DATA_DIR, _content_with(tmp_path, [], texts))
    exported = practices_json(dataset, LANGUAGES)["practices.json"]
    assert "\\r" not in exported and "\r" not in exported
    assert dataset.practices[0].description["en"] == "The text of the practice.\n"


def test_a_badly_encoded_original_is_one_problem_not_one_per_translation(tmp_path):
    broken = (FIXTURES / "bad-encoding.md").read_bytes()
    content = _content_with(tmp_path, ["translated.en.md"])
    (content / "practices" / "translated.md").write_bytes(broken)
    _, problems = load(content / "practices")
    assert [p.message for p in problems] == ["the file is not valid UTF-8 text: save it with the UTF-8 encoding"]


def test_each_copy_of_a_repeated_problem_is_reported_where_it_stands():
    body = (
        f'<abbr title="{"a" * 25}">x</abbr>\n'  # a tag of 40 characters is shown whole
        f'<abbr title="{"b" * 26}">y</abbr>\n'  # one of 41, cut
        "\n# Title\n\n"
        "Text [x](javascript:alert(1)) and ![i](pic.png) [y](javascript:alert(1))\n\n"
        "## Head {  .cls  }\n\n<div>\nblock\n</div>\n"
    )
    raw = 'raw HTML "{}" is not allowed in a practice: write Markdown'
    link = 'a link to a "javascript:" address is not allowed: link to an http, https or mailto address, or to a page of the site'
    assert [str(p) for p in markdown_problems(body, "p.md", 10)] == [
        "p.md:19:1: " + raw.format("<div> block </div>"),
        "p.md:10:1: " + raw.format(f'<abbr title="{"a" * 25}">'),
        "p.md:10:42: " + raw.format("</abbr>"),
        "p.md:11:1: " + raw.format(f'<abbr title="{"b" * 26}…'),
        "p.md:11:43: " + raw.format("</abbr>"),
        'p.md:17:9: the attribute list "{.cls}" is not allowed in a practice: remove it (write \\{ for a brace shown as it is)',
        'p.md:13:1: the page title comes from "title:" in the front matter: remove this "# " heading, or make it "## "',
        "p.md:15:40: images are not allowed in a practice: link to the page that shows the image instead",
        "p.md:15:10: " + link,
        "p.md:15:53: " + link,
    ]


@pytest.mark.parametrize(
    ("body", "places"),
    [
        ("# Same\n\ntext\n\n# Same\n", [(1, 1), (5, 1)]),  # each heading at its line
        ("[a](javascript:x) [b](javascript:x)\n\n[c](javascript:x)\n", [(1, 5), (1, 23), (3, 5)]),
        ("[a][r] and [b][r]\n\n[r]: javascript:x\n", [(3, 6), (3, 6)]),  # one address, written once
        ("A .cls word\n\n## Head {.cls}\n", [(3, 9)]),  # the attribute list, not the same words before it
        ("Text.\n\n![a]() and ![b]()\n", [(1, 1), (1, 1)]),  # nothing to find (no address): the text's start
        ("<b>x</b> <b>y</b>\n", [(1, 1), (1, 5), (1, 10), (1, 14)]),  # the first copy at the text's very start
        ("![a][r] and ![b][r]\n\n[r]: pic.png\n", [(3, 6), (3, 6)]),  # one address, written once
    ],
)
def test_problems_are_placed_at_each_copy_of_what_they_name(body, places):
    assert [(p.line, p.column) for p in markdown_problems(body, "p.md", 1)] == places


@pytest.mark.parametrize(
    ("body", "places"),
    [
        ("See ../index.md, then [home](../index.md).\n", [(1, 30)]),  # not the same text before it
        ("[../index.md](../index.md)\n", [(1, 15)]),  # nor its own words
        ("../x.md2 and [a](../x.md)\n", [(1, 18)]),  # nor a longer address
        ('[a](<../x.md>) [b]( ../x.md "t")\n', [(1, 6), (1, 21)]),
        ("[a][r] [b][r]\n\n[r]: ../x.md\n", [(3, 6), (3, 6)]),  # one definition, for both
        ("[a](../x.md)\n\n  [r]:\n    ../x.md\n\n[b][r]\n", [(1, 5), (4, 5)]),  # its address on the next line
        ("Text.\n\n[a](../x\\_y.md)\n", [(1, 1)]),  # written otherwise: the text's start
        ("See ../x.md, [a](../x.md), ../x.md.\n", [(1, 18)]),  # nor the same text after it
        ("See ../x.md.\n\n[a][r] [b][r]\n\n[r]: ../x.md\n", [(5, 6), (5, 6)]),
        ("[b](../x.mdX) [a](../x.md)\n", [(1, 5), (1, 19)]),
        ("[r]: ../x.md\n\n[a](../x.md) [b][r]\n", [(1, 6), (3, 5)]),  # each at the next place its address is written
        ("[a]() and [b]()\n", [(1, 5), (1, 15)]),  # an empty address too
        ("[a][r] [b](../y.md)\n\n[r]: ../x.md\n", [(3, 6), (1, 12)]),  # each address on its own
        ("[b][r]\n\n[r]: ../x.md", [(3, 6)]),  # at the very end of the text
        ("[a](../x.md) [b][r] [c][r] [d][r]\n\n[r]: ../x.md\n", [(1, 5), (3, 6), (3, 6), (3, 6)]),
    ],
)
def test_a_link_is_placed_where_it_writes_its_address(body, places):
    problems, rendered = read_markdown(body, "p.md", 1)
    assert problems == []
    assert [(link.line, link.column) for link in rendered.links] == places


def test_an_address_is_checked_as_the_browser_reads_it():
    """Escapes are undone before the links are read (the recorder runs after Python-Markdown's unescape)."""
    _, rendered = read_markdown("[a](../x\\_y.md) [b](<../x\\>y.md>)\n", "p.md", 1)
    assert [link.href for link in rendered.links] == ["../x_y.md", "../x>y.md"]


def test_a_refused_address_is_placed_at_its_link():
    problems = markdown_problems("Not javascript:x here.\n\n[a](javascript:x)\n", "p.md", 1)
    assert [(p.line, p.column) for p in problems] == [(3, 5)]


def test_a_heading_links_to_itself_as_on_the_site():
    """The site's Markdown settings (toc's permalink, mkdocs.yml) apply: the link is checked with the others."""
    _, rendered = read_markdown("Text.\n\n## Un titre\n", "p.md", 1)
    assert [link.href for link in rendered.links] == ["#un-titre"]
    assert "un-titre" in rendered.ids
