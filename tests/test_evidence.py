"""Sources and quoted evidence (alliance/data/evidence.py): the records built from checked data, and
every problem the checks report, each exactly as a contributor reads it."""

from __future__ import annotations

import pytest

from alliance.data.evidence import (
    Evidence,
    EvidenceContext,
    Source,
    build_evidence,
    build_page_evidence,
    build_sources,
    check_pages_file,
    check_sources_file,
    declaration_paragraphs,
    evidence_sources,
    quote_in,
    source_languages,
)
from alliance.data.yamlload import parse_yaml
from alliance.localized import LocalizedText

LANGUAGES = ("fr", "en", "es", "pt")
# Paragraph 2 of the Lisbon declaration as every record quoting `declaration#p2` cites it.
DECLARATION_P2 = Source(
    "declaration#p2",
    "declaration#p2",
    "Déclaration finale de Lisbonne",
    "Alliance Migrations",
    "fr",
    "2023-01-27",
)
ENGLISH = Source("report", "https://example.org/report", "A report", "Example", "en", "2024-03-01")
FRENCH = Source("article", "https://example.org/article", "Un article", "Exemple", "fr")


def test_sources_are_built_with_their_optional_date_and_note():
    data = {
        "sources": [
            {
                "id": "report",
                "url": "https://example.org/report",
                "title": "A report",
                "publisher": "Example",
                "language": "en",
                "date": "2024-03-01",
                "note": {"fr": "Écrit avant.", "en": "Written before."},
            },
            {
                "id": "article",
                "url": "https://example.org/article",
                "title": "Un article",
                "publisher": "Exemple",
                "language": "fr",
            },
        ]
    }
    sources = build_sources(data)
    assert list(sources) == ["report", "article"]
    assert sources["article"] == FRENCH
    assert sources["report"] == Source(
        "report",
        "https://example.org/report",
        "A report",
        "Example",
        "en",
        "2024-03-01",
        LocalizedText.from_data({"fr": "Écrit avant.", "en": "Written before."}),
    )


@pytest.mark.parametrize("data", [{}, {"sources": None}, {"sources": []}])
def test_a_file_without_sources_builds_none(data):
    assert build_sources(data) == {}


def test_evidence_is_built_from_a_source_by_id_or_a_paragraph_of_the_declaration():
    entries = [
        {"claim": "name", "source": "report", "quote": "a passage", "translation": {"fr": "un passage"}},
        {"claim": ["role:pilot-territory", "note"], "source": "declaration#p2", "quote": "un passage"},
    ]
    built = build_evidence(entries, {"report": ENGLISH, "article": FRENCH})
    assert built == (
        Evidence(("name",), ENGLISH, "a passage", {"fr": "un passage"}),
        Evidence(("role:pilot-territory", "note"), DECLARATION_P2, "un passage", {}),
    )
    assert built[1].source.declaration_paragraph == 2 and built[0].source.declaration_paragraph is None
    assert build_evidence(None, {}) == ()


def test_the_evidence_of_each_passage_of_the_pages_file_by_id():
    data = {
        "pages": [
            {"id": "launch", "evidence": [{"claim": "launch", "source": "article", "quote": "q"}]},
            {"id": "network", "evidence": [{"claim": "size", "source": "declaration#p2", "quote": "r"}]},
        ]
    }
    assert build_page_evidence(data, {"article": FRENCH}) == {
        "launch": (Evidence(("launch",), FRENCH, "q", {}),),
        "network": (Evidence(("size",), DECLARATION_P2, "r", {}),),
    }
    assert build_page_evidence({}, {}) == build_page_evidence({"pages": None}, {}) == {}


def test_a_records_sources_are_those_of_its_evidence_each_once_in_the_order_first_cited():
    evidence = [
        Evidence(("a",), FRENCH, "q", {}),
        Evidence(("b",), ENGLISH, "q", {}),
        Evidence(("c",), FRENCH, "r", {}),
    ]
    assert evidence_sources(evidence) == (FRENCH, ENGLISH)
    assert evidence_sources([]) == ()


def test_the_declarations_numbered_paragraphs_are_read_as_plain_text(tmp_path):
    page = tmp_path / "declaration.md"
    page.write_text(
        "# Déclaration\n\nUn préambule sans numéro.\n\n"
        "Nous, *villes* et   territoires,\ndéclarons.\n{: #p1 }\n\n"
        "Deuxième **paragraphe**.\n{: #p2 }\n\n"
        "Dixième.\n{: #p10 }\n",
        encoding="utf-8",
    )
    assert declaration_paragraphs(page) == {
        1: "Nous, villes et territoires, déclarons.",
        2: "Deuxième paragraphe.",
        10: "Dixième.",
    }
    assert declaration_paragraphs(tmp_path / "missing.md") == {}


PARAGRAPH = (
    "Nous, villes et territoires, déclarons notre engagement pour l'accueil "
    "et les droits des personnes migrantes dans nos villes."
)


@pytest.mark.parametrize(
    ("quote", "found"),
    [
        ("Nous, villes et territoires", True),
        (PARAGRAPH, True),
        # Spaces, line breaks and emphasis of the quote do not count.
        ("villes   et\n*territoires*", True),
        # Cut in pieces, each verbatim and in order.
        ("Nous, villes […] notre engagement", True),
        ("Nous […] villes […] l'accueil", True),
        # Each piece is found at its first place after the piece before it.
        ("villes […] territoires", True),
        ("villes […] villes.", True),
        ("notre engagement […] Nous, villes", False),
        # A piece may not reuse the text of the piece before it.
        ("l'accueil […] l'accueil", False),
        ("Nous, villes et pays", False),
        ("", False),
        ("Nous […] ", False),
        ("[…] Nous", False),
    ],
)
def test_a_quote_of_the_declaration_is_its_text_word_for_word(quote, found):
    assert quote_in(quote, PARAGRAPH) is found


def problems(found) -> list[str]:
    return [str(problem) for problem in found]


def test_the_sources_file_reports_what_its_schema_cannot():
    doc = parse_yaml(
        """sources:
  - id: report
    url: https://example.org/report
    title: A report
    publisher: Example
    language: en
  - id: report
    url: https://example.org/other
    title: "Hidden\\u202e"
    publisher: "Example\\u200b"
    language: en
    note: {fr: "Une note\\u2066", de: Eine Notiz}
  - not a record
  - id: copy
    url: https://example.org/report
    title: A copy
    publisher: Example
    language: fr
  - id: declaration#p3
    url: http://localhost/declaration
    title: Déclaration
    publisher: Alliance Migrations
    language: fr
  - id: twice
    url: https://example.org/report
    title: A third
    publisher: Example
    language: fr
""",
        "data/sources.yaml",
    )
    assert problems(check_sources_file(doc, LANGUAGES)) == [
        'data/sources.yaml:7:9: sources[1].id: the id "report" is already used at data/sources.yaml:2',
        "data/sources.yaml:9:12: sources[1].title: contains U+202E, "
        "a bidirectional embedding or override, an invisible character that can disguise the text: remove it",
        "data/sources.yaml:10:16: sources[1].publisher: contains U+200B, a zero-width space, "
        "an invisible character that can disguise the text: remove it",
        "data/sources.yaml:12:16: sources[1].note.fr: contains U+2066, "
        "a bidirectional isolate, an invisible character that can disguise the text: remove it",
        'data/sources.yaml:12:34: sources[1].note.de: "de" is not a language of the site (fr, en, es, pt)',
        "data/sources.yaml:15:10: sources[3].url: is already the address of sources[0]: cite that id",
        'data/sources.yaml:20:10: sources[4].url: "localhost" is the reader\'s own machine: give a public web address',
        "data/sources.yaml:19:9: sources[4].id: declaration#pN is built in: choose another id",
        "data/sources.yaml:25:10: sources[5].url: is already the address of sources[0]: cite that id",
    ]


CONTEXT = EvidenceContext({"report": "en", "article": "fr"}, LANGUAGES, {1: PARAGRAPH})
PAGES = """pages:
  - id: launch
    claims: [launch, size]
    evidence:
      - {claim: launch, source: article, quote: un passage}
      - {claim: [size, 5, sise], source: report, quote: a passage, translation: {fr: b, en: c, esp: d, es: e}}
  - id: launch
    claims: [launch]
    evidence:
      - not a record
      - {claim: launch, source: reprot, quote: q, translation: {xx: a}}
      - {claim: {launch: 1}, source: article, quote: q}
  - id: quoted
    claims: [one, two, 3]
    evidence:
      - {claim: one, source: declaration#p1, quote: "Nous, villes […] engagement"}
      - {claim: one, source: declaration#p9, quote: x}
      - {claim: one, source: declaration#p1, quote: pas dedans, translation: {fr: a, en: b}}
      - {claim: one, source: report, quote: "hidden\\u202e", translation: {es: "y\\u200b"}}
      - {claim: one, source: report, quote: x}
  - id: empty
    claims: [x]
    evidence: []
  - id: nothing-readable
    claims: x
    evidence: [{claim: 5, source: 7, quote: q}]
"""


def test_the_pages_file_reports_each_quote_that_does_not_hold():
    doc = parse_yaml(PAGES, "data/pages.yaml")
    assert problems(check_pages_file(doc, CONTEXT)) == [
        'data/pages.yaml:7:9: pages[1].id: the id "launch" is already used at data/pages.yaml:2',
        'data/pages.yaml:6:17: pages[0].evidence[1].claim: "sise" is not a claim of this record (its claims: launch, size)'
        ' (did you mean "size"?)',
        'data/pages.yaml:6:89: pages[0].evidence[1].translation.en: the quote is already in "en", the source\'s language:'
        " remove this translation",
        'data/pages.yaml:6:96: pages[0].evidence[1].translation.esp: "esp" is not a language of the site (fr, en, es, pt)'
        ' (did you mean "es"?)',
        # An unknown source is the entry's one problem: its translation cannot be checked.
        'data/pages.yaml:11:33: pages[1].evidence[1].source: no source has the id "reprot" in data/sources.yaml'
        ' (did you mean "report"?)',
        "data/pages.yaml:17:30: pages[2].evidence[1].source: the declaration has no paragraph 9",
        "data/pages.yaml:18:53: pages[2].evidence[2].quote: is not word for word in paragraph 1 of the declaration:"
        ' copy the passage exactly (cut with "[…]")',
        'data/pages.yaml:18:79: pages[2].evidence[2].translation.fr: the quote is already in "fr", the source\'s language:'
        " remove this translation",
        "data/pages.yaml:19:45: pages[2].evidence[3].quote: contains U+202E, a bidirectional embedding or override,"
        " an invisible character that can disguise the text: remove it",
        "data/pages.yaml:19:79: pages[2].evidence[3].translation.es: contains U+200B, a zero-width space,"
        " an invisible character that can disguise the text: remove it",
        'data/pages.yaml:19:61: pages[2].evidence[3].translation: the quote is in "en": give its translation into fr'
        " at least (fr, es, pt for every reader)",
        'data/pages.yaml:20:9: pages[2].evidence[4]: the quote is in "en": give its translation into fr at least'
        " (fr, es, pt for every reader)",
        'data/pages.yaml:15:5: pages[2].evidence: the claim "two" has no quote: add an entry with "claim: two",'
        " the source's id and the passage that supports it",
    ]


def test_while_the_sources_file_cannot_be_read_only_the_declaration_is_checked():
    """Without data/sources.yaml's languages (None), no source id is reported unknown and no
    translation is asked for; quotes of the declaration are checked all the same."""
    doc = parse_yaml(PAGES, "data/pages.yaml")
    unread = EvidenceContext(None, LANGUAGES, {1: PARAGRAPH})
    assert problems(check_pages_file(doc, unread)) == [
        'data/pages.yaml:7:9: pages[1].id: the id "launch" is already used at data/pages.yaml:2',
        'data/pages.yaml:6:17: pages[0].evidence[1].claim: "sise" is not a claim of this record (its claims: launch, size)'
        ' (did you mean "size"?)',
        "data/pages.yaml:17:30: pages[2].evidence[1].source: the declaration has no paragraph 9",
        "data/pages.yaml:18:53: pages[2].evidence[2].quote: is not word for word in paragraph 1 of the declaration:"
        ' copy the passage exactly (cut with "[…]")',
        'data/pages.yaml:18:79: pages[2].evidence[2].translation.fr: the quote is already in "fr", the source\'s language:'
        " remove this translation",
        "data/pages.yaml:19:45: pages[2].evidence[3].quote: contains U+202E, a bidirectional embedding or override,"
        " an invisible character that can disguise the text: remove it",
        "data/pages.yaml:19:79: pages[2].evidence[3].translation.es: contains U+200B, a zero-width space,"
        " an invisible character that can disguise the text: remove it",
        'data/pages.yaml:15:5: pages[2].evidence: the claim "two" has no quote: add an entry with "claim: two",'
        " the source's id and the passage that supports it",
    ]


def test_the_languages_of_the_sources_by_id_leave_out_records_without_a_text_id_or_language():
    doc = parse_yaml(
        "sources:\n  - {id: report, language: en}\n  - {id: 5, language: fr}\n  - {id: x, language: [fr]}\n"
        "  - not a record\n  - {id: article, language: fr}\n",
        "data/sources.yaml",
    )
    assert source_languages(doc) == {"report": "en", "article": "fr"}
    assert source_languages(None) is None
