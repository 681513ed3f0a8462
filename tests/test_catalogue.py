"""The catalogue's pages as a reader gets them (alliance/pages/catalogue.py): small synthetic
practices, the expected Markdown written out by hand, on the English site unless said otherwise."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from alliance.data.dataset import Dataset
from alliance.data.evidence import Evidence, Source, declaration_source
from alliance.data.practices import Practice
from alliance.localized import LocalizedText
from alliance.pages.catalogue import (
    is_practice,
    practice_page,
    practices_json,
    render_by_place,
    render_by_theme,
    render_facts,
    sanitize_practice_html,
)
from alliance.pages.markup import CONTRIBUTED_END, CONTRIBUTED_START
from tests.synthetic_cities import city

REPORT = Source("town-report", "https://example.org/report", "Annual report", "Town hall", "fr")
REPORT_LINK = '<a href="https://example.org/report" hreflang="fr">Town hall, <cite lang="fr">Annual report</cite></a>'
QUOTE = Evidence(("title",), REPORT, "Une citation", {"en": "A quote"})
REPORT_FIGURE = (
    '<figure class="am-quote" markdown="1">\n'
    '<blockquote cite="https://example.org/report" lang="fr"><p>Une citation</p></blockquote>\n'
    '<p class="am-translation">The site&#x27;s translation: A quote</p>\n'
    f'<figcaption markdown="span">— {REPORT_LINK} · Supports: the title</figcaption>\n'
    "</figure>\n"
)
ORIGIN = (
    "This text was written for this site from the sources above, as the project's research recorded them; "
    "it says only what they say\\. The details of the practice are in its sources\\."
)
FALLBACK = '{: lang="fr" hreflang="fr" } <small class="am-fallback-field">(in French, not translated yet)</small>'


def _practice(practice_id, titles, city_id, country, themes, year, evidence) -> Practice:
    """A practice whose summary and text are made from its title in each language."""
    return Practice(
        id=practice_id,
        title=LocalizedText.from_data(titles),
        summary=LocalizedText.from_data({language: f"Summary {title}." for language, title in titles.items()}),
        description=LocalizedText.from_data({language: f"Text {title}.\n" for language, title in titles.items()}),
        city=city_id,
        country=country,
        themes=themes,
        year=year,
        evidence=evidence,
        sources_read=dt.date(2026, 11, 26),
    )


# In the order of the data (by id). Italy's cities sort by their English names in the other order
# than by their ids or their first practices; Spain's code sorts before Italy's, its English name after.
COASTAL = _practice("coastal-forum", {"fr": "Forum côtier"}, None, "IT", ("political-commitment",), None, (QUOTE,))
NIGHT = _practice("night-school", {"fr": "École du soir"}, "alpha", "IT", ("participation",), None, (QUOTE,))
NETWORK = _practice(
    "regional-network",
    {"fr": "Réseau régional", "en": "Regional network"},
    None,
    "ES",
    ("access-to-rights",),
    2021,
    (QUOTE,),
)
WELCOME = _practice(
    "welcome-desk",
    {"fr": "Guichet", "en": "Welcome desk"},
    "beta",
    "IT",
    ("access-to-rights", "participation"),
    2019,
    (Evidence(("summary",), declaration_source(2), "Citation", {"en": "Quote"}), QUOTE),
)


@pytest.fixture
def catalogue(real_dataset, monkeypatch):
    """The four practices over the real labels, published at a known address."""
    monkeypatch.setenv("SITE_URL", "https://example.org/site/")
    cities = (
        city(
            "alpha",
            45.0,
            7.7,
            ("practices-shared",),
            LocalizedText.from_data({"fr": "Ville Zêta", "en": "Zeta City"}),
            "IT",
        ),
        city(
            "beta",
            38.1,
            13.4,
            ("practices-shared",),
            LocalizedText.from_data({"fr": "Ville Alpha", "en": "Alpha City"}),
            "IT",
        ),
    )
    return Dataset(real_dataset.declared, cities, (), real_dataset.labels, practices=(COASTAL, NIGHT, NETWORK, WELCOME))


def _item(practice_id: str, title: str, place: str, summary: str, sources: str) -> str:
    return f'- [{title}]({practice_id}.md){place} — {summary} <small class="am-sources">\\({sources}\\)</small>\n'


COASTAL_ITEM = _item(
    "coastal-forum",
    "Forum côtier",
    FALLBACK,
    '<span lang="fr">Summary Forum côtier\\.</span>',
    f"source: {REPORT_LINK}",
)
NIGHT_ITEM = _item(
    "night-school",
    "École du soir",
    FALLBACK,
    '<span lang="fr">Summary École du soir\\.</span>',
    f"source: {REPORT_LINK}",
)
NETWORK_ITEM = _item(
    "regional-network", "Regional network", "", "Summary Regional network\\.", f"source: {REPORT_LINK}"
)
WELCOME_ITEM = _item(
    "welcome-desk",
    "Welcome desk",
    "",
    "Summary Welcome desk\\.",
    f"sources: [declaration, § 2](../declaration.md#p2); {REPORT_LINK}",
)


def test_the_catalogue_by_theme_lists_each_practice_under_each_of_its_themes(catalogue):
    # The place follows the title (after the fallback note of a title in French).
    coastal = COASTAL_ITEM.replace(FALLBACK, FALLBACK + " (Italy)")
    night = NIGHT_ITEM.replace(FALLBACK, FALLBACK + " (Zeta City, Italy)")
    network = NETWORK_ITEM.replace(".md)", ".md) (Spain)")
    welcome = WELCOME_ITEM.replace(".md)", ".md) (Alpha City, Italy)")
    assert render_by_theme(catalogue, "en") == (
        "## Interculturality {: #interculturality }\n\nNo practices yet\\.\n\n"
        f"## Unconditional access to rights {{: #access-to-rights }}\n\n{network}{welcome}\n"
        f"## Political and citizen participation {{: #participation }}\n\n{night}{welcome}\n"
        f"## Political commitment of local authorities {{: #political-commitment }}\n\n{coastal}"
    )


def test_the_catalogue_by_place_sorts_countries_and_cities_by_their_names_in_the_language(catalogue):
    assert render_by_place(catalogue, "en") == (
        "## Italy {: #country-it }\n\n"
        f"### Several municipalities {{: #country-it-no-single-city }}\n\n{COASTAL_ITEM}\n"
        f"### [Alpha City](../cities/beta.md) {{: #city-beta }}\n\n{WELCOME_ITEM}\n"
        f"### [Zeta City](../cities/alpha.md) {{: #city-alpha }}\n\n{NIGHT_ITEM}\n"
        "## Spain {: #country-es }\n\n"
        f"### Several municipalities {{: #country-es-no-single-city }}\n\n{NETWORK_ITEM}"
    )


def test_the_facts_of_a_practice_in_a_city_with_two_themes_two_sources_and_a_year(catalogue):
    assert render_facts(catalogue, WELCOME, "en") == (
        "## At a glance {: #practice-facts }\n\n"
        "- Place: [Alpha City](../cities/beta.md), Italy\n"
        "- Themes: [Unconditional access to rights](index.md#access-to-rights), "
        "[Political and citizen participation](index.md#participation)\n"
        '- Year: <time datetime="2019">2019</time>\n\n'
        "## Sources {: #practice-sources }\n\n"
        f"- [Lisbon declaration, paragraph 2](../declaration.md#p2)\n- {REPORT_LINK}\n\n{ORIGIN}\n\n"
        '<details class="am-evidence" markdown="1">\n<summary>What the sources say</summary>\n\n'
        '<figure class="am-quote" markdown="1">\n'
        '<blockquote cite="https://example.org/site/en/declaration/#p2" lang="fr"><p>Citation</p></blockquote>\n'
        '<p class="am-translation">The site&#x27;s translation: Quote</p>\n'
        '<figcaption markdown="span">— [Lisbon declaration, paragraph 2](../declaration.md#p2) · Supports: the summary</figcaption>\n'
        "</figure>\n\n"
        f"{REPORT_FIGURE}\n</details>\n"
    )


COASTAL_FACTS = (
    "## At a glance {: #practice-facts }\n\n"
    "- Place: Italy\n"
    "- Theme: [Political commitment of local authorities](index.md#political-commitment)\n\n"
    f"## Sources {{: #practice-sources }}\n\n- {REPORT_LINK}\n\n{ORIGIN}\n\n"
    f'<details class="am-evidence" markdown="1">\n<summary>What the sources say</summary>\n\n{REPORT_FIGURE}\n</details>\n'
)


def test_the_facts_of_a_practice_of_no_single_city_and_no_year(catalogue):
    assert render_facts(catalogue, COASTAL, "en") == COASTAL_FACTS


def test_the_facts_in_spanish_of_a_quote_translated_into_english_only(catalogue):
    # Without a Spanish translation the French quote stands alone: French is what the page falls back to.
    assert render_facts(catalogue, COASTAL, "es") == (
        "## En resumen {: #practice-facts }\n\n"
        "- Lugar: Italia\n"
        "- Tema: [Compromiso político de las autoridades locales](index.md#political-commitment)\n\n"
        f"## Fuentes {{: #practice-sources }}\n\n- {REPORT_LINK}\n\n"
        "Este texto se escribió para este sitio a partir de las fuentes anteriores, tal como las recogió la "
        "investigación documental del proyecto; solo dice lo que ellas dicen\\. Los detalles de la práctica "
        "están en sus fuentes\\.\n\n"
        '<details class="am-evidence" markdown="1">\n<summary>Lo que dicen las fuentes</summary>\n\n'
        '<figure class="am-quote" markdown="1">\n'
        '<blockquote cite="https://example.org/report" lang="fr"><p>Une citation</p></blockquote>\n'
        f'<figcaption markdown="span">— {REPORT_LINK} · Respalda: el título</figcaption>\n'
        "</figure>\n\n</details>\n"
    )


def test_a_practice_page_shown_in_french_has_its_facts_in_the_readers_language(catalogue):
    assert practice_page(catalogue, "practices/coastal-forum.md", "en") == (
        "---\ntitle: Forum côtier\ndescription: Summary Forum côtier.\n---\n\n"
        "# Forum côtier\n\nSummary Forum côtier\\.\n{: .am-lead }\n\n"
        f"{CONTRIBUTED_START}\n\nText Forum côtier.\n\n\n{CONTRIBUTED_END}\n\n"
        f'<div lang="en" markdown>\n\n{COASTAL_FACTS}\n</div>\n'
    )


@pytest.mark.parametrize(
    ("src_uri", "language"), [("practices/welcome-desk.en.md", "en"), ("practices/welcome-desk.md", "fr")]
)
def test_a_practice_page_in_its_own_language_has_its_facts_as_they_are(catalogue, src_uri, language):
    page = practice_page(catalogue, src_uri, language)
    assert page.endswith(f"{CONTRIBUTED_END}\n\n{render_facts(catalogue, WELCOME, language)}")
    assert "<div lang=" not in page


@pytest.mark.parametrize(
    ("src_uri", "expected"),
    [
        ("practices/welcome-desk.md", True),
        ("practices/welcome-desk.en.md", True),
        ("practices/index.md", False),
        ("practices/index.en.md", False),
        ("practices/unknown-practice.md", False),  # a page of the folder that no practice has
        ("cities/welcome-desk.md", False),  # a practice's name in another folder
        ("welcome-desk.md", False),
    ],
)
def test_which_files_hold_a_practice(catalogue, src_uri, expected):
    assert is_practice(catalogue, src_uri) is expected
    assert (practice_page(catalogue, src_uri, "en") is not None) is expected


SCRIPT = "<p>x</p><script>alert(1)</script>"


@pytest.mark.parametrize(
    ("src_uri", "page_html", "expected"),
    [
        # A practice page whose markers were lost is sanitized whole.
        ("practices/welcome-desk.md", SCRIPT, "<p>x</p>"),
        # Between its markers only.
        (
            "practices/welcome-desk.md",
            f"<script>a</script>{CONTRIBUTED_START}{SCRIPT}{CONTRIBUTED_END}<p>y</p>",
            "<script>a</script><p>x</p><p>y</p>",
        ),
        # Any other page of the site is left as it is: its HTML is the site's own.
        ("practices/index.md", SCRIPT, SCRIPT),
        ("cities/welcome-desk.md", SCRIPT, SCRIPT),
    ],
)
def test_a_practice_page_is_sanitized(catalogue, src_uri, page_html, expected):
    assert sanitize_practice_html(catalogue, src_uri, page_html) == expected


def test_the_export_holds_every_practice_in_every_language(catalogue):
    text = practices_json(catalogue, ("fr", "en"))["practices.json"]
    # Indented by two spaces, its letters as they are, and a final line end.
    assert text.startswith(
        '{\n  "practices": [\n    {\n      "id": "coastal-forum",\n      "title": {\n        "fr": "Forum côtier"\n'
    )
    assert text.endswith("\n  ]\n}\n")
    report = {
        "claims": ["title"],
        "source": "https://example.org/report",
        "quote": "Une citation",
        "language": "fr",
        "translation": {"en": "A quote"},
    }

    def record(practice, title, city_id, country, themes, year, sources, evidence):
        return {
            "id": practice,
            "title": title,
            "summary": {language: f"Summary {text}." for language, text in title.items()},
            "description_markdown": {language: f"Text {text}.\n" for language, text in title.items()},
            "city": city_id,
            "country": country,
            "themes": themes,
            "year": year,
            "sources": sources,
            "evidence": evidence,
        }

    declaration = {
        "claims": ["summary"],
        "source": "https://example.org/site/declaration/#p2",  # the French original's paragraph
        "quote": "Citation",
        "language": "fr",
        "translation": {"en": "Quote"},
    }
    assert json.loads(text) == {
        "practices": [
            record(
                "coastal-forum",
                {"fr": "Forum côtier"},
                None,
                "IT",
                ["political-commitment"],
                None,
                [REPORT.url],
                [report],
            ),
            record(
                "night-school", {"fr": "École du soir"}, "alpha", "IT", ["participation"], None, [REPORT.url], [report]
            ),
            record(
                "regional-network",
                {"fr": "Réseau régional", "en": "Regional network"},
                None,
                "ES",
                ["access-to-rights"],
                2021,
                [REPORT.url],
                [report],
            ),
            record(
                "welcome-desk",
                {"fr": "Guichet", "en": "Welcome desk"},
                "beta",
                "IT",
                ["access-to-rights", "participation"],
                2019,
                ["https://example.org/site/declaration/#p2", REPORT.url],
                [declaration, report],
            ),
        ]
    }
