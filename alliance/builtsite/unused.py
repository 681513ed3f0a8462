"""How much of the CSS and JavaScript a page loads it does not use: what Lighthouse calls "Reduce
unused CSS" and "Reduce unused JavaScript", from the browser's own coverage (Chromium's CSS rule
usage and V8's block coverage, read by tests/quality/observe.py).

Offsets are the browser's (UTF-16 code units of the file's text). As Lighthouse does, the bytes a
reader would save are the file's gzip size times its unused share.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from alliance.builtsite.weight import gzip_size


@dataclass(frozen=True)
class Range:
    start: int
    end: int  # exclusive


@dataclass(frozen=True)
class CoverageRange:
    """One range of V8's block coverage and how many times it ran (0: never)."""

    start: int
    end: int
    count: int


@dataclass(frozen=True)
class UnusedCode:
    """One style sheet or script of a page and how much of it the page did not use."""

    url: str
    kind: str  # "css" or "js"
    length: int  # of its text
    unused: int  # of its text
    gzip: int  # its text's gzip size

    @property
    def unused_gzip(self) -> int:
        """The gzip bytes a reader would save without the unused part (Lighthouse's estimate)."""
        return round(self.gzip * self.unused / self.length) if self.length else 0


def css_unused_length(length: int, used: Iterable[Range]) -> int:
    """The characters of a style sheet that no used rule covers (comments and unused rules)."""
    covered = 0
    end_so_far = 0
    for rule in sorted(used, key=lambda r: r.start):
        # end_so_far starts at 0: a range before the file's start is cut there too
        start, end = max(rule.start, end_so_far), min(rule.end, length)
        if end > start:
            covered += end - start
        end_so_far = max(end_so_far, end)
    return length - covered


def js_unused_length(length: int, ranges: Iterable[CoverageRange]) -> int:
    """The characters of a script that never ran.

    V8's ranges nest (a function, its blocks, the functions inside them): the innermost range
    around a character says whether it ran, so outer ranges are applied first, inner ones over them.
    Characters outside every range (none, with precise coverage) count as run.
    """
    ran = bytearray(b"\x01") * length
    for block in sorted(ranges, key=lambda r: (r.start, -r.end)):
        start, end = max(block.start, 0), min(block.end, length)
        if end > start:
            ran[start:end] = (b"\x01" if block.count else b"\x00") * (end - start)
    return length - sum(ran)


def unused_code(url: str, kind: str, text: str, unused: int) -> UnusedCode:
    return UnusedCode(url, kind, len(text), unused, gzip_size(text.encode("utf-8")))
