"""The sources of a record as Markdown links: web addresses, or paragraphs of the declaration page."""

from __future__ import annotations

import re

from alliance.data.labels import Labels
from alliance.pages.markup import html_text, md_text

DECLARATION_SOURCE = re.compile(r"^declaration#p([1-9][0-9]*)$")


def source_markdown(source: str, labels: Labels, language: str, to_root: str) -> str:
    """A link to `source` from a page `to_root` away from content/ ("" or "../").

    `declaration#p4` links to paragraph 4 of the declaration page, which MkDocs resolves to the
    page in the same language and checks, anchor included.
    """
    if match := DECLARATION_SOURCE.match(source):
        text = labels.ui("source-declaration", language).format(paragraph=match[1])
        return f"[{md_text(text)}]({to_root}declaration.md#p{match[1]})"
    return f'<a href="{html_text(source)}">{md_text(source)}</a>'
