"""Country codes and their names in each language, from CLDR (through Babel), never hand-translated."""

from __future__ import annotations

from functools import lru_cache

from babel import Locale

# CLDR territories with two-letter codes that are not countries of ISO 3166-1.
_NOT_COUNTRIES = {"EU", "EZ", "QO", "UN", "ZZ"}


@lru_cache(maxsize=None)
def country_codes() -> frozenset[str]:
    return frozenset(
        code for code in Locale("en").territories if len(code) == 2 and code.isalpha() and code not in _NOT_COUNTRIES
    )


@lru_cache(maxsize=None)
def country_name(code: str, language: str) -> str:
    return Locale.parse(language).territories.get(code, code)


@lru_cache(maxsize=None)
def language_name(code: str, language: str) -> str:
    """The name of the language `code` in `language` (CLDR); `language_name(code, code)` is its own name."""
    return Locale.parse(code).get_display_name(Locale.parse(language)) or code


def suggest_country_code(value: str) -> str | None:
    """The code a contributor probably meant by `value` ("fr", "France", "Portugal")."""
    if value.upper() in country_codes():
        return value.upper()
    wanted = value.strip().casefold()
    for language in ("en", "fr", "es", "pt"):
        for code, name in Locale(language).territories.items():
            if code in country_codes() and name.casefold() == wanted:
                return code
    return None
