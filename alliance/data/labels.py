"""The words shown for each listed value and interface text (data/labels.yaml)."""

from __future__ import annotations

import string
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass

from alliance.data.checks import check_text_characters
from alliance.data.problems import Problem
from alliance.data.schemas import vocabulary
from alliance.data.yamlload import YamlDocument
from alliance.localized import LocalizedText, Shown

VOCABULARIES = ("role", "status", "target", "theme", "region")

# The values an interface text may name as {name}, filled in by the code that shows it; every
# other label names none. A literal brace is written {{ or }}.
PLACEHOLDERS: Mapping[str, frozenset[str]] = {
    "coverage": frozenset({"participants", "declared_cities", "declared_countries", "cities", "countries"}),
    "agenda-year-title": frozenset({"year"}),
    "agenda-previous-year": frozenset({"year"}),
    "agenda-next-year": frozenset({"year"}),
    "coverage-countries-without-city": frozenset({"countries"}),
    "agenda-status-in-text": frozenset({"status"}),
    "page-description-city": frozenset({"name", "country", "roles"}),
    "page-description-list": frozenset({"heading", "entries"}),
    "sources-inline": frozenset({"sources"}),
    "source-inline": frozenset({"sources"}),
    "home-agenda-as-of": frozenset({"date"}),
    "home-figure-participants": frozenset({"count"}),
    "home-figure-cities": frozenset({"count"}),
    "home-figure-countries": frozenset({"count"}),
    "home-map-link": frozenset({"count"}),
    "home-map-more": frozenset({"count"}),
    "home-map-role": frozenset({"role", "places"}),
    "source-declaration-short": frozenset({"paragraph"}),
    "map-city-country": frozenset({"country"}),
    "map-latitude": frozenset({"value"}),
    "map-longitude": frozenset({"value"}),
    "source-declaration": frozenset({"paragraph"}),
    "evidence-supports": frozenset({"claims"}),
    "claim-paragraph": frozenset({"paragraph"}),
    "claim-role": frozenset({"role"}),
    "i18n-status-count": frozenset({"state", "count"}),
    "i18n-status-line": frozenset({"line"}),
}


def placeholders_of(kind: str, key: str) -> frozenset[str]:
    return PLACEHOLDERS.get(key, frozenset()) if kind == "ui" else frozenset()


def template_problems(template: str, allowed: frozenset[str]) -> list[str]:
    """What is wrong with the {placeholders} of a label; a placeholder is a bare name, nothing more."""
    try:
        fields = [
            (name, spec, conversion)
            for _, name, spec, conversion in string.Formatter().parse(template)
            if name is not None
        ]
    except ValueError:
        return ["a brace { or } is not closed: write {{ or }} for a brace shown as it is"]
    hint = (
        f" (this text may use {', '.join('{' + name + '}' for name in sorted(allowed))})"
        if allowed
        else " (this text uses none)"
    )
    problems = []
    for name, spec, conversion in fields:
        shown = "{" + name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}"
        if name not in allowed:
            problems.append(
                f'"{shown}" is not a placeholder of this text{hint}: correct it, or write {{{{ and }}}} for a brace'
            )
        elif spec or conversion:
            problems.append(f'"{shown}": a placeholder is a name alone, write {{{name}}}')
    return problems


def fill(template: str, values: Mapping[str, object], escape: Callable[[str], str] = str) -> str:
    """The label with each {name} replaced by its value, and its own words passed through `escape`.

    Only names are looked up: no attribute, index, conversion or format runs (str.format would).
    """
    parts = []
    for literal, name, _, _ in string.Formatter().parse(template):
        parts.append(escape(literal))
        if name is not None:
            parts.append(str(values[name]))
    return "".join(parts)


@dataclass(frozen=True)
class Labels:
    entries: Mapping[str, Mapping[str, LocalizedText]]

    def term(self, kind: str, value: str, language: str) -> Shown:
        return self._shown(kind, value, language, {})

    def ui(self, key: str, language: str, **values: object) -> str:
        """An interface text with its placeholders filled by `values` (exactly those it may use)."""
        return self.ui_shown(key, language, **values).text

    def ui_shown(self, key: str, language: str, **values: object) -> Shown:
        """An interface text with the language it is really in (French when not translated)."""
        return self._shown("ui", key, language, values)

    def ui_markup(self, key: str, language: str, escape: Callable[[str], str], **values: str) -> str:
        """An interface text in a markup: its words escaped by `escape`, `values` (markup already) inserted."""
        self._check_values("ui", key, values)
        return fill(self.entries["ui"][key][language], values, escape)

    def _shown(self, kind: str, key: str, language: str, values: Mapping[str, object]) -> Shown:
        self._check_values(kind, key, values)
        shown = self.entries[kind][key].show(language)
        return Shown(fill(shown.text, values), shown.language, shown.requested)

    @staticmethod
    def _check_values(kind: str, key: str, values: Mapping[str, object]) -> None:
        if set(values) != placeholders_of(kind, key):
            raise ValueError(
                f"labels.yaml {kind}.{key} is filled with {sorted(values)}, not {sorted(placeholders_of(kind, key))} (alliance/data/labels.py PLACEHOLDERS)"
            )

    def untranslated(self, language: str) -> tuple[str, ...]:
        """The labels (`kind.key`) shown in French to readers of `language`."""
        return tuple(
            f"{kind}.{key}"
            for kind, group in self.entries.items()
            for key, text in group.items()
            if not text.has(language)
        )


def build_labels(data: dict) -> Labels:
    return Labels(
        {kind: {key: LocalizedText.from_data(text) for key, text in group.items()} for kind, group in data.items()}
    )


def check_labels(doc: YamlDocument) -> Iterator[Problem]:
    """Every value of every list has its words, so no page shows a bare identifier; every
    label's placeholders are those its text may use."""
    data = doc.data if isinstance(doc.data, dict) else {}
    for kind in VOCABULARIES:
        group = data.get(kind)
        if not isinstance(group, dict):
            continue
        for value in vocabulary(kind):
            if value not in group:
                yield doc.problem((kind,), f'"{value}" has no label: add it with its French text at least', at_key=True)
    for kind, group in data.items():
        for key, texts in group.items() if isinstance(group, dict) else ():
            for language, text in texts.items() if isinstance(texts, dict) else ():
                if isinstance(text, str):
                    for message in template_problems(text, placeholders_of(kind, key)):
                        yield doc.problem((kind, key, language), message)
                yield from check_text_characters(doc, (kind, key, language), text)
