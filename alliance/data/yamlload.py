"""Reads YAML as editors do (YAML 1.2 core schema), within limits, and knows where each value stands.

PyYAML implements YAML 1.1, where `NO` is false, `2023-06-15` is a date and a repeated key
silently wins. Contributors' editors follow YAML 1.2, so the build uses a loader that agrees
with them: only true/false are booleans, dates stay text, duplicate keys are errors.

Two readers, one result:
- the fast path (rapidyaml, a C++ parser, emitting JSON that json.loads reads) reads a valid
  file in a fraction of PyYAML's time but knows no positions and types nothing itself;
- the strict path (PyYAML's pure-Python loader made YAML 1.2) keeps every value's position: it
  reads any file the fast path cannot decide, and composes the positions of a file the fast
  path read only when a problem must be located.
The fast path answers only where it is sure to agree with the strict one: plain data, without
the corners where the two parsers were found to differ (block-text headers but the six plain
ones, document markers, escapes, quoted texts over several lines or followed on their line,
lists followed on their line, a file without a last line break). A differential fuzzer
(tests/test_yaml_paths.py: 3,000 documents in `make test`, 100,000 weekly) compares them;
everything else goes to the strict path, which words the problems. The limits below hold on both paths and are checked while reading, before anything
walks the values: a file over them is refused at once, never expanded, never a traceback.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, ClassVar

import ryml
import yaml
from yaml.events import AliasEvent, CollectionStartEvent, ScalarEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from alliance.data.characters import CONTROL, control_message
from alliance.data.problems import DataError, Problem

# What a data file may hold (CONTRIBUTING lists them): far above any real file, low enough that
# no file can hang or crash the check or the build. Facts about the data (lengths of ids and
# texts, ranges of numbers and years) are in data/schemas/.
MAX_FILE_BYTES = 16_000_000  # the benchmark's 10,000 actions in four languages: 7 MB
MAX_DEPTH = 20  # lists and groups inside each other; the data files use 4
MAX_TEXT = 20_000  # characters of one value or field name
MAX_INT_DIGITS = 15  # digits of a whole number
# At most this many syntax problems are reported per file: past them, the file is rather broken.
MAX_SYNTAX_PROBLEMS = 20


_SURROGATE = re.compile("[\ud800-\udfff]")
_NO_TAGS = "YAML tags (words starting with '!') are not allowed in data files: put the text in quotes"


class _Limit(yaml.MarkedYAMLError):
    """A file beyond what the reader accepts; its message is the contributor's."""

    def __init__(self, message: str, mark):
        super().__init__(None, None, message, mark)


class _Strict:
    """YAML 1.2 core-schema scalars, no duplicate keys and the limits, on a PyYAML loader."""

    # PyYAML's own class-level table, emptied: the YAML 1.2 resolvers are added below.
    yaml_implicit_resolvers: ClassVar[dict] = {}
    # Contributors' files hold no tags; the project's own mkdocs.yml has MkDocs' (alliance/siteconfig.py).
    refuses_tags: ClassVar[bool] = True
    _depth = 0

    def compose_node(self, parent, index):
        event = self.peek_event()
        if isinstance(event, AliasEvent):
            raise _Limit(
                "YAML aliases ('*' and a name) are not allowed in data files: write the value itself (or put the text in quotes)",
                event.start_mark,
            )
        if event.anchor is not None:
            raise _Limit(
                "YAML anchors ('&' and a name) are not allowed in data files: remove it (or put the text in quotes)",
                event.start_mark,
            )
        if event.tag is not None and self.refuses_tags:
            raise _Limit(_NO_TAGS, event.start_mark)
        if isinstance(event, ScalarEvent):
            if len(event.value) > MAX_TEXT:
                raise _Limit(
                    f"this text has {len(event.value):,} characters: the most a value may have is {MAX_TEXT:,}",
                    event.start_mark,
                )
            if control := CONTROL.search(event.value):
                raise _Limit(f"this text {control_message(control.group())}", event.start_mark)
            if _SURROGATE.search(event.value):
                raise _Limit(
                    "this text has an escape (\\uD800 to \\uDFFF) that names half of a character: write the character itself",
                    event.start_mark,
                )
            return super().compose_node(parent, index)
        if isinstance(event, CollectionStartEvent) and self._depth >= MAX_DEPTH:
            raise _Limit(f"lists and groups are nested more than {MAX_DEPTH} levels deep here", event.start_mark)
        self._depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def scan_flow_scalar_non_spaces(self, double, start_mark):
        try:
            return super().scan_flow_scalar_non_spaces(double, start_mark)
        except (ValueError, OverflowError):  # PyYAML's chr() of an escape past U+10FFFF
            raise _Limit(
                "this text has an escape that names no character (the largest is \\U0010FFFF): write the character itself",
                start_mark,
            ) from None

    def construct_mapping(self, node, deep=False):
        seen: dict[Any, Node] = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            if not isinstance(key, str):
                raise yaml.constructor.ConstructorError(None, None, "a field name must be text", key_node.start_mark)
            if key in seen:
                first = seen[key].start_mark.line + 1
                raise yaml.constructor.ConstructorError(
                    None, None, f'the field "{key}" appears twice (first on line {first})', key_node.start_mark
                )
            seen[key] = key_node
        return super().construct_mapping(node, deep=deep)


class StrictLoader(_Strict, yaml.SafeLoader):
    """Pure Python: its error messages are the ones _plain_yaml_message rewords."""


_INT = r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+"
_FLOAT = r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)"
_BOOL = r"true|True|TRUE|false|False|FALSE"
_NULL = r"~|null|Null|NULL|"
for tag, pattern, first in (
    ("tag:yaml.org,2002:bool", _BOOL, "tTfF"),
    ("tag:yaml.org,2002:null", _NULL, ["~", "n", "N", ""]),
    ("tag:yaml.org,2002:int", _INT, "-+0123456789"),
    ("tag:yaml.org,2002:float", _FLOAT, "-+0123456789."),
):
    StrictLoader.add_implicit_resolver(tag, re.compile(f"^(?:{pattern})$"), list(first))


def _construct_yaml12_int(loader, node):
    value = loader.construct_scalar(node)
    if len(value.lstrip("+-")) > MAX_INT_DIGITS + 2:  # the "0o"/"0x" of other bases
        raise _Limit(f"this number has more than {MAX_INT_DIGITS} digits", node.start_mark)
    if value.startswith("0o"):
        number = int(value[2:], 8)
    elif value.startswith("0x"):
        number = int(value[2:], 16)
    else:
        number = int(value)
    if len(str(abs(number))) > MAX_INT_DIGITS:
        raise _Limit(f"this number has more than {MAX_INT_DIGITS} digits", node.start_mark)
    return number


def _construct_yaml12_float(loader, node):
    value = loader.construct_scalar(node)
    number = math.inf if value.lower().endswith((".inf", ".nan")) else float(value)
    if not math.isfinite(number):
        raise _Limit("only finite numbers are allowed here (not .inf, .nan or a number too large)", node.start_mark)
    return number


def _construct_yaml12_bool(loader, node):
    return loader.construct_scalar(node).lower() == "true"


StrictLoader.add_constructor("tag:yaml.org,2002:int", _construct_yaml12_int)
StrictLoader.add_constructor("tag:yaml.org,2002:float", _construct_yaml12_float)
StrictLoader.add_constructor("tag:yaml.org,2002:bool", _construct_yaml12_bool)


@dataclass(frozen=True)
class YamlDocument:
    """A parsed file: its values, and the node tree that knows where each value stands.

    The tree is composed by the strict loader from `text` the first time a position is asked:
    a file read by the fast path and found valid never needs it.
    """

    path: str
    data: Any
    text: str = ""
    _composed: list = field(default_factory=list, compare=False, repr=False)

    @property
    def root(self) -> Node | None:
        if not self._composed:
            try:
                self._composed.append(_compose(self.text)[0])
            except yaml.YAMLError as error:
                # Only if the fast path read a file the strict path refuses (which the differential
                # test of tests/test_yaml_paths.py rules out): a problem at its line, not a traceback.
                raise DataError([_problem(error, self.text, self.path)]) from None
        return self._composed[0]

    def with_data(self, data: Any) -> YamlDocument:
        """The same file and positions, with some of its values left out."""
        return YamlDocument(self.path, data, self.text, self._composed)

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
                parent = _child(parent, key)
            if isinstance(parent, MappingNode):
                for key_node, _ in parent.value:
                    if isinstance(key_node, ScalarNode) and key_node.value == keys[-1]:
                        return key_node.start_mark.line + 1, key_node.start_mark.column + 1
        return self.locate(keys)

    def problem(self, keys: tuple[str | int, ...], message: str, *, at_key: bool = False) -> Problem:
        line, column = self.locate_key(keys) if at_key else self.locate(keys)
        where = format_keys(keys)
        return Problem(self.path, line, column, f"{where}: {message}" if where else message)


def _child(node: Node | None, key: str | int) -> Node | None:
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
    """Parses one YAML document; every problem is raised as a DataError naming path:line:column."""
    if isinstance(text, bytes):
        text = decode_utf8(text, path)
    elif len(text) > MAX_FILE_BYTES:
        raise DataError([_too_large(path, len(text))])
    text = normalize_newlines(text)
    data = fast_data(text)
    if data is not UNDECIDED:
        return YamlDocument(path, data, text)
    return _strict_document(text, path)


def load_yaml(path: Path, display_path: str | None = None) -> YamlDocument:
    shown = display_path or str(path)
    return parse_yaml(read_bytes(path, shown), shown)


def read_text(path: Path, shown: str) -> str:
    """A text file of the project (a page, a practice) as the build reads it, or a DataError."""
    return normalize_newlines(decode_utf8(read_bytes(path, shown), shown))


def read_bytes(path: Path, shown: str) -> bytes:
    """The file's bytes, refused past MAX_FILE_BYTES before any of them is read."""
    try:
        if path.is_symlink():
            # Never followed: a link can lead to /dev/zero or to a file outside the repository.
            raise DataError([symlink_problem(shown)])
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise DataError([_too_large(shown, size)])
        return path.read_bytes()
    except FileNotFoundError:
        raise DataError([Problem(shown, 1, 1, "the file is missing")]) from None
    except OSError as error:
        raise DataError([Problem(shown, 1, 1, f"the file cannot be read ({error.strerror})")]) from None


def symlink_problem(path: str) -> Problem:
    return Problem(
        path, 1, 1, "is a symbolic link: a pull request may only add or change files, write the file itself here"
    )


def _too_large(path: str, size: int) -> Problem:
    return Problem(path, 1, 1, f"the file has {size:,} bytes: the most a file may have is {MAX_FILE_BYTES:,}")


def normalize_newlines(text: str) -> str:
    """Windows (CRLF) and old Mac (CR) line ends become "\\n": no "\\r" reaches a value or a page."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode_utf8(raw: bytes, path: str) -> str:
    if len(raw) > MAX_FILE_BYTES:
        raise DataError([_too_large(path, len(raw))])
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise DataError([Problem(path, 1, 1, "the file is saved as UTF-16: save it with the UTF-8 encoding")])
    try:
        text = raw.decode()
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        raise DataError(
            [Problem(path, line, column, "the file is not valid UTF-8 text: save it with the UTF-8 encoding")]
        ) from None
    return text.removeprefix("\ufeff")


# The fast path.

UNDECIDED = object()  # what fast_data returns when only the strict path can tell

# Characters outside plain printable text: tabs (the two parsers treat a tab after ':'
# differently), control characters, YAML 1.1's extra line breaks, a byte-order mark inside the file.
_UNUSUAL_CHARACTER = re.compile("[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]")
# Anchors, aliases and tags: rapidyaml keeps them aside from the JSON it writes; a text that has
# a '&', '*' or '!' has its parsed tree looked at.
_PROPERTY_FLAGS = ryml.KEYANCH | ryml.VALANCH | ryml.KEYREF | ryml.VALREF | ryml.KEYTAG | ryml.VALTAG
# A block text's header other than the six plain ones (| |- |+ > >- >+ alone on their line): an
# indentation digit, a comment or a space after it, or a broken one (">+1-"), is read by the strict path.
_STARTS_UNUSUALLY = r"[ ]*(?:[@`%:,]|[|>](?![-+]?$)|(?<![\[{])[\]}])"
# After a line's indentation, ": ", "- ", "? ", "[", "{" or ",": where a value starts.
_UNUSUAL_START = re.compile(r"[\n:?\-\[{,](?:(?<=[:?-]) |(?<=[\n\[{,]))" + _STARTS_UNUSUALLY, re.M)
_UNUSUAL_FIRST = re.compile(_STARTS_UNUSUALLY, re.M)
# A backslash that is not one of the escapes \" \\ \n \t: in quotes, \x1b, \0, \e or \uD800 name
# characters that the strict path refuses (control characters, half characters).
_UNUSUAL_ESCAPE = re.compile(r'\\[^"\\nt]')
# "---" or "..." starting a line: a document's start or end, with perhaps a second one; indented,
# rapidyaml still reads "..." as an end ("- -" then "  ..." is a list to it, an error to PyYAML).
_DOCUMENT_MARKER = re.compile(r"^[ ]*(?:---|\.\.\.)", re.M)
# Quoted texts (a quote after a space, a line break or one of ":[{,"), each read whole, and the
# comment lines, whose quotes are no texts. A quoted text over several lines (group "lines"), or
# followed on its line by more than a ':' (it is a field's name), a ',' ']' '}' (in a list or
# group) or a comment (group "more"), is left to the strict path: rapidyaml reads '- ""  k: v' as
# a list and a field, and a field name in quotes over two lines, which PyYAML refuses. (The
# quote comes first, for speed; a file starting with a quote goes to the strict path.)
_MORE = r"(?P<more>(?![ ]*(?:$|:(?:[ ]|$)|[,\]}])|[ ]+#))?"
_QUOTED = re.compile(
    r"^[ ]*#.*"
    rf"""|"(?<=[ :\[{{,\n]")(?:[^"\\\n]|\\[^\n])*+(?:"{_MORE}|(?P<lines>\\?\n))"""
    rf"""|'(?<=[ :\[{{,\n]')(?:[^'\n]|'')*+(?:'{_MORE.replace("more", "more2")}|(?P<lines2>\n))""",
    re.M,
)
_FLOW_OPENING = re.compile(r"[\[{]")
_FLOW_INDICATOR = re.compile(r"[\[{,]\s*(?:[:#@`%!&*|>?]|-(?!\d))")
# A JSON string whose text YAML 1.2 reads as something else when unquoted; group 2: a field name.
_TYPED_TEXT = re.compile(f'"(?=[-+0-9.~tTfFnN"])((?:{_BOOL}|{_NULL}|{_INT}|{_FLOAT}))"(\\s*:)?')


class _Undecided(Exception):
    pass


def fast_data(text: str) -> Any:
    """The values of `text` read by rapidyaml, or UNDECIDED where the strict path must read it."""
    if (
        not text.endswith("\n")  # (a block text ending the file keeps its last line break or not)
        or _UNUSUAL_CHARACTER.search(text)
        or _UNUSUAL_ESCAPE.search(text)
        or _DOCUMENT_MARKER.search(text)
        or _unusual_start(text)
        or _unusual_flow(text)
        or text.startswith(("'", '"'))
        or any(quoted.lastgroup for quoted in _QUOTED.finditer(text))
    ):
        return UNDECIDED
    try:
        with _quiet_stderr():
            tree = ryml.parse_in_arena(text.encode())
            root = tree.root_id()
            if tree.is_stream(root) or (_may_have_node_properties(text) and _has_node_properties(tree)):
                return UNDECIDED
            emitted = ryml.emit_json(tree)
    except (ryml.ExceptionBasic, RuntimeError, IndexError):
        return UNDECIDED
    if not emitted:
        return UNDECIDED
    json_text = str(emitted)  # (tests/test_yaml_paths.py checks that rapidyaml writes text)
    for match in _TYPED_TEXT.finditer(json_text):
        # rapidyaml writes an unquoted number, true, false or null as such, a quoted one as text;
        # but "TRUE", "0o17", ".inf" and "010" as text either way: those only PyYAML can type.
        if match.group(2) or not _typed_by_ryml(match.group(1)):
            return UNDECIDED
    try:
        data = json.loads(json_text, parse_int=_whole_number, parse_float=_finite_number, parse_constant=_refuse)
        # Every value but the root is one node of the tree: a field name given twice made fewer.
        if _count_within_limits(data) != tree.size() - 1:
            return UNDECIDED
    except (_Undecided, ValueError, RecursionError):
        return UNDECIDED
    return data


def _unusual_start(text: str) -> bool:
    """Whether a value starts with a character YAML reserves or that ends a value ('@', '`', '%',
    ':', ','...) or with a broken block-text header: rapidyaml reads some of these where PyYAML
    refuses them, and only the strict path words them."""
    return _UNUSUAL_START.search(text) is not None or _UNUSUAL_FIRST.match(text) is not None


def _unusual_flow(text: str) -> bool:
    """Whether a [list] or {group} holds what PyYAML (YAML 1.1) reads otherwise than rapidyaml:
    a '?', a comment, an item starting with an indicator; or spans lines, or is followed on its
    line by more than spaces ("- []  - 2", which rapidyaml reads as two items)."""
    line_end = -1
    for opening in _FLOW_OPENING.finditer(text):
        if opening.start() < line_end:
            continue  # this line was looked at
        line_end = text.find("\n", opening.start())
        line_end = len(text) if line_end < 0 else line_end
        before = text[text.rfind("\n", 0, opening.start()) + 1 : opening.start()]
        if before.lstrip(" ").startswith("#"):
            continue  # a comment line
        flow = text[opening.start() : line_end]
        if "?" in flow or " #" in flow or _FLOW_INDICATOR.search(flow):
            return True
        if flow.count("[") + flow.count("{") != flow.count("]") + flow.count("}"):
            return True
        if _starts_value(before) and _flow_end(flow) != len(flow.rstrip(" ")):
            return True
    return False


def _starts_value(before: str) -> bool:
    """Whether a line's text `before` a '[' or '{' makes it the start of a value (not a bracket
    inside a text): nothing but indentation, or a ':', '-' or '?' and a space, or '[', '{', ','."""
    stripped = before.rstrip(" ")
    return stripped.lstrip(" ") == "" or stripped[-1] in "[{," or (stripped[-1] in ":-?" and stripped != before)


def _flow_end(flow: str) -> int:
    """The index after the bracket that closes the first one of `flow`, or -1 if none does."""
    depth = 0
    for index, character in enumerate(flow):
        if character in "[{":
            depth += 1
        elif character in "]}":
            depth -= 1
            if depth == 0:
                return index + 1
    return -1


def _may_have_node_properties(text: str) -> bool:
    return "&" in text or "*" in text or "!" in text


def _has_node_properties(tree) -> bool:
    has = tree.type_has_any
    return any(has(node, _PROPERTY_FLAGS) for node in range(tree.size()))


@lru_cache(maxsize=512)
def _typed_by_ryml(scalar: str) -> bool:
    """Whether rapidyaml writes the unquoted `scalar` as a JSON number, true, false or null."""
    with _quiet_stderr():
        emitted = ryml.emit_json(ryml.parse_in_arena(f"- {scalar}\n".encode()))
    written = str(emitted).strip("[] \n")
    return not written.startswith('"')


@contextlib.contextmanager
def _quiet_stderr() -> Iterator[None]:
    """rapidyaml prints its own errors on the process's stderr; the strict path words them."""
    saved = os.dup(2)
    with open(os.devnull, "wb") as devnull:
        os.dup2(devnull.fileno(), 2)
    try:
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


def _whole_number(digits: str) -> int:
    if len(digits.lstrip("-")) > MAX_INT_DIGITS:
        raise _Undecided
    return int(digits)


def _finite_number(text: str) -> float:
    number = float(text)
    if not math.isfinite(number):
        raise _Undecided
    return number


def _refuse(constant: str):
    raise _Undecided


def _count_within_limits(data: Any) -> int:
    """The number of values under the root; raises _Undecided past MAX_DEPTH or MAX_TEXT (numbers
    are checked as they are read)."""
    count = 0
    stack = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        children: Collection[Any]
        if isinstance(value, dict):
            children = value.values()
            if any(len(key) > MAX_TEXT for key in value):
                raise _Undecided
        elif isinstance(value, list):
            children = value
        else:
            if isinstance(value, str) and len(value) > MAX_TEXT:
                raise _Undecided
            continue
        if depth > MAX_DEPTH:
            raise _Undecided
        count += len(children)
        for child in children:
            if isinstance(child, (dict, list)):
                stack.append((child, depth + 1))
            elif isinstance(child, str) and len(child) > MAX_TEXT:
                raise _Undecided
    return count


# The strict path.


def _compose(text: str) -> tuple[Node | None, Any]:
    loader = StrictLoader(text)
    try:
        root = loader.get_single_node()
        data = loader.construct_document(root) if root is not None else None
    finally:
        loader.dispose()
    return root, data


def _strict_document(text: str, path: str) -> YamlDocument:
    """Reads `text` with positions; raises every syntax problem found.

    After a syntax problem, the entry holding it (the list item or field, indented by at most
    two spaces, that contains the line) and the entry before it are blanked, keeping the line
    numbers, and the file is read again: independent problems are all reported in one run.
    The values of a file with syntax problems are not checked further.
    """
    problems: list[Problem] = []
    lines = text.split("\n")
    while len(problems) < MAX_SYNTAX_PROBLEMS:
        try:
            root, data = _compose("\n".join(lines))
        except yaml.YAMLError as error:
            problem = _problem(error, "\n".join(lines), path)
            problems.append(problem)
            if not _blank_entry(lines, problem.line):
                break
            continue
        if problems:
            break
        document = YamlDocument(path, data, text)
        document._composed.append(root)
        return document
    raise DataError(problems)


# An entry: a line indented by one or two spaces (a field of a group, an item of a list) or an
# item "- " at the left edge; a top-level line starts at the left edge with a field's name.
_ENTRY_START = re.compile(r"^ {1,2}(?:- )?[^\s#-]|^ {0,2}- ")
_TOP_LEVEL = re.compile(r"^[^\s#]")


def _blank_entry(lines: list[str], line: int) -> bool:
    """Blanks the indented entry holding `line` (from 1) and the one before; False when the
    problem is not inside such an entry (then what follows cannot be read apart from it)."""
    index = min(line, len(lines)) - 1
    starts = [i for i, text in enumerate(lines) if _ENTRY_START.match(text)]
    before = [i for i in starts if i <= index]
    if not before or any(_TOP_LEVEL.match(lines[i]) for i in range(before[-1], index + 1)):
        return False
    first = before[-1]
    if len(before) > 1 and not any(_TOP_LEVEL.match(lines[i]) for i in range(before[-2], first)):
        first = before[-2]
    after = set(starts)
    end = next((i for i in range(index + 1, len(lines)) if i in after or _TOP_LEVEL.match(lines[i])), len(lines))
    lines[first:end] = [""] * (end - first)
    return True


def _problem(error: yaml.YAMLError, text: str, path: str) -> Problem:
    if isinstance(error, yaml.MarkedYAMLError):
        mark = error.problem_mark or error.context_mark
        if error.problem and "could not find expected ':'" in error.problem and error.context_mark:
            mark = error.context_mark  # the line holding "key value", not the next one
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        return Problem(path, line, column, _plain_yaml_message(error))
    # ReaderError: a character YAML does not allow
    position = getattr(error, "position", 0) or 0
    line = text.count("\n", 0, position) + 1
    column = position - (text.rfind("\n", 0, position) + 1) + 1
    return Problem(path, line, column, "the file contains a control character that YAML does not allow")


def _plain_yaml_message(error: yaml.MarkedYAMLError) -> str:
    """Turns PyYAML's wording into words a contributor can act on. (Aliases and tags never reach
    PyYAML's own messages: _Strict refuses them first.)"""
    problem, context = str(error.problem), str(error.context)
    if isinstance(error, (_Limit, yaml.constructor.ConstructorError)):
        return problem  # our own words
    if "'\\t'" in problem:
        return "a tab character is used for indentation: YAML needs spaces"
    if "mapping values are not allowed" in problem:
        return "unexpected ':' here: check the indentation, or put the text in quotes"
    if "expected <block end>" in context + problem:
        return "the indentation is wrong here: items at the same level must start in the same column"
    if "could not find expected ':'" in problem:
        return (
            "this line is not of the form 'field: value': add the ':' after the field's name, or check the indentation"
        )
    if "expected ',' or ']'" in problem or "expected ',' or '}'" in problem:
        return "a list or group opened with '[' or '{' is not closed"
    if "found unexpected end of stream" in problem:
        return "the file ends inside a quoted text: a closing quote is missing"
    if "cannot start any token" in problem:
        return f"{problem.replace('found character', 'the character')}: put the text in quotes"
    if "chomping or indentation indicator" in problem or "expected indentation indicator" in problem:
        return "the header of this block text is not valid: after '|' or '>' may come one '-' or '+' and one digit from 1 to 9"
    if "<document end>" in problem:
        return "a line '...' ends the data before it starts: remove it"
    if "expected '<document start>'" in problem:
        return "the data goes on after a line '...', which ends it: remove that line (a data file holds one document)"
    if "expected a single document" in context:
        return "a data file holds one document: remove the line '---' that starts a second one"
    return f"YAML syntax error: {problem}"
