"""The rules the build enforces before it writes anything (alliance/assembly/sitecheck.py), checked
without a build: on small folders written here, and on copies of the project with a change of
their own (tests/test_check_then_build.py also builds its copies, so `make mutate` leaves it out)."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from alliance.assembly.sitecheck import (
    _body,
    _link_problem,
    _Pages,
    check_site,
    content_kind_problems,
    fingerprint,
    symlink_problems,
)
from alliance.data.contributed import PageLink, render_page
from alliance.data.problems import DataError, Problem
from alliance.data.yamlload import symlink_problem
from alliance.paths import ROOT
from alliance.siteconfig import load_site_config
from tests.conftest import copy_project

LANGUAGES = load_site_config().codes
PRACTICE = "content/practices/barcelona-saier.md"
KINDS = "content/ holds pages (.md files) and assets/site.css, assets/site.js, assets/cities-map.js only"


def checked(root: Path) -> list[Problem]:
    try:
        check_site(LANGUAGES, root, root / "data", root / "content")
    except DataError as error:
        return list(error.problems)
    return []


def append(path: Path, text: str) -> int:
    """Appends `text` to the file; returns the number of its first line."""
    before = path.read_text(encoding="utf-8")
    path.write_text(before + text, encoding="utf-8")
    return before.count("\n") + 1


def test_the_project_passes_the_check_which_returns_its_data(real_dataset):
    assert check_site(LANGUAGES, ROOT, ROOT / "data", ROOT / "content") == real_dataset


def test_a_symbolic_link_stops_the_check_before_anything_is_read(tmp_path):
    root = tmp_path / "project"
    root.mkdir()
    copy_project(root)
    (root / "content" / "logo.svg").write_text("<svg/>", encoding="utf-8")  # not reported: nothing is read
    (root / "data" / "extra.yaml").symlink_to("/etc/hostname")
    os.rename(root / "theme", root / "theme-moved")
    (root / "theme").symlink_to(root / "nowhere")  # a link that leads nowhere is a link too
    assert checked(root) == [symlink_problem("data/extra.yaml"), symlink_problem("theme")]


@pytest.fixture(scope="module")
def changed_project(tmp_path_factory) -> tuple[Path, dict[str, int]]:
    """A copy of the project with one change per rule; the first line of each change."""
    root = tmp_path_factory.mktemp("project")
    copy_project(root)
    content = root / "content"
    (content / "logo.svg").write_text("<svg/>", encoding="utf-8")
    (content / "notes" / "assets").mkdir(parents=True)
    (content / "notes" / "assets" / "site.css").write_text("a{}", encoding="utf-8")  # only content/assets/
    lines = {
        # Appended to the practice's last paragraph, whose quote covers it.
        "practice": append(
            content / "practices" / "barcelona-saier.md",
            "[a](../nowhere.md)\n[b](../about.md#nowhere)\n[c](/about/)\n[d](#elsewhere)\n[e](../map/x.md#any)\n"
            "[f](../unreadable.md#any)\n[g](../cities/agadez.md)\n",
        ),
        "script": append(content / "about.es.md", "\n<script>alert(1)</script>\n") + 1,
    }
    (content / "extra.md").write_text("---\ntitle: Extra\n---\n\n# Extra\n\n<b>x</b>\n", encoding="utf-8")
    (content / "extra.pt.md").write_text("# Extra\n\n<i>x</i>\n", encoding="utf-8")  # no English: the next
    (content / "unreadable.md").write_bytes(b"# \xff\n")
    (content / "unreadable.en.md").write_text("# Unreadable\n\n<u>x</u>\n", encoding="utf-8")
    # After the practices, in the order the pages are read.
    (content / "zz-last.md").write_text("# Last\n\n<s>x</s>\n\n<!-- data: quotes-unknown -->\n", encoding="utf-8")
    # A generated folder: the build writes its pages, the check leaves them out.
    (content / "cities").mkdir()
    (content / "cities" / "lisbon.md").write_text("<b>x</b>\n", encoding="utf-8")
    (content / "cities" / "lisbon.en.md").write_text(
        "# Lisbon\n\n## A heading the French page lacks\n", encoding="utf-8"
    )
    (content / "cities" / "lisbon.html").write_text("<b>x</b>\n", encoding="utf-8")
    return root, lines


def test_every_rule_is_checked_and_every_problem_reported(changed_project):
    root, lines = changed_project
    problems = checked(root)
    # The translations lack the French page's new links: alliance.translations.consistency's
    # problems, a line for each link and translation.
    translations = [p for p in problems if p.path.startswith("content/practices/barcelona-saier.")]
    assert len(translations) == 7 * 3
    found = [
        (p.path.removeprefix(f"{root}/"), p.line, p.column, p.message.partition(" (known sections:")[0])
        for p in problems
        if p not in translations
    ]
    raw = 'raw HTML "{}" is not allowed in this page: write Markdown'
    kinds = f"{KINDS}: remove this file, or write it as a Markdown page"
    line = lines["practice"]
    assert found == [
        # In the practice's text, shown in French only (its translations do not have these links).
        (PRACTICE, line, 5, 'the link "../nowhere.md" leads to no page of the site (nowhere.md does not exist)'),
        (PRACTICE, line + 1, 5, 'the link "../about.md#nowhere" leads to no element "#nowhere" of about.md (fr)'),
        (
            PRACTICE,
            line + 2,
            5,
            'the link "/about/" is an absolute path: link to the page\'s .md file, relative to this one'
            " (such as ../about.md)",
        ),
        (
            PRACTICE,
            line + 3,
            5,
            'the link "#elsewhere" leads to no element "#elsewhere" of practices/barcelona-saier.md (fr)',
        ),
        # ../map/x.md#any: left to MkDocs; ../unreadable.md#any: its own problem says why;
        # ../cities/agadez.md: a page the build generates.
        ("content/about.es.md", lines["script"], 1, raw.format("<script>alert(1)</script>")),
        # After the front matter: the line counted in the whole file.
        ("content/extra.md", 7, 1, raw.format("<b>")),
        ("content/extra.md", 7, 5, raw.format("</b>")),
        ("content/extra.pt.md", 3, 1, raw.format("<i>")),
        ("content/extra.pt.md", 3, 5, raw.format("</i>")),
        ("content/logo.svg", 1, 1, kinds),
        ("content/notes/assets/site.css", 1, 1, kinds),
        ("content/unreadable.en.md", 3, 1, raw.format("<u>")),
        ("content/unreadable.en.md", 3, 5, raw.format("</u>")),
        ("content/unreadable.md", 1, 3, "the file is not valid UTF-8 text: save it with the UTF-8 encoding"),
        ("content/zz-last.md", 3, 1, raw.format("<s>")),
        ("content/zz-last.md", 3, 5, raw.format("</s>")),
        ("content/zz-last.md", 5, 1, '"<!-- data: quotes-unknown -->" names no section'),
    ]


def test_data_that_cannot_be_read_leaves_the_other_rules_checked(tmp_path):
    root = tmp_path / "project"
    root.mkdir()
    copy_project(root)
    (root / "content" / "logo.svg").write_text("<svg/>", encoding="utf-8")
    cities = root / "data" / "cities.yaml"
    cities.write_text(cities.read_text(encoding="utf-8").replace("country: PT", "country PT", 1), encoding="utf-8")
    append(root / "content" / "about.md", "\n<script>x</script>\n")
    paths = {p.path.removeprefix(f"{root}/") for p in checked(root)}
    assert paths >= {"content/logo.svg", "data/cities.yaml", "content/about.md"}


# A practice's links, shown in a language its text is not translated in, lead to that language's
# pages: the anchor must exist there.
def test_a_practice_shown_in_french_on_another_site_links_to_that_sites_pages(tmp_path):
    root = tmp_path / "project"
    root.mkdir()
    copy_project(root)
    content = root / "content"
    (content / "practices" / "barcelona-saier.pt.md").unlink()
    (content / "extra.md").write_text("# Extra\n\n## Seulement ici\n", encoding="utf-8")
    (content / "extra.en.md").write_text("# Extra\n\n## Only here\n", encoding="utf-8")
    (content / "extra.pt.md").write_text("# Extra\n\n## Só aqui\n", encoding="utf-8")
    line = append(content / "practices" / "barcelona-saier.md", "[a](../extra.md#seulement-ici)\n")
    # Shown in French on the French and Portuguese sites: the English site shows its translation.
    assert [p for p in checked(root) if p.path.endswith(PRACTICE)] == [
        Problem(
            str(root / PRACTICE),
            line,
            5,
            'the link "../extra.md#seulement-ici" leads to no element "#seulement-ici" of extra.md (pt)',
        )
    ]
    # A translation's link is shown in its language only.
    english = "content/practices/barcelona-saier.en.md"
    line = append(root / english, "[a](../extra.md#seulement-ici)\n")
    assert [p for p in checked(root) if p.path.endswith(english)] == [
        Problem(
            str(root / english),
            line,
            5,
            'the link "../extra.md#seulement-ici" leads to no element "#seulement-ici" of extra.md (en)',
        )
    ]


def test_symbolic_links_are_found_in_every_folder_never_followed(tmp_path):
    (tmp_path / "content" / "a").mkdir(parents=True)
    (tmp_path / "content" / "b.md").symlink_to("/dev/zero")
    (tmp_path / "content" / "linked").symlink_to(tmp_path / "content" / "a")
    (tmp_path / "content" / "a" / "z.md").symlink_to("/etc/hostname")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "data").symlink_to(tmp_path / "elsewhere")
    (tmp_path / "theme").mkdir()
    (tmp_path / "theme" / "main.html").symlink_to("/etc/hostname")
    assert symlink_problems(tmp_path) == [
        symlink_problem("content/b.md"),
        symlink_problem("content/linked"),
        symlink_problem("content/a/z.md"),
        symlink_problem("data"),
        symlink_problem("theme/main.html"),
    ]
    assert symlink_problems(tmp_path, ("content",)) == symlink_problems(tmp_path)[:3]


def test_content_holds_pages_and_the_sites_own_assets_only(tmp_path):
    files = ["index.md", "practices/a.en.md", "assets/site.css", "assets/site.js", "assets/cities-map.js"]
    refused = ["a.markdown", "assets/other.js", "notes/assets/site.css", "page.MD", "x.md.html"]
    for name in [*files, *refused, "cities/lisbon.html"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    (tmp_path / "link.html").symlink_to(tmp_path / "index.md")  # reported as a link, not here
    (tmp_path / "empty-folder.html").mkdir()
    message = f"{KINDS}: remove this file, or write it as a Markdown page"
    assert content_kind_problems(tmp_path, frozenset({"cities"})) == [
        Problem(f"{tmp_path.name}/{name}", 1, 1, message) for name in sorted(refused)
    ]


@pytest.mark.parametrize(
    ("text", "body", "line"),
    [
        ("# Title\n", "# Title\n", 1),
        ("---\ntitle: x\n---\n# Title\n", "# Title\n", 4),
        ("---  \ntitle: x\nmore: y\n...\t\n\n# Title\n", "\n# Title\n", 5),
        ("---\ntitle: x\n---", "", 3),
        ("# Title\n---\nx: y\n---\n", "# Title\n---\nx: y\n---\n", 1),  # not at the start: text
    ],
)
def test_a_pages_body_starts_after_its_front_matter(text, body, line):
    assert _body(text) == (body, line)


@pytest.fixture
def pages(tmp_path, real_dataset) -> _Pages:
    (tmp_path / "about.md").write_text("# About\n\n## Who we are\n", encoding="utf-8")
    (tmp_path / "practices").mkdir()
    (tmp_path / "map").mkdir()
    (tmp_path / "map" / "anything.md").write_text("# Anything\n", encoding="utf-8")  # read by MkDocs only
    generated = {"cities/lisbon.md": "# Lisbon\n\n## Actions\n", "cities/lisbon.en.md": "# Lisbon\n\n## Agenda\n"}
    return _Pages(tmp_path, real_dataset, ("fr", "en"), generated)


@pytest.mark.parametrize(
    ("href", "message"),
    [
        ("../about.md", None),
        ("../about.md#who-we-are", None),
        ("../cities/lisbon.md#agenda", None),  # a generated page, in English
        ("../map/anything.md#any", None),  # a folder the check does not make: left to MkDocs
        ("../translation-status/x.md", None),
        ("/about/", "is-absolute"),
        ("\\about.md", "is-absolute"),
        ("../about.html", "no-page"),
        ("../../about.md", "no-page"),  # out of content/
        ("../about.md?x.md", "no-page"),
        ("../nowhere.md", 'the link "../nowhere.md" leads to no page of the site (nowhere.md does not exist)'),
        ("../about.md#nowhere", 'the link "../about.md#nowhere" leads to no element "#nowhere" of about.md (en)'),
        ("../cities/lisbon.md#actions", 'the link "../cities/lisbon.md#actions" leads to no element'),
        ("#nowhere", 'the link "#nowhere" leads to no element "#nowhere" of practices/x.md (en)'),
    ],
)
def test_what_a_practices_link_may_lead_to(pages, href, message):
    (pages.content_dir / "practices" / "x.md").write_text("# X\n", encoding="utf-8")
    found = _link_problem(pages, "practices/x.md", PageLink("x.md", 3, 1, href), "en")
    expected = {
        "is-absolute": f'the link "{href}" is an absolute path: link to the page\'s .md file, relative to this one'
        " (such as ../about.md)",
        "no-page": f'the link "{href}" leads to no page of the site: link to a page\'s .md file, relative to this'
        " one (such as ../about.md)",
    }.get(message, message)
    assert found is None if expected is None else found.startswith(expected)


def slug(title: str) -> str:
    """The id the site's Markdown gives a heading."""
    return render_page(f"# {title}").partition(' id="')[2].partition('"')[0]


def test_a_pages_ids_are_those_of_its_language(pages):
    (pages.content_dir / "about.en.md").write_text("# About\n\n## Who we are, in English\n", encoding="utf-8")
    assert pages.ids_of("about.md", "fr") == {"about", "who-we-are"}
    assert pages.ids_of("about.md", "en") == {"about", "who-we-are-in-english"}
    assert pages.ids_of("cities/lisbon.md", "fr") == {"lisbon", "actions"}
    assert pages.ids_of("cities/lisbon.md", "en") == {"lisbon", "agenda"}
    assert pages.ids_of("cities/lisbon.md", "pt") == {"lisbon", "actions"}  # no translation: the French page
    # A practice: the page the build makes from the data, in the language asked.
    practice = next(p for p in pages.dataset.practices if p.id == "barcelona-saier")
    for language in ("fr", "en"):
        assert slug(practice.title[language]) in pages.ids_of("practices/barcelona-saier.md", language)
    (pages.content_dir / "unreadable.md").write_bytes(b"\xff")
    assert pages.ids_of("unreadable.md", "fr") is None


def test_the_fingerprint_changes_with_every_file_the_check_reads(tmp_path):
    content, data = tmp_path / "content", tmp_path / "data"
    for path in (content / "index.md", content / "cities" / "lisbon.md", data / "cities.yaml", data / "cities" / "x"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x", encoding="utf-8")
    first = fingerprint(content, data)
    assert fingerprint(content, data) == first
    (content / "cities" / "lisbon.md").write_text("changed by the build", encoding="utf-8")  # generated
    assert fingerprint(content, data) == first
    for change in (
        lambda: (data / "cities.yaml").write_text("xy", encoding="utf-8"),
        lambda: (data / "cities" / "x").write_text("xy", encoding="utf-8"),  # data/ has no generated folder
        lambda: os.utime(content / "index.md", ns=(0, time.time_ns() + 10**9)),
        lambda: (content / "index.md").chmod(0o600),
        lambda: (content / "new.md").write_text("", encoding="utf-8"),
    ):
        before = fingerprint(content, data)
        change()
        assert fingerprint(content, data) != before
