"""The sections a written page takes from the data (alliance/pages/sections.py): what the coverage
section says, exactly, and where a marker that names no section is reported."""

from __future__ import annotations

import dataclasses

import pytest

from alliance.data.cities import City, Declared
from alliance.data.evidence import Evidence, Source, declaration_source
from alliance.data.problems import DataError, Problem
from alliance.localized import LocalizedText
from alliance.pages.sections import fill_sections, marker_problems, render_coverage

WEB = Source("uclga", "https://example.org/rencontre", "2ème rencontre", "CGLU Afrique", "fr")


def town(city_id: str, country: str, roles: tuple[str, ...]) -> City:
    return City(city_id, LocalizedText.from_data({"fr": city_id}), country, 1.0, 2.0, roles, None, ())


def declared(without_city: tuple[str, ...]) -> Declared:
    return Declared(
        41,
        23,
        130,
        without_city,
        (
            Evidence(
                ("cities", "countries"),
                declaration_source(1),
                "41 villes dans 23 pays",
                {"en": "41 cities in 23 countries"},
            ),
            Evidence(("countries_present_without_city",), WEB, "la Namibie et la Mauritanie", {}),
        ),
    )


@pytest.fixture(scope="module")
def small(real_dataset):
    """Three cities represented in Lisbon, in two countries; the host city and a pilot territory,
    which the count leaves out; a quote of a written page from paragraph 3 of the declaration."""
    cities = (
        town("lisbon", "PT", ("lisbon-host",)),
        town("a", "FR", ("lisbon-represented",)),
        town("b", "FR", ("lisbon-represented", "pilot-territory")),
        town("c", "SN", ("lisbon-represented",)),
        town("d", "BR", ("pilot-territory",)),
    )
    quote = Evidence(("paragraph-3",), declaration_source(3), "Les villes s'engagent", {"en": "The cities commit"})
    return dataclasses.replace(
        real_dataset,
        declared=declared(("NA", "MR")),
        cities=cities,
        sources=(WEB,),
        page_evidence={"intro": (quote,)},
    )


def test_the_coverage_reads_exactly_on_the_english_site(small):
    assert render_coverage(small, "en") == (
        "According to the Lisbon declaration, more than 130 people, representing 41 cities in 23 countries, "
        "took part in the meeting; the full list is not public\\. This site names 3 of those cities: the ones "
        "a source says were represented there, in 4 countries, each with its source\\. The host city, Lisbon, "
        "is not counted: no source says it is one of the 41\\. Among those countries, a source also lists "
        "Namibia and Mauritania as present, without naming any of their cities\\. "
        '<small class="am-sources">\\(sources: [declaration, § 1](declaration.md#p1); '
        '<a href="https://example.org/rencontre" hreflang="fr">CGLU Afrique, <cite lang="fr">2ème rencontre</cite></a>\\)</small>\n'
        "{: .am-coverage }\n"
        "\n"
        '<details class="am-evidence" markdown="1">\n'
        "<summary>What the sources say</summary>\n"
        "\n"
        '<figure class="am-quote" markdown="1">\n'
        '<blockquote cite="https://alliance-migrations.github.io/site/en/declaration/#p1" lang="fr"><p>41 villes dans 23 pays</p></blockquote>\n'
        '<p class="am-translation">The site&#x27;s translation: 41 cities in 23 countries</p>\n'
        '<figcaption markdown="span">— [Lisbon declaration, paragraph 1](declaration.md#p1) · '
        "Supports: the number of cities, the number of countries</figcaption>\n"
        "</figure>\n"
        "\n"
        '<figure class="am-quote" markdown="1">\n'
        '<blockquote cite="https://example.org/rencontre" lang="fr"><p>la Namibie et la Mauritanie</p></blockquote>\n'
        '<figcaption markdown="span">— <a href="https://example.org/rencontre" hreflang="fr">CGLU Afrique, '
        '<cite lang="fr">2ème rencontre</cite></a> · Supports: the countries present with no city named</figcaption>\n'
        "</figure>\n"
        "\n"
        "</details>\n"
        "\n"
        "Was your city or organisation in Lisbon? Help complete the list: propose it, with a source, "
        "through a pull request on the site's repository\\.\n"
    )


@pytest.mark.parametrize(
    ("language", "without_city", "expected"),
    [
        # The countries named in Spanish, joined as Spanish joins a list.
        (
            "es",
            ("NA", "MR"),
            "Según la declaración de Lisboa, más de 130 personas, en representación de 41 ciudades de 23 países, "
            "participaron en el encuentro; la lista completa no es pública\\. Este sitio nombra 3 de esas ciudades: "
            "las que, según una fuente, estuvieron representadas, en 4 países, cada una con su fuente\\. La ciudad "
            "anfitriona, Lisboa, no se cuenta: ninguna fuente dice que sea una de las 41\\. Entre esos países, una "
            "fuente cita los siguientes como presentes, sin nombrar ninguna de sus ciudades: Namibia y Mauritania\\.",
        ),
        # Every country the declaration counts has a city named: no sentence about the others.
        (
            "en",
            (),
            "According to the Lisbon declaration, more than 130 people, representing 41 cities in 23 countries, "
            "took part in the meeting; the full list is not public\\. This site names 3 of those cities: the ones "
            "a source says were represented there, in 2 countries, each with its source\\. The host city, Lisbon, "
            "is not counted: no source says it is one of the 41\\.",
        ),
    ],
    ids=["spanish", "no-country-without-city"],
)
def test_the_coverage_names_the_countries_without_a_city_in_the_page_language(small, language, without_city, expected):
    dataset = dataclasses.replace(small, declared=declared(without_city))
    assert render_coverage(dataset, language).split(" <small", 1)[0] == expected


QUOTE_PT = (
    '<details class="am-evidence" markdown="1">\n'
    "<summary>O que dizem as fontes</summary>\n"
    "\n"
    '<figure class="am-quote" markdown="1">\n'
    '<blockquote cite="https://alliance-migrations.github.io/site/pt/declaration/#p3" lang="fr"><p>Les villes s&#x27;engagent</p></blockquote>\n'
    '<figcaption markdown="span">— [Declaração de Lisboa, parágrafo 3](declaration.md#p3)</figcaption>\n'
    "</figure>\n"
    "\n"
    "</details>\n"
)


def test_a_quote_marker_shows_the_passage_quotes_without_the_claims(small):
    # No Portuguese translation: the French quote stands alone, as the page falls back to French.
    assert fill_sections("<!-- data: quotes-intro -->", small, "pt", "content/index.pt.md") == QUOTE_PT


def test_with_a_nonce_each_section_stands_between_the_generated_markers(small):
    markdown = "# Title\n\n<!-- data: quotes-intro -->\n\nText\n\n<!-- data:source-list-->\n"
    assert fill_sections(markdown, small, "en", "content/index.en.md", nonce="n0nce") == (
        "# Title\n\n"
        "<!-- am-generated-n0nce -->\n\n"
        '<details class="am-evidence" markdown="1">\n'
        "<summary>What the sources say</summary>\n"
        "\n"
        '<figure class="am-quote" markdown="1">\n'
        '<blockquote cite="https://alliance-migrations.github.io/site/en/declaration/#p3" lang="fr"><p>Les villes s&#x27;engagent</p></blockquote>\n'
        '<p class="am-translation">The site&#x27;s translation: The cities commit</p>\n'
        '<figcaption markdown="span">— [Lisbon declaration, paragraph 3](declaration.md#p3)</figcaption>\n'
        "</figure>\n"
        "\n"
        "</details>\n"
        "\n\n<!-- am-end-of-generated-n0nce -->\n\n"
        "Text\n\n"
        "<!-- am-generated-n0nce -->\n\n"
        '- <a href="https://example.org/rencontre" hreflang="fr">CGLU Afrique, <cite lang="fr">2ème rencontre</cite></a> (French)\n'
        "\n\n<!-- am-end-of-generated-n0nce -->\n"
    )


KNOWN = (
    "city-exports, city-list, city-map, coverage, home-agenda, home-figures, home-map, home-pillars, "
    "open-data-exports, practices-by-place, practices-by-theme, source-list"
)


def test_a_marker_naming_no_section_says_which_sections_exist():
    assert marker_problems("<!-- data: quotes-other -->", "content/x.md", 1, {"intro", "about"}) == [
        Problem(
            "content/x.md",
            1,
            1,
            f'"<!-- data: quotes-other -->" names no section (known sections: {KNOWN}, quotes-about, quotes-intro)',
        )
    ]


@pytest.mark.parametrize(
    ("markdown", "quotes", "reported"),
    [
        ("<!-- data: coverage -->\n<!-- data:city-list-->", {"intro"}, []),
        ("<!-- data: quotes-intro -->", {"intro"}, []),
        # The data cannot be read: any passage may exist, its problems are reported with the data's.
        ("<!-- data: quotes-anything -->", None, []),
        ("<!-- data: nothing -->", None, [(1, 1, "nothing")]),
        ("<!-- data: quotes-other -->", {"intro"}, [(1, 1, "quotes-other")]),
        # "intro-quotes" is not "quotes-intro".
        ("<!-- data: intro-quotes -->", {"intro"}, [(1, 1, "intro-quotes")]),
        # A known marker does not end the search.
        ("<!-- data: quotes-intro --> <!-- data: coverage -->\n<!-- data: nothing -->", {"intro"}, [(2, 1, "nothing")]),
        # A page that starts with an empty line: lines and columns still count from its first character.
        ("\n  <!-- data: nothing -->", None, [(2, 3, "nothing")]),
        ("x\n\n<!-- data: a --><!-- data: b -->", None, [(3, 1, "a"), (3, 17, "b")]),
    ],
)
def test_markers_naming_no_section_are_reported_at_their_line_and_column(markdown, quotes, reported):
    problems = marker_problems(markdown, "content/x.md", quotes=quotes)
    assert [(p.path, p.line, p.column) for p in problems] == [("content/x.md", line, col) for line, col, _ in reported]
    assert [p.message.split(" names no section")[0] for p in problems] == [
        f'"<!-- data: {name} -->"' for _, _, name in reported
    ]


@pytest.mark.parametrize(
    ("markdown", "problem"),
    [
        ("<!-- data: nothing -->", ("content/x.md", 1, 1)),
        # The page's passages are the known ones: a passage it lacks is reported, not looked up.
        ("intro\n<!-- data: quotes-other -->", ("content/x.md", 2, 1)),
    ],
)
def test_filling_a_page_reports_its_unknown_markers_from_its_first_line(small, markdown, problem):
    with pytest.raises(DataError) as caught:
        fill_sections(markdown, small, "en", "content/x.md")
    assert [p[:3] for p in caught.value.problems] == [problem]
