"""The translation status: pages translated, missing, outdated or undated; data texts; git dates."""

from __future__ import annotations

import shutil
import subprocess
import time
from dataclasses import replace

import pytest

from alliance.assembly.generated import generated_folders
from alliance.data.labels import Labels
from alliance.data.yamlload import load_yaml
from alliance.localized import LocalizedText
from alliance.paths import DATA_DIR, ROOT
from alliance.siteconfig import load_site_config
from alliance.translations.status import (
    FIELD_SOURCES,
    FOLDER,
    FieldStatus,
    LanguageStatus,
    TranslationStatus,
    commit_dates,
    day,
    each,
    edit_base,
    editor_url,
    in_list,
    original_pages,
    render_page,
    render_text,
    status_pages,
    translation_status,
)

LANGUAGES = ("fr", "en", "es")


@pytest.fixture(scope="module")
def dataset(real_dataset):
    return real_dataset


@pytest.fixture
def content(tmp_path):
    root = tmp_path
    content = root / "content"
    (content / "sub").mkdir(parents=True)
    (content / "generated").mkdir()
    for name in ("a.md", "a.en.md", "a.es.md", "sub/b.md", "sub/b.en.md", "c.md", "generated/g.md"):
        (content / name).write_text("# x\n", encoding="utf-8")
    return root, content


@pytest.mark.parametrize(
    ("dates", "expected"),
    [
        # Translation committed after its French page: up to date.
        (
            {"content/a.md": 100, "content/a.en.md": 200, "content/sub/b.md": 100, "content/sub/b.en.md": 100},
            {"a": "translated", "sub/b": "translated", "c": "missing"},
        ),
        # French page committed after the translation: outdated.
        (
            {"content/a.md": 300, "content/a.en.md": 200, "content/sub/b.md": 100, "content/sub/b.en.md": 50},
            {"a": "outdated", "sub/b": "outdated", "c": "missing"},
        ),
        # A translation never committed: its age is unknown.
        (
            {"content/a.md": 100, "content/sub/b.md": 100, "content/sub/b.en.md": 150},
            {"a": "unknown", "sub/b": "translated", "c": "missing"},
        ),
        # No git history at all (shallow clone): every existing translation is unknown.
        (None, {"a": "unknown", "sub/b": "unknown", "c": "missing"}),
    ],
    ids=["up-to-date", "outdated", "uncommitted", "no-history"],
)
def test_page_states(dataset, content, monkeypatch, dates, expected):
    root, content_dir = content
    if dates is None:
        monkeypatch.setattr("alliance.translations.status.commit_dates", lambda root: None)
    status = translation_status(
        dataset, LANGUAGES, content_dir=content_dir, root=root, skip_folders={"generated"}, dates=dates
    )
    english = status.of("en")
    assert {page.source.removeprefix("content/").removesuffix(".md"): page.state for page in english.pages} == expected
    assert status.dated is (dates is not None)
    assert "fr" not in [language.language for language in status.languages]
    # es has a.es.md only; generated pages are never listed.
    assert [page.state for page in status.of("es").pages if page.state == "missing"] == ["missing", "missing"]
    assert all("generated" not in page.source for page in english.pages)


def test_data_texts_translated_missing_or_the_same_name(dataset, content):
    """A name given once is the same in every language; a missing text is given with its line."""
    root, content_dir = content
    (root / "data").mkdir()
    shutil.copy(DATA_DIR / "cities.yaml", root / "data" / "cities.yaml")
    lisbon = replace(dataset.cities[0], name=LocalizedText.from_data({"fr": "Lisbonne", "en": "Lisbon"}), note=None)
    other = replace(
        dataset.cities[1],
        name=LocalizedText.from_data({"fr": "Ailleurs"}),
        note=LocalizedText.from_data({"fr": "Une note."}),
    )
    small = replace(dataset, cities=(lisbon, other))
    status = translation_status(small, LANGUAGES, content_dir=content_dir, root=root, dates={})
    names = next(field for field in status.of("en").fields if field.name == "cities.name")
    assert (names.translated, names.missing, names.same) == ((lisbon.id,), (), (other.id,))
    notes = next(field for field in status.of("en").fields if field.name == "cities.note")
    assert lisbon.id not in notes.translated + tuple(m.key for m in notes.missing)  # no note: nothing to translate
    lines = (root / "data" / "cities.yaml").read_text(encoding="utf-8").splitlines()
    entry = lines.index(f"  - id: {other.id}")
    assert [m.key for m in notes.missing] == [other.id]
    # The entry has no note in the file: the line is its entry's, where the note is to be added.
    assert notes.missing[0].line == entry + 1
    report = render_text(status)
    assert f"data/cities.yaml:{entry + 1}  cities.note of {other.id}: add en" in report
    assert "(1 name given once, the same in every language: nothing to do)" in report
    page = render_page(status, small, "es")
    assert f"{other.id} \\(línea {entry + 1}\\)" in page  # Markdown-escaped parentheses
    assert {source.name for source in FIELD_SOURCES} >= {
        "cities.name",
        "cities.note",
        "actions.title",
        "actions.summary",
        "labels",
    }


DAY = 86_400
JANUARY_2024 = 1_704_067_200 - DAY  # JANUARY_2024 + n * DAY is 2024-01-0n


def party(dataset, root):
    """An action whose title is translated and whose summary is not: its data file under `root`, and its record."""
    (root / "data" / "actions.yaml").write_text(
        "actions:\n  - id: fete\n    title:\n      fr: Fête\n      en: Party\n    summary:\n      fr: Résumé.\n",
        encoding="utf-8",
    )
    return replace(
        dataset.actions[0],
        id="fete",
        title=LocalizedText.from_data({"fr": "Fête", "en": "Party"}),
        summary=LocalizedText.from_data({"fr": "Résumé."}),
    )


def test_the_report_reads_each_text_from_its_own_field_and_line(dataset, content):
    """A small data set whose every text is translated or not on purpose, and the report written by hand:
    each kind of text is read from its own field (an action's title is not its summary) and placed
    at its own line."""
    root, content_dir = content
    (root / "data").mkdir()
    (root / "data" / "cities.yaml").write_text(
        "cities:\n  - id: ville\n    name:\n      fr: Ville\n    note:\n      fr: Une note.\n      en: A note.\n",
        encoding="utf-8",
    )
    city = replace(
        dataset.cities[0],
        id="ville",
        name=LocalizedText.from_data({"fr": "Ville"}),
        note=LocalizedText.from_data({"fr": "Une note.", "en": "A note."}),
    )
    action = party(dataset, root)
    labels = Labels(
        {
            "ui": {
                "oui": LocalizedText.from_data({"fr": "Oui", "en": "Yes"}),
                "non": LocalizedText.from_data({"fr": "Non"}),
            }
        }
    )
    small = replace(dataset, cities=(city,), actions=(action,), labels=labels)
    dates = {
        "content/a.md": JANUARY_2024 + 1 * DAY,
        "content/a.en.md": JANUARY_2024 + 2 * DAY,
        "content/sub/b.md": JANUARY_2024 + 4 * DAY,
        "content/sub/b.en.md": JANUARY_2024 + 2 * DAY,
        "data/cities.yaml": JANUARY_2024 + 9 * DAY,
    }
    status = translation_status(
        small, LANGUAGES, content_dir=content_dir, root=root, skip_folders={"generated"}, dates=dates
    )
    assert render_text(status) == (
        "Translation status (French is the original; pages are dated by their last commit)\n"
        "Data texts are dated by their file only (data/cities.yaml 2024-01-09, data/actions.yaml unknown,"
        " data/labels.yaml unknown): they are translated or missing, never 'outdated'.\n"
        "\n"
        "en (English)\n"
        "  pages: 1 translated, 1 outdated, 0 unknown, 1 missing\n"
        "    missing    content/c.en.md  (French content/c.md unknown, translation none)\n"
        "    outdated   content/sub/b.en.md  (French content/sub/b.md 2024-01-04, translation 2024-01-02)\n"
        "  data texts: 3 of 5 translated (1 name given once, the same in every language: nothing to do)\n"
        "    missing    data/actions.yaml:6  actions.summary of fete: add en\n"
        "    missing    data/labels.yaml  labels of ui.non: add en\n"
        "\n"
        "es (Spanish)\n"
        "  pages: 0 translated, 0 outdated, 1 unknown, 2 missing\n"
        "    unknown    content/a.es.md  (French content/a.md 2024-01-01, translation unknown)\n"
        "    missing    content/c.es.md  (French content/c.md unknown, translation none)\n"
        "    missing    content/sub/b.es.md  (French content/sub/b.md 2024-01-04, translation none)\n"
        "  data texts: 0 of 5 translated (1 name given once, the same in every language: nothing to do)\n"
        "    missing    data/cities.yaml:5  cities.note of ville: add es\n"
        "    missing    data/actions.yaml:3  actions.title of fete: add es\n"
        "    missing    data/actions.yaml:6  actions.summary of fete: add es\n"
        "    missing    data/labels.yaml  labels of ui.oui: add es\n"
        "    missing    data/labels.yaml  labels of ui.non: add es\n"
    )


def test_the_page_of_a_language_written_by_hand(dataset, content):
    """The English translators' page of a small data set: each page and text in its row, with its
    editor link (edit an existing file, create a missing one) and the line where a text goes."""
    root, content_dir = content
    (root / "data").mkdir()
    action = party(dataset, root)
    no, nothing = LocalizedText.from_data({"fr": "Non"}), LocalizedText.from_data({"fr": "Rien"})
    labels = Labels({"ui": {"non": no, "rien": nothing}})  # no labels.yaml here: no line
    small = replace(dataset, cities=(), actions=(action,), labels=labels)
    dates = {"content/a.md": JANUARY_2024 + 1 * DAY, "content/a.en.md": JANUARY_2024 + 2 * DAY}
    status = translation_status(
        small, LANGUAGES, content_dir=content_dir, root=root, skip_folders={"generated"}, dates=dates
    )
    page = render_page(status, dataset, "en", "https://github.com/o/r/edit/main/content/")
    head, english = page.split("\n## English (en) { #en }\n", 1)
    assert head.startswith("---\ntitle: Translation status\n")
    assert "\nsearch:\n  exclude: true\n---\n\n# Translation status\n" in head  # not a page readers search for
    assert "The dates of the files are unknown" not in head  # dated by git
    assert english == (
        "\n"
        "### Pages\n"
        "\n"
        "- Translated: 1\n"
        "- Older than the French: 0\n"
        "- Translated, date unknown: 1\n"
        "- Missing: 1\n"
        "\n"
        "| French page | Translation file | Status | French changed on | Translation changed on |\n"
        "| --- | --- | --- | --- | --- |\n"
        "| content/a\\.md | [content/a\\.en\\.md](https://github.com/o/r/edit/main/content/a.en.md) | Translated"
        " | 2024\\-01\\-01 | 2024\\-01\\-02 |\n"
        "| content/c\\.md | [content/c\\.en\\.md](https://github.com/o/r/new/main/content/?filename=c.en.md) | Missing"
        " | — | — |\n"
        "| content/sub/b\\.md | [content/sub/b\\.en\\.md](https://github.com/o/r/edit/main/content/sub/b.en.md)"
        " | Translated, date unknown | — | — |\n"
        "\n"
        "### Data texts\n"
        "\n"
        "A data text and its translations are in the same file: they are translated or missing, as the file's"
        " date cannot tell whether a translation has become outdated\\. Review the translation when the French"
        " text changes\\. A city name given once is the same in every language: it is not missing\\. Each"
        " missing text is followed by the line of the file where its translation goes\\.\n"
        "\n"
        "| Texts | File | Translated | Missing | Missing identifiers |\n"
        "| --- | --- | --- | --- | --- |\n"
        "| cities\\.name | data/cities\\.yaml | 0 | 0 | — |\n"
        "| cities\\.note | data/cities\\.yaml | 0 | 0 | — |\n"
        "| actions\\.title | data/actions\\.yaml | 1 | 0 | — |\n"
        "| actions\\.summary | data/actions\\.yaml | 0 | 1 | fete \\(line 6\\) |\n"
        "| labels | data/labels\\.yaml | 0 | 2 | ui\\.non, ui\\.rien |\n"
    )


def test_the_report_without_git_dates_and_with_names_given_once():
    names = ("data/cities.yaml", "cities.name")
    status = TranslationStatus(
        (
            LanguageStatus("pt", (), (FieldStatus(*names, ("a",), (), ("b", "c")),)),
            LanguageStatus("es", (), (FieldStatus(*names, ("a", "b", "c"), (), ()),)),
        ),
        dated=False,
        data_dates={"data/cities.yaml": None},
    )
    assert render_text(status) == (
        "Translation status (French is the original; pages are dated by their last commit)\n"
        "Git dates are unknown here (no git or a shallow clone): existing translations show as 'unknown'.\n"
        "Data texts are dated by their file only (data/cities.yaml unknown): they are translated or missing,"
        " never 'outdated'.\n"
        "\n"
        "pt (Portuguese)\n"
        "  pages: 0 translated, 0 outdated, 0 unknown, 0 missing\n"
        "  data texts: 1 of 1 translated (2 names given once, the same in every language: nothing to do)\n"
        "\n"
        "es (Spanish)\n"
        "  pages: 0 translated, 0 outdated, 0 unknown, 0 missing\n"
        "  data texts: 3 of 3 translated\n"
    )


def test_the_page_of_an_undated_language_is_in_that_language_throughout(dataset):
    """Spanish, where no word is the French one: every text of the page is the Spanish one."""
    status = TranslationStatus((LanguageStatus("es", (), ()),), dated=False, data_dates={})
    assert render_page(status, dataset, "es") == (
        "---\n"
        "title: Estado de las traducciones\n"
        "description: El francés es la lengua original del sitio. Esta página lista las páginas y los textos de"
        " los datos traducidos, pendientes o más antiguos que su fuente francesa (según la fecha del último"
        " cambio de los archivos en el repositorio). Para traducir la página page.md, cree a su lado page.es.md.\n"
        "search:\n"
        "  exclude: true\n"
        "---\n"
        "\n"
        "# Estado de las traducciones\n"
        "\n"
        "El francés es la lengua original del sitio\\. Esta página lista las páginas y los textos de los datos"
        " traducidos, pendientes o más antiguos que su fuente francesa \\(según la fecha del último cambio de"
        " los archivos en el repositorio\\)\\. Para traducir la página page\\.md, cree a su lado page\\.es\\.md\\.\n"
        "\n"
        "Las fechas de los archivos son desconocidas en esta compilación \\(el historial del repositorio no está"
        " disponible\\): las traducciones existentes no se han podido comparar con su fuente francesa\\.\n"
        "\n"
        "## Español (es) { #es }\n"
        "\n"
        "### Páginas\n"
        "\n"
        "- Traducida: 0\n"
        "- Más antigua que el francés: 0\n"
        "- Traducida, fecha desconocida: 0\n"
        "- Pendiente: 0\n"
        "\n"
        "| Página francesa | Archivo de la traducción | Estado | Francés modificado el | Traducción modificada el |\n"
        "| --- | --- | --- | --- | --- |\n"
        "\n"
        "### Textos de los datos\n"
        "\n"
        "Un texto de los datos y sus traducciones están en el mismo archivo: están traducidos o pendientes, ya"
        " que la fecha del archivo no dice si una traducción ha quedado desfasada\\. Revise la traducción cuando"
        " cambie el texto francés\\. Un nombre de ciudad dado una sola vez es el mismo en todos los idiomas: no"
        " está pendiente\\. Cada texto pendiente va seguido de la línea del archivo donde añadir su traducción\\.\n"
        "\n"
        "| Textos | Archivo | Traducidos | Pendientes | Identificadores pendientes |\n"
        "| --- | --- | --- | --- | --- |\n"
    )


def test_a_missing_label_is_located_at_its_key(dataset, content):
    root, content_dir = content
    (root / "data").mkdir()
    shutil.copy(DATA_DIR / "labels.yaml", root / "data" / "labels.yaml")
    translation_status(dataset, LANGUAGES, content_dir=content_dir, root=root, dates={})  # reads labels.yaml there
    kind, group = next(iter(dataset.labels.entries.items()))
    key = next(iter(group))
    source = next(f for f in FIELD_SOURCES if f.name == "labels")
    text = (root / "data" / "labels.yaml").read_text(encoding="utf-8").splitlines()
    line = next(i for i, row in enumerate(text, 1) if row.strip().startswith(f"{key}:") and i > text.index(f"{kind}:"))
    doc_keys = source.keys({kind: {key: {}}}, f"{kind}.{key}")
    assert doc_keys == (kind, key)
    assert load_yaml(root / "data" / "labels.yaml").locate_key(doc_keys)[0] == line


def git(*args, cwd, when="2020-01-01T00:00:00Z"):
    """git at `cwd`, as a committer of a given date, reading no configuration of this machine."""
    env = {"PATH": "/usr/bin:/bin", "HOME": str(cwd), "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    for role in ("AUTHOR", "COMMITTER"):
        env |= {f"GIT_{role}_NAME": "t", f"GIT_{role}_EMAIL": "t@example.org"}
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, env=env)


def test_commit_dates_of_a_repository_and_of_a_shallow_clone(tmp_path):
    repo = tmp_path / "repo"
    (repo / "content").mkdir(parents=True)
    git("init", "-q", cwd=repo)
    (repo / "content" / "a.md").write_text("1")
    git("add", ".", cwd=repo)
    git("commit", "-q", "-m", "one", cwd=repo)
    (repo / "content" / "a.en.md").write_text("2")
    (repo / "content" / "été.md").write_text("3")  # named as written, not quoted by git
    git("add", ".", cwd=repo)
    git("commit", "-q", "-m", "two", cwd=repo, when="2021-01-01T00:00:00Z")
    dates = commit_dates(repo)
    assert dates == {"content/a.md": 1_577_836_800, "content/a.en.md": 1_609_459_200, "content/été.md": 1_609_459_200}
    git("clone", "-q", "--depth", "1", f"file://{repo}", str(tmp_path / "shallow"), cwd=tmp_path)
    assert commit_dates(tmp_path / "shallow") is None
    assert commit_dates(tmp_path) is None  # not a repository


def test_a_commit_is_dated_by_its_day_in_utc(monkeypatch):
    """The dates are the same wherever the site is built: noon UTC is already the next day at UTC+14."""
    monkeypatch.setenv("TZ", "Etc/GMT-14")
    time.tzset()
    try:
        assert day(JANUARY_2024 + DAY + 12 * 3600) == "2024-01-01"
        assert day(None) == "unknown" and day(None, "—") == "—"
    finally:
        monkeypatch.undo()
        time.tzset()


def test_the_status_reads_the_dates_of_git_at_its_root(tmp_path, dataset):
    """Without dates given, git's; a commit dated past 2099 is undated; a repository without a
    commit has no dates; a page named like a language code is a French page."""
    empty = tmp_path / "empty"
    empty.mkdir()
    git("init", "-q", cwd=empty)
    assert commit_dates(empty) is None
    repo = tmp_path / "repo"
    (repo / "content").mkdir(parents=True)
    git("init", "-q", cwd=repo)
    for name in ("a.md", "a.en.md", "en.md"):
        (repo / "content" / name).write_text("# x\n")
    git("add", ".", cwd=repo)
    git("commit", "-q", "-m", "one", cwd=repo)
    (repo / "content" / "a.md").write_text("# y\n")
    git("commit", "-q", "-am", "far", cwd=repo, when="@4102444800 +0000")  # 2100-01-01
    assert commit_dates(repo) == {"content/a.md": 0, "content/a.en.md": 1_577_836_800, "content/en.md": 1_577_836_800}
    status = translation_status(dataset, ("fr", "en"), content_dir=repo / "content", root=repo)
    assert status.dated
    assert [(page.source, page.state, page.source_date) for page in status.of("en").pages] == [
        ("content/a.md", "unknown", 0),
        ("content/en.md", "missing", 1_577_836_800),
    ]


def test_text_report_and_pages(dataset, content):
    root, content_dir = content
    status = translation_status(
        dataset, LANGUAGES, content_dir=content_dir, root=root, skip_folders={"generated"}, dates=None
    )
    text = render_text(status)
    assert "unknown" in text and "content/c.en.md" in text and "data texts:" in text
    english = render_page(status, dataset, "en")
    assert english.startswith("---\ntitle: Translation status\ndescription: ") and "## English (en)" in english
    assert "## Spanish" not in english and "Translated, date unknown" in english
    assert "](https://" not in english  # no repository given: no editor links
    linked = render_page(status, dataset, "en", "https://github.com/o/r/edit/main/content/")
    assert "(https://github.com/o/r/new/main/content/sub?filename=b.en.md)" not in linked  # b.en.md exists
    assert "(https://github.com/o/r/edit/main/content/sub/b.en.md)" in linked
    assert "(https://github.com/o/r/new/main/content/?filename=c.en.md)" in linked
    french = render_page(status, dataset, "fr")
    assert "## Anglais (en)" in french and "## Espagnol (es)" in french


def test_generator_writes_one_page_per_language(dataset, monkeypatch):
    languages = load_site_config().codes
    monkeypatch.setenv(
        "REPO_URL", "https://github.com/o/r"
    )  # mkdocs.yml's repo_url; its edit_uri is edit/main/content/
    listed = []

    def pages_listed(content_dir, languages, skip_folders=()):
        listed.append(set(skip_folders))
        return original_pages(content_dir, languages, skip_folders)

    monkeypatch.setattr("alliance.translations.status.original_pages", pages_listed)
    pages = status_pages(dataset, languages, skip_folders=generated_folders())
    assert sorted(pages) == sorted(["index.md"] + [f"index.{code}.md" for code in languages if code != "fr"])
    assert listed == [set(generated_folders())]  # the generated pages are not the translators' work
    assert (
        "| content/about\\.md | [content/about\\.en\\.md](https://github.com/o/r/edit/main/content/about.en.md) |"
        in (pages["index.en.md"])
    )
    assert "## Espagnol (es)" in pages["index.md"] and "## English (en)" not in pages["index.es.md"]
    assert FOLDER == "translation-status"


@pytest.mark.parametrize(
    ("repo_url", "edit_uri", "base"),
    [
        ("https://github.com/o/r", "edit/main/content/", "https://github.com/o/r/edit/main/content/"),
        ("https://github.com/o/r/", "edit/main/content/", "https://github.com/o/r/edit/main/content/"),
        ("https://github.com/o/r", None, None),
        (None, "edit/main/content/", None),
        ("https://github.com/o/r", "", None),
        ("https://github.com/o/BOX", "edit/main/content/", "https://github.com/o/BOX/edit/main/content/"),
    ],
)
def test_the_editor_starts_at_the_repository_joined_with_edit_uri(repo_url, edit_uri, base):
    assert edit_base(repo_url, edit_uri) == base


@pytest.mark.parametrize(
    ("in_docs", "exists", "url"),
    [
        ("about.en.md", True, "https://github.com/o/edit/edit/main/content/about.en.md"),
        ("sub/b.en.md", True, "https://github.com/o/edit/edit/main/content/sub/b.en.md"),
        ("à propos.en.md", True, "https://github.com/o/edit/edit/main/content/%C3%A0%20propos.en.md"),
        ("c.en.md", False, "https://github.com/o/edit/new/main/content/?filename=c.en.md"),
        ("sub/deep/b.en.md", False, "https://github.com/o/edit/new/main/content/sub/deep?filename=b.en.md"),
        ("sub/é t.en.md", False, "https://github.com/o/edit/new/main/content/sub?filename=%C3%A9%20t.en.md"),
    ],
)
def test_the_editor_edits_an_existing_translation_and_creates_a_missing_one(in_docs, exists, url):
    """A repository named "edit": only GitHub's own /edit/ becomes /new/."""
    assert editor_url("https://github.com/o/edit/edit/main/content/", in_docs, exists) == url


def test_a_text_is_read_from_its_field_and_located_in_its_entry(dataset):
    city = replace(
        dataset.cities[0],
        id="ville",
        name=LocalizedText.from_data({"fr": "Ville"}),
        note=LocalizedText.from_data({"fr": "Note"}),
    )

    records = replace(dataset, cities=(city,))
    assert list(each("cities", "note")(records)) == [("ville", city.note)]
    assert list(each("cities", "name")(records)) == [("ville", city.name)]
    keys = in_list("cities", "note")
    data = {"cities": [{"id": "autre"}, "not an entry", {"id": "ville"}]}
    assert keys(data, "ville") == ("cities", 2, "note")
    assert keys(data, "absente") == ("cities",)  # not in the file: the list itself
    assert keys({"cities": None}, "ville") == ("cities",)
    assert keys(["not", "a", "mapping"], "ville") == ("cities",)
    assert keys({"cities": [{"id": "ville"}]}, "ville") == ("cities", 0, "note")


@pytest.mark.repository  # runs the Makefile
def test_the_make_target_prints_the_report_and_exits_0():
    result = subprocess.run(
        ["make", "--no-print-directory", "i18n-status"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert "Translation status" in result.stdout
    for code in load_site_config().codes[1:]:
        assert f"\n{code} (" in result.stdout


def test_the_status_page_is_built_in_every_language_without_an_edit_link(built_site, site_config, dataset):
    for language in site_config.codes:
        folder = built_site if language == "fr" else built_site / language
        document = (folder / FOLDER / "index.html").read_text(encoding="utf-8")
        assert "<h1 id=" in document and dataset.labels.ui("i18n-status-title", language) in document
        assert 'rel="edit"' not in document  # generated: no file of the repository to edit
        assert "/edit/main/content/" in document or "/new/main/content/" in document
    about = (built_site / "about" / "index.html").read_text(encoding="utf-8")
    assert 'href="../translation-status/"' in about
