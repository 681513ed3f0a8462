"""Checks shared by the data files: their records, unique ids, the languages of texts."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from alliance.data.characters import invisible_characters
from alliance.data.problems import Problem, did_you_mean
from alliance.data.yamlload import YamlDocument


def records(doc: YamlDocument, key: str) -> Iterator[tuple[int, dict]]:
    """The entries of the list `key` that are groups of fields (the schema reports the others), in a
    file that is a group of fields (the loader reports any other)."""
    entries = doc.data.get(key)
    for i, entry in enumerate(entries if isinstance(entries, list) else ()):
        if isinstance(entry, dict):
            yield i, entry


def check_unique_ids(doc: YamlDocument, key: str) -> Iterator[Problem]:
    seen: dict[str, int] = {}
    for i, entry in records(doc, key):
        entry_id = entry.get("id")
        if not isinstance(entry_id, str):
            continue
        if entry_id in seen:
            line, _ = doc.locate((key, seen[entry_id], "id"))
            yield doc.problem((key, i, "id"), f'the id "{entry_id}" is already used at {doc.path}:{line}')
        else:
            seen[entry_id] = i


def check_languages(doc: YamlDocument, keys: tuple, value: Any, languages: tuple[str, ...]) -> Iterator[Problem]:
    """A localized text may only use the site's languages."""
    if isinstance(value, dict):
        for language in value:
            if isinstance(language, str) and language not in languages:
                yield doc.problem(
                    keys + (language,),
                    f'"{language}" is not a language of the site ({", ".join(languages)}){did_you_mean(language, languages)}',
                    at_key=True,
                )


def check_text_characters(doc: YamlDocument, keys: tuple, value: Any) -> Iterator[Problem]:
    """A text, or each language of a localized text, without invisible characters."""
    texts = value.items() if isinstance(value, dict) else [(None, value)]
    for language, text in texts:
        if isinstance(text, str):
            where = keys if language is None else keys + (language,)
            for _, message in list(invisible_characters(text))[:1]:
                yield doc.problem(where, message)
