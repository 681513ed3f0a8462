"""What the site's own pages (the hand-written pages of content/ and their translations) may hold
beyond plain Markdown: the one list of it. Any other raw HTML or attribute list, in any page and
any language, is a `file:line:column` problem (alliance.data.contributed)."""

from __future__ import annotations

import re

from alliance.data.contributed import Markup

# French page (relative to content/) -> the tags it needs, written exactly so; its translations
# may hold the same. The translations of the declaration say, in a note, that only the French text
# is authoritative, and link to it.
OWN_PAGE_HTML: dict[str, tuple[str, ...]] = {
    "declaration.md": (
        "<sup>",
        "</sup>",
        "<br>",
        "<small>",
        "</small>",
        '<span lang="fr">',
        "</span>",
        '<div class="admonition info am-unofficial-translation" role="note">',
        "</div>",
        '<p class="admonition-title">',
        "<p>",
        "</p>",
        '<a href="../../declaration/" hreflang="fr">',
        "</a>",
        # What the site adds after the verbatim text, set apart from it.
        '<section class="am-added" markdown="block" aria-labelledby="ajoute-par-le-site">',
        "</section>",
    ),
    "index.md": ('<span lang="fr">', "</span>"),
    "search.md": ("<noscript>", "</noscript>", "<p>", "</p>"),
}

# Every page may place data sections (alliance.pages.sections) and give its elements an id, a
# class of the site's stylesheet (am-...) or of the theme (md-...), or a language.
_SECTION_MARKER = r"<!--\s*data:\s*[A-Za-z0-9_-]*\s*-->"
_ATTRIBUTE_LIST = re.compile(r"^:?\s*(?:(?:#[A-Za-z][\w-]*|\.(?:am|md)-[a-z0-9-]+|(?:href)?lang=[a-z]{2,3})\s*)+$")


def own_page_markup(french_page: str) -> Markup:
    """What the page (or a translation of it), named by its French file, may hold."""
    allowed = "|".join([_SECTION_MARKER, *(re.escape(tag) for tag in OWN_PAGE_HTML.get(french_page, ()))])
    return Markup("this page", re.compile(f"^(?:{allowed})$"), _ATTRIBUTE_LIST)
