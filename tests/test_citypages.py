"""City pages and the city list: content in each language, hostile data rendered as text."""

from __future__ import annotations

import dataclasses
import datetime as dt

import markdown
import pytest
from mkdocs.utils.meta import get_data

from alliance.data.actions import Action, When
from alliance.data.cities import City
from alliance.data.evidence import Evidence, Source, declaration_source
from alliance.data.labels import Labels
from alliance.data.practices import Practice
from alliance.localized import LocalizedText, collation_key
from alliance.pages.citypages import city_description, city_page, city_pages, render_city_list
from alliance.pages.dates import format_when
from alliance.pages.markup import html_text, plain_line
from alliance.pages.sources import source_markdown, sources_inline
from tests.synthetic_cities import HOSTILE, LANGUAGES, Markup, hostile_dataset

SAFE_TAGS = {"h1", "h2", "h3", "p", "ul", "li", "a", "span", "small", "time", "div", "code", "cite"}
# The quotes of "What the sources say" (alliance.pages.sources.evidence_disclosure).
SAFE_TAGS |= {"details", "summary", "figure", "blockquote", "figcaption"}
SAFE_ATTRIBUTES = {"href", "lang", "class", "id", "datetime", "hreflang", "cite"}


def html_of(text: str) -> Markup:
    """Renders Markdown as the site does (its extensions that touch inline text), front matter
    read apart as MkDocs reads it."""
    body, _ = get_data(text)
    return Markup(markdown.markdown(body, extensions=["attr_list", "md_in_html", "tables"]))


@pytest.fixture(scope="module")
def real(real_dataset):
    return real_dataset


@pytest.fixture(scope="module")
def hostile(real):
    return hostile_dataset(real)


@pytest.mark.parametrize("language", LANGUAGES)
def test_hostile_city_page_is_text(hostile, language):
    c = hostile.cities[0]
    source = city_page(hostile, c, language)
    # The title and the description are the city's whole texts on one line, each one string
    # whatever its characters; the title escaped for Material's <title>.
    assert get_data(source)[1] == {
        "title": html_text(plain_line(c.name[language]).strip()),
        "description": plain_line(city_description(hostile, c, language)).strip(),
    }
    page = html_of(source)
    assert set(page.tags) <= SAFE_TAGS and page.attributes <= SAFE_ATTRIBUTES
    for text in (
        c.name[language],
        c.country,
        f"role-lisbon-host {HOSTILE}",
        f"status-held {HOSTILE}",
        f"note-{c.id} {HOSTILE}",
        hostile.actions[0].title[language],
        c.evidence[1].quote,
        c.evidence[1].source.publisher,
        c.evidence[1].source.title,
        *([c.evidence[1].translation[language]] if language != "fr" else []),
    ):
        assert text in page.text
    assert c.sources[1].url in page.links  # the address is kept whole, as the link's target


@pytest.mark.parametrize("language", LANGUAGES)
def test_hostile_city_list_is_text(hostile, language):
    listing = html_of(render_city_list(hostile, language))
    assert set(listing.tags) <= SAFE_TAGS and listing.attributes <= SAFE_ATTRIBUTES
    assert listing.tags.count("h3") == len({c.country for c in hostile.cities})
    assert all(c.name[language] in listing.text for c in hostile.cities)


def test_a_page_per_city_per_language(real):
    pages = city_pages(real, LANGUAGES)
    assert len(pages) == len(real.cities) * len(LANGUAGES)
    body = {name: get_data(text)[0] for name, text in pages.items()}
    assert body["lisbon.md"].startswith("# Lisbonne\n") and body["lisbon.en.md"].startswith("# Lisbon\n")
    # A name not translated is the French one, without a marker: it is a proper name.
    assert body["cascais.es.md"].startswith("# Cascais\n")
    titles = {name: get_data(text)[1]["title"] for name, text in pages.items()}
    assert (titles["lisbon.md"], titles["lisbon.en.md"], titles["cascais.es.md"]) == ("Lisbonne", "Lisbon", "Cascais")


def test_city_page_content(real):
    source = city_page(real, real.city("lisbon"), "en")
    page = html_of(source)
    assert page.tags.count("h2") == 5  # roles, actions, practices, sources, coordinates
    for text in (
        "Country: Portugal",
        "Host city of the Lisbon meeting (2023)",
        "Pilot territory",
        f"Second meeting of the Alliance Migrations — {format_when(next(a for a in real.actions if a.city == 'lisbon').when, 'en', real.labels)} (status: held)",
        "Lisbon declaration, paragraph 1",
        "Alliance Migrations, Vers un socle commun des territoires",
        "What the sources say",
        # The quote in its language, the site's translation after it, and the claim it supports.
        "s'est tenue à l'Université Nova de Lisboa, dans la ville de Lisbonne",
        "The site's translation: The second meeting of the Alliance Migrations",
        "Supports: the role “Host city of the Lisbon meeting (2023)”",
        "Latitude: 38.7223",
        "Longitude: -9.1393",
    ):
        assert text in page.text
    assert '<time datetime="2023-01-26">' in source
    assert page.links[:2] == ["../agenda/index.md#lisbon-2023", "../declaration.md#p1"]
    assert page.links[-1] == "../map.md"
    # No link shows its address as its text.
    assert "https://" not in page.text


def test_a_city_no_source_places_is_listed_not_mapped(real):
    ourno = real.city("ourno")
    assert ourno.position is None and "lisbon-represented" in ourno.roles
    page = html_of(city_page(real, ourno, "en"))
    assert "None of the sources consulted gives Ourno's position" in page.text and "Latitude" not in page.text
    assert "ourno" in render_city_list(real, "en")


def test_a_city_without_actions_says_so(real):
    page = html_of(city_page(real, real.city("cascais"), "en"))
    assert "This site's agenda lists no action or meeting for this place." in page.text


def test_city_list_groups_by_country_in_alphabetical_order(real):
    listing = render_city_list(real, "fr")
    headings = [line[4:] for line in listing.splitlines() if line.startswith("### ")]
    assert headings == sorted(headings, key=collation_key)
    assert headings[:3] == ["Allemagne", "Belgique", "Brésil"]
    france = listing.split("### France\n\n")[1].split("\n\n")[0]
    assert france.splitlines()[0].startswith("- [Fontenay\\-sous\\-Bois](cities/fontenay-sous-bois.md) — ")


def test_collation_ignores_accents_and_case():
    assert sorted(["Espagne", "Égypte", "eswatini"], key=collation_key) == ["Égypte", "Espagne", "eswatini"]


def test_sources_link_the_declaration_paragraph_or_the_publisher_and_title(real):
    labels: Labels = real.labels
    assert (
        source_markdown(declaration_source(4), labels, "es", "../")
        == "[Declaración de Lisboa, párrafo 4](../declaration.md#p4)"
    )
    hostile = Source("x", 'https://x.org/?a=1&b="><script>', "<b>Title</b>", "Pub & co", "it")
    link = html_of(source_markdown(hostile, labels, "fr", ""))
    assert link.tags == ["p", "a", "cite"] and link.links == ['https://x.org/?a=1&b="><script>']
    assert link.text == "Pub & co, <b>Title</b>"


def test_a_source_cited_twice_is_listed_once(real):
    uclga = next(s for s in real.sources if s.id == "uclga-lisbon-2023-fr")
    page = html_of(sources_inline([uclga, declaration_source(4), uclga], real.labels, "en", "../"))
    assert page.links == [uclga.url, "../declaration.md#p4"]
    assert page.text == "(sources: CGLU Afrique, 2ème rencontre de l’Alliance Migrations; declaration, § 4)"


def place(city_id: str, names: dict[str, str], country: str, roles: tuple[str, ...]) -> City:
    """A made-up city, its roles sourced to the declaration's paragraph 2."""
    claims = tuple(f"role:{role}" for role in roles)
    evidence = (Evidence(claims, declaration_source(2), "Texte", {}),)
    return City(city_id, LocalizedText.from_data(names), country, 1.0, 2.0, roles, None, evidence)


COUNTRY_FIXTURE = (
    place("evry", {"fr": "Évry"}, "FR", ("pilot-territory",)),
    place("bordeaux", {"fr": "Bordeaux"}, "FR", ("pilot-territory", "lisbon-represented")),
    place("berlin", {"fr": "Berlin", "en": "Berlin"}, "DE", ("lisbon-represented",)),
)

# Written by hand: the countries named and ordered in the page's language (France before Germany,
# Allemagne before France), the cities by name whatever their accents (Bordeaux before Évry), the
# roles in the schema's order whatever the data's.
EXPECTED_COUNTRIES = {
    "en": """### France

- [Bordeaux](cities/bordeaux.md) — Represented at the Lisbon meeting \\(2023\\); pilot territory <small class="am-sources">\\(source: [declaration, § 2](declaration.md#p2)\\)</small>
- [Évry](cities/evry.md) — Pilot territory <small class="am-sources">\\(source: [declaration, § 2](declaration.md#p2)\\)</small>

### Germany

- [Berlin](cities/berlin.md) — Represented at the Lisbon meeting \\(2023\\) <small class="am-sources">\\(source: [declaration, § 2](declaration.md#p2)\\)</small>
""",
    "fr": """### Allemagne

- [Berlin](cities/berlin.md) — Représentée à la rencontre de Lisbonne \\(2023\\) <small class="am-sources">\\(source : [déclaration, § 2](declaration.md#p2)\\)</small>

### France

- [Bordeaux](cities/bordeaux.md) — Représentée à la rencontre de Lisbonne \\(2023\\); territoire pilote <small class="am-sources">\\(source : [déclaration, § 2](declaration.md#p2)\\)</small>
- [Évry](cities/evry.md) — Territoire pilote <small class="am-sources">\\(source : [déclaration, § 2](declaration.md#p2)\\)</small>
""",
}


@pytest.mark.parametrize("language", sorted(EXPECTED_COUNTRIES))
def test_the_countries_and_their_cities_exactly(real, language):
    dataset = dataclasses.replace(real, cities=COUNTRY_FIXTURE)
    assert render_city_list(dataset, language) == EXPECTED_COUNTRIES[language]


def plain(french: str, english: str | None = None) -> LocalizedText:
    return LocalizedText.from_data({"fr": french} | ({"en": english} if english else {}))


WEB_SOURCE = Source("uclga", "https://example.org/rencontre", "2ème rencontre", "CGLU Afrique", "fr")
# Two roles, one from each source (one labelled in French only); a name, a note and a position; three actions (days, every
# year with its title in French only, undated) and a practice. Then a place no source locates.
PORTO = City(
    "porto",
    plain("Porto", "Oporto"),
    "PT",
    41.1496,
    -8.611,
    ("pilot-territory", "lisbon-represented"),
    plain("Ville du nord"),
    (
        Evidence(("role:lisbon-represented",), declaration_source(1), "Porto était là.", {"en": "Porto was there."}),
        Evidence(("role:pilot-territory",), WEB_SOURCE, "Porto, territoire pilote.", {}),
    ),
)
OURNO = City(
    "ourno",
    plain("Ourno"),
    "MA",
    None,
    None,
    ("lisbon-represented",),
    None,
    (Evidence(("role:lisbon-represented",), declaration_source(1), "Ourno.", {}),),
    unmapped=plain("Aucune source ne donne sa position.", "No source gives its position."),
)


def held_in_porto(action_id: str, french: str, english: str | None, when: When, status: str) -> Action:
    said = (Evidence(("summary",), declaration_source(4), "…", {}),)
    return Action(action_id, plain(french, english), plain("…"), when, "porto", None, ("institutions",), status, said)


@pytest.fixture(scope="module")
def two_places(real):
    actions = (
        held_in_porto("forum", "Forum", "Forum", When("range", dt.date(2023, 1, 26), dt.date(2023, 1, 27)), "held"),
        held_in_porto("fair", "Foire", None, When("yearly"), "recurring"),
        held_in_porto("network", "Réseau", "Network", When("undated"), "ongoing"),
    )
    said = (Evidence(("summary",), declaration_source(2), "…", {}),)
    desk = Practice(
        "desk", plain("Guichet", "Desk"), plain("Résumé", "A desk for all."), plain("…"),
        "porto", "PT", ("access-to-rights",), 2020, said, dt.date(2026, 11, 26),
    )  # fmt: skip
    # One role's label is in French only: the English site says so where it lists the roles.
    entries = dict(real.labels.entries)
    entries["role"] = {**entries["role"], "pilot-territory": plain("Territoire pilote")}
    return dataclasses.replace(real, cities=(PORTO, OURNO), actions=actions, practices=(desk,), labels=Labels(entries))


PORTO_QUOTES = """<details class="am-evidence" markdown="1">
<summary>What the sources say</summary>

<figure class="am-quote" markdown="1">
<blockquote cite="https://alliance-migrations.github.io/site/en/declaration/#p1" lang="fr"><p>Porto était là.</p></blockquote>
<p class="am-translation">The site&#x27;s translation: Porto was there.</p>
<figcaption markdown="span">— [Lisbon declaration, paragraph 1](../declaration.md#p1) · Supports: the role “Represented at the Lisbon meeting \\(2023\\)”</figcaption>
</figure>

<figure class="am-quote" markdown="1">
<blockquote cite="https://example.org/rencontre" lang="fr"><p>Porto, territoire pilote.</p></blockquote>
<figcaption markdown="span">— <a href="https://example.org/rencontre" hreflang="fr">CGLU Afrique, <cite lang="fr">2ème rencontre</cite></a> · Supports: the role “Territoire pilote”</figcaption>
</figure>

</details>
"""
OURNO_QUOTES = """<details class="am-evidence" markdown="1">
<summary>What the sources say</summary>

<figure class="am-quote" markdown="1">
<blockquote cite="https://alliance-migrations.github.io/site/en/declaration/#p1" lang="fr"><p>Ourno.</p></blockquote>
<figcaption markdown="span">— [Lisbon declaration, paragraph 1](../declaration.md#p1) · Supports: the role “Represented at the Lisbon meeting \\(2023\\)”</figcaption>
</figure>

</details>
"""
FALLBACK = '<small class="am-fallback-field">(in French, not translated yet)</small>'
DECLARATION_4 = '<small class="am-sources">\\(source: [declaration, § 4](../declaration.md#p4)\\)</small>'

# Written by hand: the English pages, every text in English but what has no translation (said
# so), the country in English in the description and the page, the roles in the schema's order.
EXPECTED_PAGES = {
    "porto": f"""---
title: Oporto
description: 'Oporto (Portugal): represented at the Lisbon meeting (2023) and territoire pilote.'
---

# Oporto

Country: Portugal

<span lang="fr">Ville du nord</span> {FALLBACK}

## Role according to the sources

- Represented at the Lisbon meeting \\(2023\\)
- <span lang="fr">Territoire pilote</span> {FALLBACK}

## Actions and meetings

- [Forum](../agenda/index.md#forum) — <time datetime="2023-01-26">26–27 January 2023</time> (status: held) {DECLARATION_4}
- [<span lang="fr">Foire</span> {FALLBACK}](../agenda/index.md#fair) — every year (status: every year) {DECLARATION_4}
- [Network](../agenda/index.md#network) (status: ongoing) {DECLARATION_4}

## Local practices

- [Desk](../practices/desk.md) — A desk for all\\. <small class="am-sources">\\(source: [declaration, § 2](../declaration.md#p2)\\)</small>

## Sources

- [Lisbon declaration, paragraph 1](../declaration.md#p1)
- <a href="https://example.org/rencontre" hreflang="fr">CGLU Afrique, <cite lang="fr">2ème rencontre</cite></a>

{PORTO_QUOTES}
## Coordinates

- Latitude: 41\\.1496
- Longitude: \\-8\\.611

[All the cities, on the map and by country](../map.md)
""",
    "ourno": f"""---
title: Ourno
description: 'Ourno (Morocco): represented at the Lisbon meeting (2023).'
---

# Ourno

Country: Morocco

## Role according to the sources

- Represented at the Lisbon meeting \\(2023\\)

## Actions and meetings

This site's agenda lists no action or meeting for this place\\.

## Local practices

No practices yet\\.

## Sources

- [Lisbon declaration, paragraph 1](../declaration.md#p1)

{OURNO_QUOTES}
## Coordinates

No source gives its position\\.

[All the cities, on the map and by country](../map.md)
""",
}


@pytest.mark.parametrize("city_id", EXPECTED_PAGES)
def test_a_city_page_reads_exactly_on_the_english_site(two_places, city_id):
    assert city_page(two_places, two_places.city(city_id), "en") == EXPECTED_PAGES[city_id]


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("fr", "## Coordonnées\n\n- Latitude : 41,1496\n- Longitude : \\-8,611\n\n"),
        ("pt", "## Coordenadas\n\n- Latitude: 41,1496\n- Longitude: \\-8,611\n\n"),
    ],
)
def test_the_position_is_written_as_the_pages_language_writes_numbers(two_places, language, expected):
    assert expected in city_page(two_places, PORTO, language)


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        (plain("Au nord", "In the north"), "In the north"),
        (plain("Au nord"), f'<span lang="fr">Au nord</span> {FALLBACK}'),
    ],
    ids=["translated", "french-only"],
)
def test_a_note_and_the_reason_for_no_position_are_in_english_or_say_they_are_not(two_places, text, shown):
    noted = dataclasses.replace(PORTO, note=text)
    assert f"Country: Portugal\n\n{shown}\n\n## Role" in city_page(two_places, noted, "en")
    unmapped = dataclasses.replace(OURNO, unmapped=text)
    assert f"## Coordinates\n\n{shown}\n\n[All the cities" in city_page(two_places, unmapped, "en")
