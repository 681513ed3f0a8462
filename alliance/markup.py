"""Escaping of data strings for the places they land in generated Markdown and HTML."""

from __future__ import annotations

import html
import re

# Characters Python-Markdown gives a meaning to; a backslash makes each a literal.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|>])")


def md_text(text: str) -> str:
    """A data string as literal text inside Markdown (paragraphs, list items, headings)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


def html_text(text: str) -> str:
    """A data string as HTML text or attribute value."""
    return html.escape(text, quote=True)


def fallback_notice_html(notice: str) -> str:
    """The notice on a page or field shown in French because its translation is missing."""
    return f'<div class="admonition info am-fallback-notice" role="note"><p>{html_text(notice)}</p></div>\n'
