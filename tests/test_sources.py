"""The list of every source (alliance/pages/sources.py's render_source_list), exactly as a reader
gets it: each source with its language and date where known, and its note in the page's language
or in French, marked so."""

from __future__ import annotations

import pytest

from alliance.data.evidence import Evidence, Source, declaration_source
from alliance.localized import LocalizedText
from alliance.pages.sources import evidence_disclosure, render_source_list
from alliance.siteconfig import load_publication

SOURCES = (
    declaration_source(4),
    Source(
        "announcement",
        "https://example.org/annonce",
        "Un annuncio",
        "Comune",
        "it",
        "2023-01-23",
        LocalizedText.from_data({"fr": "Écrite avant la rencontre.", "en": "Written before the meeting."}),
    ),
    # A language code Babel does not name is shown as written; a note in French only is marked so.
    Source(
        "raw",
        "https://example.org/brut",
        "Texte",
        "Réseau [1]",
        "xx",
        None,
        LocalizedText.from_data({"fr": "Note *brève*"}),
    ),
)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "en",
            "- [Lisbon declaration, paragraph 4](declaration.md#p4) (French, 2023\\-01\\-27)\n"
            '- <a href="https://example.org/annonce" hreflang="it">Comune, <cite lang="it">Un annuncio</cite></a> '
            "(Italian, 2023\\-01\\-23) — Written before the meeting\\.\n"
            '- <a href="https://example.org/brut" hreflang="xx">Réseau \\[1\\], <cite lang="xx">Texte</cite></a> (xx) — '
            '<span lang="fr">Note \\*brève\\*</span> <small class="am-fallback-field">(in French, not translated yet)</small>\n',
        ),
        (
            "es",
            "- [Declaración de Lisboa, párrafo 4](declaration.md#p4) (francés, 2023\\-01\\-27)\n"
            '- <a href="https://example.org/annonce" hreflang="it">Comune, <cite lang="it">Un annuncio</cite></a> '
            '(italiano, 2023\\-01\\-23) — <span lang="fr">Écrite avant la rencontre\\.</span> '
            '<small class="am-fallback-field">(en francés, aún sin traducir)</small>\n'
            '- <a href="https://example.org/brut" hreflang="xx">Réseau \\[1\\], <cite lang="xx">Texte</cite></a> (xx) — '
            '<span lang="fr">Note \\*brève\\*</span> <small class="am-fallback-field">(en francés, aún sin traducir)</small>\n',
        ),
    ],
)
def test_the_source_list_reads_exactly_in_the_page_language(real_dataset, language, expected):
    assert render_source_list(SOURCES, real_dataset.labels, language) == expected


def test_an_empty_source_list_is_empty(real_dataset):
    assert render_source_list((), real_dataset.labels, "en") == ""


ITALIAN = Evidence(
    ("paragraph-3", "summary"),
    # Its source's note: in Spanish, in French only for English.
    Source(
        "carta",
        "https://example.org/carta",
        "Carta",
        "Comune",
        "it",
        None,
        LocalizedText.from_data({"fr": "Une annonce", "es": "Un anuncio"}),
    ),
    "Accoglienza",
    {"fr": "Accueil", "es": "Acogida"},
)
CAPTION = '— <a href="https://example.org/carta" hreflang="it">Comune, <cite lang="it">Carta</cite></a>'


@pytest.mark.parametrize(
    ("language", "summary", "translation", "caption"),
    [
        # No English translation: the French one, marked as French.
        (
            "en",
            "What the sources say",
            '<p class="am-translation">The site&#x27;s translation: <span lang="fr">Accueil</span></p>\n',
            f'{CAPTION} (<span lang="fr">Une annonce</span> <small class="am-fallback-field">(in French, not translated yet)</small>)'
            " · Supports: paragraph 3, the summary",
        ),
        (
            "es",
            "Lo que dicen las fuentes",
            '<p class="am-translation">Traducción del sitio: Acogida</p>\n',
            f"{CAPTION} (Un anuncio) · Respalda: el párrafo 3, el resumen",
        ),
    ],
)
def test_a_quote_shows_the_translation_in_the_page_language_or_else_the_french_one(
    real_dataset, language, summary, translation, caption
):
    assert evidence_disclosure((ITALIAN,), real_dataset.labels, language, "../", load_publication()) == (
        f'<details class="am-evidence" markdown="1">\n<summary>{summary}</summary>\n\n'
        '<figure class="am-quote" markdown="1">\n'
        '<blockquote cite="https://example.org/carta" lang="it"><p>Accoglienza</p></blockquote>\n'
        f'{translation}<figcaption markdown="span">{caption}</figcaption>\n'
        "</figure>\n\n</details>\n"
    )
