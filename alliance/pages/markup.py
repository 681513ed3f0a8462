"""Escaping of data strings for the places they land in generated Markdown and HTML, and the
sanitizer of the Markdown contributors write (the text of a practice)."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import replace

import nh3
import yaml

from alliance.data.contributed import ALLOWED_SCHEMES
from alliance.localized import Shown

# Characters Python-Markdown gives a meaning to and has a backslash escape for (tables add "|").
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|>])")
# Characters that start syntax but have no backslash escape: "~~~" opens a fenced code block,
# "=" underlines a heading. A character reference is the same character to the reader.
_NO_BACKSLASH_ESCAPE = str.maketrans({"~": "&#126;", "=": "&#61;"})
# A line break inside a data string would end the heading, list item or table row it sits in
# and start a line of its own (an indented code block, a setext heading...). HTML shows any run
# of these as one space; no-break spaces (French typography) are kept.
_BREAKING_SPACE = re.compile(r"[ \t\r\n\v\f\x1c-\x1f\x85\u2028\u2029]+")


def plain_line(text: str) -> str:
    """A data string on one line, as HTML would show it: every run of spaces and line breaks is one space."""
    return _BREAKING_SPACE.sub(" ", text)


def md_text(text: str) -> str:
    """A data string as literal text inside Markdown (paragraphs, list items, headings, table cells)."""
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(plain_line(text), quote=False))
    return escaped.translate(_NO_BACKSLASH_ESCAPE)


def md_table_header(cells: Iterable[str]) -> list[str]:
    """The first two lines of a Markdown table whose column headings are `cells` (plain texts)."""
    cells = [md_text(cell) for cell in cells]
    return ["| " + " | ".join(cells) + " |", "|" + " --- |" * len(cells)]


def html_text(text: str) -> str:
    """A data string as HTML text or attribute value."""
    return html.escape(text, quote=True)


def md_in_html_attribute(text: str) -> str:
    """A data string as an attribute value of an element Python-Markdown parses (markdown="block"
    or "span"): md_in_html decodes the value once and writes back every `&…;` as it finds it, so
    the value is escaped twice to be shown once."""
    return html_text(html_text(text))


def front_matter(title: str, description: str | None = None, searched: bool = True) -> str:
    """The front matter of a generated page, whose title (and description) come from data.

    The title is set rather than left to MkDocs, which would take it from the page's first
    heading with its character references decoded; it is HTML-escaped because Material prints
    page titles into <title>, the header and the footer as they are. The description is
    escaped for every page by hooks/pages.py. PyYAML writes what MkDocs' PyYAML reads back.
    A page that is not `searched` (it repeats others) is left out of the search index with
    Material's own key, `search: {exclude: true}` (theme/main.html reads it).
    """
    fields: dict[str, object] = {"title": html_text(plain_line(title).strip())}
    if description is not None:
        fields["description"] = plain_line(description).strip()
    if not searched:
        fields["search"] = {"exclude": True}
    return "---\n" + yaml.safe_dump(fields, allow_unicode=True, sort_keys=False, width=1_000_000) + "---\n\n"


def fallback_notice_html(notice: str, language: str | None = None) -> str:
    """The notice on a page or field shown in French because its translation is missing.

    `language` is the notice's own language when it differs from the page's (a language whose
    interface texts are not translated yet reads the notice in French).
    """
    lang = f' lang="{html_text(language)}"' if language else ""
    return f'<div class="admonition info am-fallback-notice" role="note"{lang}><p>{html_text(notice)}</p></div>\n'


def in_sentence(shown: Shown) -> Shown:
    """A label written to stand alone ("Pilot territory", "Held") as it reads inside a sentence."""
    return replace(shown, text=shown.text[:1].lower() + shown.text[1:])


def standing_alone(shown: Shown) -> Shown:
    """A label written as inside a sentence ("the whole network") as it starts a line."""
    return replace(shown, text=shown.text[:1].upper() + shown.text[1:])


def md_shown(shown: Shown, fallback_label: str) -> str:
    """A localized data text in Markdown; French shown for want of a translation says so."""
    text = md_text(shown.text)
    if shown.is_fallback:
        return f'<span lang="{shown.language}">{text}</span> <small class="am-fallback-field">({md_text(fallback_label)})</small>'
    return text


def city_link(city, language: str, to_root: str) -> str:
    """A city's name (French when not translated: a proper name) linked to its page, from a page
    `to_root` away from content/ ("" or "../")."""
    return f"[{md_text(city.name[language])}]({to_root}cities/{city.id}.md)"


# A spreadsheet runs a cell starting with one of these as a formula (CSV injection, OWASP), even
# after spaces, and reads the full-width forms as the ASCII ones.
_FORMULA_START = re.compile(r"^[\s\u3000]*[=+\-@\uff1d\uff0b\uff0d\uff20]|^[\t\r\n]")


def spreadsheet_safe(text: str) -> str:
    """A text cell that a spreadsheet shows as text: a leading apostrophe disarms a formula."""
    return "'" + text if _FORMULA_START.match(text) else text


# The contributed Markdown (a practice's text) between these two comments is sanitized after
# rendering; the first START and the last END of the page count, so the text cannot move them.
CONTRIBUTED_START = "<!-- am-contributed-text -->"
CONTRIBUTED_END = "<!-- am-end-of-contributed-text -->"

# What plain Markdown (with the site's extensions) makes of a contributor's text, and nothing
# more (but the two tags of ALLOWED_INLINE_HTML): no other raw HTML survives, links keep only http, https, mailto and relative addresses.
_HEADINGS = {f"h{level}" for level in range(2, 7)}
_ADMONITION_TYPES = {
    "note",
    "abstract",
    "info",
    "tip",
    "success",
    "question",
    "warning",
    "failure",
    "danger",
    "bug",
    "example",
    "quote",
    "important",
    "hint",
    "caution",
    "error",
    "attention",
}

# What plain Markdown makes of a contributed text.
_CONTRIBUTED_TAGS = {
    "p",
    "br",
    "hr",
    "em",
    "strong",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "a",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "div",
    "span",
    "sup",
} | _HEADINGS

_CONTRIBUTED = nh3.Cleaner(
    tags=_CONTRIBUTED_TAGS,
    clean_content_tags={"script", "style"},
    attributes={
        "a": {"href", "title"},
        "span": {"lang"},
        "ol": {"start"},
        "th": {"style"},
        "td": {"style"},
        **{h: {"id"} for h in _HEADINGS},
    },
    allowed_classes={"a": {"headerlink"}, "div": {"admonition"} | _ADMONITION_TYPES, "p": {"admonition-title"}},
    filter_style_properties={"text-align"},
    url_schemes=set(ALLOWED_SCHEMES),
    link_rel="noopener noreferrer",
    strip_comments=True,
)


# Every other hand-written page (and its translations) is sanitized whole but for its data
# sections, which the build places between two comments holding a secret of the build (a
# nonce): a page's text cannot write them. What survives is what plain Markdown makes, the
# attributes the pages' attribute lists may give (alliance.pages.ownpages) and the tags the
# pages declare there.
_PAGE = nh3.Cleaner(
    tags=_CONTRIBUTED_TAGS | {"small", "noscript", "h1", "section"},
    clean_content_tags={"script", "style"},
    attributes={
        "*": {"id", "class", "lang", "title"},
        "a": {"href", "hreflang"},
        "div": {"role"},
        "section": {"aria-labelledby"},
        "ol": {"start"},
        "th": {"style"},
        "td": {"style"},
    },
    filter_style_properties={"text-align"},
    url_schemes=set(ALLOWED_SCHEMES),
    link_rel=None,
    strip_comments=True,
)


def generated_markers(nonce: str) -> tuple[str, str]:
    """The comments around a data section of a hand-written page, made with the build's secret."""
    return f"<!-- am-generated-{nonce} -->", f"<!-- am-end-of-generated-{nonce} -->"


def sanitize_page(page_html: str, nonce: str) -> str:
    """A hand-written page's HTML sanitized, but for its data sections (between generated_markers)."""
    start, end = generated_markers(nonce)
    parts, rest = [], page_html
    while (opened := rest.find(start)) >= 0 and (closed := rest.find(end, opened)) >= 0:
        parts += [_PAGE.clean(rest[:opened]), rest[opened + len(start) : closed]]
        rest = rest[closed + len(end) :]
    return "".join(parts) + _PAGE.clean(rest)


def sanitize_contributed(page_html: str, whole_if_unmarked: bool = False) -> str:
    """The page's HTML with its contributed part (between the markers) sanitized.

    Without markers the page is returned as it is, or sanitized whole if `whole_if_unmarked`.
    """
    start = page_html.find(CONTRIBUTED_START)
    if start < 0:
        return _CONTRIBUTED.clean(page_html) if whole_if_unmarked else page_html
    end = page_html.rfind(CONTRIBUTED_END)
    if end < start:
        end = len(page_html)
    inner = page_html[start + len(CONTRIBUTED_START) : end]
    return page_html[:start] + _CONTRIBUTED.clean(inner) + page_html[end + len(CONTRIBUTED_END) :]
