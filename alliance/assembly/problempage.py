"""The page the preview shows while the site cannot be built: every problem, with its hint.

The hints are the "meaning and fix" column of the message tables of CONTRIBUTING.en.md (section
"Messages of the check"), so the guide stays their one place: a row's message, with its
placeholders (X, Y, N, …) read as "any text", is looked for in each problem.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from html import escape
from pathlib import Path

from alliance.data.problems import Problem
from alliance.paths import ROOT

CONTRIBUTING = ROOT / "CONTRIBUTING.en.md"
_SECTION = "## Messages of the check"
_PLACEHOLDER = re.compile(r"\b[XYN]\b|…")


@dataclass(frozen=True)
class Hint:
    message: re.Pattern
    text: str  # Markdown of the guide's "meaning and fix" cell


def _message_pattern(message: str) -> re.Pattern | None:
    # The suggestion is there only when one is found: the message before it is enough.
    message = re.sub(r"\s*\(did you mean [^)]*\)$", "", message)
    parts = _PLACEHOLDER.split(message)
    # A message made mostly of placeholders (`actions[N]`) would match too much.
    if len(re.sub(r"[^a-z]", "", "".join(parts).lower())) < 10:
        return None
    return re.compile(".+?".join(re.escape(part) for part in parts))


def contributing_hints(guide: Path = CONTRIBUTING) -> tuple[Hint, ...]:
    text = guide.read_text(encoding="utf-8") if guide.is_file() else ""
    section = text.partition(_SECTION)[2]
    hints = []
    for row in re.findall(r"^\| (.+?) \| (.+?) \|$", section, re.M):
        messages, meaning = row
        for message in re.findall(r"`([^`]+)`", messages):
            if pattern := _message_pattern(message):
                hints.append(Hint(pattern, meaning))
    return tuple(hints)


def hint_for(message: str, hints: Iterable[Hint]) -> str | None:
    """The guide's fix for a problem's message; the most specific when several rows match."""
    matching = [hint for hint in hints if hint.message.search(message)]
    return max(matching, key=lambda hint: len(hint.message.pattern)).text if matching else None


def _inline(markdown: str) -> str:
    """The guide's cell as HTML: escaped text with its `code` spans."""
    parts = re.split(r"(`[^`]+`)", markdown)
    return "".join(
        f"<code>{escape(p[1:-1])}</code>" if p.startswith("`") and p.endswith("`") else escape(p) for p in parts
    )


def problem_page(problems: Iterable[Problem], messages: Iterable[str] = (), hints: Iterable[Hint] = ()) -> str:
    """A whole HTML document (the site's stylesheets may be missing): escaped, no script, and
    reloaded every two seconds so that it gives way to the site once the problems are fixed."""
    problems, messages, hints = list(problems), list(messages), tuple(hints)
    items = []
    for problem in problems:
        hint = hint_for(problem.message, hints)
        shown = f"<li><code>{escape(str(problem))}</code>"
        items.append(shown + (f'<br><span class="hint">{_inline(hint)}</span></li>' if hint else "</li>"))
    items += [f"<li><pre>{escape(message)}</pre></li>" for message in messages]
    count = len(problems) + len(messages)
    title = f"{count} problem{'s' if count != 1 else ''}: the site cannot be built"
    return "\n".join(
        [
            "<!doctype html>",
            '<html lang="en">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta http-equiv="refresh" content="2">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{escape(title)}</title>",
            "<style>body{font:1rem/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}"
            "code,pre{font-family:ui-monospace,monospace;white-space:pre-wrap;word-break:break-word}"
            "li{margin-bottom:.8rem}.hint{color:#444}</style>",
            "</head>",
            "<body>",
            "<main>",
            f"<h1>{escape(title)}</h1>",
            "<p>Fix the lines below and save: this page reloads by itself and shows the site once the"
            " build succeeds. The meanings of the messages are in CONTRIBUTING.en.md, “Messages of the check”.</p>",
            '<ol id="problems">',
            *items,
            "</ol>",
            "</main>",
            "</body>",
            "</html>",
            "",
        ]
    )
