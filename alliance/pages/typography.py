"""Each language's typography, applied to the text of a built page (and nothing else of it).

French (the Imprimerie nationale's convention, the one French publishers and the French
administration's style guides follow): a no-break space (U+00A0) before a colon, a narrow no-break
space (U+202F) before `;` `!` `?` and inside « », so that no line starts with the mark and the
space has the width French readers expect. English: curly quotes and apostrophes in place of
straight ones. Spanish and Portuguese write their marks as they are. In every language, "§ 5"
is not broken across two lines.

The rules run on the text nodes of the HTML only: never inside tags and their attributes (URLs
among them), comments, scripts, styles, code, SVG, or an element in another language (a `lang`
attribute), so that they apply to the pages and to the data shown in them alike.
"""

from __future__ import annotations

import bisect
import html as html_escaping
import re
from collections.abc import Callable, Iterator
from html.parser import HTMLParser

NBSP = "\u00a0"
NNBSP = "\u202f"
# Spaces that a French mark may already have before it, plain or not.
_SPACES = " \t\n\r" + NBSP + NNBSP + "\u2009"
# Elements whose text is not prose: it is kept exactly as it is.
VERBATIM = frozenset({"script", "style", "code", "pre", "kbd", "samp", "var", "textarea", "svg", "math", "template"})
VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
)

# French: the spaces written before a mark are made no-break, so that no line starts with it. A
# space is never added where the text has none: "{:", "&gt;", "10:30" or "https://" stay as written.
_FRENCH_MARK = re.compile(rf"[{_SPACES}]+([;:!?])")
_OPENING_GUILLEMET = re.compile(rf"«[{_SPACES}]*")
_CLOSING_GUILLEMET = re.compile(rf"[{_SPACES}]*»")


# Every language: a section sign stays on the line of its number ("§ 5").
_SECTION_SIGN = re.compile(r"§[ \t\n\r]+(?=\d)")


def common_text(text: str) -> str:
    """What every language's typography does."""
    return _SECTION_SIGN.sub("§" + NBSP, text)


def _french_space(mark: str) -> str:
    return (NBSP if mark == ":" else NNBSP) + mark


def french_text(text: str) -> str:
    """French spaces before `: ; ! ?` and inside « »."""
    text = _FRENCH_MARK.sub(lambda m: _french_space(m.group(1)), text)
    text = _OPENING_GUILLEMET.sub("«" + NNBSP, text)
    return common_text(_CLOSING_GUILLEMET.sub(NNBSP + "»", text))


def with_colon(label: str, language: str) -> str:
    """A label of ours followed by its colon as the language writes it ("Statut : ", "Status: "):
    the filter adds no space, so our own texts give French the space it then makes no-break."""
    return label + (NBSP + ":" if language == "fr" else ":")


# English: an apostrophe inside or at the end of a word (it's, the sources', '90s) and a closing
# quote are ’ and ”; a quote that opens (at the start, after a space or an opening bracket or
# dash) is ‘ or “.
_OPENS = r"(?:^|(?<=[\s(\[{—–-]))"
_ENGLISH_RULES = (
    (re.compile(_OPENS + r'"'), "\u201c"),
    (re.compile(r'"'), "\u201d"),
    (re.compile(_OPENS + r"'(?=\d0s)"), "\u2019"),
    (re.compile(_OPENS + r"'"), "\u2018"),
    (re.compile(r"'"), "\u2019"),
)


def english_text(text: str, after_element: bool) -> str:
    """Curly quotes and apostrophes; `after_element`: a quote at the start follows a word."""
    start = ""
    if after_element and text[:1] in ("'", '"'):
        start, text = ("\u201d" if text[0] == '"' else "\u2019"), text[1:]
    for pattern, replacement in _ENGLISH_RULES:
        text = pattern.sub(replacement, text)
    return common_text(start + text)


def language_rule(language: str) -> Callable[[str, bool], str]:
    """`language`'s typography, as rule(text, after_element): only English's depends on what precedes."""
    if language == "en":
        return english_text
    rule = french_text if language == "fr" else common_text
    return lambda text, _after_element: rule(text)


# An address written out in the text (a link's text, a source): left as it is. It runs to the next
# space, so the prose after it starts with one (or is empty): no quote there follows a word.
_ADDRESS = re.compile(r"(\b(?:https?|mailto|ftp):\S+)")


def _prose(rule: Callable[[str, bool], str], text: str, after_element: bool) -> str:
    """The rule applied to the text between the addresses written in it."""
    # Split at a group: prose and addresses alternate, prose first.
    parts = _ADDRESS.split(text)
    return "".join(part if index % 2 else rule(part, after_element) for index, part in enumerate(parts))


def typeset_text(text: str, language: str) -> str:
    """Plain prose in `language` typeset (a calendar's texts), its addresses left as they are."""
    return _prose(language_rule(language), text, False)


def _language(tag_lang: str) -> str:
    return tag_lang.split("-")[0].lower()


class _TextNodes(HTMLParser):
    """The spans of the document's text nodes, each with its language and whether it is prose."""

    def __init__(self, document: str, language: str):
        super().__init__(convert_charrefs=True)
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", document)]
        # (tag, language, verbatim) of each open element; the document's language at the bottom.
        self._open: list[tuple[str, str, bool]] = [("", language, False)]
        self.events: list[int] = []
        # (start, language, verbatim, after an inline element) of each text node.
        self.texts: list[tuple[int, str, bool, bool]] = []
        self._after_element = False

    def _offset(self) -> int:
        line, column = self.getpos()
        return self._line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID:
            self._without_content(tag)
            return
        self.events.append(self._offset())
        _, language, verbatim = self._open[-1]
        lang = dict(attrs).get("lang")
        self._open.append((tag, _language(lang) if lang else language, verbatim or tag in VERBATIM))
        self._after_element = False

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._without_content(tag)

    def _without_content(self, tag: str) -> None:
        # <img> or <img/>: the text after an inline element follows it, as after a word.
        self.events.append(self._offset())
        self._after_element = tag not in ("br", "hr")

    def handle_endtag(self, tag: str) -> None:
        self.events.append(self._offset())
        for depth in range(len(self._open) - 1, 0, -1):
            if self._open[depth][0] == tag:
                del self._open[depth:]
                break
        self._after_element = True

    def handle_data(self, data: str) -> None:
        start = self._offset()
        self.events.append(start)
        _, language, verbatim = self._open[-1]
        self.texts.append((start, language, verbatim, self._after_element))

    def _other(self) -> None:
        self.events.append(self._offset())
        self._after_element = False

    def handle_comment(self, data: str) -> None:
        self._other()

    def handle_decl(self, decl: str) -> None:
        self._other()

    def handle_pi(self, data: str) -> None:
        self._other()

    def unknown_decl(self, data: str) -> None:
        self._other()


def _text_spans(document: str, language: str) -> Iterator[tuple[int, int, str, bool, bool]]:
    """(start, end, language, verbatim, after an inline element) of each text node."""
    parser = _TextNodes(document, language)
    parser.feed(document)
    parser.close()
    ends = sorted(set(parser.events))
    for start, text_language, verbatim, after_element in parser.texts:
        index = bisect.bisect_right(ends, start)
        yield start, ends[index] if index < len(ends) else len(document), text_language, verbatim, after_element


def typeset(document: str, language: str) -> str:
    """The HTML `document` with each text node in a language that has rules (its own `lang`, else
    `language`) typeset; tags, attributes, comments and verbatim elements are left byte for byte."""
    out, done = [], 0
    for start, end, text_language, verbatim, after_element in _text_spans(document, language):
        if verbatim:
            continue
        rule = language_rule(text_language)
        text = html_escaping.unescape(document[start:end])
        typeset_text = _prose(rule, text, after_element)
        if typeset_text != text:
            out += [document[done:start], html_escaping.escape(typeset_text, quote=False)]
            done = end
    return "".join(out) + document[done:]


def text_nodes(document: str, language: str) -> list[tuple[str, str, bool]]:
    """(language, text, verbatim) of each text node of `document`, as typeset() sees them."""
    return [
        (text_language, html_escaping.unescape(document[start:end]), verbatim)
        for start, end, text_language, verbatim, _ in _text_spans(document, language)
    ]
