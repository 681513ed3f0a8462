"""Unit tests of the small core modules: dates, texts, escaping, sections, generated files."""

from __future__ import annotations

import datetime as dt

import markdown
import pytest

from alliance.assembly import generated
from alliance.assembly.generated import write_folder
from alliance.data.actions import DateError, parse_when
from alliance.data.problems import DataError, Problem
from alliance.localized import ORIGINAL_LANGUAGE, LocalizedText, localized_name
from alliance.pages.markup import md_shown, md_text
from alliance.pages.sections import fill_sections
from alliance.siteconfig import Language, Publication, SiteConfig, load_publication, load_site_config, read_mkdocs_yml

HOSTILE = [
    "</script><script>alert(1)</script>",
    "`backtick` ${alert(1)}",
    '"><img src=x onerror=alert(1)>',
    "*emphasis* [link](javascript:alert(1)) # heading | cell",
]


@pytest.mark.parametrize(
    "value, precision, start, end, machine",
    [
        (2024, "year", dt.date(2024, 1, 1), dt.date(2024, 12, 31), "2024"),
        ("2024-02", "month", dt.date(2024, 2, 1), dt.date(2024, 2, 29), "2024-02"),
        ("2023-06-15", "day", dt.date(2023, 6, 15), dt.date(2023, 6, 15), "2023-06-15"),
        ("2023-06-15/2023-06-16", "range", dt.date(2023, 6, 15), dt.date(2023, 6, 16), "2023-06-15"),
        ("yearly", "yearly", None, None, None),
        (None, "undated", None, None, None),
    ],
)
def test_when_keeps_the_precision_of_the_sources(value, precision, start, end, machine):
    when = parse_when(value)
    assert (when.precision, when.start, when.end, when.machine) == (precision, start, end, machine)


@pytest.mark.parametrize("value", ["2023-02-29", "2023-00", "2023-06-16/2023-06-15", "June 2023"])
def test_when_rejects_what_is_not_a_date(value):
    with pytest.raises(DateError):
        parse_when(value)


def test_localized_text_falls_back_to_french():
    text = LocalizedText.from_data({"fr": "Bonjour", "pt": "Olá"})
    assert text.show("pt").text == "Olá" and not text.show("pt").is_fallback
    shown = text.show("en")
    assert (shown.text, shown.language, shown.is_fallback) == ("Bonjour", "fr", True)


@pytest.mark.parametrize("hostile", HOSTILE)
def test_data_text_stays_text_in_markdown(hostile):
    html = markdown.markdown(md_text(hostile), extensions=["attr_list", "md_in_html", "tables"])
    assert "<script" not in html and "<img" not in html and "<a " not in html and "<em>" not in html
    assert "<h1" not in html and "<table" not in html


def test_a_french_fallback_says_so_and_is_marked_as_french():
    shown = LocalizedText.from_data({"fr": "<b>Résumé</b>"}).show("en")
    html = markdown.markdown(md_shown(shown, "in French"))
    assert '<span lang="fr">&lt;b&gt;Résumé&lt;/b&gt;</span>' in html and "(in French)" in html


def test_sections_are_filled_and_unknown_ones_reported_at_their_line(real_dataset):
    filled = fill_sections("intro\n\n<!-- data: coverage -->\n", real_dataset, "en", "content/x.md")
    assert "This site names 8 of those cities" in filled and "The host city, Lisbon, is not counted" in filled
    # Its sources read like every record's: named by publisher and title, in the page's language.
    html = markdown.markdown(filled, extensions=["attr_list"])
    assert '(sources: <a href="declaration.md#p1">declaration, § 1</a>; <a href="https://www.uclga.org/' in html
    assert '>CGLU Afrique, <cite lang="fr">2ème rencontre de l’Alliance Migrations</cite></a>)</small>' in html
    with pytest.raises(DataError) as caught:
        fill_sections("a\nb\n  <!-- data: nothing -->\n", real_dataset, "fr", "content/x.md", first_line=5)
    assert caught.value.problems[0][:3] == ("content/x.md", 7, 3)
    assert '"<!-- data: nothing -->" names no section' in caught.value.problems[0].message


def test_generated_folder_is_rewritten_only_where_it_changed(tmp_path):
    folder = tmp_path / "cities"
    assert write_folder(folder, {"a.md": "A", "sub/b.en.md": "B"})
    (folder / "stale.md").write_text("old")
    before = (folder / "a.md").stat().st_mtime_ns
    assert write_folder(folder, {"a.md": "A", "sub/b.en.md": "B"})  # the stale file goes
    assert not (folder / "stale.md").exists() and (folder / "a.md").stat().st_mtime_ns == before
    assert write_folder(folder, {"a.md": "A", "sub/b.en.md": "B"}) is False
    assert localized_name("lisbon", "fr") == "lisbon.md" and localized_name("lisbon", "pt") == "lisbon.pt.md"


def _tree(folder):
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*"))


def test_a_generated_folder_holds_exactly_its_pages_and_no_empty_folder(tmp_path):
    folder = tmp_path / "agenda"
    assert write_folder(folder, {"2023/lisbon/a.md": "A", "2023/lisbon/b.md": "Bé", "old/deep/x.md": "X"})
    assert _tree(folder) == [
        "2023",
        "2023/lisbon",
        "2023/lisbon/a.md",
        "2023/lisbon/b.md",
        "old",
        "old/deep",
        "old/deep/x.md",
    ]
    assert write_folder(folder, {"2023/lisbon/a.md": "A"})
    assert _tree(folder) == ["2023", "2023/lisbon", "2023/lisbon/a.md"]


def test_generate_leaves_out_the_skipped_folders(real_dataset):
    skipped = generated.generated_folders() - {"agenda"}
    folders = generated.generate(real_dataset, ("fr",), skip_folders=skipped)
    assert folders == {"agenda": generated.agenda_pages(real_dataset, ("fr",))}


def test_every_generated_folder_is_written_once_then_left_alone(tmp_path, real_dataset):
    assert generated.write_generated(tmp_path, real_dataset, ("fr",)) is True
    assert {p.name for p in tmp_path.iterdir()} == generated.generated_folders()
    assert [p.name for p in (tmp_path / generated.MAP_FOLDER).iterdir()] == ["cities-map.html"]
    assert generated.write_generated(tmp_path, real_dataset, ("fr",)) is False
    # a change in the first folder counts though the last one is left alone
    next((tmp_path / generated.CITIES_FOLDER).rglob("*.md")).unlink()
    assert generated.write_generated(tmp_path, real_dataset, ("fr",)) is True


def test_a_failing_generator_is_named_with_its_folder(monkeypatch, real_dataset):
    def broken_generator(dataset, languages):
        raise ValueError("broken")

    monkeypatch.setattr(generated, "GENERATORS", [("agenda", broken_generator)])
    with pytest.raises(ValueError) as raised:
        generated.generate(real_dataset, ("fr",))
    assert raised.value.__notes__ == [f"content/agenda/ (made by {__name__}.broken_generator)"]


def test_problems_on_the_same_value_make_one_line():
    error = DataError([Problem("f.yaml", 3, 5, "x.country: first"), Problem("f.yaml", 3, 5, "x.country: second")])
    assert [str(p) for p in error.problems] == ["f.yaml:3:5: x.country: first; second"]


def test_languages_come_from_mkdocs_yml():
    config = load_site_config()
    assert config.codes == ("fr", "en", "es", "pt") and config.default_language == "fr"


def test_the_original_language_is_the_default_language_of_the_site():
    # French is both the language of the declaration's original and the site's root language.
    assert load_site_config().default_language == ORIGINAL_LANGUAGE


# A small mkdocs.yml with what the site's own holds: !ENV in both forms, a !!python/name tag,
# a language that is not built, and a default language that is not the first.
SMALL_MKDOCS_YML = """\
site_name: Test
site_url: !ENV [ALLIANCE_TEST_SITE_URL, "https://example.org/site/"]
repo_url: !ENV ALLIANCE_TEST_REPO_URL
edit_uri: !ENV [ALLIANCE_TEST_EDIT_URI]
extra:
  og_locale:
    fr: fr_FR
    pt: pt_BR
markdown_extensions:
  - pymdownx.emoji:
      emoji_index: !!python/name:material.extensions.emoji.twemoji
plugins:
  - search
  - i18n:
      languages:
        - locale: en
          name: English
        - locale: fr
          name: Français
          default: true
        - locale: ar
          name: العربية
          build: false
        - locale: pt
          name: Português
          build: true
"""


@pytest.fixture
def small_mkdocs_yml(tmp_path, monkeypatch):
    monkeypatch.delenv("ALLIANCE_TEST_SITE_URL", raising=False)
    monkeypatch.delenv("ALLIANCE_TEST_REPO_URL", raising=False)
    monkeypatch.delenv("ALLIANCE_TEST_EDIT_URI", raising=False)
    path = tmp_path / "mkdocs.yml"
    path.write_text(SMALL_MKDOCS_YML, encoding="utf-8")
    return path


def test_the_languages_built_and_the_default_one_come_from_the_i18n_plugin(small_mkdocs_yml):
    assert load_site_config(small_mkdocs_yml) == SiteConfig(
        (Language("en", "English"), Language("fr", "Français"), Language("pt", "Português")), "fr"
    )


@pytest.mark.parametrize(
    "plugins",
    ["plugins:\n  - search\n", "plugins:\n  - search:\n      lang: fr\n", "site_name: no plugins\n"],
    ids=["names-only", "other-plugin", "none"],
)
def test_a_configuration_without_the_i18n_plugin_is_refused(tmp_path, plugins):
    path = tmp_path / "mkdocs.yml"
    path.write_text(plugins, encoding="utf-8")
    with pytest.raises(ValueError, match=r"^mkdocs\.yml has no i18n plugin with languages$"):
        load_site_config(path)


def test_env_tags_read_the_environment_as_mkdocs_does(small_mkdocs_yml, monkeypatch):
    config = read_mkdocs_yml(small_mkdocs_yml)
    assert (config["site_url"], config["repo_url"], config["edit_uri"]) == ("https://example.org/site/", None, None)
    assert config["markdown_extensions"] == [{"pymdownx.emoji": {"emoji_index": None}}]
    monkeypatch.setenv("ALLIANCE_TEST_SITE_URL", "https://example.net/")
    monkeypatch.setenv("ALLIANCE_TEST_REPO_URL", "https://example.net/repo")
    config = read_mkdocs_yml(small_mkdocs_yml)
    assert (config["site_url"], config["repo_url"]) == ("https://example.net/", "https://example.net/repo")


def test_an_edited_mkdocs_yml_is_read_again(small_mkdocs_yml):
    assert load_site_config(small_mkdocs_yml).default_language == "fr"
    small_mkdocs_yml.write_text(
        SMALL_MKDOCS_YML.replace("          default: true\n", "").replace(
            "name: English\n", "name: English\n          default: true\n"
        ),
        encoding="utf-8",
    )
    assert load_site_config(small_mkdocs_yml).default_language == "en"


def test_the_publication_gives_each_page_its_absolute_address(small_mkdocs_yml, monkeypatch):
    publication = load_publication(small_mkdocs_yml)
    assert publication == Publication("https://example.org/site/", {"fr": "fr_FR", "pt": "pt_BR"})
    assert publication.page_url("fr", "fr", "agenda/") == "https://example.org/site/agenda/"
    assert publication.page_url("pt", "fr", "agenda/") == "https://example.org/site/pt/agenda/"
    assert publication.page_url("fr", "en", "") == "https://example.org/site/fr/"
    monkeypatch.setenv("ALLIANCE_TEST_SITE_URL", "https://example.net")
    assert load_publication(small_mkdocs_yml).page_url("en", "fr", "cities/") == "https://example.net/en/cities/"
    monkeypatch.setenv("ALLIANCE_TEST_SITE_URL", "https://example.net/MAX/")
    assert load_publication(small_mkdocs_yml).page_url("en", "fr", "") == "https://example.net/MAX/en/"


def test_a_publication_without_address_or_locales_is_empty(tmp_path):
    path = tmp_path / "mkdocs.yml"
    path.write_text("site_name: Test\nextra:\n  analytics: null\n", encoding="utf-8")
    assert load_publication(path) == Publication("", {})
    path.write_text("site_name: Test\nsite_url:\nextra:\n", encoding="utf-8")
    assert load_publication(path) == Publication("", {})
