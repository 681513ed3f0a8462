"""The whole site built from hostile data: nothing a contribution says runs, in the build or in a
reader's browser.

A copy of the project's sources gets a corpus of hostile strings in every kind of text field of
every data file (city names, notes and reasons off the map, action titles and summaries, the
quotes of every record and written page and their translations, the sources' titles, publishers
and notes, every label, in every language) and a practice whose title, summary and text carry them
too (in the forms `make check` accepts: a practice's raw HTML is refused before the build, and its
sanitizer has tests of its own in test_markup.py). The first record of each kind holds the whole
corpus, the others one string each in turn (the whole corpus in every field, each shown on many
pages, made this build five times a normal one); a label, one field of its kind, and each written
page's quotes hold it all. The corpus holds the syntaxes of every engine the build uses
(Jinja, str.format, %-format, JavaScript, HTML, Markdown, iCalendar, CSV formulas) as a fixed list;
each field ends with a text Hypothesis generates from those syntaxes and any printable character,
in turn. The copy passes the checks, builds once; every output that shows a field (pages, map
documents, the search index, the calendars, the exports) shows it whole and literally, decoded
from its context; no page's markup holds an event handler or a script address from data; and, of
each kind of page, the pages that show every kind of field held whole are opened in Chromium, its
map's popups and search included: any dialog, or any handler a script writes from data, fails.
"""

from __future__ import annotations

import csv
import dataclasses
import gzip
import io
import json
import re
import subprocess
from collections import defaultdict
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from filelock import FileLock
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from icalendar import Calendar, vCategory
from icalendar.prop import vUnknown

from alliance.builtsite.parse import BuiltSite
from alliance.data.dataset import load_dataset
from alliance.data.practices import practice_claims
from alliance.data.yamlload import parse_yaml
from alliance.localized import ORIGINAL_LANGUAGE, language_prefix
from alliance.pages.mapframe import MAP_STEM
from alliance.paths import ROOT
from alliance.siteconfig import load_site_config
from tests.conftest import build_site, copy_project, run_folder, shared_build
from tests.quality import browser as chromium
from tests.synthetic_cities import map_island

LANGUAGES = load_site_config().codes
# Every hostile string names itself in its alert() and carries this mark, so that the pages
# showing one are found and a dialog says which string ran.
MARK = "am-hostile"
CORPUS: tuple[str, ...] = (
    "</title><script>alert('title')</script>",
    "</script><script>alert('script')</script>",
    "\"><img src=x onerror=alert('attribute')>",
    "'><svg onload=alert('single-quote')>",
    "` ${alert('template-literal')} \\` `",
    "{ onclick=alert('attribute-list') }",
    "{: #x onclick=alert('attribute-list-colon') }",
    "# heading",
    "| table | cell |",
    "> quote",
    "- item",
    "1. item",
    "    indented code",
    '!!! danger "admonition"',
    "&lt;script&gt;alert('entity')&lt;/script&gt; &#60;b&#62;",
    "<!-- comment --> <b>bold</b> *em* [link](javascript:alert('markdown-link'))",
    '=HYPERLINK("https://example.org","csv") @SUM(A1) +1 -1 \uff1d1',
    # Line breaks only: the data refuses every other control character, a carriage return included.
    "\nBEGIN:VEVENT\nSUMMARY:injected\nEND:VEVENT\n",
    "javascript:alert('scheme')",
    "\u00a0:\u00a0<style>*{display:none}</style>",
)
# The syntaxes of the engines texts pass near: Jinja (folium once compiled the map's texts as a
# template: `{{ 7*7 }}` became 49, `{% raw %}` stopped the build), str.format, %-format,
# JavaScript template literals, the end of a script element.
TEMPLATE_SYNTAX = (
    "{{ 7*7 }}",
    "{% raw %}",
    "{% endraw %}",
    "{# comment #}",
    "{% if true %}if{% endif %}",
    "{{ cycler.__init__.__globals__.os.getcwd() }}",
    "{0} {name} {0!r:>9}",
    "%(x)s %s %d",
    "${7*7}",
    "`backtick`",
    "</script><!--",
)
CORPUS += TEMPLATE_SYNTAX


def generated_texts(count: int) -> tuple[str, ...]:
    """Texts Hypothesis makes from the syntaxes above and any printable character (the same on
    every run: the whole site is built once, not once per example)."""
    found: list[str] = []
    piece = st.sampled_from(CORPUS) | st.text(
        st.characters(categories=("L", "N", "P", "S"), exclude_characters="\u2028\u2029"), min_size=1, max_size=8
    )

    @settings(
        max_examples=count,
        derandomize=True,
        database=None,
        phases=[Phase.generate],
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(st.lists(piece, min_size=1, max_size=4).map(" ".join))
    def collect(text: str) -> None:
        found.append(text.strip())

    collect()
    return tuple(text for text in found if text)


GENERATED = generated_texts(200)
# A source's address may carry what addresses allow, a quote included.
HOSTILE_SOURCE = "https://example.org/'onmouseover='alert(1)'/?a=1&b=2#x"
HOSTILE_PRACTICE = "hostile-practice"


def shares(records: int) -> list[tuple[str, ...]]:
    """The strings of the `records` fields of one kind (the names of the cities in English, say):
    the first record's field takes the whole corpus, each other one string in turn. The kind holds
    every string, the page of its first record shows them all (Chromium opens it), and every
    record is hostile; the whole corpus in every field, shown on many pages, made this build five
    times a normal one."""
    return [CORPUS, *((CORPUS[j % len(CORPUS)],) for j in range(1, records))]


# A quote's and a translation's longest lengths (data/schemas/common.schema.json).
QUOTE_LENGTH = 800
TRANSLATION_LENGTH = 1200


def as_label(text: str) -> str:
    """A label is a template: its literal braces are doubled."""
    return text.replace("{", "{{").replace("}", "}}")


def without_stops(text: str) -> str:
    """A practice's summary is one sentence, as make check wants it: no full stop but its last."""
    return re.sub(r"[.!?…]", ",", text)


class Corpus:
    """Numbers the fields the corpus was put into, and keeps each field's text by its number."""

    def __init__(self) -> None:
        self.fields = 0
        self.texts: dict[str, str] = {}
        # The fields that hold the whole corpus (or half, in a quote), by number: their kind of field,
        # whatever the record and the language ("city-name", "quote-city", "label-ui-agenda-title").
        self.whole: dict[str, str] = {}

    def text(self, tag: str, strings: tuple[str, ...], limit: int | None = None) -> str:
        """The next field's text: its first string at its start (line-start syntax), its number
        (which finds the outputs that show it), its other strings, and a generated text in turn."""
        self.fields += 1
        number = f"{self.fields:04d}"
        text = " ".join((strings[0], f"{MARK}-{number}-{tag}", *strings[1:], GENERATED[self.fields % len(GENERATED)]))
        if limit is not None and len(text) > limit:
            raise ValueError(f"field {tag} is {len(text)} characters long, over its schema's {limit}: deal it wider")
        self.texts[number] = text
        if len(strings) > 1:
            self.whole[number] = re.sub(rf"(-\d+)?(-({'|'.join(LANGUAGES)}))?$", "", tag)
        return text

    def shown_as(self, text: str) -> str:
        """Records that the last field is shown as `text` (a practice's summary made one sentence)."""
        self.texts[f"{self.fields:04d}"] = text
        return text


def _read(path: Path):
    return parse_yaml(path.read_bytes(), str(path)).data


def _write(path: Path, data) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1_000_000), encoding="utf-8")


def _localized(corpus: Corpus, tag: str, records: list) -> list[dict[str, str]]:
    """A text in each language for each of `records` (shares(): the first whole)."""
    return [
        {language: corpus.text(f"{tag}-{j}-{language}", strings) for language in LANGUAGES}
        for j, strings in enumerate(shares(len(records)))
    ]


def make_hostile(project: Path, corpus: Corpus) -> None:
    data = project / "data"
    # Every hostile quote has a hostile source of its own, whole where the quote is.
    quotes: list[tuple[dict, bool]] = []

    def hostile_quotes(tag: str, claims_of: list[list[str]], all_whole: bool = False) -> list[list[dict]]:
        """Hostile quotes, with hostile translations, for each list of claims: one string for each
        record but the first (every one if `all_whole`), which has the whole corpus in two quotes
        (a quote is shorter than the corpus)."""
        made = []
        for j, (claims, strings) in enumerate(zip(claims_of, shares(len(claims_of)), strict=True)):
            whole = all_whole or j == 0
            parts = (CORPUS[::2], CORPUS[1::2]) if whole else (strings,)
            record = [
                {
                    "claim": list(claims),
                    "source": f"hostile-source-{len(quotes) + k}",
                    "quote": corpus.text(f"quote-{tag}-{j}", part, QUOTE_LENGTH),
                    "translation": {
                        language: corpus.text(f"translation-{tag}-{j}-{language}", part, TRANSLATION_LENGTH)
                        for language in LANGUAGES
                        if language != ORIGINAL_LANGUAGE
                    },
                }
                for k, part in enumerate(parts)
            ]
            quotes.extend((quote, whole) for quote in record)
            made.append(record)
        return made

    cities = _read(data / "cities.yaml")
    records = cities["cities"]
    for field in ("name", "note"):
        for city, texts in zip(records, _localized(corpus, f"city-{field}", records), strict=True):
            city[field] = texts
    unmapped = [city for city in records if "unmapped" in city]
    for city, texts in zip(unmapped, _localized(corpus, "city-unmapped", unmapped), strict=True):
        city["unmapped"] = texts
    for city, quoted in zip(records, hostile_quotes("city", [["note"]] * len(records)), strict=True):
        city["evidence"] += quoted
    _write(data / "cities.yaml", cities)

    actions = _read(data / "actions.yaml")
    records = actions["actions"]
    for field in ("title", "summary"):
        for action, texts in zip(records, _localized(corpus, f"action-{field}", records), strict=True):
            action[field] = texts
    for action, quoted in zip(records, hostile_quotes("action", [["summary"]] * len(records)), strict=True):
        action["evidence"] += quoted
    _write(data / "actions.yaml", actions)

    pages = _read(data / "pages.yaml")
    records = pages["pages"]
    # Each written page is a kind of page of its own: each shows the whole corpus.
    claims = [[page["claims"][0]] for page in records]
    for page, quoted in zip(records, hostile_quotes("page", claims, all_whole=True), strict=True):
        page["evidence"] += quoted
    _write(data / "pages.yaml", pages)

    labels = _read(data / "labels.yaml")
    for kind, group in labels.items():
        for key, texts in group.items():
            for language in LANGUAGES:
                # A label is one field of its kind: it takes the whole corpus, each label starting
                # with another string. The label's own placeholders stay; the corpus follows.
                turn = corpus.fields % len(CORPUS)
                texts[language] = (
                    (texts.get(language) or texts[ORIGINAL_LANGUAGE])
                    + " "
                    + as_label(corpus.text(f"label-{kind}-{key}", CORPUS[turn:] + CORPUS[:turn]))
                )
    _write(data / "labels.yaml", labels)

    practices = project / "content" / "practices"
    city = cities["cities"][0]["id"]
    body = "\n\n".join(
        [
            f"Texte {MARK}-body : `{CORPUS[0]}` et `{CORPUS[2]}`.",
            "```\n" + "\n".join(CORPUS) + "\n```",
            f"[Une source]({HOSTILE_SOURCE}) et \\{{ onclick=alert('escaped-brace') \\}} &lt;script&gt;alert('entity')&lt;/script&gt;",
            "    <script>alert('indented')</script>",
        ]
    )
    (practice_quotes,) = hostile_quotes("practice", [list(practice_claims({}, body)[0])])
    for language in (ORIGINAL_LANGUAGE, "en"):
        front: dict[str, object] = {
            "title": corpus.text(f"practice-title-{language}", CORPUS),
            "summary": corpus.shown_as(without_stops(corpus.text(f"practice-summary-{language}", CORPUS)) + " fin."),
        }
        if language == ORIGINAL_LANGUAGE:
            front |= {
                "city": city,
                "themes": ["participation"],
                "evidence": practice_quotes,
                "sources_read": "2026-11-26",
            }
        name = f"{HOSTILE_PRACTICE}.md" if language == ORIGINAL_LANGUAGE else f"{HOSTILE_PRACTICE}.{language}.md"
        (practices / name).write_text(
            "---\n"
            + yaml.safe_dump(front, allow_unicode=True, sort_keys=False, width=1_000_000)
            + "---\n\n"
            + body
            + "\n",
            encoding="utf-8",
        )
        corpus.fields += 1  # the text of the practice, in each language

    sources = _read(data / "sources.yaml")
    for j, (quote, whole) in enumerate(quotes):
        strings = CORPUS if whole else (CORPUS[j % len(CORPUS)],)
        sources["sources"].append(
            {
                "id": quote["source"],
                "url": f"{HOSTILE_SOURCE}{j}",
                "title": corpus.text("source-title", strings),
                "publisher": corpus.text("source-publisher", strings),
                "language": ORIGINAL_LANGUAGE,
                "note": {language: corpus.text(f"source-note-{language}", strings) for language in LANGUAGES},
            }
        )
    _write(data / "sources.yaml", sources)


def _build_hostile(folder: Path, site: Path) -> subprocess.CompletedProcess:
    project = folder / "project"
    project.mkdir()
    config = copy_project(project)
    corpus = Corpus()
    make_hostile(project, corpus)
    (folder / "corpus.json").write_text(
        json.dumps({"fields": corpus.fields, "texts": corpus.texts, "whole": corpus.whole}), encoding="utf-8"
    )
    return build_site(site, config)


@pytest.fixture(scope="session")
def hostile_build(tmp_path_factory):
    """The hostile copy, built once per test run for every xdist worker."""
    build = shared_build(tmp_path_factory, "hostile", _build_hostile)
    if build.returncode != 0:
        pytest.fail(f"the build of the hostile data failed:\n{build.output}")
    project = build.site.parent / "project"
    # The premise: the checks accept the hostile texts (they are text, and only text).
    dataset = load_dataset(LANGUAGES, project / "data", project / "content")
    corpus = Corpus()
    recorded = json.loads((build.site.parent / "corpus.json").read_text(encoding="utf-8"))
    corpus.fields, corpus.texts, corpus.whole = recorded["fields"], recorded["texts"], recorded["whole"]
    return BuiltSite.from_directory(build.site), dataset, corpus


def texts_by_kind_of_field(dataset) -> dict[str, list[str]]:
    """Every text field of the data as the build reads it, by kind (one field of every record of a
    file, in one language): the texts each kind holds."""
    kinds: dict[str, list[str]] = defaultdict(list)

    def localized(kind: str, text) -> None:
        for language in LANGUAGES:
            if text is not None and text.has(language):
                kinds[f"{kind} ({language})"].append(text[language])

    def evidence(kind: str, quotes) -> None:
        for quote in quotes:
            kinds[f"{kind} quote"].append(quote.quote)
            for language, translation in quote.translation.items():
                kinds[f"{kind} quote ({language})"].append(translation)

    for city in dataset.cities:
        localized("city name", city.name)
        localized("city note", city.note)
        localized("city unmapped", city.unmapped)
        evidence("city", city.evidence)
    for action in dataset.actions:
        localized("action title", action.title)
        localized("action summary", action.summary)
        evidence("action", action.evidence)
    for practice in dataset.practices:
        localized("practice title", practice.title)
        localized("practice summary", practice.summary)
        localized("practice text", practice.description)
        evidence("practice", practice.evidence)
    for page_quotes in dataset.page_evidence.values():
        evidence("written page", page_quotes)
    for source in dataset.sources:
        kinds["source title"].append(source.title)
        kinds["source publisher"].append(source.publisher)
        localized("source note", source.note)
    for group, entries in dataset.labels.entries.items():
        for key, text in entries.items():
            localized(f"label {group}.{key}", text)
    return kinds


# The kinds of field a contribution writes that the copy makes hostile, each in every language: a
# new label is one more kind (read from the sources' labels.yaml); a new field of a data file needs
# its line here and in texts_by_kind_of_field.
TRANSLATED_FIELDS = ("city name", "city note", "city unmapped", "action title", "action summary", "source note")
QUOTED = ("city", "action", "practice", "written page")  # the records whose quotes are made hostile
PRACTICE_LANGUAGES = (ORIGINAL_LANGUAGE, "en")  # the hostile practice's files


def expected_kinds() -> set[str]:
    labels = _read(ROOT / "data" / "labels.yaml")
    translated = [*TRANSLATED_FIELDS, *(f"label {group}.{key}" for group in labels for key in labels[group])]
    return (
        {f"{field} ({language})" for field in translated for language in LANGUAGES}
        | {
            f"practice {field} ({language})"
            for field in ("title", "summary", "text")
            for language in PRACTICE_LANGUAGES
        }
        | {"source title", "source publisher"}
        | {f"{kind} quote" for kind in QUOTED}
        | {f"{kind} quote ({language})" for kind in QUOTED for language in LANGUAGES if language != ORIGINAL_LANGUAGE}
    )


def test_every_string_reaches_every_kind_of_field(hostile_build):
    """The premise of the checks below, which find each field in every output that shows it: each
    string of the corpus is in some field of every kind, in every language (as the build reads the
    copy's data), and each generated text in some field."""
    _, dataset, _ = hostile_build
    kinds = texts_by_kind_of_field(dataset)
    assert set(kinds) >= expected_kinds(), sorted(expected_kinds() - set(kinds))

    def holds(texts: list[str], string: str) -> bool:
        # A label doubles its braces; a practice's summary has no full stop but its last.
        return any(form in text for text in texts for form in (string, as_label(string), without_stops(string)))

    missing = [
        f"{kind}: {string!r}"
        for kind in sorted(expected_kinds())
        for string in CORPUS
        if not holds(kinds[kind], string)
    ]
    assert not missing, f"{len(missing)} strings missing from a kind of field:\n" + "\n".join(missing)
    every_text = [text for texts in kinds.values() for text in texts]
    assert [text for text in GENERATED if not holds(every_text, text)] == []


def pages_showing_the_corpus(site: BuiltSite) -> list[Path]:
    return sorted(p for p in site.root.rglob("*.html") if MARK in p.read_text(encoding="utf-8"))


def page_kind(site: BuiltSite, page: Path) -> str:
    """What a page is, whatever its language and record: its address without the language's folder,
    the page's own name replaced by * below a section (a city, a practice, a year, a map document)."""
    parts = page.relative_to(site.root).as_posix().removesuffix("index.html").strip("/").split("/")
    if parts[0] in LANGUAGES:
        parts = parts[1:]
    return "/".join(parts[:1] + ["*"] * (len(parts) > 1)) or "home"


def whole_fields_shown(page: Path, corpus: Corpus) -> set[str]:
    """The kinds of record field (labels apart) a page shows holding the whole corpus."""
    whole = {corpus.whole.get(number) for number in FIELD.findall(page.read_text(encoding="utf-8"))}
    return {kind for kind in whole if kind and not kind.startswith("label-")}


def pages_to_open(site: BuiltSite, corpus: Corpus) -> list[Path]:
    """The pages Chromium opens: of each kind of page, the fewest that show every kind of record
    field that any page of that kind shows holding the whole corpus (a record's other fields hold one
    string each), else the one that shows the corpus most often; and every language's page of the
    hostile practice (its text is a contributor's Markdown). Pages of one kind share their
    template, their scripts and their escaping (the labels, each holding the whole corpus, are
    shown by the same); their markup, every page's, is checked in the files
    (test_no_page_file_holds_a_handler_or_script_address_from_data), and what a script makes of the
    data (the map's popups, the search's results) is the same on each."""
    by_kind: dict[str, dict[Path, set[str]]] = defaultdict(dict)
    chosen = set()
    for page in pages_showing_the_corpus(site):
        by_kind[page_kind(site, page)][page] = whole_fields_shown(page, corpus)
        if page.parent.name == HOSTILE_PRACTICE:
            chosen.add(page)
    for pages in by_kind.values():
        chosen.add(max(pages, key=lambda page: (len(pages[page]), page.read_text(encoding="utf-8").count(MARK))))
        left = set().union(*pages.values()) - set().union(*(pages[page] for page in chosen if page in pages))
        while left:
            page = max(sorted(pages), key=lambda page: len(pages[page] & left))
            chosen.add(page)
            left -= pages[page]
    return sorted(chosen)


def test_the_corpus_reaches_every_kind_of_page(hostile_build):
    site, dataset, corpus = hostile_build
    shown = {p.relative_to(site.root).as_posix() for p in pages_showing_the_corpus(site)}
    for page in (
        "index.html",
        "en/index.html",
        "map/index.html",
        "map/cities-map.html",
        "en/map/cities-map.html",
        "agenda/index.html",
        "practices/index.html",
        f"practices/{HOSTILE_PRACTICE}/index.html",
        f"en/practices/{HOSTILE_PRACTICE}/index.html",
        f"es/practices/{HOSTILE_PRACTICE}/index.html",
        f"cities/{dataset.cities[0].id}/index.html",
        "translation-status/index.html",
        "open-data/index.html",
    ):
        assert page in shown, page
    assert len(shown) >= 150 and corpus.fields >= 500


def test_every_page_title_is_text(hostile_build):
    """<title> holds the escaped string: a name closing </title> stays inside it."""
    site, _, _ = hostile_build
    for page in pages_showing_the_corpus(site):
        document = page.read_text(encoding="utf-8")
        assert document.count("<title>") == 1 and document.count("</title>") == 1, page
        assert (
            not re.search(r"<(script|img|svg|style)\b[^>]*>[^<]*alert\('", document.replace("\\u003c", "<"))
            or "cities-map" in page.name
        ), page


def test_the_exports_give_the_strings_back_whole_and_inert(hostile_build):
    site, dataset, _ = hostile_build
    open_data = site.root / "open-data"
    geojson = json.loads((open_data / "cities.geojson").read_text(encoding="utf-8"))
    assert [f["properties"]["name"]["fr"] for f in geojson["features"]] == [c.name["fr"] for c in dataset.cities]
    actions = json.loads((open_data / "actions.json").read_text(encoding="utf-8"))
    assert [a["title"]["en"] for a in actions["actions"]] == [a.title["en"] for a in dataset.actions]
    practices = json.loads((open_data / "practices.json").read_text(encoding="utf-8"))
    assert any(MARK in p["title"]["fr"] for p in practices["practices"])

    rows = list(csv.reader(io.StringIO((open_data / "cities.csv").read_text(encoding="utf-8"), newline="")))
    assert len(rows) == len(dataset.cities) + 1
    formula = re.compile(r"^[\s\u3000]*[=+\-@\uff1d\uff0b\uff0d\uff20]")
    for row in rows[1:]:
        # Coordinates are numbers the build writes: a negative longitude is no formula.
        texts = [cell for cell in row if not re.fullmatch(r"-?\d+(\.\d+)?", cell)]
        assert not [cell for cell in texts if formula.match(cell) and not cell.startswith("'")], row

    for language in LANGUAGES:
        feed = Calendar.from_ical(
            (site.root / language_prefix(language) / "open-data" / "agenda.ics").read_text(encoding="utf-8")
        )
        events = feed.walk("VEVENT")
        assert events and all(MARK in str(event["SUMMARY"]) for event in events)
        assert len(events) == sum(1 for a in dataset.actions if a.when.precision in ("day", "range"))
        assert not any(str(event["SUMMARY"]) == "injected" for event in events)


# How a reader is shown a text: any run of spaces as one, and the typography a page may apply
# (no-break spaces, curly quotes) as the plain characters; French typography puts a space inside
# « » even where the text had none, so spaces beside a guillemet don't count.
_TYPOGRAPHY = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})
_BESIDE_GUILLEMET = re.compile(r"(?<=«) | (?=»)")
FIELD = re.compile(rf"{MARK}-(\d{{4}})-")


def normalized(text: str) -> str:
    return _BESIDE_GUILLEMET.sub("", " ".join(text.translate(_TYPOGRAPHY).split()))


class _Shown(HTMLParser):
    """The texts a page shows (text of its elements, values of its attributes), decoded; scripts
    apart (the map's data island is read as JSON)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.texts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self._in_script = tag == "script"
        self.texts += [value for _, value in attrs if value]

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if not self._in_script:
            self.texts.append(data)


def _strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def shown_texts(path: Path) -> list[str]:
    """Every text an output shows, decoded from its format."""
    data = path.read_bytes()
    if path.suffix == ".html":
        parser = _Shown()
        parser.feed(data.decode("utf-8"))
        texts = parser.texts
        if path.stem.startswith(MAP_STEM):
            island = map_island(data.decode("utf-8"))
            # Leaflet shows the attribution as HTML.
            attribution = _Shown()
            attribution.feed(island.pop("attribution"))
            texts += _strings(island) + attribution.texts
        return texts
    if path.suffix in (".json", ".geojson"):
        return _strings(json.loads(data))
    if path.suffix == ".pf_fragment":
        return _strings(json.loads(gzip.decompress(data).removeprefix(b"pagefind_dcd")))
    if path.suffix == ".csv":
        return [cell for row in csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")) for cell in row]
    if path.suffix == ".ics":
        return [
            text for part in Calendar.from_ical(data).walk() for value in part.values() for text in _ical_texts(value)
        ]
    return []


def _ical_texts(value) -> list[str]:
    if isinstance(value, list):
        return [text for item in value for text in _ical_texts(item)]
    if isinstance(value, vCategory):
        return list(value.cats)
    if isinstance(value, vUnknown):
        # NAME and X-WR-CALNAME are TEXT (RFC 7986), which icalendar leaves escaped.
        return [re.sub(r"\\([\\;,nN])", lambda m: "\n" if m[1] in "nN" else m[1], str(value))]
    return [str(value)]


OUTPUTS = ("*.html", "*.json", "*.geojson", "*.csv", "*.ics", "*.pf_fragment")


def _difference(expected: str, texts: list[str], number: str) -> str:
    """Where the text shown nearest to the field departs from it."""
    tag = f"{MARK}-{number}-"
    near = next((text for text in texts if tag in text), "")
    shown = (
        near[near.index(tag) - expected.index(tag) :]
        if tag in near and near.index(tag) >= expected.index(tag)
        else near
    )
    at = next(
        (i for i, (a, b) in enumerate(zip(expected, shown, strict=False)) if a != b), min(len(expected), len(shown))
    )
    return (
        f"differs at {at}: written {expected[max(0, at - 30) : at + 50]!r}, shown {shown[max(0, at - 30) : at + 50]!r}"
    )


def test_every_output_shows_each_field_whole_and_literally(hostile_build, quality_report):
    """Wherever a field is shown (found by its number), its whole text is there as it was
    written: no engine evaluated, dropped or cut anything of it."""
    site, _, corpus = hostile_build
    outputs = sorted(p for pattern in OUTPUTS for p in site.root.rglob(pattern))
    cut: list[str] = []
    shown = 0
    kinds: dict[str, int] = {}
    for output in outputs:
        texts = shown_texts(output)
        numbers = {number for text in texts for number in FIELD.findall(text)}
        if numbers:
            kinds[output.suffix] = kinds.get(output.suffix, 0) + 1
        # A field shown whole shows its number: the texts without one are no field's.
        whole = [normalized(text) for text in texts if MARK in text]
        for number in sorted(numbers):
            shown += 1
            expected = normalized(corpus.texts[number])
            if not any(expected in text for text in whole):
                cut.append(f"{output.relative_to(site.root)}: field {number} {_difference(expected, whole, number)}")
    quality_report.append(
        f"hostile corpus: {shown} showings of {len(corpus.texts)} fields checked whole in "
        + ", ".join(f"{count} {kind}" for kind, count in sorted(kinds.items()))
    )
    assert set(kinds) >= {".html", ".json", ".geojson", ".csv", ".ics", ".pf_fragment"}, kinds
    assert not cut, f"{len(cut)} fields not shown whole:\n" + "\n".join(cut)


# The site's own constants, which no data reaches, on pages that show the corpus: Pagefind's
# search form (its script handles the submit) and the 404 page's empty icon (no request for a
# /favicon.ico that is not the site's where it is served under a folder).
OWN_ATTRIBUTES = ("<form action=javascript:void(0);>", "<link href=data:,>")


@dataclass(frozen=True)
class HostileVisit:
    """What Chromium saw opening every page that shows the corpus: the dialogs that opened, the
    event handlers and script addresses in the documents, and the control's dialog."""

    pages: list[str]  # the addresses opened
    dialogs: list[str]
    handlers: list[str]
    control: list[str]


def _visit_hostile_site(site: BuiltSite, corpus: Corpus, browser) -> HostileVisit:
    pages = pages_to_open(site, corpus)
    dialogs: list[str] = []
    handlers: list[str] = []
    with chromium.serve(site.root, site.base_path) as base_url, chromium.visit(browser, base_url) as visit:

        def dialog_opened(dialog) -> None:
            dialogs.append(f"{visit.page.url}: {dialog.message}")
            dialog.dismiss()

        visit.page.on("dialog", dialog_opened)
        # The control: a script that does run is seen.
        visit.page.set_content("<img src=x onerror=alert('control')>")
        visit.page.wait_for_timeout(200)
        control = list(dialogs)
        dialogs.clear()
        # Each map document is a page of its own here (the map page's frame loads lazily).
        for page in pages:
            address = page.relative_to(site.root).as_posix().removesuffix("index.html")
            visit.page.goto(base_url + address, wait_until="load")
            # The map's popups are written into the page when a marker opens: open each.
            visit.page.evaluate("""() => document.querySelectorAll('.leaflet-marker-icon.am-marker').forEach(
                icon => icon.dispatchEvent(new MouseEvent('click', {bubbles: true})))""")
            handlers += visit.page.evaluate("""() => [...document.querySelectorAll('*')].flatMap(e =>
                [...e.attributes].filter(a => /^on/i.test(a.name) || /^\\s*(javascript|vbscript|data):/i.test(a.value) && /^(href|src|action|formaction)$/i.test(a.name))
                .map(a => location.pathname + ': <' + e.tagName.toLowerCase() + ' ' + a.name + '=' + a.value.slice(0, 60) + '>'))""")
        # The search box shows the matching pages' titles and texts.
        visit.page.goto(base_url, wait_until="load")
        search = visit.page.locator("input[type=search], input.md-search__input").first
        if search.count():
            search.fill(MARK)
            visit.page.wait_for_timeout(2_000)
    opened = [page.relative_to(site.root).as_posix() for page in pages]
    return HostileVisit(opened, dialogs, sorted(set(handlers)), control)


@pytest.fixture(scope="session")
def hostile_visit(hostile_build, request, tmp_path_factory) -> HostileVisit:
    """The one visit of the hostile site per test run, shared by the xdist workers."""
    site, _, corpus = hostile_build
    record = run_folder(tmp_path_factory, "shared-hostile") / "visit.json"
    with FileLock(f"{record}.lock"):
        if not record.is_file():
            made = _visit_hostile_site(site, corpus, request.getfixturevalue("browser"))
            record.write_text(json.dumps(dataclasses.asdict(made)), encoding="utf-8")
    return HostileVisit(**json.loads(record.read_text(encoding="utf-8")))


def test_the_dialog_watch_sees_a_script_that_runs(hostile_visit):
    assert [d for d in hostile_visit.control if d.endswith(": control")], "the dialog watch sees nothing"


def test_no_page_runs_a_hostile_string_in_chromium(hostile_build, hostile_visit, quality_report):
    site, _, corpus = hostile_build
    quality_report.append(
        f"hostile corpus: {len(CORPUS)} strings in {corpus.fields} text fields; {len(hostile_visit.pages)} pages opened "
        f"in Chromium (of each kind, those that show every field holding the whole corpus), {len(hostile_visit.dialogs)} dialogs"
    )
    opened = {page_kind(site, site.root / page) for page in hostile_visit.pages}
    assert opened == {page_kind(site, page) for page in pages_showing_the_corpus(site)}
    # Every kind of record field each kind of page shows holding the whole corpus was opened.
    seen: dict[str, set[str]] = defaultdict(set)
    for page in hostile_visit.pages:
        seen[page_kind(site, site.root / page)] |= whole_fields_shown(site.root / page, corpus)
    for page in pages_showing_the_corpus(site):
        assert whole_fields_shown(page, corpus) <= seen[page_kind(site, page)], page
    assert {"map/*", "practices/*", "cities/*", "agenda/*", "home"} <= opened, opened
    assert sum(HOSTILE_PRACTICE in page for page in hostile_visit.pages) == len(LANGUAGES)
    assert not hostile_visit.dialogs, "hostile strings ran:\n" + "\n".join(hostile_visit.dialogs)


class _Attributes(HTMLParser):
    """A document's event handlers and script addresses, as the browser check writes them."""

    def __init__(self, address: str) -> None:
        super().__init__(convert_charrefs=True)
        self.address = address
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            script_address = name in ("href", "src", "action", "formaction") and re.match(
                r"\s*(javascript|vbscript|data):", value or "", re.I
            )
            if name.startswith("on") or script_address:
                self.found.append(f"{self.address}: <{tag} {name}={(value or '')[:60]}>")


def test_no_page_file_holds_a_handler_or_script_address_from_data(hostile_build):
    """Every page that shows the corpus, as written (Chromium opens one of each kind)."""
    site, _, _ = hostile_build
    found = []
    for page in pages_showing_the_corpus(site):
        parser = _Attributes("/" + page.relative_to(site.root).as_posix())
        parser.feed(page.read_text(encoding="utf-8"))
        found += parser.found
    from_data = [handler for handler in found if not handler.endswith(OWN_ATTRIBUTES)]
    assert not from_data, "event handlers or script addresses from data:\n" + "\n".join(from_data)


def test_no_event_handler_or_script_address_comes_from_data(hostile_visit):
    from_data = [handler for handler in hostile_visit.handlers if not handler.endswith(OWN_ATTRIBUTES)]
    assert not from_data, "event handlers or script addresses from data:\n" + "\n".join(from_data)
