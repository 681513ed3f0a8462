"""Reads a submitted GitHub issue form back into its fields.

GitHub writes a submitted form as Markdown: for each field, a `### <label>` line, a blank line,
then the value; `_No response_` for an empty field; a textarea with `render:` inside a fenced
code block; a multiple dropdown as `a, b`; checkboxes as `- [x] label`. The body is untrusted
and stays editable after submission, so a heading counts only when it is a label of the form,
and each label must appear exactly once, in the form's order.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from types import MappingProxyType

import yaml

from alliance.paths import ROOT

FORMS_DIR = ROOT / ".github" / "ISSUE_TEMPLATE"
NO_RESPONSE = "_No response_"
_FENCE = re.compile(r"\A(`{3,}|~{3,})[^\n]*\n(.*?)\n?\1[ \t]*\Z", re.S)
_CHECKBOX = re.compile(r"^\s*[-*] \[([ xX])\] (.*)$")


@dataclass(frozen=True)
class FormField:
    id: str
    type: str  # input, textarea, dropdown, checkboxes
    label: str
    required_options: tuple[str, ...]  # the boxes of a checkboxes field that must be ticked


@dataclass(frozen=True)
class IssueForm:
    name: str  # the file's stem: city, action, practice
    labels: tuple[str, ...]  # the issue labels the form sets
    fields: tuple[FormField, ...]


@dataclass(frozen=True)
class Submission:
    """The values of a submitted form, by field id; an empty field is ""."""

    form: IssueForm
    values: Mapping[str, str]
    checked: Mapping[str, tuple[str, ...]]  # checkboxes field id -> labels of the ticked boxes

    def text(self, field_id: str) -> str:
        return self.values.get(field_id, "")

    def choices(self, field_id: str) -> tuple[str, ...]:
        """A multiple dropdown's choices, in the order given."""
        return tuple(part.strip() for part in self.text(field_id).split(",") if part.strip())


class UnreadableForm(Exception):
    """The body is not the form's Markdown (edited by hand, or a field imitates a heading)."""

    def __init__(self, field: str | None):
        self.field = field  # the field whose heading is missing or repeated; None: out of order


def load_form(path: Path) -> IssueForm:
    definition = yaml.safe_load(path.read_text(encoding="utf-8"))
    fields = []
    for item in definition["body"]:
        if item["type"] == "markdown":
            continue
        attributes = item["attributes"]
        fields.append(
            FormField(
                id=item["id"],
                type=item["type"],
                label=attributes["label"],
                required_options=tuple(
                    option["label"]
                    for option in attributes.get("options", ())
                    if isinstance(option, dict) and option.get("required")
                ),
            )
        )
    return IssueForm(path.stem, tuple(definition.get("labels", ())), tuple(fields))


def load_forms(folder: Path = FORMS_DIR) -> tuple[IssueForm, ...]:
    return tuple(load_form(path) for path in sorted(folder.glob("*.yml")) if path.name != "config.yml")


def form_for_labels(forms: tuple[IssueForm, ...], labels: tuple[str, ...]) -> IssueForm | None:
    """The form whose label the issue carries (None when it carries none, or several)."""
    matching = [form for form in forms if set(form.labels) & set(labels)]
    return matching[0] if len(matching) == 1 else None


def parse_body(form: IssueForm, body: str) -> Submission:
    body = body.replace("\r\n", "\n")
    starts: list[tuple[int, int]] = []  # (start of the heading line, end of it) per field, in order
    for field in form.fields:
        heading = re.compile(rf"^###[ \t]+{re.escape(field.label)}[ \t]*$", re.M)
        found = list(heading.finditer(body))
        if len(found) != 1:
            raise UnreadableForm(field.id)
        starts.append((found[0].start(), found[0].end()))
    if any(later[0] < earlier[1] for earlier, later in pairwise(starts)):
        raise UnreadableForm(None)
    values: dict[str, str] = {}
    checked: dict[str, tuple[str, ...]] = {}
    for index, field in enumerate(form.fields):
        end = starts[index + 1][0] if index + 1 < len(starts) else len(body)
        raw = body[starts[index][1] : end].strip("\n").rstrip()
        if field.type == "checkboxes":
            ticks = [_CHECKBOX.match(line) for line in raw.splitlines()]
            checked[field.id] = tuple(m.group(2).strip() for m in ticks if m and m.group(1) in "xX")
            continue
        if raw.strip() == NO_RESPONSE:
            raw = ""
        fenced = _FENCE.match(raw.strip())
        values[field.id] = fenced.group(2) if fenced else raw
    return Submission(form, MappingProxyType(values), MappingProxyType(checked))
