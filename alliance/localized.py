"""Texts in several languages, with French (the original) as the fallback."""

from __future__ import annotations

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


def localized_name(stem: str, language: str, extension: str = ".md") -> str:
    """The i18n plugin's suffix convention: French (the original) has no suffix.

    `lisbon.md`, `lisbon.en.md`; for other files `cities-map.html`, `cities-map.en.html`.
    """
    return f"{stem}{extension}" if language == ORIGINAL_LANGUAGE else f"{stem}.{language}{extension}"
