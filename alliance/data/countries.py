"""Country codes, from the ISO 3166-1 list that pycountry keeps, and their names in each language,
from CLDR (through Babel), never hand-translated."""

from __future__ import annotations

from functools import cache

import pycountry
from babel import Locale

# The one code accepted outside ISO 3166-1: XK, Kosovo, a user-assigned code that the European
# Union, the IMF and CLDR use. Without it a member city in Kosovo could not be recorded, or only
# under another country's code (CONTRIBUTING, "country").
USER_ASSIGNED_CODES = frozenset({"XK"})


@cache
def country_codes() -> frozenset[str]:
    return frozenset(country.alpha_2 for country in pycountry.countries) | USER_ASSIGNED_CODES


@cache
def country_name(code: str, language: str) -> str:
    return Locale.parse(language).territories.get(code, code)


@cache
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
