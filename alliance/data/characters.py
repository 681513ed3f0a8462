"""Which characters a contribution may hold, and how any text is shown in a message.

One rule for every file a pull request can touch: the data (alliance/data/yamlload.py refuses
them in every field name and value) and the practices (alliance/data/contributed.py, line by
line). Control characters other than tab and newline never reach a page, a calendar or a CSV
file; and every message prints the text it quotes with its control and invisible characters
written as escapes, so that a value cannot move the cursor of a terminal or write a line of its
own into a CI log.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# C0 and C1 control characters and DEL, but tab and newline (line ends are "\n" once read:
# alliance.data.yamlload.normalize_newlines).
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")

# Invisible characters that reorder or hide the text around them ("Trojan Source"): a name
# could read differently from what it is. Marks (U+200E, U+200F, U+061C) and joiners that
# scripts need (U+200C, U+200D) are allowed.
INVISIBLE = {
    **{chr(c): "a bidirectional embedding or override" for c in range(0x202A, 0x202F)},
    **{chr(c): "a bidirectional isolate" for c in range(0x2066, 0x206A)},
    "\u200b": "a zero-width space",
    "\u2060": "a word joiner",
    "\ufeff": "a zero-width no-break space",
    **{chr(c): "an invisible operator" for c in range(0x2061, 0x2065)},
    "\u2028": "a line separator",
    "\u2029": "a paragraph separator",
    **{chr(c): "an interlinear annotation mark" for c in range(0xFFF9, 0xFFFC)},
}

_UNSHOWN = re.compile("[\x00-\x1f\x7f-\x9f" + "".join(INVISIBLE) + "]")
_NAMED_ESCAPES = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def _escape(character: str) -> str:
    code = ord(character)
    return _NAMED_ESCAPES.get(character) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


def shown(text: str) -> str:
    """`text` as a message prints it: each control or invisible character as its escape
    (`\\x1b`, `\\n`, `\\u202e`), everything else as it is."""
    return _UNSHOWN.sub(lambda match: _escape(match.group()), text)


def control_message(character: str) -> str:
    return f"contains U+{ord(character):04X} ({_escape(character)}), a control character: remove it"


def invisible_characters(text: str) -> Iterator[tuple[int, str]]:
    """(index, message) of each character of `text` that a contribution may not hold: the invisible
    characters that disguise a text, and control characters (tab and newline apart). The practices'
    check calls it line by line; the data's loader refuses control characters in every value."""
    for index, char in enumerate(text):
        if char in INVISIBLE:
            yield (
                index,
                f"contains U+{ord(char):04X}, {INVISIBLE[char]}, an invisible character that can disguise the text: remove it",
            )
        elif CONTROL.match(char):
            yield index, control_message(char)
