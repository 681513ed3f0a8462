"""The sources of a record as Markdown links: web addresses, or paragraphs of the declaration page."""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import urlsplit

from alliance.data.labels import Labels
from alliance.localized import ORIGINAL_LANGUAGE
from alliance.pages.markup import html_text, md_text
from alliance.siteconfig import Publication

DECLARATION_SOURCE = re.compile(r"^declaration#p([1-9][0-9]*)$")


def absolute_source(source: str, publication: Publication, language: str = ORIGINAL_LANGUAGE) -> str:
    """A source as an address anyone can open: `declaration#p4` becomes that paragraph of the
    declaration page published in `language` (the French original by default)."""
    if match := DECLARATION_SOURCE.match(source):
        return publication.page_url(language, ORIGINAL_LANGUAGE, f"declaration/#p{match[1]}")
    return source


def source_markdown(source: str, labels: Labels, language: str, to_root: str) -> str:
    """A link to `source` from a page `to_root` away from content/ ("" or "../").

    `declaration#p4` links to paragraph 4 of the declaration page, which MkDocs resolves to the
    page in the same language and checks, anchor included.
    """
    if match := DECLARATION_SOURCE.match(source):
        text = labels.ui("source-declaration", language, paragraph=match[1])
        return f"[{md_text(text)}]({to_root}declaration.md#p{match[1]})"
    return f'<a href="{html_text(source)}">{md_text(source)}</a>'


def source_site(address: str) -> str:
    """The site a web address is on ("uclga.org"), or the whole address when it names none
    that can be read (the schema lets through addresses such as "https://[x" that urlsplit refuses)."""
    try:
        host = urlsplit(address).hostname
    except ValueError:
        return address
    return host.removeprefix("www.") if host else address


def sources_inline(sources: Iterable[str], labels: Labels, language: str, to_root: str) -> str:
    """A record's sources after it in a list, short: "(sources : uclga.org, déclaration, § 1)".

    Each is a link to the source (the site a web address is on names it), so that a record
    shown anywhere shows what supports it.
    """
    links = []
    for source in sources:
        if match := DECLARATION_SOURCE.match(source):
            text = labels.ui("source-declaration-short", language, paragraph=match[1])
            links.append(f"[{md_text(text)}]({to_root}declaration.md#p{match[1]})")
        else:
            links.append(f'<a href="{html_text(source)}">{md_text(source_site(source))}</a>')
    text = labels.ui_markup("sources-inline", language, md_text, sources=", ".join(links))
    return f'<small class="am-sources">{text}</small>'
