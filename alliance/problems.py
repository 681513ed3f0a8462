"""Problems found in the data, reported as `path:line:column: message`."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Any, Iterable


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.message}"


class DataError(Exception):
    """Raised with every problem of a load, so that they are all reported at once."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = tuple(sorted(set(problems)))
        super().__init__(format_report(self.problems))


def format_report(problems: Iterable[Problem]) -> str:
    problems = list(problems)
    lines = [str(p) for p in problems]
    count = len(problems)
    lines.append(f"{count} problem{'s' if count != 1 else ''} found: fix the lines above, then build again.")
    return "\n".join(lines)


def did_you_mean(value: Any, candidates: list[str] | tuple[str, ...]) -> str:
    if not isinstance(value, str):
        return ""
    match = difflib.get_close_matches(value, list(candidates), n=1, cutoff=0.6)
    if not match:
        match = [c for c in candidates if c.lower() == value.lower()]
    return f' (did you mean "{match[0]}"?)' if match else ""
