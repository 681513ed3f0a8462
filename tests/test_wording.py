"""Interface texts that read as translated (issue 23), as readers met them, and what replaced them."""

from __future__ import annotations

import dataclasses
import re

import pytest
from babel import Locale

from alliance.data.labels import PLACEHOLDERS
from alliance.pages.catalogue import render_facts
from alliance.pages.citypages import render_city_list
from alliance.pages.home import render_agenda_glance
from alliance.pages.sources import sources_inline
from alliance.pages.timeline import render_entry
from alliance.siteconfig import load_site_config
from tests.test_names import pages_of, read

LANGUAGES = load_site_config().codes

# (label, language, what read as translated, what the text says now)
REWORDED = [
    ("coverage", "en", "The Lisbon declaration counts more than", "According to the Lisbon declaration, more than"),
    ("coverage", "fr", "La déclaration de Lisbonne compte plus de", "Selon la déclaration de Lisbonne, plus de"),
    ("coverage", "es", "La declaración de Lisboa cuenta más de", "Según la declaración de Lisboa, más de"),
    ("coverage", "pt", "A declaração de Lisboa conta mais de", "Segundo a declaração de Lisboa, mais de"),
    ("map-city-roles", "en", "Role as the sources state it", "Role according to the sources"),
    ("practices-none", "en", "No practice yet", "No practices yet"),
    ("practices-none", "es", "Todavía ninguna práctica", "Todavía no hay ninguna práctica"),
    ("fallback-notice", "en", "is not translated yet", "has not been translated yet"),
    ("home-agenda-as-of", "pt", "A agenda em", "A agenda a"),
    # The Pays Viganais is a territory: the data does not say which places are cities.
    ("map-city-no-actions", "en", "in this city", "for this place"),
    ("map-city-no-actions", "fr", "dans cette ville", "en ce lieu"),
    ("map-city-no-actions", "es", "en esta ciudad", "en este lugar"),
    ("map-city-no-actions", "pt", "nesta cidade", "neste local"),
    ("home-agenda-only-yearly", "en", "No entry of the agenda has a date ahead", "The agenda has no upcoming dates"),
    ("coverage-countries-without-city", "en", "lists the following as present", "also lists 1 as present"),
]


@pytest.fixture(scope="module")
def labels(real_dataset):
    return real_dataset.labels


@pytest.mark.parametrize("key, language, before, now", REWORDED, ids=[f"{k}-{lang}" for k, lang, _, _ in REWORDED])
def test_reworded_labels(labels, key, language, before, now):
    text = labels.ui(key, language, **dict.fromkeys(PLACEHOLDERS.get(key, ()), "1"))
    assert before not in text and now in text


def test_a_quote_has_one_translation_per_language(real_dataset):
    """The same passage of a source quoted on several pages (a city's, a practice's, the agenda)
    reads the same in each language: two translations of one quote looked like two sources."""
    dataset = real_dataset
    records = [*dataset.cities, *dataset.actions, *dataset.practices]
    evidence = [e for record in records for e in record.evidence] + [
        e for quoted in dataset.page_evidence.values() for e in quoted
    ]
    translations: dict[tuple[str, str], set[str]] = {}
    for quoted in evidence:
        for language, text in quoted.translation.items():
            translations.setdefault((quoted.quote, language), set()).add(text)
    differing = {key: texts for key, texts in translations.items() if len(texts) > 1}
    assert not differing, "\n".join(
        f"{lang}: {quote[:60]}… → {sorted(texts)}" for (quote, lang), texts in differing.items()
    )


@pytest.fixture(scope="module")
def dataset(real_dataset):
    return real_dataset


@pytest.mark.parametrize("language", LANGUAGES)
def test_one_source_is_not_called_sources(dataset, language):
    """ "(sources: declaration, § 4)" named one source in the plural."""
    one, two = dataset.sources[:1], dataset.sources[:2]
    single = dataset.labels.ui("source-inline", language, sources="")
    plural = dataset.labels.ui("sources-inline", language, sources="")
    assert single != plural
    assert single.rstrip(")") in sources_inline(one, dataset.labels, language, "")
    assert plural.rstrip(")") in sources_inline(two, dataset.labels, language, "")


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_agenda_entry_parts_its_citations_with_semicolons(dataset, language):
    """ "Lisbon declaration, paragraph 1, Lisbon declaration, paragraph 10, CGLU Afrique, …": the
    citations have commas of their own, so a comma between them cannot tell where one ends."""
    lisbon = next(a for a in dataset.actions if len(a.sources) > 2)
    entry = render_entry(lisbon, dataset, language, 3)
    citations = entry.split(f"{dataset.labels.ui('agenda-sources', language)}</dt>")[1].split("</dd>")[0]
    assert citations.count("; ") == len({s.id for s in lisbon.sources}) - 1


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_whole_network_is_capitalised_only_where_it_stands_alone(dataset, language):
    """ "Welcome Week, The whole network (status: planned)" on the home page: the region's label is
    written as inside a sentence, and the agenda's facts capitalise it where it starts a line."""
    label = dataset.labels.term("region", "network", language).text
    assert label[0].islower()
    yearly = next(a for a in dataset.actions if a.region == "network" and a.when.precision == "yearly")
    assert f", {label} (" in render_agenda_glance(dataset, language)
    assert f'<dd markdown="span">{label[0].upper()}{label[1:]}</dd>' in render_entry(yearly, dataset, language, 3)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_practice_with_one_theme_says_theme(dataset, language):
    """ "Themes: Interculturality" named every practice's one theme in the plural."""
    practice = dataset.practices[0]
    one = dataclasses.replace(practice, themes=practice.themes[:1])
    two = dataclasses.replace(practice, themes=("interculturality", "participation"))
    single, plural = (dataset.labels.ui(key, language) for key in ("practices-theme", "practices-themes"))
    assert single != plural
    assert single in render_facts(dataset, one, language) and plural not in render_facts(dataset, one, language)
    assert plural in render_facts(dataset, two, language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_places_second_role_reads_inside_the_line(dataset, language):
    """ "Strasbourg — Supported the Lisbon meeting (2023); Hosted a meeting of the Alliance": a role
    label stands alone with its capital, and after a semicolon goes on in lower case."""
    lines = [line for line in render_city_list(dataset, language).splitlines() if " — " in line]
    roles = [line.split(" — ", 1)[1].split('<small class="am-sources">')[0] for line in lines]
    later = [role.split("; ")[1:] for role in roles if "; " in role]
    assert later and all(role[:1].islower() for roles in later for role in roles)


# A range of days in one month: "26 – 27 January 2023" (CLDR's en_GB) and "26-27 de enero" beside
# "26–27 January 2023" in the declaration read as two styles on one site.
SPACE = "[\\s\u2009\u202f]"
OPEN_DASH = f"(?:{SPACE}+[–-]{SPACE}*|{SPACE}*[–-]{SPACE}+|-)"


@pytest.mark.parametrize("language", ["en", "es", "pt"])
def test_a_range_of_days_closes_its_dash_on_every_page(built_site, site_config, language):
    months = "|".join(Locale.parse(language).months["format"]["wide"].values())
    open_range = re.compile(rf"\b\d{{1,2}}{OPEN_DASH}\d{{1,2}} (?:de )?(?:{months})\b")
    found = []
    for page in pages_of(built_site, language, site_config.codes, site_config.default_language):
        text = " ".join("".join(read(page).text).split())
        found += [f"{page.relative_to(built_site)}: {m[0]}" for m in open_range.finditer(text)]
    assert not found, "\n".join(found[:20])
