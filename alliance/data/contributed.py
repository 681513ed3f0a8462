"""What contributed Markdown (a practice's text, any page of content/) may contain, checked where it is written.

A practice is plain Markdown: paragraphs, emphasis, lists, headings from "## ", quotes, tables,
code and links to http, https and mailto addresses or to other pages of the site, plus two tags
(PRACTICE_MARKUP): `<span lang="en">` and `<sup>`. Any other raw HTML,
attribute lists ({: ...} or { ... }), images and any other kind of link are reported as
`file:line:column` problems. The site's own pages (content/*.md and their translations) may hold
what alliance.pages.ownpages declares for each of them, nothing more. The text is rendered by
Python-Markdown with the site's own extensions, so that what is reported is what the build
would make of it; the build sanitizes the rendered page again (alliance.pages.markup).

Before it is rendered, a text is measured (structure_problems): Python-Markdown's inline
patterns backtrack on nested brackets, parentheses and emphasis and on unclosed tags, and
recurse on deep nesting, so that a few kilobytes can take minutes or raise RecursionError. A
text within the limits below renders in bounded time (`make bench` prints the worst case found).
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from xml.etree.ElementTree import Element

import markdown
from markdown.extensions import Extension
from markdown.extensions.attr_list import AttrListTreeprocessor
from markdown.inlinepatterns import HtmlInlineProcessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from alliance.data.checks import invisible_characters
from alliance.data.problems import Problem
from alliance.siteconfig import read_mkdocs_yml

# The schemes a practice's links may use; any other address is relative (a page of the site).
ALLOWED_SCHEMES = frozenset({"http", "https", "mailto"})
# MkDocs renders every page with these, whatever mkdocs.yml lists.
_MKDOCS_BUILTIN = ("toc", "tables", "fenced_code")
# A browser ignores these around an address, and tabs and line breaks inside it.
_URL_SPACE = "".join(chr(c) for c in range(0x21))
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")


@dataclass(frozen=True)
class Markup:
    """The raw HTML and attribute lists a page may hold, and how a message names the page."""

    page: str  # "a practice", "this page"
    html: re.Pattern[str]  # a tag or comment allowed, written exactly so
    attribute_list: re.Pattern[str] | None = None  # an attribute list allowed (its inside)


# The only tags a practice may write, inline, exactly so: words in another language, and an
# ordinal's superscript ("2<sup>e</sup>"), which Markdown cannot say.
PRACTICE_MARKUP = Markup("a practice", re.compile(r'^(?:<span lang="[a-z]{2,3}(?:-[A-Za-z0-9]+)?">|</span>|</?sup>)$'))

# The limits of a page's Markdown (CONTRIBUTING, "Limits"); each is far above what a page of the
# site uses (the declaration: 7,000 characters, 13 tags, nesting 2).
MAX_PAGE_TEXT = 40_000  # characters of a page's text
MAX_NESTING = 12  # brackets, parentheses, unclosed "<" or emphasis open at once in a paragraph
MAX_RUN = 32  # the same mark (* _ ` [ ] ( ) < > ! ~) repeated in a row
MAX_TAGS = 400  # "<" followed by a letter, "/", "!" or "?" (a tag, comment or autolink), in a page
MAX_INDENT = 32  # spaces before a line's text (lists and quotes inside each other), "> " counting 2
MAX_BLOCK_LINES = 40  # lines of one paragraph, list or quote written without a blank line
MAX_FENCES = 100  # lines opening or closing a code block (``` or ~~~)
# At most this many problems of the text are reported for one file: past them, it is rather broken.
MAX_TEXT_PROBLEMS = 50


def link_scheme(address: str) -> str | None:
    """The scheme a browser reads in an href (character references decoded), lowercase; None if relative."""
    url = re.sub(r"[\t\n\r]", "", html.unescape(address).strip(_URL_SPACE))
    match = _SCHEME.match(url)
    return match[1].lower() if match else None


# --- Bounds, measured before anything renders the text -------------------------------------

# Marks that open something Python-Markdown looks for the end of, and those that close it.
_OPENERS = {"[": "]", "(": ")"}
_CLOSERS = {"]": "[", ")": "("}
_RUN_MARKS = frozenset("*_`[]()<>!~")
TAG_START = re.compile(r"<[A-Za-z/!?]")
_BLANK = re.compile(r"^[ \t]*$")
_FENCE = re.compile(r"^[ ]{0,3}(?:`{3,}|~{3,})")
_QUOTE_AND_INDENT = re.compile(r"^(?:[ \t]*>)*[ \t]*")


def _emphasis_opens(line: str, start: int, end: int) -> bool | None:
    """Whether a run of * or _ at line[start:end] opens (True), closes (False) or neither (None)."""
    before = line[start - 1] if start > 0 else " "
    after = line[end] if end < len(line) else " "
    if after.isspace():
        return None if before.isspace() else False
    return True if before.isspace() or (not before.isalnum() and before not in "*_") else None


def structure_problems(body: str, path: str, first_line: int) -> list[Problem]:
    """What in a text would make Python-Markdown slow or make it recurse too deeply; one pass.

    Counted in each paragraph (lines up to a blank line), without telling code from text: a
    page within the limits renders in bounded time whatever it holds. The reading stops once
    MAX_TEXT_PROBLEMS problems are found.
    """
    if len(body) > MAX_PAGE_TEXT:
        return [
            Problem(
                path,
                first_line,
                1,
                f"the text has {len(body):,} characters: the most a page may have is {MAX_PAGE_TEXT:,}",
            )
        ]
    problems: list[Problem] = []

    def refuse(number: int, column: int, message: str) -> bool:
        problems.append(Problem(path, number, column + 1, message))
        return True

    tags = block_lines = fences = 0
    depth = {"[": 0, "(": 0, "<": 0, "*": 0}
    for number, line in enumerate(body.split("\n"), start=first_line):
        if len(problems) >= MAX_TEXT_PROBLEMS:
            break
        if _BLANK.match(line):
            depth, block_lines = dict.fromkeys(depth, 0), 0
            continue
        block_lines += 1
        if block_lines == MAX_BLOCK_LINES + 1:
            refuse(
                number,
                0,
                f"more than {MAX_BLOCK_LINES} lines follow each other without a blank line: separate the paragraphs, list items or headings with blank lines",
            )
        fences += bool(_FENCE.match(line))
        if fences == MAX_FENCES + 1:
            refuse(
                number,
                0,
                f"more than {MAX_FENCES} lines open or close a code block (``` or ~~~): the most is {MAX_FENCES}",
            )
        margin = _QUOTE_AND_INDENT.match(line)
        indent = len(margin[0].expandtabs(4)) if margin else 0
        if indent > MAX_INDENT and refuse(
            number,
            0,
            f"this line starts {indent} columns in (lists or quotes inside each other): the most is {MAX_INDENT}",
        ):
            continue
        index, escaped = 0, False
        while index < len(line):
            char = line[index]
            if escaped or char not in _RUN_MARKS:
                escaped = char == "\\" and not escaped
                index += 1
                continue
            end = index
            while end < len(line) and line[end] == char:
                end += 1
            if end - index > MAX_RUN and refuse(
                number, index, f'"{char}" is repeated {end - index} times in a row: the most is {MAX_RUN}'
            ):
                break
            run = end - index
            if char in _OPENERS:
                depth[char] += run
                opened = char
            elif char in _CLOSERS:
                depth[_CLOSERS[char]] = max(0, depth[_CLOSERS[char]] - run)
                opened = ""
            elif char == "<":
                tags += len(TAG_START.findall(line, index, end + 1))
                depth["<"] += run
                opened = "<"
            elif char == ">":
                depth["<"] = max(0, depth["<"] - run)
                opened = ""
            elif char in "*_":
                opens = _emphasis_opens(line, index, end)
                if opens is False:
                    depth["*"] = max(0, depth["*"] - 1)
                elif opens:
                    depth["*"] += 1
                opened = "*" if opens else ""
            else:
                opened = ""
            if (
                opened
                and depth[opened] > MAX_NESTING
                and refuse(
                    number,
                    # At the first mark of the run beyond the limit.
                    max(index, end - (depth[opened] - MAX_NESTING)),
                    f'"{char}" opens the {MAX_NESTING + 1}th bracket, parenthesis, tag or emphasis not yet closed in '
                    f"this paragraph: the most is {MAX_NESTING} (write \\{char} for the mark itself)",
                )
            ):
                break
            index = end
        if tags > MAX_TAGS:
            refuse(number, 0, f"the text has more than {MAX_TAGS} tags (a '<' then a letter): write &lt; for '<'")
            break
    return problems


# --- What the text renders to ----------------------------------------------------------------


# (snippet of the source, message), in the order found.
_Findings = list[tuple[str, str]]


@dataclass(frozen=True)
class PageLink:
    """A link of a text to a page of the site (a relative address), where it is written."""

    path: str
    line: int
    column: int
    href: str


@dataclass(frozen=True)
class Rendered:
    """What a text holds that other checks need: its relative links and the ids of its elements."""

    links: tuple[PageLink, ...]
    ids: frozenset[str]


class _RecordedInlineHtml(HtmlInlineProcessor):
    def __init__(self, original: HtmlInlineProcessor, findings: _Findings, markup: Markup):
        super().__init__(original.pattern, original.md)
        self.findings, self.markup = findings, markup

    def handleMatch(self, m, data):
        if not self.markup.html.match(m.group(1)):
            self.findings.append((m.group(1), _raw_html(m.group(1), self.markup)))
        return super().handleMatch(m, data)


def _raw_html(text: str, markup: Markup) -> str:
    return f'raw HTML "{_short(text)}" is not allowed in {markup.page}: write Markdown'


class _RecordedHtmlBlocks(Preprocessor):
    def __init__(self, original: Preprocessor, findings: _Findings, markup: Markup):
        super().__init__(original.md)
        self.original, self.findings, self.markup = original, findings, markup

    def run(self, lines):
        before = len(self.md.htmlStash.rawHtmlBlocks)
        lines = self.original.run(lines)
        for block in self.md.htmlStash.rawHtmlBlocks[before:]:
            if isinstance(block, str):
                # A block of the site's own tags, each allowed, is allowed.
                refused = [] if all(self.markup.html.match(tag) for tag in _tags_and_text(block)) else [block]
            else:
                # An element whose inside is Markdown (markdown="block") is kept as a tree: it and
                # every element inside it are checked as written, the first refused one reported.
                refused = [f"<{e.tag}" for e in block.iter() if not self.markup.html.match(_opening_tag(e))][:1]
            for text in refused:
                self.findings.append((text.strip()[:40], _raw_html(text, self.markup)))
        return lines


def _opening_tag(element: Element) -> str:
    attributes = "".join(f' {name}="{html.escape(value)}"' for name, value in element.attrib.items())
    return f"<{element.tag}{attributes}>"


_TAG_OR_COMMENT = re.compile(r"<!--.*?-->|<[^<>]*>", re.S)


def _tags_and_text(block: str) -> list[str]:
    """The tags and comments of a raw HTML block; a "<" that opens none counts as a tag not allowed."""
    tags = _TAG_OR_COMMENT.findall(block)
    rest = _TAG_OR_COMMENT.sub("", block)
    return tags + (["<"] if "<" in rest or ">" in rest else [])


class _RecordedAttrList(AttrListTreeprocessor):
    def __init__(self, md, findings: _Findings, markup: Markup):
        super().__init__(md)
        self.findings, self.markup = findings, markup

    def assign_attrs(self, elem, attrs_string, **options):
        allowed = self.markup.attribute_list
        if allowed is not None and allowed.match(attrs_string.strip()):
            return super().assign_attrs(elem, attrs_string, **options)
        self.findings.append(
            (
                "{" + attrs_string.strip(),
                f'the attribute list "{{{_short(attrs_string.strip())}}}" is not allowed in {self.markup.page}: remove it (write \\{{ for a brace shown as it is)',
            )
        )
        return ""


class _RecordedLinks(Treeprocessor):
    def __init__(self, md, findings: _Findings, markup: Markup, links: list[str], ids: set[str]):
        super().__init__(md)
        self.findings, self.markup, self.links, self.ids = findings, markup, links, ids

    def run(self, root: Element) -> None:
        if self.markup is PRACTICE_MARKUP:
            for element in root.iter("h1"):
                self.findings.append(
                    (
                        _LINE_START + (element.text or "").strip(),
                        'the page title comes from "title:" in the front matter: remove this "# " heading, or make it "## "',
                    )
                )
            for element in root.iter("img"):
                self.findings.append(
                    (
                        element.get("src", ""),
                        "images are not allowed in a practice: link to the page that shows the image instead",
                    )
                )
        self.ids.update(element.attrib["id"] for element in root.iter() if element.get("id"))
        for element in root.iter("a"):
            href = element.get("href", "")
            scheme = link_scheme(href)
            if scheme is not None and scheme not in ALLOWED_SCHEMES:
                self.findings.append(
                    (
                        _ADDRESS + href,
                        f'a link to a "{scheme}:" address is not allowed: link to an http, https or mailto address, or to a page of the site',
                    )
                )
            elif scheme is None:
                self.links.append(href)


class _Recorder(Extension):
    def __init__(self, findings: _Findings, markup: Markup, links: list[str], ids: set[str]):
        super().__init__()
        self.findings, self.markup, self.links, self.ids = findings, markup, links, ids

    def extendMarkdown(self, md):
        md.inlinePatterns.register(
            _RecordedInlineHtml(md.inlinePatterns["html"], self.findings, self.markup), "html", 90
        )
        block = md.preprocessors["html_block"]
        md.preprocessors.register(_RecordedHtmlBlocks(block, self.findings, self.markup), "html_block", 20)
        md.treeprocessors.register(_RecordedAttrList(md, self.findings, self.markup), "attr_list", 8)
        md.treeprocessors.register(_RecordedLinks(md, self.findings, self.markup, self.links, self.ids), "am_links", 0)


@lru_cache(maxsize=1)
def _site_extensions() -> tuple[tuple[str, ...], dict]:
    names, configs = list(_MKDOCS_BUILTIN), {}
    for entry in read_mkdocs_yml().get("markdown_extensions") or ():
        name, config = next(iter(entry.items())) if isinstance(entry, dict) else (entry, None)
        if name not in names:
            names.append(name)
        if config:
            configs[name] = config
    # The recorder comes after them: it replaces the processors of attr_list and raw HTML.
    return tuple(names), configs


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 40 else text[:39] + "…"


# Marks a snippet whose problem is reported at the start of its line (a heading).
_LINE_START = "\n"
# Marks a snippet that is a link's address, found where a link writes it rather than at an earlier
# copy of the same text.
_ADDRESS = "\0"
# What comes right before a link's address: "](" (an inline link) or a reference's "[name]:" at
# the start of a line, then spaces and an optional "<"; looked for in the characters before it.
_WRITTEN_AS_ADDRESS = re.compile(r"(?:\]\(\s*<?|^ {0,3}\[[^\]\n]*\]:[ \t]*\n?[ \t]*<?)\Z", re.M)
_ADDRESS_LEAD = 200


class _Locator:
    """Places snippets in a text, each copy of a snippet after the previous one: every search
    starts where the last copy of that snippet was found, so the work grows with the text."""

    def __init__(self, body: str, first_line: int):
        self.body, self.first_line = body, first_line
        self.after: dict[str, int] = {}  # snippet -> where its next copy is searched from
        self.last: dict[str, int] = {}  # snippet -> where its last copy was found
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", body)]

    def _find(self, snippet: str) -> int:
        """Where the next copy of `snippet` starts, the last one found if there is no other, -1 if none;
        an empty snippet, at the text's start."""
        index = self.body.find(snippet, self.after.get(snippet, 0))
        if index < 0:
            return self.last.get(snippet, -1)
        self.after[snippet], self.last[snippet] = index + len(snippet), index
        return index

    def _find_address(self, href: str) -> int:
        """Where the next link to `href` writes it (see _WRITTEN_AS_ADDRESS), the last one found if
        there is no other, -1 if none. A link's address is a copy of its text, checked where it stands."""
        key = _ADDRESS + href
        index = self.body.find(href, self.after.get(key, 0))
        while index >= 0 and not self._written_as_address(index, index + len(href)):
            index = self.body.find(href, index + 1)
        if index < 0:
            self.after[key] = len(self.body)  # the links come in order: none further on, for none after it
            return self.last.get(key, -1)
        self.after[key], self.last[key] = index + 1, index
        return index

    def _written_as_address(self, start: int, end: int) -> bool:
        if end < len(self.body) and self.body[end] not in " \t\n)>":
            return False
        return _WRITTEN_AS_ADDRESS.search(self.body, max(0, start - _ADDRESS_LEAD), start) is not None

    def locate(self, snippet: str) -> tuple[int, int]:
        """Where the next copy of `snippet` is; an attribute list ("{" then its inside), at its
        brace; a snippet marked _LINE_START, at the start of its line; one marked _ADDRESS, where
        a link writes it, else at its next copy."""
        if snippet.startswith(_LINE_START):
            line, _ = self.locate(snippet[len(_LINE_START) :])
            return line, 1
        if snippet.startswith(_ADDRESS):
            href = snippet[len(_ADDRESS) :]
            index = self._find_address(href)
            return self._place(index) if index >= 0 else self.locate(href)
        index = self._find(snippet)
        if index < 0 and snippet.startswith("{"):
            inside = self._find(snippet[1:])
            index = self.body.rfind("{", 0, max(inside, 0))
        return self._place(index)

    def _place(self, index: int) -> tuple[int, int]:
        """The line and column of `index`; the text's start for -1 (not found)."""
        if index < 0:
            return self.first_line, 1
        line = bisect_right(self.line_starts, index) - 1
        return self.first_line + line, index - self.line_starts[line] + 1


def read_markdown(
    body: str, path: str, first_line: int, markup: Markup = PRACTICE_MARKUP
) -> tuple[list[Problem], Rendered]:
    """The problems of a text which starts at line `first_line` of the file `path`, and what it renders to."""
    problems = [
        Problem(path, number, index + 1, message)
        for number, line in enumerate(body.split("\n"), start=first_line)
        for index, message in invisible_characters(line)
    ][:MAX_TEXT_PROBLEMS]
    nothing = Rendered((), frozenset())
    if bounds := structure_problems(body, path, first_line):
        return problems + bounds, nothing
    findings: _Findings = []
    links: list[str] = []
    ids: set[str] = set()
    names, configs = _site_extensions()
    try:
        markdown.Markdown(
            extensions=[*names, _Recorder(findings, markup, links, ids)], extension_configs=configs
        ).convert(body)
    except (RecursionError, MemoryError) as error:
        # The bounds above are meant to make this impossible; if one is missed, it is still a problem.
        what = "nested too deeply" if isinstance(error, RecursionError) else "too large"
        return [Problem(path, first_line, 1, f"the text is {what} to be rendered: simplify it")], nothing
    locator = _Locator(body, first_line)
    problems += [Problem(path, *locator.locate(snippet), message) for snippet, message in findings[:MAX_TEXT_PROBLEMS]]
    if len(findings) > MAX_TEXT_PROBLEMS:
        problems.append(
            Problem(
                path,
                first_line,
                1,
                f"{len(findings) - MAX_TEXT_PROBLEMS} more problems of the same kinds are not listed",
            )
        )
    # A link is placed after the problems, by the same locator: where the next link writes its address.
    located = tuple(PageLink(path, *locator.locate(_ADDRESS + href), html.unescape(href)) for href in links)
    return problems, Rendered(located, frozenset(ids))


def render_page(body: str) -> str:
    """A text rendered as MkDocs renders a page (the site's extensions), nothing recorded."""
    names, configs = _site_extensions()
    return markdown.Markdown(extensions=list(names), extension_configs=configs).convert(body)


def markdown_problems(body: str, path: str, first_line: int) -> list[Problem]:
    """The problems of a practice's text, which starts at line `first_line` of the file `path`."""
    return read_markdown(body, path, first_line)[0]
