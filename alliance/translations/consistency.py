"""A translated page keeps its French page's structure: headings, explicit anchors and links.

Readers and other pages cite paragraphs by anchor (`declaration/#p4`) in every language, and a
translation is reviewed against the original: a heading, anchor or link lost or added in
translation is reported as `content/x.en.md:LINE:COL: ...`, naming the French file's line.
Link targets are compared exactly (a translation may localise a link's text, not where it goes);
the one link a translation may add goes to its own French original (the note saying that the
translation is unofficial and the French text authoritative).
"""

from __future__ import annotations

import difflib
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal
from urllib.parse import urljoin

from alliance.data.problems import DataError, Problem
from alliance.data.yamlload import read_text
from alliance.localized import ORIGINAL_LANGUAGE, served_url
from alliance.translations.status import original_pages, translation_path

Kind = Literal["heading", "anchor", "link"]


@dataclass(frozen=True)
class Mark:
    """A heading (value: its level), an explicit anchor (its id) or a link (its target)."""

    kind: Kind
    value: str
    line: int
    column: int


_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(.+?)\1")
_HEADING = re.compile(r"^(#{1,6})(?:\s|$)")
_ATTR_LIST = re.compile(r"\{:?([^{}\n]*)\}")
_ATTR_ID = re.compile(r"(?:^|\s)#([\w:.-]+)")
_HTML_ID = re.compile(r"<[a-zA-Z][^>]*\sid=\"([^\"]+)\"")
# A link's text may run over several lines of its paragraph, not over a blank line.
_LINK = re.compile(r"!?\[(?:[^\]\n]|\n(?![ \t]*\n))*\]\(\s*<?([^)\s>]+)>?(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)")
_AUTOLINK = re.compile(r"<(https?://[^>\s]+)>")
_REFERENCE = re.compile(r"^[ ]{0,3}\[[^\]\n]+\]:[ \t]*<?([^\s>]+)", re.M)
_HTML_HREF = re.compile(r"<a\s[^>]*href=\"([^\"]+)\"")


def _prose_lines(text: str) -> list[str]:
    """The page's lines with front matter, fenced code and code spans blanked, positions kept."""
    lines = text.split("\n")
    end_of_front_matter = 0
    if lines[0].strip() == "---":
        end_of_front_matter = next((i + 1 for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), 0)
    prose, fence = [], ""  # the opening of the fenced block we are in, if any
    for index, line in enumerate(lines):
        opening = _FENCE.match(line)
        if index < end_of_front_matter:
            hidden = True
        elif fence:
            hidden = True
            if opening and opening.group(1).startswith(fence):  # the same character, at least as many
                fence = ""
        elif opening:
            fence, hidden = opening.group(1), True
        else:
            hidden = False
        # A hidden line is left blank: a link's text does not run over it, as over a blank line.
        prose.append("" if hidden else _CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line))
    return prose


def scan(text: str) -> list[Mark]:
    """The headings, anchors and links of a Markdown page, outside front matter and code."""
    lines = _prose_lines(text)
    marks: list[Mark] = []
    for number, line in enumerate(lines, 1):
        if heading := _HEADING.match(line):
            marks.append(Mark("heading", heading.group(1), number, 1))
        for attrs in _ATTR_LIST.finditer(line):
            for anchor in _ATTR_ID.finditer(attrs.group(1)):
                marks.append(Mark("anchor", anchor.group(1), number, attrs.start(1) + anchor.start(1) + 1))
        for anchor in _HTML_ID.finditer(line):
            marks.append(Mark("anchor", anchor.group(1), number, anchor.start(1) + 1))
    prose = "\n".join(lines)
    line_starts = [0] + [i + 1 for i, char in enumerate(prose) if char == "\n"]
    for pattern in (_LINK, _AUTOLINK, _REFERENCE, _HTML_HREF):
        for link in pattern.finditer(prose):
            line_number = bisect_right(line_starts, link.start())
            marks.append(Mark("link", link.group(1), line_number, link.start() - line_starts[line_number - 1] + 1))
    return sorted(marks, key=lambda mark: (mark.line, mark.column))


def compare(
    french_path: str, french: str, translation_path: str, translation: str, *, urls: tuple[str, str] | None = None
) -> list[Problem]:
    """Every difference of headings, anchors and links between a translation and its French page.

    `urls`: the addresses of the French page and of the translation (`about/`, `en/about/`), so
    that a link from the translation to its original is allowed.
    """
    original, translated = scan(french), scan(translation)

    def of(kind: Kind, marks: list[Mark]) -> list[Mark]:
        return [mark for mark in marks if mark.kind == kind]

    links = [mark for mark in of("link", translated) if not (urls and _goes_to(mark.value, *urls))]
    kept = [mark for mark in translated if mark.kind != "link" or mark in links]
    problems = _compare_headings(
        french_path, of("heading", original), of("heading", translated), translation_path, original, kept
    )
    problems += _compare_values(
        french_path, of("anchor", original), translation_path, of("anchor", translated), "the anchor"
    )
    problems += _compare_values(french_path, of("link", original), translation_path, links, "a link to")
    return sorted(problems)


def _goes_to(target: str, original_url: str, translation_url: str) -> bool:
    """Whether a link written on the page at translation_url leads to the page at original_url.

    A full address, a mail link or a bare fragment never resolves to the original's path: such a
    link is compared like any other."""
    return urljoin("/" + translation_url, target).split("#")[0] == "/" + original_url


def _signature(heading: Mark, marks: list[Mark]) -> tuple[str, str | None]:
    """A heading's level and the first anchor or link after it, before the next heading."""
    after = marks[marks.index(heading) + 1 :]
    first = after[0] if after else None
    return heading.value, first.value if first is not None and first.kind != "heading" else None


def _compare_headings(
    french_path: str,
    original: list[Mark],
    translated: list[Mark],
    translation_path: str,
    original_marks: list[Mark],
    translated_marks: list[Mark],
) -> list[Problem]:
    """Headings matched by alignment (difflib), not by position: a heading lost or added in
    translation is named as itself, its neighbours are not blamed. Each heading is known by its
    level and the first anchor or link of its section, which a translation keeps."""
    levels = [len(mark.value) for mark in original], [len(mark.value) for mark in translated]
    problems = []
    matcher = difflib.SequenceMatcher(
        a=[_signature(mark, original_marks) for mark in original],
        b=[_signature(mark, translated_marks) for mark in translated],
        autojunk=False,
    )
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if tag == "replace" and i2 - i1 == j2 - j1:
            for i, j in zip(range(i1, i2), range(j1, j2), strict=True):
                if levels[0][i] == levels[1][j]:
                    continue  # the same heading whose first anchor or link differs: reported as such
                problems.append(
                    Problem(
                        translation_path,
                        translated[j].line,
                        translated[j].column,
                        f"this heading is of level {levels[1][j]} where the French page's heading "
                        f"({french_path}:{original[i].line}) has level {levels[0][i]}",
                    )
                )
            continue
        for i in range(i1, i2):
            line, column = _at(translated, j1)
            problems.append(
                Problem(
                    translation_path,
                    line,
                    column,
                    f"the heading of level {levels[0][i]} at {french_path}:{original[i].line} has no counterpart here",
                )
            )
        for j in range(j1, j2):
            problems.append(
                Problem(
                    translation_path,
                    translated[j].line,
                    translated[j].column,
                    f"this heading of level {levels[1][j]} has no counterpart in the French page {french_path}",
                )
            )
    return problems


def _compare_values(
    french_path: str, original: list[Mark], translation_path: str, translated: list[Mark], noun: str
) -> list[Problem]:
    problems = []
    extra = Counter(mark.value for mark in translated) - Counter(mark.value for mark in original)
    missing = Counter(mark.value for mark in original) - Counter(mark.value for mark in translated)
    for index, mark in enumerate(original):
        if missing[mark.value] > 0:
            missing[mark.value] -= 1
            line, column = _at(translated, index)
            problems.append(
                Problem(
                    translation_path,
                    line,
                    column,
                    f'{noun} "{mark.value}" of the French page ({french_path}:{mark.line}) is missing here',
                )
            )
    for mark in reversed(translated):
        if extra[mark.value] > 0:
            extra[mark.value] -= 1
            problems.append(
                Problem(
                    translation_path,
                    mark.line,
                    mark.column,
                    f'{noun} "{mark.value}" is not in the French page {french_path}',
                )
            )
    return problems


def _at(marks: list[Mark], index: int) -> tuple[int, int]:
    """Where to report a difference at position `index`: that mark, else the last one, else the top."""
    if not marks:
        return 1, 1
    mark = marks[min(index, len(marks) - 1)]
    return mark.line, mark.column


def check_translations(
    content_dir: Path, languages: tuple[str, ...], skip_folders: Iterable[str] = ()
) -> list[Problem]:
    """Compares every existing translation of every hand-written French page with it."""
    problems: list[Problem] = []
    shown = content_dir.name
    for page in original_pages(content_dir, languages, skip_folders):
        french = _read(content_dir / page, f"{shown}/{page.as_posix()}", problems)
        for language in languages:
            translation = content_dir / translation_path(page, language)
            if language != ORIGINAL_LANGUAGE and translation.is_file():
                translated = _read(translation, f"{shown}/{translation_path(page, language).as_posix()}", problems)
                if french is None or translated is None:
                    continue
                problems += compare(
                    f"{shown}/{page.as_posix()}",
                    french,
                    f"{shown}/{translation_path(page, language).as_posix()}",
                    translated,
                    urls=(served_url(page, ORIGINAL_LANGUAGE), served_url(page, language)),
                )
    return sorted(set(problems))


def _read(path: Path, shown: str, problems: list[Problem]) -> str | None:
    """The page's text; a page that is not UTF-8 text is a problem of its own, not a traceback."""
    try:
        return read_text(path, shown)
    except DataError as error:
        problems.extend(error.problems)
        return None
