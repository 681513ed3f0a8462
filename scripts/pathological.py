"""A generator of pathological practice texts at the limits of alliance.data.contributed.

Each family repeats a structure that makes Python-Markdown backtrack or recurse (brackets,
parentheses, emphasis, unclosed tags, runs of marks, nesting of lists and quotes), as deep and
as long as the limits let a text be, up to the most characters a page may have. `make bench`
renders each and prints the slowest; the tests check that each is refused with a problem or
accepted and rendered, never a traceback.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

from alliance.data.contributed import (
    MAX_BLOCK_LINES,
    MAX_FENCES,
    MAX_INDENT,
    MAX_NESTING,
    MAX_PAGE_TEXT,
    MAX_RUN,
    MAX_TAGS,
    TAG_START,
)

D, R = MAX_NESTING, MAX_RUN

# name -> (unit, separator): the unit is repeated, each copy followed by the separator.
UNITS: dict[str, tuple[str, str]] = {
    "nested brackets": ("[" * D + "x" + "]" * D, " "),
    "unclosed brackets": ("[" * D, "\n\n"),
    "unclosed images": ("![" * D, "\n\n"),
    "unclosed link targets": ("[x](" * D, "\n\n"),
    "nested link targets": ("[x](" * D + ")" * D, " "),
    "links in link texts": ("[" * D + "x" + "](y)" * D, " "),
    "nested parentheses": ("(" * D + "x" + ")" * D, " "),
    "unclosed angle brackets": ("x<" * D, "\n\n"),
    "unclosed tags": ("<a " * D, "\n\n"),
    "unclosed autolinks": ("<http://x " * D, "\n\n"),
    "unclosed comments": ("<!-- " * D, "\n\n"),
    "tags closed late": ("<a b='" * D + ">", "\n\n"),
    "nested emphasis": ("*a " * D + "b" + " c*" * D, " "),
    "nested strong": ("**a " * D + "b" + " c**" * D, " "),
    "nested underscores": ("_a " * D + "b" + " c_" * D, " "),
    "mixed emphasis": ("*a _b **c __d " * (D // 4) + "e" + " f__ g** h_ i*" * (D // 4), " "),
    "unclosed emphasis": ("*a " * D, "\n\n"),
    "runs of stars": ("*" * R + "x" + "*" * R, " "),
    "runs of underscores": ("_" * R + "x" + "_" * R, " "),
    "alternating stars and underscores": ("*_" * (R // 2), " "),
    "runs of backticks": ("`" * R + "x", " "),
    "runs of brackets": ("]" * R + "[" * D, "\n\n"),
    "runs of tildes": ("~" * R + "x", "\n\n"),
    "bangs and brackets": ("!" * R + "[" * D, "\n\n"),
    "entity references": ("&#" + "9" * 20 + ";&amp;", " "),
    "reference links": ("[a" * D + "][b]" * D, "\n\n"),
    "reference definitions": ("[x]: <" + "y" * 40 + "> 'title'", "\n\n"),
    "attribute lists": ("x {: " + "." * R + " }", "\n\n"),
    "nested lists": ("".join(" " * (4 * i) + "- x\n" for i in range(MAX_INDENT // 4 + 1)), "\n"),
    "nested quotes": ("> " * (MAX_INDENT // 2) + "x", "\n\n"),
    "long blocks of headings": ("## x\n" * MAX_BLOCK_LINES, "\n"),
    "long blocks of list items": ("- x\n" * MAX_BLOCK_LINES, "\n"),
    "long blocks of quotes": ("> x\n" * MAX_BLOCK_LINES, "\n"),
    "long blocks of short lines": ("x\n" * MAX_BLOCK_LINES, "\n"),
    "quotes and lists": ("> - " * (MAX_INDENT // 4) + "x", "\n\n"),
    "table pipes": ("|" + "x|" * 200 + "\n|" + "-|" * 200, "\n\n"),
    "setext underlines": ("x\n" + "=" * 200, "\n\n"),
    "headings with ids": ("## x {#y}", "\n\n"),
    "admonitions": ("!!! note\n    x", "\n\n"),
    "fences": ("```\nx", "\n\n"),
    "unclosed fences": ("```x", "\n\n"),
    "unclosed tilde fences": ("~~~x", "\n\n"),
    "code spans and brackets": ("`[`" * D, "\n\n"),
    "backslashes": ("\\" * R + "[", "\n\n"),
    "many short tags": ("<sup>x</sup>", " "),
}


def _filled(unit: str, separator: str, limit: int) -> str:
    """Copies of the unit up to the size limit; as many as the limit of tags allows, the rest
    of the text then one long word that a tag's search reads to its end."""
    copies = max(1, (limit - 1) // (len(unit) + len(separator)))
    if tags := len(TAG_START.findall(unit)):
        copies = min(copies, MAX_TAGS // tags)
    if fences := sum(1 for line in unit.split("\n") if line.startswith(("```", "~~~"))):
        copies = min(copies, MAX_FENCES // fences)
    text = (unit + separator) * copies
    return text + "y" * (limit - 1 - len(text))


def pathological_texts(seed: int = 0, mixtures: int = 20, limit: int = MAX_PAGE_TEXT) -> Iterator[tuple[str, str]]:
    """(name, text) of each family at the size limit, then random mixtures of the families."""
    for name, (unit, separator) in UNITS.items():
        yield name, _filled(unit, separator, limit)
    # A text needs fewer tags than the limit to be read: the most tags, spread over the text.
    yield "tags at their limit", _filled("<sup>x</sup>" + "y" * (limit // MAX_TAGS - 20), " ", limit)
    # Each piece a paragraph of its own, so that the mixture stays within the limits.
    chooser = random.Random(seed)
    for number in range(mixtures):
        parts, size, tags, fences = [], 0, 0, 0
        while size < limit:
            unit, separator = UNITS[chooser.choice(sorted(UNITS))]
            tags += len(TAG_START.findall(unit))
            fences += unit.count("```") + unit.count("~~~")
            if tags > MAX_TAGS or fences > MAX_FENCES:
                unit = "y" * 80
            parts.append(unit + separator + "\n\n")
            size += len(parts[-1])
        yield f"mixture {number + 1}", "".join(parts)[: limit - 1]
