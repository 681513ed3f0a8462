"""Writes a new entry into a data file as text, keeping the file's comments, order and layout.

Every text is written as a YAML double-quoted string with YAML's own escapes, so nothing typed
in a form can open a new field, an entry, an anchor, a tag or a comment; characters that are
invisible or reorder text (controls, bidi marks, zero-width spaces) are written as `\\uXXXX` so
a reviewer sees them in the diff. The file is then read back with the build's loader and must
hold exactly its old data plus the new entry, or nothing is written.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from yaml.nodes import MappingNode, Node, SequenceNode

from alliance.data.yamlload import parse_yaml


@dataclass(frozen=True)
class Number:
    """A number typed in a form, written unquoted (checked as a number before)."""

    text: str

    @property
    def value(self) -> float:
        """Equal to what the loader reads, int or float (2024.0 == 2024)."""
        return float(self.text)


@dataclass(frozen=True)
class Value:
    """One value of the entry and the form field it comes from."""

    value: str | Number
    field: str


@dataclass(frozen=True)
class Items:
    values: tuple[Value | Group, ...]  # scalars, or groups of fields (an entry of `evidence`)
    field: str


@dataclass(frozen=True)
class Group:
    entries: tuple[tuple[str, Node_], ...]
    also: tuple[str, ...] = ()  # form fields that would fill it, named when it is left empty

    @property
    def fields(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys([f for _, node in self.entries for f in fields_of(node)] + list(self.also)))


Node_ = Value | Items | Group


def fields_of(node: Node_) -> tuple[str, ...]:
    if isinstance(node, Group):
        return node.fields
    return (node.field,)


def plain(node: Node_):
    """The data the loader reads back from the written text."""
    if isinstance(node, Group):
        return {key: plain(child) for key, child in node.entries}
    if isinstance(node, Items):
        return [plain(value) for value in node.values]
    return node.value.value if isinstance(node.value, Number) else node.value


_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r", "\0": "\\0"}


def _shown_raw(char: str) -> bool:
    """Printable in YAML and visible: anything else is written as an escape. YAML's unprintable
    characters are all controls (Cc), surrogates (Cs) or noncharacters (Cn)."""
    return unicodedata.category(char) not in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp")


def quoted(text: str) -> str:
    out = []
    for char in text:
        if char in _ESCAPES:
            out.append(_ESCAPES[char])
        elif _shown_raw(char):
            out.append(char)
        elif ord(char) <= 0xFFFF:
            out.append(f"\\u{ord(char):04X}")
        else:
            out.append(f"\\U{ord(char):08X}")
    return '"' + "".join(out) + '"'


def render(entries: tuple[tuple[str, Node_], ...], indent: int) -> list[tuple[str, tuple[str, ...]]]:
    """YAML lines of a group of fields at `indent`, each with the form fields it holds."""
    pad = " " * indent
    lines: list[tuple[str, tuple[str, ...]]] = []
    for key, node in entries:
        if isinstance(node, Value):
            shown = node.value.text if isinstance(node.value, Number) else quoted(node.value)
            lines.append((f"{pad}{key}: {shown}", (node.field,)))
        elif isinstance(node, Items) and not node.values:
            lines.append((f"{pad}{key}: []", (node.field,)))
        elif isinstance(node, Items):
            lines.append((f"{pad}{key}:", (node.field,)))
            for item in node.values:
                if isinstance(item, Group):
                    # "- " then the group's fields, the first on the dash's line.
                    (first, fields), *rest = render(item.entries, indent + 4)
                    lines += [(f"{pad}  - {first.lstrip()}", fields), *rest]
                else:
                    lines.append((f"{pad}  - {quoted(str(item.value))}", (item.field,)))
        elif not node.entries:
            lines.append((f"{pad}{key}: {{}}", node.fields))
        else:
            lines.append((f"{pad}{key}:", node.fields))
            lines += render(node.entries, indent + 2)
    return lines


class InsertionFailed(Exception):
    """The file cannot take the entry as text (not the expected layout): nothing was written."""


def _last_line(node: Node) -> int:
    """The last line (from 0) holding text of `node`."""
    children: list[Node] = []
    if isinstance(node, MappingNode):
        children = [part for pair in node.value for part in pair]
    elif isinstance(node, SequenceNode):
        children = list(node.value)
    if children:
        return max(_last_line(child) for child in children)
    end = node.end_mark
    # A node of an entry starts after its dash, at column 1 at least: ending at column 0, it ends
    # with the line before (a text block's last line break).
    return end.line - 1 if end.column == 0 else end.line


def append_entry(text: str, path: str, list_key: str, entry: Group) -> tuple[str, dict[int, tuple[str, ...]]]:
    """`text` with `entry` added at the end of the top-level list `list_key`, and the form
    fields held by each new line (numbered from 1)."""
    doc = parse_yaml(text, path)
    sequence = (
        next((value for key, value in doc.root.value if key.value == list_key), None)
        if isinstance(doc.root, MappingNode)
        else None
    )
    if not isinstance(sequence, SequenceNode) or sequence.flow_style or not sequence.value:
        raise InsertionFailed(f"{path}: {list_key} is not a block list with entries")
    dash = sequence.value[0].start_mark.column - 2
    lines = text.split("\n")
    last = _last_line(sequence.value[-1])
    first_of_last = sequence.value[-1].start_mark.line
    spaced = not lines[first_of_last - 1].strip()  # an entry starts under its list's key: line 1 at least
    rendered = render(entry.entries, dash + 2)
    first_text, first_fields = rendered[0]
    block = [(" " * dash + "- " + first_text[dash + 2 :], first_fields)] + rendered[1:]
    new_lines = ([""] if spaced else []) + [line for line, _ in block]
    at = last + 1
    result = "\n".join(lines[:at] + new_lines + lines[at:])
    start = at + (2 if spaced else 1)
    fields = {start + i: held for i, (_, held) in enumerate(block)}
    new_data = parse_yaml(result, path).data
    expected = dict(doc.data, **{list_key: [*doc.data[list_key], plain(entry)]})
    if new_data != expected:
        raise InsertionFailed(f"{path}: the file read back differs from the file plus the entry")
    return result, fields


def front_matter(entry: Group) -> tuple[str, dict[int, tuple[str, ...]]]:
    """A practice's front matter (between its `---` lines) and the fields of each line."""
    rendered = render(entry.entries, 0)
    text = "---\n" + "\n".join(line for line, _ in rendered) + "\n---\n"
    read_back = parse_yaml("#\n" + text[len("---\n") : -len("---\n")], "front matter").data
    if read_back != plain(entry):
        raise InsertionFailed("the front matter read back differs from the entry")
    return text, {2 + i: held for i, (_, held) in enumerate(rendered)}
