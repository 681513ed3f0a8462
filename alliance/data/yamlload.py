"""Reads YAML as editors do (YAML 1.2 core schema), keeping every value's position.

PyYAML implements YAML 1.1, where `NO` is false, `2023-06-15` is a date and a repeated key
silently wins. Contributors' editors follow YAML 1.2, so the build uses a loader that agrees
with them: only true/false are booleans, dates stay text, duplicate keys are errors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from alliance.data.problems import DataError, Problem


class _Strict:
    """YAML 1.2 core-schema scalars and no duplicate keys, on top of a PyYAML SafeLoader."""

    yaml_implicit_resolvers: dict = {}

    def construct_mapping(self, node, deep=False):
        seen: dict[Any, Node] = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            if not isinstance(key, str):
                raise yaml.constructor.ConstructorError(
                    None, None, "a field name must be text", key_node.start_mark
                )
            if key in seen:
                first = seen[key].start_mark.line + 1
                raise yaml.constructor.ConstructorError(
                    None, None, f'the field "{key}" appears twice (first on line {first})', key_node.start_mark
                )
            seen[key] = key_node
        return super().construct_mapping(node, deep=deep)


class StrictLoader(_Strict, yaml.SafeLoader):
    """Pure Python: its error messages are the ones _plain_yaml_message rewords."""


# libyaml's parser (in PyYAML's wheels) reads valid files several times faster; a file it
# rejects is read again by StrictLoader, so that every report has the same words.
FastStrictLoader = type("FastStrictLoader", (_Strict, getattr(yaml, "CSafeLoader", yaml.SafeLoader)), {})

for tag, pattern, first in (
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", "-+0123456789"),
    (
        "tag:yaml.org,2002:float",
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        "-+0123456789.",
    ),
):
    for loader_class in (StrictLoader, FastStrictLoader):
        loader_class.add_implicit_resolver(tag, re.compile(pattern), list(first))


def _construct_yaml12_int(loader, node):
    value = loader.construct_scalar(node)
    if value.startswith("0o"):
        return int(value[2:], 8)
    if value.startswith("0x"):
        return int(value[2:], 16)
    return int(value, 10)


def _construct_yaml12_bool(loader, node):
    return loader.construct_scalar(node).lower() == "true"


for loader_class in (StrictLoader, FastStrictLoader):
    loader_class.add_constructor("tag:yaml.org,2002:int", _construct_yaml12_int)
    loader_class.add_constructor("tag:yaml.org,2002:bool", _construct_yaml12_bool)


@dataclass(frozen=True)
class YamlDocument:
    """A parsed file: its values and the node tree that knows where each value stands."""

    path: str
    data: Any
    root: Node | None

    def locate(self, keys: tuple[str | int, ...]) -> tuple[int, int]:
        """Line and column (from 1) of the value at `keys`, or of its nearest existing parent."""
        node = self.root
        if node is None:
            return 1, 1
        for key in keys:
            child = _child(node, key)
            if child is None:
                break
            node = child
        return node.start_mark.line + 1, node.start_mark.column + 1

    def locate_key(self, keys: tuple[str | int, ...]) -> tuple[int, int]:
        """Like locate, but points at the field's name rather than its value."""
        if keys and isinstance(keys[-1], str):
            parent = self.root
            for key in keys[:-1]:
                parent = _child(parent, key) if parent is not None else None
            if isinstance(parent, MappingNode):
                for key_node, _ in parent.value:
                    if isinstance(key_node, ScalarNode) and key_node.value == keys[-1]:
                        return key_node.start_mark.line + 1, key_node.start_mark.column + 1
        return self.locate(keys)

    def problem(self, keys: tuple[str | int, ...], message: str, *, at_key: bool = False) -> Problem:
        line, column = self.locate_key(keys) if at_key else self.locate(keys)
        where = format_keys(keys)
        return Problem(self.path, line, column, f"{where}: {message}" if where else message)


def _child(node: Node, key: str | int) -> Node | None:
    if isinstance(node, MappingNode) and isinstance(key, str):
        for key_node, value_node in node.value:
            if isinstance(key_node, ScalarNode) and key_node.value == key:
                return value_node
    if isinstance(node, SequenceNode) and isinstance(key, int) and 0 <= key < len(node.value):
        return node.value[key]
    return None


def format_keys(keys: tuple[str | int, ...]) -> str:
    """`("cities", 3, "country")` -> `cities[3].country`."""
    text = ""
    for key in keys:
        text += f"[{key}]" if isinstance(key, int) else (f".{key}" if text else key)
    return text


def parse_yaml(text: str | bytes, path: str) -> YamlDocument:
    """Parses one YAML document; any problem is raised as a DataError naming path:line:column."""
    if isinstance(text, bytes):
        text = decode_utf8(text, path)
    try:
        return _compose(text, path, FastStrictLoader)
    except yaml.YAMLError:
        pass  # reported below, in the words of the pure-Python loader
    try:
        return _compose(text, path, StrictLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise DataError([Problem(path, line, column, _plain_yaml_message(error))]) from None
    except yaml.YAMLError as error:  # ReaderError: a character YAML does not allow
        position = getattr(error, "position", 0) or 0
        line = text.count("\n", 0, position) + 1
        column = position - (text.rfind("\n", 0, position) + 1) + 1
        raise DataError([Problem(path, line, column, "the file contains a control character that YAML does not allow")]) from None


def _compose(text: str, path: str, loader_class: type) -> YamlDocument:
    loader = loader_class(text)
    try:
        root = loader.get_single_node()
        data = loader.construct_document(root) if root is not None else None
    finally:
        loader.dispose()
    return YamlDocument(path, data, root)


def load_yaml(path: Path, display_path: str | None = None) -> YamlDocument:
    shown = display_path or str(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise DataError([Problem(shown, 1, 1, "the file is missing")]) from None
    except OSError as error:
        raise DataError([Problem(shown, 1, 1, f"the file cannot be read ({error.strerror})")]) from None
    return parse_yaml(raw, shown)


def decode_utf8(raw: bytes, path: str) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise DataError([Problem(path, 1, 1, "the file is saved as UTF-16: save it with the UTF-8 encoding")])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        raise DataError(
            [Problem(path, line, column, "the file is not valid UTF-8 text: save it with the UTF-8 encoding")]
        ) from None
    return text.removeprefix("\ufeff")


def _plain_yaml_message(error: yaml.MarkedYAMLError) -> str:
    """Turns PyYAML's wording into words a contributor can act on."""
    problem = error.problem or "the YAML syntax is wrong here"
    if "\\t" in problem or "'\\t'" in problem or "tab" in problem:
        return "a tab character is used for indentation: YAML needs spaces"
    if isinstance(error, yaml.constructor.ConstructorError):
        if "could not determine a constructor" in problem:
            return "YAML tags (words starting with '!') are not allowed in data files"
        return problem
    if "mapping values are not allowed" in problem:
        return "unexpected ':' here: check the indentation, or put the text in quotes"
    if "expected <block end>" in (error.context or "") + problem:
        return "the indentation is wrong here: items at the same level must start in the same column"
    if "found undefined alias" in problem or "found undefined anchor" in problem:
        return problem.replace("found undefined", "unknown") + " (a '*' starts an alias in YAML: put the text in quotes)"
    if "could not find expected ':'" in problem:
        return "a line here is not of the form 'field: value': check the indentation, or put the text in quotes"
    if "expected ',' or ']'" in problem or "expected ',' or '}'" in problem:
        return "a list or group opened with '[' or '{' is not closed"
    if "found unexpected end of stream" in problem:
        return "the file ends inside a quoted text: a closing quote is missing"
    if "found character" in problem and "cannot start any token" in problem:
        return f"{problem.replace('found character', 'the character')}: put the text in quotes"
    return f"YAML syntax error: {problem}"
