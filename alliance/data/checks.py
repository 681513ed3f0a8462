"""Checks shared by the data files: their records, unique ids, the languages of texts."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from alliance.data.addresses import address_problem
from alliance.data.problems import Problem, did_you_mean
from alliance.data.yamlload import YamlDocument


def records(doc: YamlDocument, key: str) -> Iterator[tuple[int, dict]]:
    """The entries of the list `key` that are groups of fields (the schema reports the others)."""
    data = doc.data if isinstance(doc.data, dict) else {}
    entries = data.get(key)
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
            yield doc.problem((key, i, "id"), f'the id "{entry_id}" is already used by {key}[{seen[entry_id]}]')
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


def invisible_characters(text: str) -> Iterator[tuple[int, str]]:
    """(index, message) of each invisible character of `text` that is refused."""
    for index, char in enumerate(text):
        if char in INVISIBLE:
            yield (
                index,
                f"contains U+{ord(char):04X}, {INVISIBLE[char]}, an invisible character that can disguise the text: remove it",
            )


def check_text_characters(doc: YamlDocument, keys: tuple, value: Any) -> Iterator[Problem]:
    """A text, or each language of a localized text, without invisible characters."""
    texts = value.items() if isinstance(value, dict) else [(None, value)]
    for language, text in texts:
        if isinstance(text, str):
            where = keys if language is None else keys + (language,)
            for _, message in list(invisible_characters(text))[:1]:
                yield doc.problem(where, message)


def check_sources(doc: YamlDocument, keys: tuple, sources: Any) -> Iterator[Problem]:
    """Each source is a public web address (the schema checks its form)."""
    for i, source in enumerate(sources if isinstance(sources, list) else ()):
        if isinstance(source, str) and (message := address_problem(source)):
            yield doc.problem(keys + (i,), message)
