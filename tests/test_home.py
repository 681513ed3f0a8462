"""The home page's sections (alliance/pages/home.py): built from the data, in every language,
hostile texts kept as text, the agenda's dates as the data gives them."""

from __future__ import annotations

import dataclasses
import datetime as dt

import markdown
import pytest

from alliance.assembly.reproducible import build_day
from alliance.data.actions import Action, When
from alliance.data.cities import City, Declared
from alliance.data.evidence import Evidence, Source, declaration_source
from alliance.data.labels import PLACEHOLDERS, Labels
from alliance.data.practices import Practice
from alliance.data.schemas import vocabulary
from alliance.localized import LocalizedText
from alliance.pages.home import (
    NOT_A_PILLAR,
    PLACES_PER_ROLE,
    agenda_glance,
    render_agenda_glance,
    render_figures,
    render_map_entry,
    render_pillars,
)
from alliance.pages.markers import marker_svg
from alliance.pages.sections import SECTIONS
from tests.synthetic_cities import HOSTILE, LANGUAGES, Markup, as_label, city, hostile, hostile_dataset

TODAY = dt.date(2026, 11, 27)
HOME_SECTIONS = ("home-figures", "home-map", "home-agenda", "home-pillars")


def html(section: str) -> Markup:
    return Markup(markdown.markdown(section, extensions=["attr_list", "md_in_html", "tables"]))


def action(action_id: str, when: When, status: str = "planned", city_id: str | None = None) -> Action:
    return Action(
        id=action_id,
        title=LocalizedText.from_data({"fr": hostile(f"title-{action_id}")}),
        summary=LocalizedText.from_data({"fr": "résumé"}),
        when=when,
        city=city_id,
        region=None if city_id else "network",
        targets=("institutions",),
        status=status,
        evidence=(Evidence(("summary",), declaration_source(4), "Les 15 et 16 juin 2023", {}),),
    )


def day(text: str) -> When:
    start = dt.date.fromisoformat(text)
    return When("day", start, start)


def practice(practice_id: str, themes: tuple[str, ...], year: int | None, city_id: str | None = None) -> Practice:
    text = LocalizedText.from_data({"fr": hostile(f"practice-{practice_id}")})
    return Practice(
        id=practice_id,
        title=text,
        summary=text,
        description=text,
        city=city_id,
        country="PT",
        themes=themes,
        year=year,
        evidence=(Evidence(("summary",), declaration_source(2), "Ces pratiques", {}),),
        sources_read=dt.date(2026, 11, 26),
    )


@pytest.fixture(scope="module")
def real(real_dataset):
    return real_dataset


# Markdown that a text escaped for HTML only would turn into a link.
MARKDOWN_LINK = " [link](javascript:alert(1))"


@pytest.fixture(scope="module")
def hostile_home(real):
    """Every text the home page shows from the data is hostile: names, titles, labels."""
    dataset = hostile_dataset(real)
    entries = dict(dataset.labels.entries)
    # The dates' words (format_when) too: "every year" stands in a <span>, where Markdown still reads links.
    home_ui = [key for key in entries["ui"] if key.startswith(("home-", "agenda-yearly"))]
    # The placeholders stay, so that the filled values are checked too.
    entries["ui"] = {
        **entries["ui"],
        **{
            key: LocalizedText.from_data(
                {
                    language: as_label(hostile(f"{key}-{language}") + MARKDOWN_LINK * (key == "agenda-yearly"))
                    + "".join(f" {{{name}}}" for name in sorted(PLACEHOLDERS.get(key, ())))
                    for language in LANGUAGES
                }
            )
            for key in home_ui
        },
    }
    entries["theme"] = {
        t: LocalizedText.from_data({"fr": as_label(hostile(f"theme-{t}"))}) for t in vocabulary("theme")
    }
    entries["target"] = {
        t: LocalizedText.from_data({"fr": as_label(hostile(f"target-{t}"))}) for t in vocabulary("target")
    }
    actions = (
        action("coming", day("2027-03-01"), city_id=dataset.cities[0].id),
        action("past", When("month", dt.date(2024, 5, 1), dt.date(2024, 5, 31))),
        action("yearly", When("yearly"), status="recurring"),
    )
    practices = tuple(practice(f"p-{theme}", (theme,), 2020, dataset.cities[0].id) for theme in vocabulary("theme"))
    return dataclasses.replace(dataset, labels=Labels(entries), actions=actions, practices=practices)


def test_the_home_sections_are_known_to_pages():
    assert set(HOME_SECTIONS) <= set(SECTIONS)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", HOME_SECTIONS)
def test_hostile_texts_stay_text(hostile_home, name, language):
    section = (
        SECTIONS[name](hostile_home, language)
        if name != "home-agenda"
        else render_agenda_glance(hostile_home, language, TODAY)
    )
    markup = html(section)
    assert set(markup.tags) <= {
        "ul",
        "li",
        "p",
        "a",
        "cite",
        "strong",
        "small",
        "span",
        "svg",
        "g",
        "path",
        "circle",
        "rect",
        "h3",
        "time",
    }
    assert markup.attributes <= {
        "class",
        "href",
        "lang",
        "datetime",
        "width",
        "height",
        "viewbox",
        "aria-hidden",
        "focusable",
        "fill",
        "stroke",
        "stroke-width",
        "stroke-linejoin",
        "d",
        "cx",
        "cy",
        "r",
        "x",
        "y",
        "hreflang",
    }
    assert HOSTILE in markup.text
    # A hostile address stays one attribute value (its quotes and brackets are text in it).
    assert not any(link.startswith(("javascript:", "data:")) for link in markup.links)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_figures_are_the_declared_ones_with_their_sources(real, language):
    markup = html(render_figures(real, language))
    for number in (real.declared.participants_more_than, real.declared.cities, real.declared.countries):
        assert str(number) in markup.text
    assert "declaration.md#p1" in markup.links
    assert all(
        source.url.replace("declaration#", "declaration.md#") in markup.links for source in real.declared.sources
    )
    assert real.labels.ui("home-figure-countries", language, count=real.declared.countries) in markup.text


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_map_entry_names_every_role_with_its_places_and_links_the_map(real, language):
    markup = html(render_map_entry(real, language))
    assert "map.md" in markup.links
    for role in vocabulary("role"):
        places = [c for c in real.cities if role in c.roles]
        label = real.labels.term("role", role, language).text
        assert (label in markup.text) == bool(places)
    # Cascais's supporting role is on the home page, as its source states it (issue 16).
    cascais = real.city("cascais")
    assert f"cities/{cascais.id}.md" in markup.links


def test_a_long_role_is_cut_with_the_number_left_out(hostile_home):
    many = tuple(city(f"c{i}", 0, i, ("pilot-territory",)) for i in range(PLACES_PER_ROLE + 4))
    markup = html(render_map_entry(dataclasses.replace(hostile_home, cities=many), "en"))
    assert len([link for link in markup.links if link.startswith("cities/")]) == PLACES_PER_ROLE
    assert f"{hostile('home-map-more-en')} 4" in markup.text  # the label, its number filled in
    one_more = tuple(city(f"c{i}", 0, i, ("pilot-territory",)) for i in range(PLACES_PER_ROLE + 1))
    markup = html(render_map_entry(dataclasses.replace(hostile_home, cities=one_more), "en"))
    assert len([link for link in markup.links if link.startswith("cities/")]) == PLACES_PER_ROLE + 1


def test_next_and_latest_are_taken_around_the_day_and_keep_the_data_precision():
    actions = (
        action("a-2019", day("2019-10-04")),
        action("b-2024", When("year", dt.date(2024, 1, 1), dt.date(2024, 12, 31))),
        action("c-running", When("range", dt.date(2026, 11, 20), dt.date(2026, 11, 30))),
        action("d-2027", When("month", dt.date(2027, 2, 1), dt.date(2027, 2, 28))),
        action("e-2028", day("2028-01-01")),
        action("f-yearly", When("yearly"), status="recurring"),
        action("g-undated", When("undated"), status="ongoing"),
    )
    coming, past, yearly = agenda_glance(actions, TODAY)
    assert [a.id for a in coming] == ["c-running", "d-2027"]  # an entry under way is still ahead of its end
    assert [a.id for a in past] == ["b-2024", "a-2019"]  # latest first
    assert [a.id for a in yearly] == ["f-yearly"]


def test_an_entry_ending_today_is_still_next_and_one_ended_yesterday_is_the_latest():
    actions = (
        action("ended-yesterday", When("range", dt.date(2026, 11, 20), TODAY - dt.timedelta(days=1))),
        action("ends-today", When("range", dt.date(2026, 11, 25), TODAY)),
        action("only-today", day(TODAY.isoformat())),
        action("tomorrow", day("2026-11-28")),
    )
    coming, past, _ = agenda_glance(actions, TODAY)
    assert [a.id for a in coming] == ["ends-today", "only-today"]  # two at most, soonest first
    assert [a.id for a in past] == ["ended-yesterday"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_agenda_glance_states_its_day_and_never_a_date_the_data_lacks(real, language):
    text = render_agenda_glance(real, language, TODAY)
    markup = html(text)
    assert '<time datetime="2026-11-27">' in markup_html(text)
    coming, past, yearly = agenda_glance(real.actions, TODAY)
    if not coming:
        key = "home-agenda-only-yearly" if yearly else "home-agenda-no-date-ahead"
        assert real.labels.ui(key, language) in markup.text
    for entry in coming + past + yearly:
        assert f"agenda/index.md#{entry.id}" in markup.links
    # Dated entries carry a machine date exactly as precise as the data (a year stays a year).
    for entry in coming + past:
        assert f'datetime="{entry.when.machine}"' in markup_html(text)
    assert "agenda/index.md" in markup.links


def markup_html(section: str) -> str:
    return markdown.markdown(section, extensions=["attr_list", "md_in_html", "tables"])


def test_no_entry_ahead_is_said_without_contradicting_the_yearly_ones_shown(hostile_home):
    """Issue 23: "No entry has a date ahead" followed by "every year — Welcome Week" read as a
    contradiction: with yearly entries the sentence leads to them; without, it says nothing is ahead."""
    only_past = dataclasses.replace(hostile_home, actions=tuple(a for a in hostile_home.actions if a.id != "coming"))
    text = html(render_agenda_glance(only_past, "en", TODAY)).text
    assert hostile("home-agenda-only-yearly-en") in text and hostile("title-yearly") in text
    assert hostile("home-agenda-no-date-ahead-en") not in text
    nothing = dataclasses.replace(hostile_home, actions=tuple(a for a in hostile_home.actions if a.id == "past"))
    text = html(render_agenda_glance(nothing, "en", TODAY)).text
    assert hostile("home-agenda-no-date-ahead-en") in text and hostile("home-agenda-only-yearly-en") not in text
    text = html(render_agenda_glance(hostile_home, "en", TODAY)).text
    assert hostile("home-agenda-no-date-ahead-en") not in text and hostile("home-agenda-only-yearly-en") not in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_entry_starts_with_its_date_capitalised(real, language):
    """ "Every year — Welcome Week", never "every year — …" at the start of a line."""
    yearly = action("yearly", When("yearly"), status="recurring")
    text = render_agenda_glance(dataclasses.replace(real, actions=(yearly,)), language, TODAY)
    words = real.labels.ui("agenda-yearly", language)
    assert f'<span class="am-when">{words[0].upper()}{words[1:]}</span> — ' in text


def test_one_practice_per_pillar_the_latest_and_never_twice(real):
    dataset = hostile_dataset(real)
    practices = (
        practice("both-new", ("interculturality", "participation"), 2023),
        practice("old", ("interculturality",), 2001),
        practice("undated", ("participation",), None),
        practice("rights", ("access-to-rights",), 2015),
    )
    markup = html(render_pillars(dataclasses.replace(dataset, practices=practices), "fr"))
    shown = [link for link in markup.links if link.startswith("practices/") and not link.startswith("practices/index")]
    assert shown == ["practices/both-new.md", "practices/rights.md", "practices/undated.md"]
    assert [link for link in markup.links if link.startswith("practices/index.md#")] == [
        f"practices/index.md#{t}" for t in vocabulary("theme") if t != NOT_A_PILLAR
    ]


@pytest.mark.parametrize("epoch, expected", [("1795824000", dt.date(2026, 11, 28)), ("0", dt.date(1970, 1, 1))])
def test_the_build_day_is_the_source_date(epoch, expected):
    assert build_day({"SOURCE_DATE_EPOCH": epoch}) == expected


def test_without_a_source_date_the_build_day_is_today():
    assert build_day({}) == dt.datetime.now(dt.UTC).date()


# Exact expected outputs, written by hand, on small plain fixtures and on the English site: a text
# in French, a source in another language or a count left out shows at once.


def plain(french: str, english: str | None = None) -> LocalizedText:
    return LocalizedText.from_data({"fr": french} | ({"en": english} if english else {}))


def said(paragraph: int, claims: tuple[str, ...] = ("summary",)) -> tuple[Evidence, ...]:
    return (Evidence(claims, declaration_source(paragraph), "…", {}),)


def town(city_id: str, french: str, english: str, country: str, roles: tuple[str, ...]) -> City:
    return City(
        city_id, plain(french, english), country, 1.0, 2.0, roles, None, said(1, tuple(f"role:{r}" for r in roles))
    )


@pytest.fixture(scope="module")
def plain_home(real):
    """Lisbon, host city; five towns that hosted a meeting (a role whose label is French only) and
    six pilot territories (the five and one more): one list whole, one cut."""
    cities = (town("lisbon", "Lisbonne", "Lisbon", "PT", ("lisbon-host",)),) + tuple(
        town(f"t{i}", f"Ville {i}", f"Town {i}", "FR", ("meeting-host", "pilot-territory")[i // 6 :])
        for i in range(1, 7)
    )
    entries = dict(real.labels.entries)
    entries["role"] = {**entries["role"], "meeting-host": plain("Ville hôte d'une rencontre")}
    return dataclasses.replace(real, cities=cities, labels=Labels(entries), actions=(), practices=())


def test_the_figures_read_exactly_on_the_english_site(real):
    web = Source("uclga", "https://example.org/rencontre", "2ème rencontre", "CGLU Afrique", "fr")
    declared = Declared(41, 23, 130, (), said(1) + (Evidence(("cities",), web, "…", {}),))
    assert render_figures(dataclasses.replace(real, declared=declared), "en") == (
        '<ul class="am-figures" markdown="block">\n'
        '<li markdown="span">more than <strong>130</strong> participants</li>\n'
        '<li markdown="span"><strong>41</strong> cities</li>\n'
        '<li markdown="span"><strong>23</strong> countries</li>\n'
        "</ul>\n\n"
        '<small class="am-sources">\\(sources: [declaration, § 1](declaration.md#p1); '
        '<a href="https://example.org/rencontre" hreflang="fr">CGLU Afrique, <cite lang="fr">2ème rencontre</cite></a>\\)</small>\n'
        "{: .am-figures-source }\n"
    )


def test_the_map_entry_reads_exactly_on_the_english_site(plain_home):
    source = '<small class="am-sources">\\(source: [declaration, § 1](declaration.md#p1)\\)</small>'
    towns = [f"[Town {i}](cities/t{i}.md) {source}" for i in range(1, 6)]
    assert render_map_entry(plain_home, "en") == (
        '<ul class="am-map-entry" markdown="block">\n'
        f'<li markdown="span">{marker_svg("lisbon-host")} <span>Host city of the Lisbon meeting \\(2023\\): '
        f"[Lisbon](cities/lisbon.md) {source}</span></li>\n"
        # Five places are all named: "and 1 more" would take the room of the name itself.
        f'<li markdown="span">{marker_svg("meeting-host")} <span><span lang="fr">Ville hôte d\'une rencontre</span> '
        f'<small class="am-fallback-field">(in French, not translated yet)</small>: {", ".join(towns)}</span></li>\n'
        f'<li markdown="span">{marker_svg("pilot-territory")} <span>Pilot territory: {", ".join(towns[:4])} and 2 more</span></li>\n'
        "</ul>\n\n"
        "[See the map: the 7 cities and territories the sources name, whatever their role](map.md){: .md-button .md-button--primary }\n"
    )


def test_without_a_city_the_map_entry_is_the_way_to_the_map_alone(plain_home):
    assert render_map_entry(dataclasses.replace(plain_home, cities=()), "en") == (
        "[See the map: the 0 cities and territories the sources name, whatever their role](map.md){: .md-button .md-button--primary }\n"
    )


def entry(action_id: str, french: str, english: str | None, when: When, status: str, **fields) -> Action:
    fields = {"city": None, "region": "network", "targets": ("institutions",)} | fields
    return Action(action_id, plain(french, english), plain("…"), when, status=status, evidence=said(4), **fields)


AGENDA = (
    entry("forum-2019", "Forum 2019", "Forum 2019", day("2019-10-04"), "held"),
    # Its title is in French only: the English site says so.
    entry(
        "spring-forum",
        "Forum de printemps",
        None,
        When("month", dt.date(2024, 5, 1), dt.date(2024, 5, 31)),
        "held",
        targets=("territories",),
    ),
    entry(
        "meeting",
        "Rencontre",
        "Meeting",
        When("range", dt.date(2027, 3, 1), dt.date(2027, 3, 2)),
        "planned",
        city="lisbon",
        region=None,
    ),
    entry("welcome", "Semaine d'accueil", "Welcome week", When("yearly"), "recurring"),
)
AS_OF = (
    'The agenda as of <time datetime="2026-11-27">27 November 2026</time>, the date of this version of the site\\.\n'
)
DECLARATION_4 = '<small class="am-sources">\\(source: [declaration, § 4](declaration.md#p4)\\)</small>'


@pytest.mark.parametrize(
    ("actions", "expected"),
    [
        (
            AGENDA,
            f"{AS_OF}\n### Coming up\n\n"
            '- <span class="am-when"><time datetime="2027-03-01">1–2 March 2027</time></span> — '
            f"[Meeting](agenda/index.md#meeting), Lisbon, Portugal (status: planned) {DECLARATION_4}\n"
            '- <span class="am-when">Every year</span> — '
            f"[Welcome week](agenda/index.md#welcome), the whole network (status: every year) {DECLARATION_4}\n"
            "\n### Latest entries\n\n"
            '- <span class="am-when"><time datetime="2024-05">May 2024</time></span> — '
            '[<span lang="fr">Forum de printemps</span> <small class="am-fallback-field">(in French, not translated yet)</small>]'
            f"(agenda/index.md#spring-forum), the whole network (status: held) {DECLARATION_4}\n"
            '- <span class="am-when"><time datetime="2019-10-04">4 October 2019</time></span> — '
            f"[Forum 2019](agenda/index.md#forum-2019), the whole network (status: held) {DECLARATION_4}\n"
            "\nBy target: [National and international institutions](agenda/institutions.md) · [Territories](agenda/territories.md)\n"
            "\n[The whole agenda](agenda/index.md)\n",
        ),
        (
            AGENDA[:1],
            f"{AS_OF}\n### Coming up\n\nThe agenda has no upcoming dates\\.\n"
            "\n### Latest entries\n\n"
            '- <span class="am-when"><time datetime="2019-10-04">4 October 2019</time></span> — '
            f"[Forum 2019](agenda/index.md#forum-2019), the whole network (status: held) {DECLARATION_4}\n"
            "\nBy target: [National and international institutions](agenda/institutions.md)\n"
            "\n[The whole agenda](agenda/index.md)\n",
        ),
    ],
    ids=["next-yearly-and-latest", "only-latest"],
)
def test_the_agenda_glance_reads_exactly_on_the_english_site(plain_home, actions, expected):
    assert render_agenda_glance(dataclasses.replace(plain_home, actions=actions), "en", TODAY) == expected


def test_the_pillars_read_exactly_on_the_english_site(plain_home):
    def shared(practice_id, french, english, themes, year, city_id=None):
        return Practice(
            practice_id, plain(french, english), plain("Résumé", f"Summary of {english}"), plain("…"),
            city_id, "PT", themes, year, said(2), dt.date(2026, 11, 26),
        )  # fmt: skip

    practices = (
        shared("mentors", "Mentorat", "Mentoring", ("interculturality", "participation"), 2023, "lisbon"),
        # Shown for participation: the latest of that theme, Mentoring, is already shown.
        shared("councils", "Conseils", "Councils", ("interculturality", "participation"), 2020),
        shared("assemblies", "Assemblées", "Assemblies", ("participation",), 2019),
        shared("desks", "Guichets", "Desks", ("access-to-rights", NOT_A_PILLAR), None),
    )
    source = '<small class="am-sources">\\(source: [declaration, § 2](declaration.md#p2)\\)</small>'
    assert render_pillars(dataclasses.replace(plain_home, practices=practices), "en") == (
        "### [Interculturality](practices/index.md#interculturality)\n\n"
        f"- [Mentoring](practices/mentors.md) (Lisbon, Portugal) — Summary of Mentoring {source}\n"
        "\n### [Unconditional access to rights](practices/index.md#access-to-rights)\n\n"
        f"- [Desks](practices/desks.md) (Portugal) — Summary of Desks {source}\n"
        "\n### [Political and citizen participation](practices/index.md#participation)\n\n"
        f"- [Councils](practices/councils.md) (Portugal) — Summary of Councils {source}\n"
    )
