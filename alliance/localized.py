"""Texts in several languages, with French (the original) as the fallback."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import PurePath
from types import MappingProxyType

ORIGINAL_LANGUAGE = "fr"


@dataclass(frozen=True)
class Shown:
    """The text shown for a language, and the language it is really in."""

    text: str
    language: str
    requested: str

    @property
    def is_fallback(self) -> bool:
        return self.language != self.requested


@dataclass(frozen=True)
class LocalizedText:
    texts: Mapping[str, str]

    @classmethod
    def from_data(cls, value: Mapping[str, str]) -> LocalizedText:
        return cls(MappingProxyType(dict(value)))

    def show(self, language: str) -> Shown:
        if language in self.texts:
            return Shown(self.texts[language], language, language)
        return Shown(self.texts[ORIGINAL_LANGUAGE], ORIGINAL_LANGUAGE, language)

    def __getitem__(self, language: str) -> str:
        return self.show(language).text

    def has(self, language: str) -> bool:
        return language in self.texts


def language_prefix(language: str, default_language: str = ORIGINAL_LANGUAGE) -> str:
    """The folder of a language's part of the site: none for the default language, `en/` ..."""
    return "" if language == default_language else f"{language}/"


def localized_name(stem: str, language: str, extension: str = "md") -> str:
    """The i18n plugin's suffix convention: French (the original) has no suffix."""
    return f"{stem}.{extension}" if language == ORIGINAL_LANGUAGE else f"{stem}.{language}.{extension}"


def collation_key(text: str) -> str:
    """Sorts as readers expect: accents and case do not move a name ("Éire" next to "Espagne")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def served_url(page: PurePath, language: str) -> str:
    """The address of a page of content/ in `language`, from the site's root: `en/about/`."""
    stem = page.with_suffix("")
    path = (stem.parent if stem.name == "index" else stem).as_posix()
    path = "" if path == "." else path + "/"
    return language_prefix(language) + path
