"""Texts in several languages, with French (the original) as the fallback."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from types import MappingProxyType
from typing import Mapping

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
    def from_data(cls, value: Mapping[str, str]) -> "LocalizedText":
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
