"""What a contributor's Markdown (the text of a practice) may contain, checked where it is written.

A practice is plain Markdown: paragraphs, emphasis, lists, headings from "## ", quotes, tables,
code and links to http, https and mailto addresses or to other pages of the site, plus two tags
(ALLOWED_INLINE_HTML): `<span lang="en">` and `<sup>`. Any other raw HTML,
attribute lists ({: ...} or { ... }), images and any other kind of link are reported as
`file:line:column` problems. The text is rendered by Python-Markdown with the site's own
extensions, so that what is reported is what the build would make of it; the build sanitizes
the rendered text again (alliance.pages.markup.sanitize_contributed).
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Iterator
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
# The only tags a practice may write, inline, exactly so: words in another language, and an
# ordinal's superscript ("2<sup>e</sup>"), which Markdown cannot say.
ALLOWED_INLINE_HTML = re.compile(r'^(?:<span lang="[a-z]{2,3}(?:-[A-Za-z0-9]+)?">|</span>|</?sup>)$')


def link_scheme(address: str) -> str | None:
    """The scheme a browser reads in an href (character references decoded), lowercase; None if relative."""
    url = re.sub(r"[\t\n\r]", "", html.unescape(address).strip(_URL_SPACE))
    match = _SCHEME.match(url)
    return match[1].lower() if match else None


# (snippet of the source, message), in the order found.
_Findings = list[tuple[str, str]]


class _RecordedInlineHtml(HtmlInlineProcessor):
    def __init__(self, original: HtmlInlineProcessor, findings: _Findings):
        super().__init__(original.pattern, original.md)
        self.findings = findings

    def handleMatch(self, m, data):
        if not ALLOWED_INLINE_HTML.match(m.group(1)):
            self.findings.append(
                (m.group(1), f'raw HTML "{_short(m.group(1))}" is not allowed in a practice: write Markdown')
            )
        return super().handleMatch(m, data)


class _RecordedHtmlBlocks(Preprocessor):
    def __init__(self, original: Preprocessor, findings: _Findings):
        super().__init__(original.md)
        self.original, self.findings = original, findings

    def run(self, lines):
        before = len(self.md.htmlStash.rawHtmlBlocks)
        lines = self.original.run(lines)
        for block in self.md.htmlStash.rawHtmlBlocks[before:]:
            text = block if isinstance(block, str) else f"<{block.tag}"
            self.findings.append(
                (text.strip()[:40], f'raw HTML "{_short(text)}" is not allowed in a practice: write Markdown')
            )
        return lines


class _RecordedAttrList(AttrListTreeprocessor):
    def __init__(self, md, findings: _Findings):
        super().__init__(md)
        self.findings = findings

    def assign_attrs(self, elem, attrs_string, **_options):
        self.findings.append(
            (
                "{" + attrs_string.strip(),
                f'the attribute list "{{{_short(attrs_string.strip())}}}" is not allowed in a practice: remove it (write \\{{ for a brace shown as it is)',
            )
        )
        return ""


class _RecordedLinks(Treeprocessor):
    def __init__(self, md, findings: _Findings):
        super().__init__(md)
        self.findings = findings

    def run(self, root: Element) -> None:
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
        for element in root.iter("a"):
            href = element.get("href", "")
            scheme = link_scheme(href)
            if scheme is not None and scheme not in ALLOWED_SCHEMES:
                self.findings.append(
                    (
                        href,
                        f'a link to a "{scheme}:" address is not allowed: link to an http, https or mailto address, or to a page of the site',
                    )
                )


class _Recorder(Extension):
    def __init__(self, findings: _Findings):
        super().__init__()
        self.findings = findings

    def extendMarkdown(self, md):
        md.inlinePatterns.register(_RecordedInlineHtml(md.inlinePatterns["html"], self.findings), "html", 90)
        block = md.preprocessors["html_block"]
        md.preprocessors.register(_RecordedHtmlBlocks(block, self.findings), "html_block", 20)
        md.treeprocessors.register(_RecordedAttrList(md, self.findings), "attr_list", 8)
        md.treeprocessors.register(_RecordedLinks(md, self.findings), "am_links", 0)


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


def _find(body: str, snippet: str, occurrence: int) -> int:
    """Where the copy number `occurrence` (from 0) of `snippet` starts, the last one if there are
    fewer, -1 if there is none."""
    starts = [match.start() for match in re.finditer(re.escape(snippet), body)]
    return starts[min(occurrence, len(starts) - 1)] if starts else -1


def _locate(body: str, snippet: str, first_line: int, occurrence: int) -> tuple[int, int]:
    """Where copy number `occurrence` of `snippet` is in the text; an attribute list ("{" then its
    inside), at its brace; a snippet marked _LINE_START, at the start of its line."""
    if snippet.startswith(_LINE_START):
        line, _ = _locate(body, snippet[len(_LINE_START) :], first_line, occurrence)
        return line, 1
    index = _find(body, snippet, occurrence)
    if index < 0 and snippet.startswith("{"):
        inside = _find(body, snippet[1:], occurrence)
        index = body.rfind("{", 0, inside) if inside >= 0 else -1
    if index < 0:
        return first_line, 1
    return first_line + body.count("\n", 0, index), index - (body.rfind("\n", 0, index) + 1) + 1


def markdown_problems(body: str, path: str, first_line: int) -> Iterator[Problem]:
    """The problems of a practice's text, which starts at line `first_line` of the file `path`."""
    for number, line in enumerate(body.split("\n"), start=first_line):
        for index, message in invisible_characters(line):
            yield Problem(path, number, index + 1, message)
    findings: _Findings = []
    names, configs = _site_extensions()
    markdown.Markdown(extensions=[*names, _Recorder(findings)], extension_configs=configs).convert(body)
    # The same snippet found again is the next copy of it in the text (each processor finds in order).
    copies: Counter[str] = Counter()
    for snippet, message in findings:
        yield Problem(path, *_locate(body, snippet, first_line, copies[snippet]), message)
        copies[snippet] += 1
