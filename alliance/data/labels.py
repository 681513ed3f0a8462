"""The words shown for each listed value and interface text (data/labels.yaml)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, Mapping

from alliance.localized import LocalizedText, Shown
from alliance.data.problems import Problem
from alliance.data.schemas import vocabulary
from alliance.data.yamlload import YamlDocument

VOCABULARIES = ("role", "status", "target", "theme", "region")


@dataclass(frozen=True)
class Labels:
    entries: Mapping[str, Mapping[str, LocalizedText]]

    def term(self, kind: str, value: str, language: str) -> Shown:
        return self.entries[kind][value].show(language)

    def ui(self, key: str, language: str) -> str:
        return self.entries["ui"][key][language]

    def ui_shown(self, key: str, language: str) -> Shown:
        """An interface text with the language it is really in (French when not translated)."""
        return self.entries["ui"][key].show(language)

    def untranslated(self, language: str) -> tuple[str, ...]:
        """The labels (`kind.key`) shown in French to readers of `language`."""
        return tuple(f"{kind}.{key}" for kind, group in self.entries.items() for key, text in group.items() if not text.has(language))


def build_labels(data: dict) -> Labels:
    return Labels({kind: {key: LocalizedText.from_data(text) for key, text in group.items()} for kind, group in data.items()})


def check_labels(doc: YamlDocument) -> Iterator[Problem]:
    """Every value of every list has its words, so no page shows a bare identifier."""
    data = doc.data if isinstance(doc.data, dict) else {}
    for kind in VOCABULARIES:
        group = data.get(kind)
        if not isinstance(group, dict):
            continue
        for value in vocabulary(kind):
            if value not in group:
                yield doc.problem((kind,), f'"{value}" has no label: add it with its French text at least', at_key=True)
