"""Escaping of data strings for the places they land in generated Markdown and HTML."""

from __future__ import annotations

import html
import json
import re
from typing import Iterable

from alliance.localized import Shown

# Characters Python-Markdown gives a meaning to; a backslash makes each a literal.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|>])")


def md_text(text: str) -> str:
    """A data string as literal text inside Markdown (paragraphs, list items, headings)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


def md_table_header(cells: Iterable[str]) -> list[str]:
    """The first two lines of a Markdown table whose column headings are `cells` (plain texts)."""
    cells = [md_text(cell) for cell in cells]
    return ["| " + " | ".join(cells) + " |", "|" + " --- |" * len(cells)]


def front_matter(**fields: str) -> str:
    """A generated page's front matter; JSON strings are YAML strings that no data text can break.

    The description is a plain text: hooks/pages.py escapes it for the attribute it lands in.
    """
    lines = "".join(f"{name}: {json.dumps(value, ensure_ascii=False)}\n" for name, value in fields.items())
    return f"---\n{lines}---\n\n"


def html_text(text: str) -> str:
    """A data string as HTML text or attribute value."""
    return html.escape(text, quote=True)


def fallback_notice_html(notice: str, language: str | None = None) -> str:
    """The notice on a page or field shown in French because its translation is missing.

    `language` is the notice's own language when it differs from the page's (a language whose
    interface texts are not translated yet reads the notice in French).
    """
    lang = f' lang="{html_text(language)}"' if language else ""
    return f'<div class="admonition info am-fallback-notice" role="note"{lang}><p>{html_text(notice)}</p></div>\n'


def md_shown(shown: Shown, fallback_label: str) -> str:
    """A localized data text in Markdown; French shown for want of a translation says so."""
    text = md_text(shown.text)
    if shown.is_fallback:
        return f'<span lang="{shown.language}">{text}</span> <small class="am-fallback-field">({html_text(fallback_label)})</small>'
    return text


def city_link(city, language: str, to_root: str) -> str:
    """A city's name (French when not translated: a proper name) linked to its page, from a page
    `to_root` away from content/ ("" or "../")."""
    return f"[{md_text(city.name[language])}]({to_root}cities/{city.id}.md)"
