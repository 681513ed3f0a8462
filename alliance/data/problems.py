"""Problems found in the data, reported as `path:line:column: message`."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import Any, NamedTuple

from alliance.data.characters import shown


class Problem(NamedTuple):
    path: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        # A file name or a message quoting a value may hold any character: none reaches a
        # terminal or a CI log as it is.
        return shown(f"{self.path}:{self.line}:{self.column}: {self.message}")


class DataError(Exception):
    """Raised with every problem of a load, so that they are all reported at once."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = _merge_same_place(sorted(set(problems)))
        super().__init__(format_report(self.problems))


def _merge_same_place(problems: list[Problem]) -> tuple[Problem, ...]:
    """Two checks that speak of the same value make one line: `where: first; second`."""
    merged: list[Problem] = []
    for problem in problems:
        previous = merged[-1] if merged else None
        if previous and previous[:3] == problem[:3]:
            where, _, rest = problem.message.partition(": ")
            if previous.message.startswith(where + ": "):
                merged[-1] = Problem(*problem[:3], f"{previous.message}; {rest}")
                continue
        merged.append(problem)
    return tuple(merged)


def format_report(problems: Iterable[Problem]) -> str:
    problems = list(problems)
    lines = [str(p) for p in problems]
    count = len(problems)
    lines.append(f"{count} problem{'s' if count != 1 else ''} found: fix the lines above, then build again.")
    return "\n".join(lines)


def did_you_mean(value: Any, candidates: list[str] | tuple[str, ...]) -> str:
    if not isinstance(value, str):
        return ""
    # The closest spelling first, else the same word in another case ("LISBON" is far from "lisbon").
    match = difflib.get_close_matches(value, list(candidates)) or [c for c in candidates if c.lower() == value.lower()]
    return f' (did you mean "{match[0]}"?)' if match else ""
