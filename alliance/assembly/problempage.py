"""The page the preview shows while the site cannot be built: every problem, with its hint, in
French (the site's first language) and in English.

The hints are the "meaning and fix" column of the message tables of CONTRIBUTING.md (section
"Messages de vérification") and CONTRIBUTING.en.md ("Messages of the check"), so the guides stay
their one place: a row's message, with its placeholders (X, Y, N, …) read as "any text", is looked
for in each problem. The messages themselves are in English in both guides.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from html import escape
from pathlib import Path

from alliance.data.characters import shown
from alliance.data.problems import Problem
from alliance.paths import ROOT

_PLACEHOLDER = re.compile(r"\b[XYN]\b|…")


@dataclass(frozen=True)
class Guide:
    language: str
    path: Path
    section: str  # the heading of the message tables


GUIDES = (
    Guide("fr", ROOT / "CONTRIBUTING.md", "## Messages de vérification"),
    Guide("en", ROOT / "CONTRIBUTING.en.md", "## Messages of the check"),
)


@dataclass(frozen=True)
class PageWords:
    language: str
    one: str  # the title, for one problem
    many: str  # the title, for {n} problems
    intro: str

    def title(self, count: int) -> str:
        return self.one if count == 1 else self.many.format(n=count)


# The page's own words: French first, as on the site.
PAGE_WORDS = (
    PageWords(
        "fr",
        "1 problème : le site ne peut pas être construit",
        "{n} problèmes : le site ne peut pas être construit",
        "Corrigez les lignes ci-dessous et enregistrez : cette page se recharge d'elle-même et laisse place"
        " au site dès que la construction réussit. Le sens des messages est dans CONTRIBUTING.md,"
        " « Messages de vérification ».",
    ),
    PageWords(
        "en",
        "1 problem: the site cannot be built",
        "{n} problems: the site cannot be built",
        "Fix the lines below and save: this page reloads by itself and shows the site once the build"
        " succeeds. The meanings of the messages are in CONTRIBUTING.en.md, “Messages of the check”.",
    ),
)


@dataclass(frozen=True)
class Hint:
    """A row of a guide's message tables: the fixed texts of its message, in order (between two of
    them, any text of at least one character), and its "meaning and fix" cell, in Markdown."""

    parts: tuple[str, ...]
    text: str

    def matches(self, message: str) -> bool:
        """Whether the parts appear in `message` in order, each at least one character after the
        one before. Each part is placed at its first possible position, which leaves the most room
        for the next: one search per part, linear in the message (a pattern of `.+?` between the
        parts backtracks, and took minutes over long values)."""
        start = 0
        for part in self.parts:
            found = message.find(part, start)
            if found < 0:
                return False
            start = found + len(part) + 1
        return True


def _message_parts(message: str) -> tuple[str, ...] | None:
    # The suggestion is there only when one is found: the message before it is enough.
    message = re.sub(r"\s*\(did you mean [^)]*\)$", "", message)
    parts = tuple(_PLACEHOLDER.split(message))
    # A message made mostly of placeholders (`actions[N]`) would match too much.
    if len(re.sub(r"[^a-z]", "", "".join(parts).lower())) < 10:
        return None
    return parts


def contributing_hints(guide: Guide = GUIDES[-1]) -> tuple[Hint, ...]:
    text = guide.path.read_text(encoding="utf-8") if guide.path.is_file() else ""
    section = text.partition(guide.section)[2]
    hints = []
    for messages, meaning in re.findall(r"^\| (.+?) \| (.+?) \|$", section, re.M):
        for message in re.findall(r"`([^`]+)`", messages):
            if parts := _message_parts(message):
                hints.append(Hint(parts, meaning))
    return tuple(hints)


def guides_hints() -> dict[str, tuple[Hint, ...]]:
    """The hints of every guide, by language."""
    return {guide.language: contributing_hints(guide) for guide in GUIDES}


def hint_for(message: str, hints: Iterable[Hint]) -> str | None:
    """The guide's fix for a problem's message; the most specific (longest fixed text) when several
    rows match."""
    matching = [hint for hint in hints if hint.matches(message)]
    return max(matching, key=lambda hint: sum(map(len, hint.parts))).text if matching else None


def _inline(markdown: str) -> str:
    """The guide's cell as HTML: escaped text with its `code` spans."""
    parts = re.split(r"(`[^`]+`)", markdown)
    return "".join(
        f"<code>{escape(p[1:-1])}</code>" if p.startswith("`") and p.endswith("`") else escape(p) for p in parts
    )


def _shown_lines(text: str) -> str:
    """A build's warning keeps its lines; any other control character is shown as its escape."""
    return "\n".join(shown(line) for line in text.split("\n"))


def problem_page(
    problems: Iterable[Problem], messages: Iterable[str] = (), hints: Mapping[str, Iterable[Hint]] | None = None
) -> str:
    """A whole HTML document (the site's stylesheets may be missing), in French then English:
    escaped, no script, and reloaded every two seconds so that it gives way to the site once the
    problems are fixed. `hints`: by language (guides_hints())."""
    problems, messages = list(problems), list(messages)
    hints_by_language = {language: tuple(found) for language, found in (hints or {}).items()}
    items = []
    for problem in problems:
        shown = [f"<li><code>{escape(str(problem))}</code>"]
        for language, language_hints in hints_by_language.items():
            if hint := hint_for(problem.message, language_hints):
                shown.append(f'<br><span class="hint" lang="{escape(language)}">{_inline(hint)}</span>')
        items.append("".join(shown) + "</li>")
    items += [f"<li><pre>{escape(_shown_lines(message))}</pre></li>" for message in messages]
    count = len(problems) + len(messages)
    return "\n".join(
        [
            "<!doctype html>",
            '<html lang="fr">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta http-equiv="refresh" content="2">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{escape(' · '.join(words.title(count) for words in PAGE_WORDS))}</title>",
            "<style>body{font:1rem/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}"
            "code,pre{font-family:ui-monospace,monospace;white-space:pre-wrap;word-break:break-word}"
            "li{margin-bottom:.8rem}.hint{color:#444;display:block}h1 span,p span{display:block}</style>",
            "</head>",
            "<body>",
            "<main>",
            "<h1>"
            + "".join(f'<span lang="{w.language}">{escape(w.title(count))}</span>' for w in PAGE_WORDS)
            + "</h1>",
            *(f'<p lang="{words.language}">{escape(words.intro)}</p>' for words in PAGE_WORDS),
            '<ol id="problems">',
            *items,
            "</ol>",
            "</main>",
            "</body>",
            "</html>",
            "",
        ]
    )
