"""Every rule the build enforces before it writes anything, as one function: `make check`
(scripts/check.py), the build (hooks/site.py) and the forms (alliance/forms/proposal.py) call it,
so that what the check accepts, the build builds.

- no symbolic link anywhere in content/, data/ or theme/ (never followed: /dev/zero, files
  outside the repository);
- content/ holds only the kinds of file the site publishes (CONTENT_FILES);
- the data and the practices (alliance.data.dataset.load_dataset);
- every hand-written page and translation: within the limits of contributed Markdown, no raw
  HTML or attribute list but what alliance.pages.ownpages declares, data sections that exist;
- every translation keeps its French page's headings, anchors and links
  (alliance.translations.consistency);
- every link of a practice leads to a page of the site, and its anchor to an element of that page,
  in each language the text is shown in.
"""

from __future__ import annotations

import hashlib
import os
import posixpath
import re
from collections.abc import Collection
from dataclasses import dataclass, field
from fnmatch import fnmatch
from pathlib import Path, PurePosixPath

from alliance.assembly.generated import generate, generated_folders
from alliance.data.contributed import PageLink, read_markdown, render_page
from alliance.data.dataset import Dataset, load_dataset_cached
from alliance.data.practices import PRACTICES_FOLDER, practice_file
from alliance.data.problems import DataError, Problem
from alliance.data.yamlload import read_text, symlink_problem
from alliance.localized import ORIGINAL_LANGUAGE, localized_name
from alliance.pages.catalogue import practice_page
from alliance.pages.mapframe import MAP_FOLDER
from alliance.pages.ownpages import own_page_markup
from alliance.pages.sections import fill_sections, marker_problems
from alliance.translations import status as translation_status
from alliance.translations.consistency import check_translations
from alliance.translations.status import original_pages, translation_path

# The kinds of file content/ may hold (outside the folders the build generates): pages, in any
# folder, and the site's own stylesheet and scripts, by name. Anything else (HTML, SVG, other
# scripts, .markdown files that MkDocs would also read as pages) would be published as it is.
CONTENT_FILES = ("*.md", "assets/site.css", "assets/site.js", "assets/cities-map.js")
# The folders of the repository the build reads.
READ_FOLDERS = ("content", "data", "theme")

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n.*?^(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S | re.M)
_ID = re.compile(r'\sid="([^"]*)"')
# Generated folders whose pages the check does not make (the map's documents, the translators'
# page, which reads git's history): a link into them is taken as it is; MkDocs checks it.
_UNREAD_FOLDERS = frozenset({MAP_FOLDER, translation_status.FOLDER})


def symlink_problems(root: Path, folders: tuple[str, ...] = READ_FOLDERS) -> list[Problem]:
    """Each symbolic link under the folders (the folders themselves included), never followed."""
    problems = []
    for name in folders:
        top = root / name
        if top.is_symlink():
            problems.append(symlink_problem(name))
            continue
        for folder, dirs, files in os.walk(top):
            for entry in sorted(dirs + files):
                path = Path(folder) / entry
                if path.is_symlink():
                    problems.append(symlink_problem(path.relative_to(root).as_posix()))
    return problems


def content_kind_problems(content_dir: Path, skip_folders: frozenset[str]) -> list[Problem]:
    """Each file of content/ (but the generated folders) that is not of a kind the site publishes."""
    problems = []
    for path in sorted(content_dir.rglob("*")):
        relative = path.relative_to(content_dir)
        if relative.parts[0] in skip_folders or path.is_symlink() or not path.is_file():
            continue
        # fnmatch's * matches "/" too: *.md is a page in any folder, assets/site.css only that file.
        if not any(fnmatch(relative.as_posix(), kind) for kind in CONTENT_FILES):
            problems.append(
                Problem(
                    f"{content_dir.name}/{relative.as_posix()}",
                    1,
                    1,
                    f"content/ holds pages (.md files) and {', '.join(k for k in CONTENT_FILES if '/' in k)} only: "
                    "remove this file, or write it as a Markdown page",
                )
            )
    return problems


def _body(text: str) -> tuple[str, int]:
    """A page's text after its front matter, and the line where it starts."""
    match = _FRONT_MATTER.match(text)
    return (text[match.end() :], match.group().count("\n") + 1) if match else (text, 1)


@dataclass
class _Pages:
    """The pages of the site a link may lead to, and the ids of each (made when first asked)."""

    content_dir: Path
    dataset: Dataset
    languages: tuple[str, ...]
    generated: dict[str, str] = field(default_factory=dict)  # path in content/ -> Markdown
    ids: dict[tuple[str, str], frozenset[str] | None] = field(default_factory=dict)

    def exists(self, page: str) -> bool:
        return page in self.generated or page.split("/")[0] in _UNREAD_FOLDERS or (self.content_dir / page).is_file()

    def markdown(self, page: str, language: str) -> str:
        """The Markdown the build renders for the page in `language`."""
        localized = translation_path(PurePosixPath(page), language).as_posix()
        generated = self.generated.get(localized, self.generated.get(page))
        if generated is not None:
            return generated
        practice = practice_page(self.dataset, localized, language)  # in `language`, translated or not
        if practice is not None:
            return practice
        path = self.content_dir / localized
        text = read_text(path if path.is_file() else self.content_dir / page, page)
        return fill_sections(_body(text)[0], self.dataset, language, page)

    def ids_of(self, page: str, language: str) -> frozenset[str] | None:
        """None for a page that cannot be read or filled: own_page_problems reports why."""
        if (page, language) not in self.ids:
            try:
                self.ids[page, language] = frozenset(_ID.findall(render_page(self.markdown(page, language))))
            except DataError:
                self.ids[page, language] = None
        return self.ids[page, language]


def _link_problem(pages: _Pages, source: str, link: PageLink, language: str) -> str | None:
    """What is wrong with a relative link written in content/`source`, shown in `language`."""
    address, _, anchor = link.href.partition("#")
    if address.startswith("/") or address.startswith("\\"):
        return f'the link "{link.href}" is an absolute path: link to the page\'s .md file, relative to this one (such as ../about.md)'
    if not address:
        target = source
    else:
        target = posixpath.normpath(posixpath.join(posixpath.dirname(source), address))
        if not address.endswith(".md") or target.startswith("../") or "?" in address:
            return f'the link "{link.href}" leads to no page of the site: link to a page\'s .md file, relative to this one (such as ../about.md)'
        if not pages.exists(target):
            return f'the link "{link.href}" leads to no page of the site ({target} does not exist)'
    if not anchor or target.split("/")[0] in _UNREAD_FOLDERS:
        return None
    ids = pages.ids_of(target, language)
    if ids is not None and anchor not in ids:
        return f'the link "{link.href}" leads to no element "#{anchor}" of {target} ({language})'
    return None


def practice_link_problems(pages: _Pages) -> list[Problem]:
    problems = []
    for practice in pages.dataset.practices:
        translated = {
            language
            for language in pages.languages
            if (pages.content_dir / PRACTICES_FOLDER / localized_name(practice.id, language)).is_file()
        }
        for link in practice.links:
            name = PurePosixPath(link.path).name
            _, language = practice_file(name) or (practice.id, ORIGINAL_LANGUAGE)
            shown_in = (
                [language]
                if language != ORIGINAL_LANGUAGE
                else [ORIGINAL_LANGUAGE] + sorted(set(pages.languages) - translated)
            )
            source = f"{PRACTICES_FOLDER}/{name}"
            for shown in shown_in:
                if message := _link_problem(pages, source, link, shown):
                    problems.append(Problem(link.path, link.line, link.column, message))
                    break
    return problems


def own_page_problems(
    content_dir: Path, languages: tuple[str, ...], skip_folders: frozenset[str], quotes: Collection[str] | None
) -> list[Problem]:
    """The problems of every hand-written page that is not a practice, in every language; `quotes`
    are the passages of data/pages.yaml that a page may show (None while the data cannot be read)."""
    problems: list[Problem] = []
    shown = content_dir.name
    for page in original_pages(content_dir, languages, skip_folders):
        if page.parts[0] == PRACTICES_FOLDER and practice_file(page.name) is not None:
            continue  # a practice: checked with the data (alliance.data.practices)
        markup = own_page_markup(page.as_posix())
        for language in languages:
            relative = translation_path(page, language)
            path = content_dir / relative
            if path.is_symlink() or not path.is_file():
                continue
            where = f"{shown}/{relative.as_posix()}"
            try:
                body, first_line = _body(read_text(path, where))
            except DataError as error:
                problems += error.problems
                continue
            problems += read_markdown(body, where, first_line, markup)[0]
            problems += marker_problems(body, where, first_line, quotes)
    return problems


def fingerprint(content_dir: Path, data_dir: Path) -> str:
    """Changes whenever a file the check reads changes (the generated folders excepted)."""
    skip = generated_folders()
    digest = hashlib.sha256()
    for folder in (content_dir, data_dir):
        for path in sorted(folder.rglob("*")):
            if path.relative_to(folder).parts[0] in skip and folder == content_dir:
                continue
            stat = path.lstat()
            digest.update(f"{path}\0{stat.st_mtime_ns}\0{stat.st_size}\0{stat.st_mode}\n".encode())
    return digest.hexdigest()


def check_site(
    languages: tuple[str, ...], root: Path, data_dir: Path, content_dir: Path, cache_dir: Path | None = None
) -> Dataset:
    """The checked data, or a DataError holding every problem of every rule above."""
    skip = generated_folders()
    if links := symlink_problems(root):
        raise DataError(links)  # nothing is read through a link
    problems = content_kind_problems(content_dir, skip)
    dataset = None
    try:
        dataset = load_dataset_cached(languages, data_dir, content_dir, cache_dir)
    except DataError as error:
        problems += error.problems
    problems += own_page_problems(content_dir, languages, skip, None if dataset is None else dataset.page_evidence)
    problems += check_translations(content_dir, languages, skip_folders=skip)
    if dataset is not None:
        generated = {
            f"{folder}/{name}": text
            for folder, pages in generate(dataset, languages, _UNREAD_FOLDERS).items()
            for name, text in pages.items()
            if name.endswith(".md")
        }
        problems += practice_link_problems(_Pages(content_dir, dataset, languages, generated))
    if problems:
        raise DataError(problems)
    assert dataset is not None
    return dataset
